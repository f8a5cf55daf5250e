//! `casegraph init`: a new case that passes `check --deny-warnings` in each
//! layout, names the schema it is written against, says what each column
//! means, and never overwrites anything.

use crate::common::{json, run, run_in, show};
use std::path::Path;

/// The files `init DIR --format FORMAT` writes, in the order it lists them.
fn expected(format: &str) -> &'static [&'static str] {
    match format {
        "json" => &["case.json", "casegraph.schema.json", "README.md"],
        "csv" => &[
            "entities.csv",
            "relationships.csv",
            "sources.csv",
            "dataset.json",
            "casegraph.schema.json",
            "README.md",
        ],
        _ => &[
            "case.xlsx",
            "dataset.json",
            "casegraph.schema.json",
            "README.md",
        ],
    }
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

/// Each layout is a valid case of three entities, two relationships, two
/// sources and one view, with no warning (the CSV and workbook ones need
/// the spreadsheet reader).
#[test]
fn each_layout_passes_check_with_warnings_denied() {
    for format in ["json", "csv", "xlsx"] {
        let tmp = tempfile::tempdir().unwrap();
        let out = run_in(tmp.path(), &["init", "my-case", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", show(&out));
        let dir = tmp.path().join("my-case");
        let mut want: Vec<String> = expected(format).iter().map(|s| (*s).to_owned()).collect();
        want.sort();
        assert_eq!(names_in(&dir), want, "{format}");
        let out = run_in(
            tmp.path(),
            &["check", "--deny-warnings", "--json", "--data", "my-case"],
        );
        assert_eq!(out.status.code(), Some(0), "{format}: {}", show(&out));
        let v = json(&out);
        assert_eq!(
            (
                &v["dataset"],
                &v["entities"],
                &v["relationships"],
                &v["sources"]
            ),
            (&"my-case".into(), &3.into(), &2.into(), &2.into()),
            "{format}"
        );
        let views = run_in(tmp.path(), &["views", "--json", "--data", "my-case"]);
        assert_eq!(views.status.code(), Some(0), "{format}: {}", show(&views));
    }
}

/// What a new user sees, and a JSON case that names its schema, which is
/// exactly what `casegraph schema` prints.
#[test]
fn a_json_case_points_at_the_schema_written_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["init", "harbour"]);
    insta::assert_snapshot!(show(&out), @r"
    status: 0
    --- stdout
    wrote a new case `harbour` to harbour/
      case.json
      casegraph.schema.json
      README.md
    next: edit it (README.md there says what each part means), then
      casegraph check --data harbour
      casegraph build --data harbour --out harbour/output
    ");
    let dir = tmp.path().join("harbour");
    let case: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("case.json")).unwrap()).unwrap();
    assert_eq!(case["$schema"], "casegraph.schema.json");
    assert_eq!(case["dataset"]["id"], "harbour");
    assert_eq!(
        std::fs::read(dir.join("casegraph.schema.json")).unwrap(),
        run(&["schema"]).stdout
    );
    // The case builds: its view is drawn.
    let out = run_in(&dir, &["build", "--data", ".", "--out", "output"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    assert!(dir.join("output/who-won-the-contract.svg").is_file());
}

/// The README names every column of every sheet (and every key of the
/// JSON layout) with what it holds.
#[test]
fn the_readme_says_what_each_column_means() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run_in(tmp.path(), &["init", "c", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let dir = tmp.path().join("c");
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for sheet in ["entities.csv", "relationships.csv", "sources.csv"] {
        let text = std::fs::read_to_string(dir.join(sheet)).unwrap();
        for column in text.lines().next().unwrap().split(',') {
            assert!(
                readme.contains(&format!("| `{column}` |")),
                "README.md does not explain `{column}` of {sheet}"
            );
        }
    }
    assert!(
        readme.contains("| `disputed_by` |  | Who contests the claim: who disputes the claim.")
    );
    // Closed word lists are spelled out, from the format's own lists.
    assert!(readme.contains(
        "| `status` |  | How well established the claim is. One of `confirmed`, `reported`, \
         `alleged`, `denied`. |"
    ));
    let out = run_in(tmp.path(), &["init", "j"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let readme = std::fs::read_to_string(tmp.path().join("j/README.md")).unwrap();
    assert!(
        readme.contains("| `evidence` |  | Citations. |"),
        "{readme}"
    );
}

/// A file init would write that exists stops it before it writes anything,
/// and the message names the file.
#[test]
fn init_overwrites_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("mine");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("README.md"), "my notes").unwrap();
    std::fs::write(dir.join("keep.txt"), "mine").unwrap();
    let out = run_in(tmp.path(), &["init", "mine"]);
    insta::assert_snapshot!(show(&out), @r"
    status: 1
    --- stderr
    error: `mine/README.md` exists: init writes nothing over it
      = note: nothing was written
      = help: give a new directory, or move the file away
    ");
    assert_eq!(names_in(&dir), ["README.md", "keep.txt"]);
    assert_eq!(
        std::fs::read_to_string(dir.join("README.md")).unwrap(),
        "my notes"
    );
    // A file where the directory would be.
    std::fs::write(tmp.path().join("afile"), "x").unwrap();
    let out = run_in(tmp.path(), &["init", "afile", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("`afile` is a file"));
    // An existing, empty directory is fine.
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let out = run_in(tmp.path(), &["init", "empty", "--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
}

/// `init .` in a directory of the user's names the case after it (as a
/// slug), and `--json` says what was written.
#[test]
fn init_here_names_the_case_after_the_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("Harbour Case");
    std::fs::create_dir(&dir).unwrap();
    let out = run_in(&dir, &["init", ".", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let v = json(&out);
    assert_eq!(v["dataset"], "harbour-case");
    assert_eq!(
        v["files"],
        serde_json::json!(["case.json", "casegraph.schema.json", "README.md"])
    );
    let out = run_in(&dir, &["check", "--deny-warnings", "--data", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
}
