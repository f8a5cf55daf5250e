//! `casegraph render` and the diagrams `build` writes: DOT snapshots per
//! view, hostile strings through DOT and SVG, PNG sanity, the system
//! renderer, and the committed `output/` kept up to date.

use crate::common::{root, run, show};
use casegraph::render::dot::{entity_label, unquote};
use graphviz_rust::dot_structures::{Attribute, Graph, Id, Stmt};

fn stdout(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn dot_snapshots_of_each_view() {
    for (name, args) in [
        ("full", &["render"][..]),
        (
            "focus-netflix",
            &["render", "--focus", "Netflix", "--depth", "1"][..],
        ),
        (
            "filter-confirmed-fines",
            &[
                "render",
                "--types",
                "fined,settled",
                "--min-status",
                "confirmed",
            ][..],
        ),
        (
            "footnotes-fines",
            &[
                "render",
                "--types",
                "fined,settled,subsidiary_of",
                "--footnotes",
            ][..],
        ),
        (
            "cluster-by-kind",
            &[
                "render",
                "--focus",
                "ftc",
                "--depth",
                "2",
                "--cluster-by",
                "kind",
            ][..],
        ),
        (
            "rankdir-tb",
            &["render", "--focus", "irish-dpc", "--rankdir", "TB"][..],
        ),
        (
            "path-netflix-ftc",
            &["render", "--path", "netflix", "ftc", "--context", "1"][..],
        ),
    ] {
        insta::assert_snapshot!(format!("dot-{name}"), stdout(args));
    }
}

/// Every `key="value"` of a statement's attribute list, unquoted.
fn attrs(list: &[Attribute]) -> Vec<(String, String)> {
    list.iter()
        .map(|Attribute(k, v)| {
            let key = match k {
                Id::Plain(s) => s.clone(),
                other => panic!("attribute name {other:?}"),
            };
            let Id::Escaped(q) = v else {
                panic!("{key} is not a quoted string: {v:?}")
            };
            (key, unquote(q).expect("well-formed quoted string"))
        })
        .collect()
}

#[test]
fn hostile_strings_round_trip_through_dot() {
    let dot = stdout(&["render", "--data", "tests/data/hostile.json"]);
    let graph = graphviz_rust::parse(&dot).expect("graphviz-rust parses our DOT");
    let Graph::DiGraph { stmts, .. } = graph else {
        panic!("a digraph")
    };
    let model = casegraph::load(casegraph::Origin::Path("tests/data/hostile.json".into()))
        .model
        .expect("valid");
    let mut seen = 0;
    for stmt in &stmts {
        let Stmt::Node(node) = stmt else { continue };
        let a = attrs(&node.attributes);
        let get = |k: &str| a.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        let Some(id) = get("id").and_then(|i| i.strip_prefix("e-")) else {
            continue; // legend
        };
        let e = model.entity(model.entity_by_id(id).expect("known id"));
        assert_eq!(get("label"), Some(entity_label(&e).as_str()), "{id}");
        // Wrapping only ever turns spaces into line breaks: the name is intact.
        if !e.name().contains(['\n', '\t']) {
            // (less the invisible joiner that stops Graphviz decoding `&amp;`)
            let label = get("label")
                .unwrap()
                .replace('\n', " ")
                .replace('\u{2060}', "");
            assert_eq!(label, e.name(), "{id}");
        }
        let tooltip = get("tooltip").unwrap().replace('\u{2060}', "");
        assert!(tooltip.starts_with(&format!("{} (", e.name().replace('\t', " "))));
        seen += 1;
    }
    assert_eq!(seen, model.entity_count());
    assert!(
        model.entities().any(|e| e.name().chars().count() >= 5000),
        "the fixture still has its 5,000-character name"
    );
}

/// Checks an SVG is safe and complete; returns its parsed text content.
fn check_svg(svg: &str, data: &str) {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(svg, opts).expect("SVG is XML");
    let lower = svg.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{data}: a script");
    assert!(!lower.contains("javascript:"), "{data}: a javascript: URL");
    let mut texts = String::new();
    let mut ids = Vec::new();
    for n in doc.descendants().filter(|n| n.is_element()) {
        for a in n.attributes() {
            assert!(
                !a.name().to_ascii_lowercase().starts_with("on"),
                "{data}: event handler {}",
                a.name()
            );
            if a.name() == "href" {
                assert!(a.value().starts_with("https://") || a.value().starts_with("http://"));
            }
            if a.name() == "id" {
                ids.push(a.value().to_owned());
            }
        }
        if n.tag_name().name() == "text" {
            texts.push_str(n.text().unwrap_or(""));
            texts.push('\n');
        }
    }
    assert!(ids.iter().any(|i| i == "legend"), "{data}: the legend");
    assert!(texts.contains("confirmed") && texts.contains("denied"));
    let model = casegraph::load(casegraph::Origin::Path(data.into()))
        .model
        .expect("valid");
    for e in model.entities() {
        assert!(
            ids.contains(&format!("e-{}", e.id())),
            "{data}: node {}",
            e.id()
        );
        for line in entity_label(&e).lines() {
            assert!(texts.contains(line.trim()), "{data}: name line {line:?}");
        }
    }
    for r in model.relationships() {
        assert!(
            ids.contains(&format!("r-{}", r.id())),
            "{data}: edge {}",
            r.id()
        );
    }
}

#[test]
fn svg_is_safe_xml_with_every_name_and_the_legend() {
    for data in [
        "graph-data/netflix-facebook.json",
        "tests/data/hostile.json",
    ] {
        let svg = stdout(&["render", "--data", data, "--format", "svg", "--footnotes"]);
        check_svg(&svg, data);
    }
    // An edge links to its first source, with a class and tooltip.
    let svg = stdout(&["render", "--format", "svg"]);
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, opts).unwrap();
    let edge = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("r-ftc.fined.meta"))
        .expect("the edge has its id");
    assert_eq!(
        edge.attribute("class"),
        Some("edge relationship status-confirmed")
    );
    let link = edge
        .descendants()
        .find(|n| n.tag_name().name() == "a")
        .expect("a link");
    let xlink = "http://www.w3.org/1999/xlink";
    let href = link.attribute((xlink, "href")).unwrap();
    assert!(href.starts_with("https://www.ftc.gov/"), "{href}");
    let title = link.attribute((xlink, "title")).unwrap();
    assert!(title.contains("[1] FTC Imposes"), "{title}");
    assert_eq!(link.attribute("target"), Some("_blank"));
}

fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
    assert_eq!(&png[12..16], b"IHDR");
    let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
    (be(&png[16..20]), be(&png[20..24]))
}

#[test]
fn png_has_a_sane_size() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("netflix.png");
    let out = run(&["render", "--focus", "netflix", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let (w, h) = png_size(&std::fs::read(&file).unwrap());
    assert!(
        (500..6000).contains(&w) && (500..6000).contains(&h),
        "{w}x{h}"
    );
}

#[test]
fn system_renderer_runs_dot_or_says_it_is_missing() {
    let empty = tempfile::tempdir().unwrap();
    let out = assert_cmd::Command::cargo_bin("casegraph")
        .unwrap()
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env("PATH", empty.path())
        .args(["render", "--format", "svg", "--renderer", "system"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    insta::assert_snapshot!("system-renderer-missing", show(&out));

    let has_dot = std::process::Command::new("dot").arg("-V").output().is_ok();
    if !has_dot {
        eprintln!("skipped: Graphviz `dot` is not installed (tests/run installs it)");
        return;
    }
    let svg = stdout(&["render", "--format", "svg", "--renderer", "system"]);
    check_svg(&svg, "graph-data/netflix-facebook.json");
}

#[test]
fn unknown_focus_and_missing_path_exit_1() {
    let out = run(&["render", "--focus", "nobody-at-all"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let out = run(&["render", "--path", "netflix", "ftc", "--types", "ceo_of"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    insta::assert_snapshot!("no-path", show(&out));
}
