//! The page's escaping, its Content-Security-Policy and its hooks.

use super::*;
use proptest::prelude::*;

fn curated() -> Model {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/graph-data/netflix-facebook.json"
    );
    let text = std::fs::read_to_string(path).expect("the curated data");
    crate::load_str(path, &text).model.expect("valid")
}

/// The text between `open` and the next `close` after it.
fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let start = s.find(open).expect("open") + open.len();
    let len = s[start..].find(close).expect("close");
    &s[start..start + len]
}

proptest! {
    /// Any string survives the inline-JSON escaping and parses back the
    /// same, and the escaped text can neither end the script element nor
    /// open a comment, nor hold a raw line or paragraph separator.
    #[test]
    fn inline_json_round_trips_and_neutralises(s in any::<String>(), t in "(</script>|<!--|\u{2028}|\u{2029}|[<>&\"'/!-]|[a-z]){0,12}") {
        for text in [s, t] {
            let escaped = inline_json(&Value::from(text.clone()));
            let back: String = serde_json::from_str(&escaped).expect("JSON");
            prop_assert_eq!(&back, &text);
            let lower = escaped.to_ascii_lowercase();
            prop_assert!(!lower.contains("</script"));
            prop_assert!(!escaped.contains("<!--"));
            let raw = ['\u{2028}', '\u{2029}', '<', '>'];
            prop_assert!(!escaped.contains(raw), "a raw character in {}", escaped);
            prop_assert!(!escaped.chars().any(not_in_html), "a character HTML cannot carry in {:?}", escaped);
        }
    }

    /// Escaped attribute values and text carry no markup.
    #[test]
    fn attr_and_text_leave_no_markup(s in any::<String>()) {
        prop_assert!(!attr(&s).contains(['<', '>', '"', '\'']));
        prop_assert!(!text(&s).contains(['<', '>']));
        prop_assert!(!attr(&s).chars().any(not_in_html));
        prop_assert!(!text(&s).chars().any(not_in_html));
    }
}

/// A character whose presence in an HTML file is a parse error: a control
/// other than tab, line feed and carriage return, or a noncharacter.
fn not_in_html(c: char) -> bool {
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || crate::render::text::is_noncharacter(c)
}

#[test]
fn csp_hashes_are_those_of_the_inline_script_and_style() {
    use base64::Engine;
    use sha2::Digest;
    let model = curated();
    let html = for_build(&model).expect("page");
    let script = between(&html, "<script>", "</script>");
    let style = between(&html, "<style>", "</style>");
    let b64 = |s: &str| {
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(s.as_bytes()))
    };
    // The attribute as the browser reads it: `attr` wrote `'` as `&#39;`.
    let policy = between(&html, "Content-Security-Policy\" content=\"", "\"").replace("&#39;", "'");
    assert!(policy.starts_with("default-src 'none'; "), "{policy}");
    assert!(policy.contains(&format!("script-src 'sha256-{}';", b64(script))));
    assert!(policy.contains(&format!("style-src 'sha256-{}';", b64(style))));
    assert!(!policy.contains("unsafe"));
    // One inline script of code and one of data: nothing else runs.
    assert_eq!(html.matches("<script").count(), 2);
    assert_eq!(html.matches("<style").count(), 1);
}

#[test]
fn every_entity_and_relationship_has_its_hooks() {
    let model = curated();
    let html = for_build(&model).expect("page");
    for e in model.entities() {
        assert!(
            html.contains(&format!("data-entity=\"{}\"", e.id())),
            "{}",
            e.id()
        );
    }
    for r in model.relationships() {
        assert!(
            html.contains(&format!(
                "data-relationship=\"{}\" data-status=\"{}\"",
                r.id(),
                r.status()
            )),
            "{}",
            r.id()
        );
    }
    assert!(html.contains("role=\"complementary\""));
    // The SVG's own links and tooltips are gone: the panel shows them.
    let svg = between(&html, "<svg", "</svg>");
    assert!(!svg.contains("<a "));
    assert!(!svg.contains("xlink:title"));
    assert!(!svg.contains("<!--"));
    assert!(!svg.contains("<title>"));
}

#[test]
fn the_data_lists_every_view_with_its_selection() {
    let model = curated();
    let html = for_build(&model).expect("page");
    let data: Value = serde_json::from_str(between(
        &html,
        "<script type=\"application/json\" id=\"casegraph-data\">",
        "</script>",
    ))
    .expect("JSON");
    let views = data["views"].as_array().expect("views");
    assert_eq!(views.len(), model.views().len());
    for (v, spec) in views.iter().zip(model.views()) {
        assert_eq!(v["id"], spec.id.as_str());
        let (view, _) = views::prepare(&model, spec).expect("drawable");
        let (n, m) = views::counts(&model, &view);
        assert_eq!(v["drawn"]["entities"].as_array().map(Vec::len), Some(n));
        assert_eq!(
            v["drawn"]["relationships"].as_array().map(Vec::len),
            Some(m)
        );
    }
}

#[test]
fn a_graph_past_the_limit_gets_a_page_without_a_diagram() {
    let mut entities = Vec::new();
    for i in 0..=crate::render::MAX_ENTITIES {
        entities.push(format!(
            r#"{{"id": "e{i}", "name": "E {i}", "kind": "person"}}"#
        ));
    }
    let json = format!(
        r#"{{"sources": [{{"id": "s", "title": "S"}}], "entities": [{}],
        "relationships": [{{"from": "e0", "to": "e1", "type": "knows", "evidence": [{{"source": "s"}}]}}]}}"#,
        entities.join(",")
    );
    let model = crate::load_str("big.json", &json).model.expect("valid");
    let html = for_build(&model).expect("page");
    assert!(html.contains("No diagram: the graph has 501 entities"));
    assert!(!html.contains("<svg"));
    assert!(html.contains("\"id\":\"e500\""));
}

#[test]
fn the_page_is_the_same_bytes_every_time() {
    let model = curated();
    assert_eq!(for_build(&model).expect("a"), for_build(&model).expect("b"));
}

/// The script and the stylesheet go into the page as they are: neither may
/// hold the end tag of its own element.
#[test]
fn the_script_and_style_cannot_end_their_elements() {
    assert!(!SCRIPT.to_ascii_lowercase().contains("</script"));
    assert!(!SCRIPT.contains("<!--"));
    assert!(!STYLE.to_ascii_lowercase().contains("</style"));
}

/// The hooks go on the elements Graphviz wrote for each entity and
/// relationship, escaped for the attribute; the `<a>` wrappers, titles and
/// comments go.
#[test]
fn hooked_svg_maps_graphviz_ids_back_to_the_model() {
    let json = r#"{"sources": [{"id": "s", "title": "S", "url": "https://x.example/"}],
"entities": [{"id": "a-b", "name": "A \"<b>\" & Co", "kind": "person"},
             {"id": "c", "name": "C", "kind": "person"}],
"relationships": [{"from": "a-b", "to": "c", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
    let model = crate::load_str("t.json", json).model.expect("valid");
    let svg = "<?xml version=\"1.0\"?>\n<svg width=\"10pt\" height=\"10pt\" viewBox=\"0 0 10 10\">\n\
<!-- a&#45;b -->\n<g id=\"e&#45;a&#45;b\" class=\"node entity\">\n<title>a&#45;b</title>\n\
<g id=\"a_e&#45;a&#45;b\"><a xlink:title=\"A &quot;&lt;b&gt;&quot;\">\n<text>A</text>\n</a>\n</g>\n</g>\n\
<g id=\"r&#45;a&#45;b.knows.c\" class=\"edge relationship status&#45;confirmed\">\n<path d=\"M0,0\"/>\n</g>\n</svg>\n";
    let out = hooked_svg(&model, svg);
    assert!(
        out.starts_with("<svg data-width=\"10pt\" data-height=\"10pt\""),
        "{out}"
    );
    assert!(
        out.contains(
            "class=\"node entity\" data-entity=\"a-b\" tabindex=\"0\" role=\"button\" \
         aria-label=\"A &quot;&lt;b&gt;&quot; &amp; Co (person)\">"
        ),
        "{out}"
    );
    assert!(
        out.contains("data-relationship=\"a-b.knows.c\" data-status=\"reported\""),
        "{out}"
    );
    for gone in ["<a ", "</a>", "<title>", "<!--", "<?xml"] {
        assert!(!out.contains(gone), "{gone} in {out}");
    }
    assert!(out.contains("<text>A</text>"));
}
