//! Every Unicode scalar value, and every output format's metacharacters,
//! through every writer (issue #15): a valid dataset whose strings hold all
//! 1,112,064 scalar values exports, draws and builds; each output parses
//! with a real parser of its format; the lossless formats give every string
//! back exactly, and the XML ones keep every character XML can carry, in
//! order.

use crate::common::{run_in, show};
use serde_json::{Value, json};
use std::path::Path;

/// Characters that mean something in one of the outputs: markup, quoting,
/// DOT, Cypher, CSV, formula starts, JSON escapes, line and bidi controls.
const METACHARACTERS: &str = "<>&\"'`\\{}[]|;,=+-@$#%\t\r\n\u{0}\u{7f}\u{85}\u{2028}\u{2029}\u{202e}\u{fffe}\u{feff}</script><!--]]>";

/// How many scalar values each description holds.
const CHUNK: usize = 4096;

/// All scalar values, in order, cut into [`CHUNK`]-sized strings.
fn chunks() -> Vec<String> {
    let all: Vec<char> = (0..=0x10_FFFF).filter_map(char::from_u32).collect();
    assert_eq!(all.len(), 1_112_064);
    all.chunks(CHUNK).map(|c| c.iter().collect()).collect()
}

/// A valid dataset carrying `chunks` in descriptions, and the
/// metacharacters with a slice of each chunk in every other string field.
fn dataset(chunks: &[String]) -> Value {
    let short = |i: usize| -> String {
        let c = &chunks[i % chunks.len()];
        format!(
            "{METACHARACTERS}{}",
            c.chars().skip(i % 97).take(24).collect::<String>()
        )
    };
    let entities: Vec<Value> = chunks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            json!({
                "id": format!("e{i}"), "name": short(i), "kind": if i % 5 == 0 { short(i + 1) } else { "person".to_owned() },
                "aliases": [short(i + 2), short(i + 3)], "description": c,
                "properties": { short(i + 4): short(i + 5), "n": i, "flag": i % 2 == 0 }
            })
        })
        .collect();
    let relationships: Vec<Value> = (1..chunks.len())
        .map(|i| {
            let status = ["confirmed", "reported", "alleged", "denied"][i % 4];
            json!({
                "from": format!("e{}", i - 1), "to": format!("e{i}"), "type": "linked_to",
                "label": short(i + 6), "status": status,
                "evidence": [{ "source": format!("s{}", i % 3), "locator": short(i + 7), "quote": short(i + 8) }],
                "properties": { short(i + 9): short(i + 10) }
            })
        })
        .collect();
    let sources: Vec<Value> = (0..3)
        .map(|i| {
            json!({
                "id": format!("s{i}"), "title": short(i + 11), "kind": "news",
                "publisher": short(i + 12), "author": short(i + 13), "notes": short(i + 14),
                "url": "https://example.org/a?b=1&c=<2>\"'"
            })
        })
        .collect();
    json!({
        "format": "casegraph/1",
        "dataset": { "id": "every-scalar", "title": short(15), "description": short(16) },
        "sources": sources, "entities": entities, "relationships": relationships
    })
}

/// Whether XML 1.0 can carry `c` as itself.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// Whether `needle` (its XML characters) appears in `hay` in order, stand-ins
/// for the others allowed in between.
fn keeps_in_order(hay: &str, needle: &str) -> bool {
    let mut hay = hay.chars();
    needle
        .chars()
        .filter(|&c| xml_char(c) && c != '\r')
        .all(|c| hay.any(|h| h == c))
}

fn casegraph(dir: &Path, args: &[&str]) {
    let out = run_in(dir, args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", show(&out));
}

#[test]
fn every_scalar_value_goes_through_every_writer() {
    let chunks = chunks();
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = dataset(&chunks);
    std::fs::write(d.join("data.json"), serde_json::to_string(&data).unwrap()).unwrap();
    casegraph(d, &["--data", "data.json", "check", "--deny-warnings"]);
    let descriptions = |entities: &[Value], key: &str| -> Vec<String> {
        entities
            .iter()
            .map(|e| e[key].as_str().unwrap_or_default().to_owned())
            .collect()
    };

    // Lossless: the canonical JSON, node-link, Cytoscape and FtM give every
    // description back exactly.
    for (format, file) in [
        ("json", "c.json"),
        ("node-link", "nl.json"),
        ("cytoscape", "g.cyjs"),
    ] {
        casegraph(
            d,
            &[
                "--data",
                "data.json",
                "export",
                "--format",
                format,
                "-o",
                file,
            ],
        );
        let v: Value = serde_json::from_slice(&std::fs::read(d.join(file)).unwrap()).expect(format);
        let got: Vec<String> = match format {
            "json" => descriptions(v["entities"].as_array().unwrap(), "description"),
            "node-link" => descriptions(v["nodes"].as_array().unwrap(), "description"),
            _ => v["elements"]["nodes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| {
                    n["data"]["description"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect(),
        };
        assert_eq!(got.len(), chunks.len(), "{format}");
        for (i, c) in chunks.iter().enumerate() {
            assert!(
                got.contains(c),
                "{format}: the description of e{i} did not come back"
            );
        }
    }
    casegraph(
        d,
        &[
            "--data",
            "data.json",
            "export",
            "--format",
            "ftm",
            "-o",
            "f.ftm.json",
        ],
    );
    let ftm = std::fs::read_to_string(d.join("f.ftm.json")).unwrap();
    let mut lines = 0;
    for line in ftm.lines() {
        serde_json::from_str::<Value>(line).expect("an FtM line is JSON");
        lines += 1;
    }
    assert!(lines > chunks.len());

    // CSV: loads back to the same canonical JSON, byte for byte.
    casegraph(
        d,
        &[
            "--data",
            "data.json",
            "export",
            "--format",
            "csv",
            "-o",
            "csv",
        ],
    );
    casegraph(
        d,
        &[
            "--data",
            "csv",
            "export",
            "--format",
            "json",
            "-o",
            "from-csv.json",
        ],
    );
    assert!(
        std::fs::read(d.join("c.json")).unwrap() == std::fs::read(d.join("from-csv.json")).unwrap(),
        "the CSV export did not load back to the same canonical JSON"
    );
    for name in ["entities.csv", "relationships.csv", "sources.csv"] {
        let mut reader = csv::Reader::from_path(d.join("csv").join(name)).unwrap();
        assert!(reader.records().all(|r| r.is_ok()), "{name} is RFC 4180");
    }

    // XML: GraphML, GEXF and the SVG parse, and keep every character XML
    // can carry, in order (the others become visible stand-ins).
    for (args, file) in [
        (&["export", "--format", "graphml"][..], "g.graphml"),
        (&["export", "--format", "gexf"][..], "g.gexf"),
        (&["render", "--format", "svg"][..], "g.svg"),
    ] {
        let mut all = vec!["--data", "data.json"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["-o", file]);
        casegraph(d, &all);
        let text = std::fs::read_to_string(d.join(file)).unwrap();
        let opts = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        let doc = roxmltree::Document::parse_with_options(&text, opts).expect(file);
        let texts: String = doc
            .descendants()
            .flat_map(|n| {
                let own = n.text().map(str::to_owned);
                let attrs = n
                    .attributes()
                    .map(|a| a.value().to_owned())
                    .collect::<Vec<_>>();
                own.into_iter().chain(attrs)
            })
            .collect::<Vec<_>>()
            .join("\u{1}");
        if file != "g.svg" {
            for (i, c) in chunks.iter().enumerate() {
                assert!(
                    keeps_in_order(&texts, c),
                    "{file}: the description of e{i} lost characters"
                );
            }
        }
    }

    // DOT parses with graphviz-rust's parser; the page's inline data is
    // JSON giving every description back, and no character HTML cannot
    // carry is in the file.
    casegraph(
        d,
        &[
            "--data",
            "data.json",
            "render",
            "--format",
            "dot",
            "-o",
            "g.dot",
        ],
    );
    let dot = std::fs::read_to_string(d.join("g.dot")).unwrap();
    graphviz_rust::parse(&dot).expect("the DOT parses");
    casegraph(
        d,
        &[
            "--data",
            "data.json",
            "render",
            "--format",
            "html",
            "-o",
            "p.html",
        ],
    );
    let page = std::fs::read_to_string(d.join("p.html")).unwrap();
    let bad = page.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || (c as u32 & 0xFFFE) == 0xFFFE
    });
    assert_eq!(bad, None, "a character HTML cannot carry is in the page");
    let start = page
        .find("<script type=\"application/json\"")
        .expect("inline data");
    let body = &page[start..];
    let body = &body[body.find('>').unwrap() + 1..body.find("</script>").unwrap()];
    let inline: Value = serde_json::from_str(body).expect("the inline data is JSON");
    let mut strings = std::collections::HashSet::new();
    collect_strings(&inline, &mut strings);
    for (i, c) in chunks.iter().enumerate() {
        assert!(
            strings.contains(c.as_str()),
            "page: the description of e{i} did not come back"
        );
    }

    // Cypher and the build (every output at once) succeed.
    casegraph(
        d,
        &[
            "--data",
            "data.json",
            "export",
            "--format",
            "cypher",
            "-o",
            "g.cypher",
        ],
    );
    casegraph(d, &["--data", "data.json", "build", "--out", "out"]);
}

/// Every string value in `v`, at any depth.
fn collect_strings<'a>(v: &'a Value, out: &mut std::collections::HashSet<&'a str>) {
    match v {
        Value::String(s) => {
            out.insert(s);
        }
        Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}
