//! The value-level rules of FORMAT.md: ids, types, URLs, currencies.

/// Longest id allowed.
pub const MAX_ID_LEN: usize = 128;

/// `^[a-z0-9]+(?:[-_.][a-z0-9]+)*$`
pub fn is_slug(s: &str) -> bool {
    let mut prev_sep = true; // no separator at the start
    for b in s.bytes() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' => prev_sep = false,
            b'-' | b'_' | b'.' if !prev_sep => prev_sep = true,
            _ => return false,
        }
    }
    !s.is_empty() && !prev_sep
}

/// `^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$`
pub fn is_snake_case(s: &str) -> bool {
    let starts_with_letter = s.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
    starts_with_letter
        && !s.ends_with('_')
        && !s.contains("__")
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// The closest slug to `s` (for suggestions and derived dataset ids):
/// lowercase ASCII, runs of anything else become one `-`.
pub fn slugify(s: &str) -> String {
    let mut out = String::new();
    let mut pending_sep = false;
    for c in unicode_normalization::UnicodeNormalization::nfd(s) {
        if c.is_ascii_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('-');
            }
            pending_sep = false;
            out.push(c.to_ascii_lowercase());
        } else if !unicode_normalization::char::is_combining_mark(c) {
            pending_sep = true;
        }
    }
    out.truncate(MAX_ID_LEN);
    out.trim_end_matches('-').to_owned()
}

/// The snake_case spelling of `s` (`Board Member Of` → `board_member_of`).
pub fn snake_case(s: &str) -> String {
    slugify(s).replace('-', "_")
}

/// True for an absolute `http:` or `https:` URL with a host and no white space.
pub fn is_http_url(s: &str) -> bool {
    let lower = s.get(..8).unwrap_or(s).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &s[8..]
    } else if lower.starts_with("http://") {
        &s[7..]
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Three capital ASCII letters (the shape of an ISO 4217 code).
pub fn is_currency(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        for ok in ["netflix", "reed-hastings", "a.b_c-d", "r60", "2024"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in ["", "Netflix", "a--b", "-a", "a-", "a b", "é", "a..b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn snake_case_types() {
        assert!(is_snake_case("board_member_of"));
        assert!(is_snake_case("paid"));
        for bad in ["Board Member Of", "_a", "a_", "a__b", "1a", "a-b", ""] {
            assert!(!is_snake_case(bad), "{bad}");
        }
        assert_eq!(snake_case("Board Member Of"), "board_member_of");
    }

    #[test]
    fn urls() {
        assert!(is_http_url("https://example.com/a?b=c"));
        assert!(is_http_url("HTTP://example.com"));
        for bad in [
            "javascript:alert(1)",
            "ftp://x",
            "https://",
            "//x",
            "https://a b",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn slugify_strips_accents() {
        assert_eq!(slugify("Netflix Inc"), "netflix-inc");
        assert_eq!(slugify("Données Ärger"), "donnees-arger");
    }
}
