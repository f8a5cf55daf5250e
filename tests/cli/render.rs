//! `casegraph render` and the diagrams `build` writes: DOT snapshots per
//! view, hostile strings through DOT and SVG, PNG sanity, the system
//! renderer, and the committed `output/` kept up to date.

use crate::common::{command, curated_build, root, run, show};
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
        (
            "path-netflix-ftc-credible",
            &["render", "--path", "netflix", "ftc", "--credible"][..],
        ),
    ] {
        insta::assert_snapshot!(format!("dot-{name}"), stdout(args));
    }
}

/// Every `key="value"` of a statement's attribute list, unquoted.
fn attrs(list: &[Attribute]) -> Vec<(String, String)> {
    list.iter()
        // The legend's HTML-like label holds no data.
        .filter(|Attribute(_, v)| !matches!(v, Id::Html(_)))
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
            // Names too long to lay out are shortened on the drawing (issue
            // #15); the tooltip below still holds the whole name.
            let limit = casegraph::render::text::MAX_DRAWN_CHARS;
            if e.name().chars().count() <= limit {
                assert_eq!(label, e.name(), "{id}");
            } else {
                let kept = label.strip_suffix('…').expect("a shortened name ends in …");
                assert_eq!(kept.chars().count(), limit - 1, "{id}");
                assert!(e.name().starts_with(kept), "{id}");
            }
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

/// Checks an SVG is safe and complete: every entity of `data` (or only the
/// `drawn` ones, for a path view) with its name, every relationship between
/// drawn entities that is not left out, and the legend.
fn check_svg(svg: &str, data: &str) {
    check_svg_of(svg, data, None);
}

fn check_svg_of(svg: &str, data: &str, drawn: Option<&[&str]>) {
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
    for n in doc.descendants().filter(roxmltree::Node::is_element) {
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
    assert!(texts.contains("confirmed"), "{data}: the legend's lines");
    if drawn.is_none() {
        assert!(texts.contains("denied"), "{data}: the legend's lines");
    }
    let model = casegraph::load(casegraph::Origin::Path(data.into()))
        .model
        .expect("valid");
    for e in model
        .entities()
        .filter(|e| drawn.is_none_or(|d| d.contains(&e.id())))
    {
        assert!(
            ids.contains(&format!("e-{}", e.id())),
            "{data}: node {}",
            e.id()
        );
        for line in entity_label(&e).lines() {
            assert!(texts.contains(line.trim()), "{data}: name line {line:?}");
        }
    }
    for r in model.relationships().filter(|_| drawn.is_none()) {
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

#[test]
fn every_layout_draws_the_whole_graph_its_own_way() {
    let mut drawn = std::collections::BTreeMap::new();
    for layout in ["dot", "neato", "fdp", "sfdp", "circo", "twopi"] {
        let svg = stdout(&["render", "--format", "svg", "--layout", layout]);
        check_svg(&svg, "graph-data/netflix-facebook.json");
        if let Some(same) = drawn.insert(svg, layout) {
            panic!("--layout {layout} draws what --layout {same} draws");
        }
    }
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
    let out = command(&root())
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

#[test]
fn published_path_views_are_safe_and_highlight_the_path() {
    let dir = curated_build();
    for (file, path) in [
        ("path-netflix-to-ftc.svg", &["netflix", "meta", "ftc"][..]),
        (
            "path-netflix-to-irish-dpc.svg",
            &["netflix", "meta", "meta-platforms-ireland", "irish-dpc"][..],
        ),
        (
            "path-netflix-to-in-re-facebook-consumer-privacy.svg",
            &["netflix", "meta", "in-re-facebook-consumer-privacy"][..],
        ),
    ] {
        let svg = std::fs::read_to_string(dir.join(file)).expect(file);
        check_svg_of(&svg, "graph-data/netflix-facebook.json", Some(path));
        // The money is the last hop, drawn as part of the path.
        let last = match *path.last().unwrap() {
            "ftc" => "r-ftc.fined.meta",
            "irish-dpc" => "r-irish-dpc.fined.meta-platforms-ireland",
            _ => "r-meta.settled.in-re-facebook-consumer-privacy",
        };
        let opts = roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        };
        let doc = roxmltree::Document::parse_with_options(&svg, opts).unwrap();
        let class = |id: &str| {
            doc.descendants()
                .find(|n| n.attribute("id") == Some(id))
                .and_then(|n| n.attribute("class"))
                .unwrap_or_default()
                .to_owned()
        };
        assert!(class(last).ends_with(" path"), "{file}: {last} highlighted");
        assert!(
            doc.descendants().any(|n| n
                .attribute("class")
                .is_some_and(|c| c.ends_with(" context"))),
            "{file}: the context, greyed"
        );
    }
}

#[test]
fn path_view_uses_the_path_query_and_credible() {
    // The shortest path rests on a reported, disputed claim; the most
    // credible one goes through confirmed hops only (as `path --credible`).
    let dot = stdout(&["render", "--path", "netflix", "ftc", "--credible"]);
    assert!(dot.contains("Most credible connection"), "{dot}");
    for hop in [
        "netflix.integrated_with.facebook-messenger",
        "meta.operates.facebook-messenger",
        "ftc.fined.meta",
    ] {
        let at = dot.find(&format!("\"r-{hop}\"")).expect(hop);
        let stmt = &dot[at..at + dot[at..].find('\n').unwrap()];
        assert!(stmt.contains(" path\""), "{hop} is highlighted: {stmt}");
    }
}

/// A dataset of `n` unconnected people.
fn people(n: usize) -> String {
    let entities: Vec<String> = (0..n)
        .map(|i| format!(r#"{{ "id": "p{i}", "name": "Person {i}", "kind": "person" }}"#))
        .collect();
    format!(
        r#"{{ "format": "casegraph/1", "dataset": {{ "id": "many", "title": "Many" }},
  "sources": [], "entities": [{}], "relationships": [] }}"#,
        entities.join(",\n")
    )
}

#[test]
fn more_than_500_entities_are_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("many.json");
    std::fs::write(&data, people(501)).unwrap();
    let data = data.to_str().unwrap();
    let out = run(&["render", "--data", data]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("501 entities"), "{err}");
    assert!(err.contains("--focus") && err.contains("--force"), "{err}");
    let dot = stdout(&["render", "--data", data, "--force"]);
    assert!(dot.contains("\"e-p500\""), "all 501 drawn with --force");
    // 500 is still drawn without it.
    std::fs::write(dir.path().join("many.json"), people(500)).unwrap();
    stdout(&["render", "--data", data]);
}
