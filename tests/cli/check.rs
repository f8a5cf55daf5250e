//! `casegraph check`: one bad-input fixture per FORMAT.md rule, each pointing
//! at the right line and column with a useful suggestion.

use crate::common::{json, root, run, show};

/// The rule each fixture must trigger, when its file name is not the rule's code.
fn expected_rule(stem: &str) -> &str {
    match stem {
        "not-utf8" | "empty-file" | "too-deep" => "malformed-json",
        "id-too-long" => "bad-id",
        "duplicate-id-across-files" => "duplicate-id",
        "nested-property" => "bad-property",
        "view-unknown-entity" => "unknown-entity",
        "view-wrong-type" => "wrong-type",
        "duplicate-view-id" => "duplicate-id",
        // The suggestions for what a curator meant (issue 13, item 7).
        "bad-date-day-first" | "bad-date-ambiguous" | "bad-date-month-name" => "bad-date",
        "unknown-source-kind-synonym" => "unknown-source-kind",
        "wrong-type-amount-text" => "wrong-type",
        "malformed-json-comment"
        | "malformed-json-single-quotes"
        | "malformed-json-trailing-comma"
        | "malformed-json-unquoted-key" => "malformed-json",
        other => other,
    }
}

fn fixtures() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join("tests/data/invalid"))
        .expect("fixtures exist")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_rule_has_a_fixture() {
    let stems: Vec<String> = fixtures()
        .iter()
        .map(|n| n.trim_end_matches(".json").to_owned())
        .collect();
    for rule in casegraph::Rule::ALL {
        if matches!(rule, casegraph::Rule::Io | casegraph::Rule::ResourceLimit) {
            continue; // not rules of the data; tested below and in unit tests
        }
        assert!(
            stems.iter().any(|s| expected_rule(s) == rule.code()),
            "no fixture for rule `{rule}`"
        );
    }
}

#[test]
fn each_fixture_reports_exactly_its_rule_at_its_place() {
    for name in fixtures() {
        let path = format!("tests/data/invalid/{name}");
        let stem = name.trim_end_matches(".json");
        let out = run(&["check", "--data", &path]);
        insta::assert_snapshot!(format!("check-{stem}"), show(&out));

        let report = json(&run(&["check", "--json", "--data", &path]));
        let diags = report["diagnostics"].as_array().unwrap();
        assert_eq!(diags.len(), 1, "{name}: {diags:#?}");
        assert_eq!(diags[0]["rule"], expected_rule(stem), "{name}");
        if stem != "empty-file" {
            let line = diags[0]["line"].as_u64().unwrap();
            assert!(line > 1, "{name}: not at the top");
        }
        let warning = diags[0]["severity"] == "warning";
        assert_eq!(out.status.code(), Some(i32::from(!warning)), "{name}");
        if warning {
            let denied = run(&["check", "--deny-warnings", "--data", &path]);
            assert_eq!(denied.status.code(), Some(1), "{name} with --deny-warnings");
        }
    }
}

#[test]
fn curated_dataset_passes_with_warnings_denied() {
    let out = run(&[
        "check",
        "--deny-warnings",
        "--data",
        "graph-data/netflix-facebook.json",
    ]);
    insta::assert_snapshot!(show(&out), @r"
    status: 0
    --- stdout
    ok: netflix-facebook from graph-data/netflix-facebook.json: 38 entities, 70 relationships, 50 sources, 0 warnings
    ");
}

#[test]
fn hostile_and_directory_datasets_are_valid() {
    for data in ["tests/data/hostile.json", "tests/data/small"] {
        let out = run(&["check", "--deny-warnings", "--data", data]);
        assert_eq!(out.status.code(), Some(0), "{data}: {}", show(&out));
    }
}

#[test]
fn missing_path_is_a_clean_error() {
    let out = run(&["check", "--data", "tests/data/does-not-exist.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("error[io]: cannot read `tests/data/does-not-exist.json`"),
        "{err}"
    );
}

#[test]
fn several_problems_are_all_reported_errors_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.json");
    std::fs::write(
        &path,
        r#"{
  "entities": [
    {"id": "a", "name": "A", "kind": "person"},
    {"id": "b", "name": "B", "kind": "person", "colour": "red"},
    {"id": "lonely", "name": "L", "kind": "person"}
  ],
  "relationships": [
    {"from": "a", "to": "b", "type": "knows"},
    {"from": "a", "to": "c", "type": "knows", "status": "rumoured"}
  ]
}"#,
    )
    .unwrap();
    let report = json(&run(&["check", "--json", "--data", path.to_str().unwrap()]));
    let rules: Vec<(&str, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        rules,
        [
            ("unknown-key", 4),
            ("unknown-entity", 9),
            ("unknown-status", 9),
            ("orphan-entity", 5),
            ("no-evidence", 8),
            ("no-evidence", 9),
        ]
    );
}

#[test]
fn hostile_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let big = format!(
        r#"{{"entities": [{{"id": "a", "name": "A", "kind": "person", "description": "{}"}}]}}"#,
        "x".repeat(50 * 1024 * 1024)
    );
    let deep = format!("{{\"x\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: [(&str, Vec<u8>); 6] = [
        ("big.json", big.into_bytes()),
        ("deep.json", deep.into_bytes()),
        ("bom.json", b"\xEF\xBB\xBF{\"entities\": []}".to_vec()),
        ("array.json", b"[1, 2]".to_vec()),
        ("truncated.json", b"{\"entities\": [{\"id\": \"a\"".to_vec()),
        ("binary.json", vec![0xFF, 0xFE, 0x00, 0x41]),
    ];
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = run(&["check", "--data", path.to_str().unwrap()]);
        let code = out.status.code();
        assert!(matches!(code, Some(0 | 1)), "{name}: {}", show(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(err.len() < 4000, "{name}: output not bounded");
    }
}

#[test]
fn the_format_spec_lists_every_rule_code() {
    let spec = std::fs::read_to_string(root().join("graph-data/README.md")).unwrap();
    for rule in casegraph::Rule::ALL {
        let severity = match rule.severity() {
            casegraph::Severity::Error => "error",
            casegraph::Severity::Warning => "warning",
        };
        let row = format!("| `{}` | {severity} |", rule.code());
        assert!(
            spec.contains(&row),
            "graph-data/README.md lacks the row {row}"
        );
    }
}
