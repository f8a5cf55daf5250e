//! Data text as a diagram carries it: the one function every string from
//! the data goes through on its way into a label, tooltip or caption.
//!
//! SVG is XML 1.0, which cannot carry C0 control characters other than tab,
//! line feed and carriage return, nor U+FFFE and U+FFFF — all valid in a
//! dataset. Each is drawn as something a reader can see and tell apart
//! (a control picture such as `␁`, or `⟨U+FFFE⟩`) instead of being dropped
//! or making the SVG unwritable, so valid data is never refused.
//!
//! Labels drawn on the diagram are also shortened: a 100 KB name would make
//! an image a million pixels wide. The full text stays in the tooltip, and
//! in every export.

use std::borrow::Cow;

/// The most characters of one data string drawn on the diagram (a node's
/// name, an edge's label, a caption line); the rest ends in `…` and the
/// whole text is in the tooltip.
pub const MAX_DRAWN_CHARS: usize = 200;

/// `s` as a diagram shows it:
/// - `\r\n` becomes `\n`; a tab or lone carriage return a space (Graphviz
///   gives them layout meanings of its own);
/// - every other control character a visible stand-in: C0 and DEL their
///   Unicode control pictures (U+0001 → `␁`), C1 `⟨U+0085⟩`; U+FFFE and
///   U+FFFF, which XML cannot carry, `⟨U+FFFE⟩`;
/// - an `&` that starts something entity-like (`&amp;`, `&#60;`) gets an
///   invisible WORD JOINER after it: Graphviz decodes HTML entities in every
///   label, so without it a name written `Gala &amp; Auction` would be drawn
///   `Gala & Auction`, and `&#x1;` would become a raw control character.
pub fn drawn(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\t' | '\r' => out.push(' '),
            '\n' => out.push('\n'),
            c if push_stand_in(&mut out, c) => {}
            '&' => {
                out.push('&');
                if chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_alphanumeric() || *n == '#')
                {
                    out.push('\u{2060}');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Writes the visible stand-in of a character that XML 1.0 or HTML cannot
/// carry as itself, and says whether it did: a C0 control (tab, line feed
/// and carriage return excepted) or DEL as its Unicode control picture
/// (U+0001 → `␁`, DEL → `␡`), a C1 control or a noncharacter (U+FFFE,
/// U+FDD0…) as `⟨U+FFFE⟩`. One rule for the diagrams and the page, so a
/// reader sees the same stand-in in both.
pub fn push_stand_in(out: &mut String, c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{0}'..='\u{1f}' => {
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or(' '));
            true
        }
        '\u{7f}' => {
            out.push('\u{2421}');
            true
        }
        c if ('\u{80}'..='\u{9f}').contains(&c) || is_noncharacter(c) => {
            out.push_str(&format!("⟨U+{:04X}⟩", c as u32));
            true
        }
        _ => false,
    }
}

/// Unicode's noncharacters: U+FDD0–U+FDEF and the last two code points of
/// every plane (U+FFFE, U+FFFF, U+1FFFE…). Valid in JSON strings; a parse
/// error in HTML, and U+FFFE/U+FFFF are not XML characters at all.
pub fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE
}

/// The most characters of one line of sources under a diagram: a title,
/// publisher, date and address together, so longer than one name.
pub const MAX_FOOTNOTE_CHARS: usize = 4 * MAX_DRAWN_CHARS;

/// `s` cut to at most [`MAX_DRAWN_CHARS`] characters, ending in `…` when
/// cut: for text drawn on the diagram, never for tooltips.
pub fn shortened(s: &str) -> Cow<'_, str> {
    shortened_to(s, MAX_DRAWN_CHARS)
}

/// `s` cut to at most `max` (≥ 1) characters, ending in `…` when cut.
pub fn shortened_to(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max.max(1) - 1) {
        Some((at, _)) if s[at..].chars().nth(1).is_some() => Cow::Owned(format!("{}…", &s[..at])),
        _ => Cow::Borrowed(s),
    }
}

/// A web address as a diagram links it: characters XML cannot carry
/// (U+FFFE, U+FFFF; controls never pass [`crate::format::is_http_url`])
/// percent-encoded, which a browser decodes back to the same address.
pub fn link(url: &str) -> Cow<'_, str> {
    if url.chars().all(is_xml_char) {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len() + 8);
    for c in url.chars() {
        if is_xml_char(c) {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    Cow::Owned(out)
}

/// Whether XML 1.0 can carry `c` (its `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drawn_text_is_xml_and_keeps_every_character_visible() {
        assert_eq!(drawn("a\tb\r\nc\rd"), "a b\nc d");
        assert_eq!(drawn("x\u{1}y\u{7f}"), "x␁y␡");
        assert_eq!(drawn("\u{85}\u{fffe}\u{ffff}"), "⟨U+0085⟩⟨U+FFFE⟩⟨U+FFFF⟩");
        assert_eq!(drawn("AT&amp;T & co"), "AT&\u{2060}amp;T & co");
        assert_eq!(drawn("&#x1;"), "&\u{2060}#x1;");
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let d = drawn(&c.to_string());
            assert!(d.chars().all(is_xml_char), "{c:?} → {d:?}");
            assert!(!d.is_empty() || c == '\r', "{c:?} vanished");
        }
    }

    #[test]
    fn links_keep_their_address_and_drop_nothing() {
        assert_eq!(
            link("https://x.example/a?b=1&c=2"),
            "https://x.example/a?b=1&c=2"
        );
        assert_eq!(
            link("https://x.example/\u{fffe}"),
            "https://x.example/%EF%BF%BE"
        );
    }

    #[test]
    fn only_long_text_is_shortened() {
        let exact = "é".repeat(MAX_DRAWN_CHARS);
        assert_eq!(shortened(&exact), exact.as_str());
        let long = "é".repeat(MAX_DRAWN_CHARS + 1);
        let cut = shortened(&long);
        assert_eq!(cut.chars().count(), MAX_DRAWN_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(shortened(""), "");
    }
}
