//! Declared views (`views` in the data): `build` draws exactly them, for a
//! dataset of any story; `build` owns its output directory through its
//! manifest; `render --view` and `views` draw and list them.

use crate::common::{root, run, show};
use std::path::Path;

/// The test dataset of another story than the curated one.
const STORY: &str = "tests/data/views/board-interlock.json";

/// Every file below `dir`, relative, sorted (the manifest included).
fn files_below(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn build(data: &str, out: &Path) -> std::process::Output {
    run(&["build", "--data", data, "--out", out.to_str().unwrap()])
}

#[test]
fn build_draws_exactly_the_declared_views_of_any_story() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(STORY, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let files = files_below(dir.path());
    let diagrams: Vec<&String> = files
        .iter()
        .filter(|f| f.ends_with(".svg") || f.ends_with(".png"))
        .collect();
    assert_eq!(
        diagrams,
        [
            "ada-quill.png",
            "ada-quill.svg",
            "board-interlock.png",
            "board-interlock.svg",
            "northwind-to-southgate.png",
            "northwind-to-southgate.svg",
        ]
    );
    assert!(
        !files.iter().any(|f| f.contains("netflix")),
        "a file named after the curated dataset: {files:?}"
    );
    let svg = std::fs::read_to_string(dir.path().join("ada-quill.svg")).unwrap();
    for drawn in [
        "Ada Quill&#39;s two boards",
        "Ada Quill sits on the boards of both companies",
        "[note 1] Director of Northwind since 2015.",
        "Sources",
    ] {
        assert!(
            svg.contains(drawn) || svg.contains(&drawn.replace("&#39;", "'")),
            "{drawn:?} not in ada-quill.svg"
        );
    }
    let path = std::fs::read_to_string(dir.path().join("northwind-to-southgate.svg")).unwrap();
    assert!(path.contains("[note 1] Reported only."));
    // The harbour deal is avoided, and context 0 draws nothing around the path.
    assert!(!path.contains("Harbour lease deal"));
}

#[test]
fn build_removes_what_it_wrote_before_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    assert_eq!(build(STORY, &out_dir).status.code(), Some(0));
    // The user's own files in the output directory, one named like an output.
    std::fs::write(out_dir.join("my-notes.txt"), "mine").unwrap();
    std::fs::write(out_dir.join("board-interlock-csv/extra.csv"), "mine").unwrap();
    // The same story, renamed, with its path view removed.
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(STORY)).unwrap()).unwrap();
    data["dataset"]["id"] = "interlock".into();
    data["views"].as_array_mut().unwrap().truncate(1);
    let renamed = dir.path().join("renamed.json");
    std::fs::write(&renamed, data.to_string()).unwrap();
    let out = build(renamed.to_str().unwrap(), &out_dir);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let files = files_below(&out_dir);
    assert!(
        !files.iter().any(|f| f.starts_with("board-interlock.")
            || f.starts_with("northwind-to-southgate")
            || f.starts_with("board-interlock-csv/") && f != "board-interlock-csv/extra.csv"),
        "stale outputs left: {files:?}"
    );
    for kept in [
        "my-notes.txt",
        "board-interlock-csv/extra.csv",
        "interlock.svg",
        "interlock.json",
        "ada-quill.svg",
        ".casegraph-manifest",
    ] {
        assert!(files.iter().any(|f| f == kept), "{kept} missing: {files:?}");
    }
    let manifest = std::fs::read_to_string(out_dir.join(".casegraph-manifest")).unwrap();
    assert!(!manifest.contains("my-notes.txt"));
    assert!(manifest.lines().any(|l| l == "interlock-csv/entities.csv"));
}

#[test]
fn a_hand_edited_manifest_cannot_delete_outside_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let outside = dir.path().join("precious.txt");
    std::fs::write(&outside, "keep").unwrap();
    std::fs::write(
        out_dir.join(".casegraph-manifest"),
        format!("../precious.txt\n{}\n", outside.display()),
    )
    .unwrap();
    assert_eq!(build(STORY, &out_dir).status.code(), Some(0));
    assert!(outside.exists());
}

#[test]
fn views_lists_the_declared_views() {
    insta::assert_snapshot!(show(&run(&["views", "--data", STORY])), @"
    status: 0
    --- stdout
    2 views
    ada-quill  Ada Quill's two boards
      within 1 hop of ada-quill · 3 entities, 2 relationships
    northwind-to-southgate  From Northwind to Southgate
      path northwind → southgate · 3 entities, 2 relationships
    ");
    insta::assert_snapshot!("views-curated", show(&run(&["views"])));
    let listed = crate::common::json(&run(&["views", "--json", "--data", STORY]));
    assert_eq!(listed["views"][1]["selects"], "path northwind → southgate");
    assert_eq!(listed["views"][1]["entities"], 3);
}

#[test]
fn render_view_draws_a_view_as_build_does() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(build(STORY, dir.path()).status.code(), Some(0));
    let svg = dir.path().join("drawn.svg");
    let out = run(&[
        "render",
        "--data",
        STORY,
        "--view",
        "ada-quill",
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert_eq!(
        std::fs::read(&svg).unwrap(),
        std::fs::read(dir.path().join("ada-quill.svg")).unwrap()
    );
    let dot = run(&[
        "render",
        "--data",
        STORY,
        "--view",
        "northwind-to-southgate",
    ]);
    let dot = String::from_utf8(dot.stdout).unwrap();
    assert!(dot.contains("rankdir=\"TB\""), "{dot}");
    assert!(dot.contains("[note 1] Reported only."));
}

#[test]
fn render_view_of_an_unknown_id_suggests_the_closest() {
    let out = run(&["render", "--data", STORY, "--view", "ada-quil"]);
    insta::assert_snapshot!(show(&out), @"
    status: 1
    --- stderr
    error: no view `ada-quil` in the dataset
      = help: did you mean `ada-quill`?
    ");
    let both = run(&[
        "render",
        "--data",
        STORY,
        "--view",
        "ada-quill",
        "--focus",
        "ada-quill",
    ]);
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn views_may_be_in_any_file_of_a_directory_and_their_ids_are_unique_across_it() {
    let dir = tempfile::tempdir().unwrap();
    let data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(STORY)).unwrap()).unwrap();
    let mut graph = data.clone();
    graph.as_object_mut().unwrap().remove("views");
    std::fs::write(dir.path().join("a-graph.json"), graph.to_string()).unwrap();
    // Views in a file of their own, naming entities of the other file.
    let views = serde_json::json!({ "views": data["views"] });
    std::fs::write(dir.path().join("b-views.json"), views.to_string()).unwrap();
    let path = dir.path().to_str().unwrap();
    let listed = crate::common::json(&run(&["views", "--json", "--data", path]));
    assert_eq!(listed["views"].as_array().unwrap().len(), 2);
    // The same id again in a third file.
    let again = serde_json::json!({ "views": [{"id": "ada-quill", "title": "Again"}] });
    std::fs::write(dir.path().join("c-more.json"), again.to_string()).unwrap();
    let report = crate::common::json(&run(&["check", "--json", "--data", path]));
    let diags = report["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0]["rule"], "duplicate-id");
    assert!(diags[0]["file"].as_str().unwrap().ends_with("c-more.json"));
}

#[test]
fn build_of_a_graph_too_large_to_draw_says_which_views_to_declare() {
    let n = 501;
    let entities: Vec<serde_json::Value> = (0..n)
        .map(|i| serde_json::json!({"id": format!("e{i}"), "name": format!("E {i}"), "kind": "person"}))
        .collect();
    let rels: Vec<serde_json::Value> = (1..n)
        .map(|i| {
            serde_json::json!({"from": "e0", "to": format!("e{i}"), "type": "knows",
                                     "evidence": [{"source": "s"}]})
        })
        .collect();
    let data = serde_json::json!({
        "dataset": {"id": "crowd"},
        "sources": [{"id": "s", "title": "S"}],
        "entities": entities,
        "relationships": rels,
    });
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("crowd.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let out_dir = dir.path().join("out");
    let out = build(file.to_str().unwrap(), &out_dir);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no diagram of the whole graph"), "{stderr}");
    assert!(stderr.contains("declare `views`"), "{stderr}");
    assert!(
        !files_below(&out_dir)
            .iter()
            .any(|f| f.ends_with(".svg") || f.ends_with(".png")),
    );
}

#[test]
fn the_canonical_json_keeps_the_views() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(build(STORY, dir.path()).status.code(), Some(0));
    let canonical = dir.path().join("board-interlock.json");
    let listed = |data: &str| crate::common::json(&run(&["views", "--json", "--data", data]));
    assert_eq!(listed(canonical.to_str().unwrap()), listed(STORY));
    let text = std::fs::read_to_string(&canonical).unwrap();
    assert!(text.contains("\"rankdir\": \"TB\""), "{text}");
    assert!(text.contains("\"avoid\": ["), "{text}");
}

#[test]
fn a_view_whose_filter_leaves_out_its_focus_is_not_drawn_and_build_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(STORY)).unwrap()).unwrap();
    data["views"][0]["filter"] = serde_json::json!({"kinds": ["organization"]});
    let file = dir.path().join("story.json");
    std::fs::write(&file, data.to_string()).unwrap();
    let out_dir = dir.path().join("out");
    let out = build(file.to_str().unwrap(), &out_dir);
    insta::assert_snapshot!(show(&out), @"
    status: 1
    --- stderr
    error: view `ada-quill`: its `filter` leaves out `ada-quill`, named in its `focus`
      = help: change the view's `filter` or `path_options` so it selects something, or remove it
    ");
    assert!(!out_dir.exists(), "a failed build writes nothing");
}

#[test]
fn hostile_titles_captions_and_notes_are_drawn_as_text() {
    let nasty = "</text><script>alert(1)</script> \" \\l \\N &amp; &#x1; \u{1} ]]> {x}";
    let mut data: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join(STORY)).unwrap()).unwrap();
    data["views"][0]["title"] = nasty.into();
    data["views"][0]["caption"] = nasty.into();
    data["views"][0]["notes"][0]["text"] = nasty.into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("story.json");
    std::fs::write(&file, data.to_string()).unwrap();
    for format in ["svg", "dot"] {
        let out = run(&[
            "render",
            "--data",
            file.to_str().unwrap(),
            "--view",
            "ada-quill",
            "--format",
            format,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        let text = String::from_utf8(out.stdout).unwrap();
        if format == "svg" {
            assert!(!text.contains("<script"), "{text}");
            assert!(text.contains("&lt;/text&gt;&lt;script&gt;"), "{text}");
            assert!(text.contains("[note 1] &lt;/text&gt;"), "{text}");
        } else {
            // In DOT the text is one quoted string: its quote and
            // backslashes escaped, so `\l` stays text, not a line break.
            assert!(text.contains(r#"</script> \" \\l \\N"#), "{text}");
        }
    }
}
