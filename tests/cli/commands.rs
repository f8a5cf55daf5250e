//! `show`, `search`, `stats`, entity resolution, global flags and exit statuses.

use crate::common::{json, root, run, run_in, show};

const DATA: &str = "graph-data/netflix-facebook.json";

#[test]
fn show_netflix_lists_every_relationship_with_citations() {
    let out = run(&["show", "netflix", "--data", DATA]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(show(&out));
    // Every relationship touching netflix appears, each with at least one citation.
    let v = json(&run(&["show", "netflix", "--json", "--data", DATA]));
    let rels = v["relationships"].as_array().unwrap();
    assert_eq!(rels.len(), 17);
    for r in rels {
        assert!(r["from"] == "netflix" || r["to"] == "netflix", "{r}");
        assert!(!r["citations"].as_array().unwrap().is_empty(), "{r}");
    }
}

#[test]
fn show_json_shape() {
    let out = run(&["--json", "show", "reed-hastings", "--data", DATA]);
    insta::assert_json_snapshot!(json(&out));
}

#[test]
fn entity_arguments_resolve_by_id_then_name_then_alias() {
    let id_of = |arg: &str| {
        let out = run(&["show", arg, "--json", "--data", DATA]);
        assert_eq!(out.status.code(), Some(0), "{arg}: {}", show(&out));
        json(&out)["entity"]["id"].as_str().unwrap().to_owned()
    };
    // `facebook` is an id even though `meta` has the alias "Facebook".
    assert_eq!(id_of("facebook"), "facebook");
    assert_eq!(id_of("FACEBOOK"), "facebook");
    assert_eq!(id_of("Reed Hastings"), "reed-hastings");
    assert_eq!(id_of("ftc"), "ftc");
    assert_eq!(id_of("MPIL"), "meta-platforms-ireland");
}

#[test]
fn unknown_and_ambiguous_entities_exit_1() {
    let out = run(&["show", "netflx", "--data", DATA]);
    insta::assert_snapshot!(show(&out));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twins.json");
    std::fs::write(
        &path,
        r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [
  {"id": "a", "name": "Same Name", "kind": "person"},
  {"id": "b", "name": "Same Name", "kind": "person"}],
"relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}"#,
    )
    .unwrap();
    let out = run(&["show", "same name", "--data", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`same name` is the name of 2 entities"),
        "{err}"
    );
    assert!(
        err.contains("    a  (Same Name)") && err.contains("    b  (Same Name)"),
        "{err}"
    );
}

#[test]
fn search_ranks_exact_prefix_substring_fuzzy() {
    let out = run(&["search", "hastings", "--data", DATA]);
    insta::assert_snapshot!(show(&out));
    let hits = json(&run(&["search", "zuckerburg", "--json", "--data", DATA]));
    assert_eq!(hits[0]["id"], "mark-zuckerberg");
    assert_eq!(hits[0]["match"], "fuzzy");
    // Accent- and case-insensitive: unaccented capitals find the accented
    // name (the curated and hostile datasets have no accented names).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("accents.json");
    std::fs::write(
        &path,
        r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [
  {"id": "dp", "name": "Données Publiques", "kind": "organization"},
  {"id": "x", "name": "X", "kind": "person"}],
"relationships": [{"from": "x", "to": "dp", "type": "knows", "evidence": [{"source": "s"}]}]}"#,
    )
    .unwrap();
    let out = run(&[
        "search",
        "DONNEES",
        "--json",
        "--data",
        path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let hits = json(&out);
    assert_eq!(hits[0]["id"], "dp", "{hits}");
    assert_eq!(hits[0]["field"], "name", "{hits}");
    assert_eq!(hits[0]["match"], "prefix", "{hits}");
    let none = run(&["search", "qqqqqq", "--data", DATA]);
    assert_eq!(none.status.code(), Some(1));
}

#[test]
fn stats_counts() {
    let out = run(&["stats", "--data", DATA]);
    insta::assert_snapshot!(show(&out));
    let v = json(&run(&["stats", "--json", "--data", DATA]));
    assert_eq!(v["entities"], 38);
    assert_eq!(v["relationships"], 70);
    let statuses: u64 = v["by_status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["count"].as_u64().unwrap())
        .sum();
    assert_eq!(statuses, 70);
}

#[test]
fn data_precedence_flag_then_local_dir_then_embedded() {
    let empty = tempfile::tempdir().unwrap();
    let out = run_in(empty.path(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("from the embedded Netflix–Facebook dataset"),
        "{text}"
    );
    let out = run_in(&root(), &["check"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("from graph-data (found in the current directory)"),
        "{text}"
    );
    let out = run_in(&root(), &["check", "--data", "tests/data/small"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("small-dir from tests/data/small"), "{text}");
}

#[test]
fn embedded_dataset_is_the_curated_file() {
    let empty = tempfile::tempdir().unwrap();
    let embedded = run_in(empty.path(), &["show", "netflix", "--json"]);
    let local = run(&["show", "netflix", "--json", "--data", DATA]);
    assert_eq!(embedded.stdout, local.stdout);
}

#[test]
fn usage_errors_exit_2_and_global_flags_go_anywhere() {
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["show"]).status.code(), Some(2));
    assert_eq!(
        run(&["stats", "--color", "sometimes"]).status.code(),
        Some(2)
    );
    let before = run(&["--data", DATA, "--json", "stats"]);
    let after = run(&["stats", "--json", "--data", DATA]);
    assert_eq!(before.status.code(), Some(0));
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(run(&["--help"]).status.code(), Some(0));
}

#[test]
fn load_errors_in_json_mode_are_machine_readable() {
    let out = run(&[
        "stats",
        "--json",
        "--data",
        "tests/data/invalid/unknown-entity.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["diagnostics"][0]["rule"], "unknown-entity");
    assert_eq!(v["diagnostics"][0]["suggestion"], "netflix");
}

#[test]
fn color_always_styles_and_never_does_not() {
    let colored = run(&[
        "check",
        "--color",
        "always",
        "--data",
        "tests/data/invalid/bad-date.json",
    ]);
    assert!(String::from_utf8_lossy(&colored.stderr).contains("\u{1b}["));
    let plain = run(&[
        "check",
        "--color",
        "never",
        "--data",
        "tests/data/invalid/bad-date.json",
    ]);
    assert!(!String::from_utf8_lossy(&plain.stderr).contains("\u{1b}["));
}

/// The help texts as snapshots, so a changed flag or help line shows up in
/// review (and the README can be checked against it).
#[test]
fn help_texts() {
    let mut all = String::new();
    for command in [
        "",
        "init",
        "check",
        "show",
        "search",
        "path",
        "neighbors",
        "timeline",
        "stats",
        "render",
        "views",
        "export",
        "build",
        "schema",
    ] {
        let mut args: Vec<&str> = command.split_whitespace().collect();
        args.push("--help");
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{command} --help");
        all.push_str(&format!("===== casegraph {command} --help\n"));
        all.push_str(&String::from_utf8_lossy(&out.stdout));
    }
    insta::assert_snapshot!(all);
}
