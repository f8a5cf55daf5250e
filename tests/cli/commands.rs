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

/// An `ENTITY` argument that is the start or a part of exactly one
/// entity's id, name or alias is taken, and the user is told which entity
/// it was taken as: a note, a `taken_as` field with `--json`, nothing with
/// `--quiet`. Several such entities, or a pairs file, take no guess.
#[test]
fn an_argument_matching_one_entity_in_part_is_taken_with_a_note() {
    let note = "note: \"zuck\" taken as Mark Zuckerberg (mark-zuckerberg)\n";
    let guessed = run(&["show", "zuck", "--data", DATA]);
    let exact = run(&["show", "mark-zuckerberg", "--data", DATA]);
    assert_eq!(guessed.status.code(), Some(0), "{}", show(&guessed));
    assert_eq!(String::from_utf8_lossy(&guessed.stderr), note);
    assert_eq!(guessed.stdout, exact.stdout);
    assert!(exact.stderr.is_empty(), "{}", show(&exact));

    let quiet = run(&["show", "zuck", "--quiet", "--data", DATA]);
    assert!(quiet.stderr.is_empty(), "{}", show(&quiet));
    assert_eq!(quiet.stdout, exact.stdout);

    let guessed = run(&["show", "zuck", "--json", "--data", DATA]);
    assert!(guessed.stderr.is_empty(), "{}", show(&guessed));
    let mut answer = json(&guessed);
    assert_eq!(
        answer["taken_as"],
        serde_json::json!([{ "query": "zuck", "id": "mark-zuckerberg",
                             "name": "Mark Zuckerberg", "match": "prefix" }])
    );
    // Apart from the field, the answer is the exact argument's.
    answer.as_object_mut().unwrap().remove("taken_as");
    let exact = json(&run(&["show", "mark-zuckerberg", "--json", "--data", DATA]));
    assert_eq!(answer, exact);
    assert!(exact.get("taken_as").is_none());

    // Every command's entity arguments, each with its own note.
    let path = run(&["path", "zuck", "sandberg", "--data", DATA]);
    assert_eq!(path.status.code(), Some(0), "{}", show(&path));
    assert_eq!(
        String::from_utf8_lossy(&path.stderr),
        format!("{note}note: \"sandberg\" taken as Sheryl Sandberg (sheryl-sandberg)\n")
    );
    for args in [
        &["neighbors", "zuck"][..],
        &["timeline", "zuck"],
        &["path", "meta", "sheryl-sandberg", "--via", "zuck"],
        &["render", "--focus", "zuck", "--format", "dot"],
        &["export", "--focus", "zuck", "--format", "graphml"],
    ] {
        let out = run(&[args, &["--data", DATA]].concat());
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", show(&out));
        assert_eq!(String::from_utf8_lossy(&out.stderr), note, "{args:?}");
    }
    // A command whose answer is not JSON still says it with `--json`.
    let render = run(&[
        "render", "--focus", "zuck", "--format", "dot", "--json", "--data", DATA,
    ]);
    assert_eq!(String::from_utf8_lossy(&render.stderr), note);

    // `hastings` starts a word of two names: no guess, both listed.
    let several = run(&["show", "hastings", "--data", DATA]);
    assert_eq!(several.status.code(), Some(1));
    let err = String::from_utf8_lossy(&several.stderr);
    assert!(
        err.contains("no entity has the id, name or alias `hastings`"),
        "{err}"
    );
    assert!(err.contains("    reed-hastings  (Reed Hastings)"), "{err}");
    assert!(err.contains("    plaintiffs-letter-2023-04-14  ("), "{err}");

    // A pairs file is read again as the data grows: offered, not taken.
    let dir = tempfile::tempdir().unwrap();
    let pairs = dir.path().join("pairs.txt");
    std::fs::write(&pairs, "zuck netflix\n").unwrap();
    let out = run(&["path", "--pairs", pairs.to_str().unwrap(), "--data", DATA]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("did you mean `mark-zuckerberg` (Mark Zuckerberg)?"),
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

/// A date flag written another way is refused (exit 2) with the ISO date
/// meant, or with both readings when day and month could be swapped.
#[test]
fn a_date_flag_written_another_way_suggests_the_iso_date() {
    let out = run(&["timeline", "--as-of", "17/03/2018", "--data", DATA]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean `2018-03-17`?"), "{err}");
    let out = run(&[
        "timeline",
        "--between",
        "03/04/2018",
        "2019",
        "--data",
        DATA,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("write `2018-04-03` or `2018-03-04`"), "{err}");
}
