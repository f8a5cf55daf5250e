//! XML escaping for the GraphML and GEXF writers.
//!
//! One function escapes both text and attribute values, so no caller has to
//! know which needs what. Besides the five markup characters it writes tab,
//! line feed and carriage return as character references: a parser
//! normalises raw ones in attribute values to spaces (and CR LF to LF in
//! text), and the readers must get the strings back unchanged. Characters
//! XML 1.0 cannot carry at all (other C0 controls, U+FFFE, U+FFFF) become
//! U+FFFD, the replacement character: the only lossy case, and one no real
//! name or quote contains.

use std::borrow::Cow;

/// Whether XML 1.0 can carry `c` (the `Char` production).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `s` escaped for XML text or a double- or single-quoted attribute value.
pub(crate) fn escape(s: &str) -> Cow<'_, str> {
    let needs =
        |c: char| matches!(c, '&' | '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r') || !is_xml_char(c);
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What an XML parser hands back for `s` written through [`escape`].
    fn expected(s: &str) -> String {
        s.chars()
            .map(|c| if is_xml_char(c) { c } else { '\u{FFFD}' })
            .collect()
    }

    #[test]
    fn escapes_markup_and_whitespace() {
        assert_eq!(
            escape("a<b>&\"'\t\n\r\u{1}"),
            "a&lt;b&gt;&amp;&quot;&apos;&#9;&#10;&#13;\u{FFFD}"
        );
        assert!(matches!(escape("plain ünïcode 🕵️"), Cow::Borrowed(_)));
    }

    proptest! {
        /// An independent parser (quick-xml) reads the escaped string back
        /// unchanged, as text and as an attribute value, whatever it holds.
        #[test]
        fn quick_xml_reads_back_what_was_escaped(s in any::<String>()) {
            let esc = escape(&s);
            let doc = format!("<r a=\"{esc}\" b='{esc}'>{esc}</r>");
            let mut reader = quick_xml::Reader::from_str(&doc);
            let mut text = String::new();
            let mut attrs = Vec::new();
            loop {
                match reader.read_event().expect("well-formed") {
                    quick_xml::events::Event::Start(e) => {
                        for a in e.attributes() {
                            let a = a.expect("attribute");
                            attrs.push(a.unescape_value().expect("unescape").into_owned());
                        }
                    }
                    quick_xml::events::Event::Text(t) => text.push_str(&t.decode().expect("text")),
                    quick_xml::events::Event::GeneralRef(r) => {
                        match r.resolve_char_ref().expect("char ref") {
                            Some(c) => text.push(c),
                            None => text.push_str(match &*r.decode().expect("utf-8") {
                                "amp" => "&",
                                "lt" => "<",
                                "gt" => ">",
                                "quot" => "\"",
                                "apos" => "'",
                                other => panic!("unexpected entity {other}"),
                            }),
                        }
                    }
                    quick_xml::events::Event::Eof => break,
                    _ => {}
                }
            }
            let want = expected(&s);
            prop_assert_eq!(&text, &want);
            prop_assert_eq!(attrs, vec![want.clone(), want]);
        }
    }
}
