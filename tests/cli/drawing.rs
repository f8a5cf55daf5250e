//! Valid data is always drawn (issue #15): strings XML cannot carry, text
//! Graphviz would decode, and labels too long to lay out still give a
//! well-formed SVG and a PNG of bounded size.

use crate::common::{run_in, show};
use serde_json::json;

/// A valid dataset whose strings hold what the SVG writer must map: U+FFFE
/// and U+FFFF, C0 and C1 controls, entity-like `&…;` text, a 100 KB name,
/// and an address with `&` and U+FFFE.
fn awkward_dataset() -> serde_json::Value {
    let long_name = format!("Long{}", "x".repeat(100_000));
    json!({
        "sources": [{
            "id": "s", "title": "A \u{fffe} title & more",
            "url": "https://x.example/?a=1&b=\u{fffe}"
        }],
        "entities": [
            { "id": "a", "name": "A\u{fffe}B\u{ffff}C\u{1}D\u{85}", "kind": "&#x1;" },
            { "id": "b", "name": "AT&amp;T", "kind": "AT&amp;T" },
            { "id": "c", "name": long_name, "kind": "person", "description": "d\u{7f}" }
        ],
        "relationships": [
            { "from": "a", "to": "b", "type": "knows", "label": "l\u{fffe}",
              "evidence": [{ "source": "s", "quote": "q\u{ffff}" }] },
            { "from": "b", "to": "c", "type": "knows", "evidence": [{ "source": "s" }] }
        ]
    })
}

#[test]
fn awkward_but_valid_strings_draw_as_svg_and_png() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("awkward.json");
    std::fs::write(&data, awkward_dataset().to_string()).unwrap();
    let data = data.to_str().unwrap();
    let check = run_in(dir.path(), &["--data", data, "check", "--deny-warnings"]);
    assert!(check.status.success(), "{}", show(&check));

    let svg_out = run_in(
        dir.path(),
        &["--data", data, "render", "--format", "svg", "-o", "g.svg"],
    );
    assert!(svg_out.status.success(), "{}", show(&svg_out));
    let svg = std::fs::read_to_string(dir.path().join("g.svg")).unwrap();
    let doc = roxmltree::Document::parse_with_options(
        &svg,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .expect("the SVG is well-formed XML");
    let text: String = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("|");
    // Shown, not dropped: U+FFFE and U+FFFF by name, U+0001 as its picture.
    assert!(text.contains("A⟨U+FFFE⟩B⟨U+FFFF⟩C␁D⟨U+0085⟩"), "{text}");
    // Entity-like text is drawn as written, not decoded.
    assert!(text.contains("AT&\u{2060}amp;T"), "{text}");
    // The long name is shortened on the drawing, whole in the tooltip.
    assert!(!text.contains(&"x".repeat(300)));
    assert!(text.contains('…'));
    let titles: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute(("http://www.w3.org/1999/xlink", "title")))
        .collect();
    assert!(titles.iter().any(|t| t.contains(&"x".repeat(100_000))));
    assert!(
        titles.iter().any(|t| t.contains("(&\u{2060}#x1;)")),
        "{titles:?}"
    );
    // The link keeps its address, U+FFFE percent-encoded.
    assert!(svg.contains("https://x.example/?a=1&amp;b=%EF%BF%BE"));

    let png_out = run_in(
        dir.path(),
        &["--data", data, "render", "--format", "png", "-o", "g.png"],
    );
    assert!(png_out.status.success(), "{}", show(&png_out));
    let png = std::fs::read(dir.path().join("g.png")).unwrap();
    let side = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    let (w, h) = (side(16), side(20));
    assert!(w <= 30_000 && h <= 30_000, "{w}×{h}");
}

/// `n` entities in a ring with chords: `m` relationships in all.
fn ring_dataset(n: usize, m: usize) -> serde_json::Value {
    let entities: Vec<_> = (0..n)
        .map(|i| json!({ "id": format!("e{i}"), "name": format!("Entity {i}"), "kind": "organization" }))
        .collect();
    let relationships: Vec<_> = (0..m)
        .map(|j| {
            let (a, b) = (j % n, (j * 7 + 1 + j / n) % n);
            let b = if a == b { (b + 1) % n } else { b };
            json!({ "id": format!("r{j}"), "from": format!("e{a}"), "to": format!("e{b}"),
                    "type": "partner_of", "evidence": [{ "source": "s" }] })
        })
        .collect();
    json!({ "sources": [{ "id": "s", "title": "S" }], "entities": entities, "relationships": relationships })
}

#[test]
fn large_views_are_laid_out_with_neato_and_say_so() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, n, m| {
        let path = dir.path().join(name);
        std::fs::write(&path, ring_dataset(n, m).to_string()).unwrap();
        path.to_str().unwrap().to_owned()
    };
    let (small, large) = (write("small.json", 40, 200), write("large.json", 120, 360));

    let dot = run_in(dir.path(), &["--data", &small, "render", "--format", "dot"]);
    assert!(dot.status.success(), "{}", show(&dot));
    assert!(!String::from_utf8_lossy(&dot.stdout).contains("layout="));
    assert!(dot.stderr.is_empty(), "{}", show(&dot));

    let dot = run_in(dir.path(), &["--data", &large, "render", "--format", "dot"]);
    let text = String::from_utf8_lossy(&dot.stdout);
    assert!(
        text.contains(r#"layout="neato" overlap="prism""#),
        "{text:.400}"
    );
    let note = String::from_utf8_lossy(&dot.stderr);
    assert!(
        note.contains("laid out with neato: 360 relationships"),
        "{note}"
    );

    // Asked for by name, dot it is, and no note.
    let forced = run_in(
        dir.path(),
        &[
            "--data", &large, "render", "--format", "dot", "--layout", "dot",
        ],
    );
    assert!(!String::from_utf8_lossy(&forced.stdout).contains("layout="));
    assert!(forced.stderr.is_empty(), "{}", show(&forced));

    let svg = run_in(
        dir.path(),
        &["--data", &large, "render", "--format", "svg", "-o", "l.svg"],
    );
    assert!(svg.status.success(), "{}", show(&svg));
    let svg = std::fs::read_to_string(dir.path().join("l.svg")).unwrap();
    assert_eq!(svg.matches("class=\"node entity").count(), 120);
}
