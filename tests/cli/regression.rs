//! Regression tests, each named after the problem it pins (found in review).

use crate::common::{json, run, show};

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn terminal_control_sequences_in_data_are_never_printed_raw() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        &dir,
        "esc.json",
        r#"{"sources": [{"id": "s", "title": "T\u001b]0;pwned\u0007"}],
"entities": [{"id": "a", "name": "A\u001b[2J\rB", "kind": "person"},
             {"id": "b", "name": "B\u202e", "kind": "person"}],
"relationships": [{"from": "a", "to": "b", "type": "knows", "date": "2020",
  "evidence": [{"source": "s", "quote": "q\u001b[31m"}]}]}"#,
    );
    for args in [
        vec!["show", "a", "--color", "always", "--data", &data],
        vec!["search", "a", "--color", "always", "--data", &data],
        vec!["path", "a", "b", "--color", "always", "--data", &data],
        vec!["neighbors", "a", "--color", "always", "--data", &data],
        vec!["timeline", "a", "--color", "always", "--data", &data],
        vec!["stats", "--color", "always", "--data", &data],
    ] {
        let out = run(&args);
        let text = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        for bad in [
            "\u{1b}[2J",
            "\u{1b}]0",
            "\r",
            "\u{7}",
            "\u{202e}",
            "\u{1b}[31m",
        ] {
            assert!(!text.contains(bad), "{args:?} printed {bad:?}: {text}");
        }
        assert!(text.contains("\\u{1b}"), "escaped form shown: {text}");
    }
}

#[test]
fn a_closed_pipe_does_not_turn_a_failed_check_into_success() {
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "{} check --data tests/data/invalid/unknown-entity.json --json | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
            assert_cmd::cargo::cargo_bin("casegraph").display()
        ))
        .current_dir(crate::common::root())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "1");
}

#[test]
fn over_long_default_ids_survive_the_canonical_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let long_a = "a".repeat(100);
    let long_b = "b".repeat(100);
    let data = write(
        &dir,
        "long.json",
        &format!(
            r#"{{"sources": [{{"id": "s", "title": "S"}}],
"entities": [{{"id": "{long_a}", "name": "A", "kind": "person"}}, {{"id": "{long_b}", "name": "B", "kind": "person"}}],
"relationships": [
  {{"from": "{long_a}", "to": "{long_b}", "type": "knows", "date": "2001", "evidence": [{{"source": "s"}}]}},
  {{"from": "{long_a}", "to": "{long_b}", "type": "knows", "date": "2002", "evidence": [{{"source": "s"}}]}}]}}"#
        ),
    );
    let out_dir = dir.path().join("out");
    let out = run(&["build", "--data", &data, "--out", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let canonical = out_dir.join("long.json");
    let reloaded = run(&[
        "show",
        &long_a,
        "--json",
        "--data",
        canonical.to_str().unwrap(),
    ]);
    assert_eq!(reloaded.status.code(), Some(0), "{}", show(&reloaded));
    let original = run(&["show", &long_a, "--json", "--data", &data]);
    assert_eq!(json(&reloaded), json(&original));
}

#[test]
fn build_json_reports_files_and_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(&[
        "build",
        "--json",
        "--data",
        "tests/data/invalid/orphan-entity.json",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert!(
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "orphan-entity.json")
    );
    assert_eq!(v["warnings"][0]["rule"], "orphan-entity");
}

#[test]
fn search_with_limit_zero_still_succeeds_when_something_matches() {
    let out = run(&["search", "hastings", "--limit", "0", "--data", "graph-data"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
}

#[test]
fn default_relationship_ids_are_not_quadratic() {
    // 20,000 relationships `a→b knows` took 74 s: each probed every id before it.
    let mut text = String::from(
        r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
"relationships": [
{"id": "a.knows.b.3", "from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}"#,
    );
    for _ in 0..20_000 {
        text.push_str(
            r#",
{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}"#,
        );
    }
    text.push_str("]}");
    // No timed assertion (issue #14 forbids them): quadratic probing makes
    // this test take minutes, which the test run's total shows.
    let loaded = casegraph::load_str("many.json", &text);
    let model = loaded.model.expect("no errors");
    // In file order, skipping the explicit `a.knows.b.3`.
    for (id, nth) in [("a.knows.b", 1), ("a.knows.b.2", 2), ("a.knows.b.4", 3)] {
        let ix = model.relationship_by_id(id).expect(id);
        assert_eq!(ix.index(), nth, "{id}");
    }
    assert!(model.relationship_by_id("a.knows.b.20001").is_some());
    assert!(model.relationship_by_id("a.knows.b.20002").is_none());
}

/// (rule, line, column, message start) of each diagnostic of a `check --json`.
fn places(data: &str) -> Vec<(String, u64, u64, String)> {
    let report = json(&run(&["check", "--json", "--data", data]));
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn values_without_a_key_to_anchor_them_are_reported_at_their_own_start() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        &dir,
        "anchors.json",
        r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [
  {"id": "a", "name": "A", "kind": "person", "aliases": [3, null]},
  {"id": "b", "n\u0061me": 42, "kind": "person", "descr\u0069pton": "x"},
    {},
   17, true
],
"relationships": [{"from": "a", "to": "b", "type": "knows",
  "evidence": [{"source": "s"},   {}]}]}"#,
    );
    let got: Vec<_> = places(&data)
        .into_iter()
        .map(|(rule, line, col, _)| format!("{rule} {line}:{col}"))
        .collect();
    assert_eq!(
        got,
        [
            "wrong-type 3:58",
            "wrong-type 3:61",
            "wrong-type 4:28",
            "unknown-key 4:50",
            "missing-key 5:5",
            "missing-key 5:5",
            "missing-key 5:5",
            "wrong-type 6:4",
            "wrong-type 6:8",
            "missing-key 9:35",
        ]
    );
    let out = run(&["check", "--data", &data]);
    let text = String::from_utf8_lossy(&out.stderr);
    // The escaped key is underlined over its full width.
    assert!(
        text.contains(&format!(" {} not a key", "^".repeat(17))),
        "{text}"
    );
}

#[test]
fn a_broken_file_in_a_directory_does_not_silence_the_others() {
    let dir = tempfile::tempdir().unwrap();
    write(
        &dir,
        "a-broken.json",
        r#"{"entities": [{"id": "x" "name": "X"}]}"#,
    );
    write(
        &dir,
        "b-good.json",
        r#"{"sources": [{"id": "s", "title": "S"}, {"id": "unused", "title": "U"}],
"entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"},
             {"id": "lonely", "name": "L", "kind": "person"}],
"relationships": [
  {"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
  {"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
  {"from": "a", "to": "maybe-in-a-broken", "type": "knows", "evidence": [{"source": "s"}]}]}"#,
    );
    let unreadable = write(&dir, "c-locked.json", "{}");
    std::fs::set_permissions(
        &unreadable,
        std::os::unix::fs::PermissionsExt::from_mode(0o000),
    )
    .unwrap();
    // Root reads the file anyway: then only the malformed file is checked.
    let locked = std::fs::read(&unreadable).is_err();
    let data = dir.path().to_str().unwrap();
    let rules: Vec<String> = places(data).into_iter().map(|p| p.0).collect();
    let mut expected = vec!["malformed-json"];
    if locked {
        expected.push("io");
    }
    // Errors first; the duplicate is still found; unknown entity, orphan and
    // uncited are not reported: the broken files might define or cite them.
    expected.push("duplicate-relationship");
    assert_eq!(rules, expected);
    let out = run(&["check", "--data", data]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("note: `") && text.contains("a-broken.json` could not be read in full"),
        "{text}"
    );
    if locked {
        assert!(text.contains("c-locked.json"), "{text}");
        assert!(text.contains("check the file's permissions"), "{text}");
    }
    let report = json(&run(&["check", "--json", "--data", data]));
    assert_eq!(
        report["unread"].as_array().unwrap().len(),
        1 + usize::from(locked)
    );
}

#[test]
fn a_third_duplicate_relationship_points_at_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        &dir,
        "dups.json",
        r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
"relationships": [
  {"id": "r1", "from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
  {"id": "r2", "from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
  {"id": "r3", "from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}"#,
    );
    let messages: Vec<String> = places(&data).into_iter().map(|p| p.3).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with("relationship `r2` repeats `r1`"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("relationship `r3` repeats `r1`"),
        "{messages:?}"
    );
}

#[test]
fn a_dropped_relationship_or_broken_evidence_adds_no_follow_on_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        &dir,
        "noise.json",
        r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"},
             {"id": "c", "name": "C", "kind": "person"}],
"relationships": [
  {"from": "c", "to": 5, "type": "knows", "evidence": [{"source": "s"}]},
  {"from": "a", "to": "b", "type": "knows", "evidence": [{"quote": "no source"}]},
  {"from": "a", "to": "b", "type": "met", "evidence": "s"}]}"#,
    );
    let rules: Vec<String> = places(&data)
        .into_iter()
        .map(|p| format!("{} {}", p.0, p.3))
        .collect();
    assert_eq!(rules.len(), 3, "{rules:#?}");
    assert!(rules[0].starts_with("wrong-type `to`"), "{rules:#?}");
    assert!(rules[1].starts_with("missing-key"), "{rules:#?}");
    assert!(rules[2].starts_with("wrong-type `evidence`"), "{rules:#?}");
}

#[test]
fn repeated_top_level_keys_are_reported_like_repeated_record_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        &dir,
        "twice.json",
        r#"{"format": "casegraph/1",
"entities": [{"id": "a", "name": "A", "kind": "person"}],
"format": "casegraph/2",
"dataset": {"title": "T"},
"d\u0061taset": {"title": ["not", "even", "checked"]},
"entities": [{"id": "b", "name": "B", "kind": "person"}]}"#,
    );
    let got: Vec<_> = places(&data)
        .into_iter()
        .map(|(rule, line, col, msg)| format!("{rule} {line}:{col} {msg}"))
        .collect();
    assert_eq!(
        got,
        [
            "malformed-json 3:1 key `format` appears twice in the top-level object",
            "malformed-json 5:1 key `dataset` appears twice in the top-level object",
            "malformed-json 6:1 key `entities` appears twice in the top-level object",
            "orphan-entity 2:21 entity `a` is in no relationship",
        ]
    );
    let out = run(&["check", "--data", &data]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert!(!text.contains("director"), "{text}");
    // The escaped second `dataset` key is underlined at its real width.
    assert!(
        text.contains(&format!(" {} repeated key", "^".repeat(14))),
        "{text}"
    );
    assert!(text.contains("twice.json:4:1"), "{text}");
}

#[test]
fn a_non_ascii_id_is_not_a_slug_rather_than_too_long() {
    // 100 characters, 200 bytes: once reported as "100 characters long; at most 128".
    let dir = tempfile::tempdir().unwrap();
    let id = "é".repeat(100);
    let data = write(
        &dir,
        "accents.json",
        &format!(r#"{{"entities": [{{"id": "{id}", "name": "E", "kind": "person"}}]}}"#),
    );
    let got = places(&data);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0].0, "bad-id");
    assert_eq!(got[1].0, "orphan-entity");
    assert_eq!(got[0].3, format!("`{id}` is not a valid id"));
}

#[test]
fn dataset_id_of_dot_and_of_an_upper_case_extension() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("My-Case");
    let inner = case.join("sub");
    std::fs::create_dir_all(&inner).unwrap();
    let text = r#"{"entities": [{"id": "a", "name": "A", "kind": "person"}]}"#;
    std::fs::write(case.join("Data.JSON"), text).unwrap();
    std::fs::write(case.join("data.json"), text.replace("\"a\"", "\"b\"")).unwrap();
    std::fs::write(inner.join("x.json"), "{}").unwrap();
    let id = |dir: &std::path::Path, data: &str| {
        json(&crate::common::run_in(
            dir,
            &["check", "--json", "--data", data],
        ))["dataset"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    assert_eq!(id(&case, "."), "my-case");
    assert_eq!(id(&case, "./"), "my-case");
    assert_eq!(id(&inner, ".."), "my-case");
    assert_eq!(id(&case, "Data.JSON"), "data");
}

#[test]
fn a_number_too_large_is_reported_at_its_start_with_a_help() {
    let dir = tempfile::tempdir().unwrap();
    let data = write(
        &dir,
        "big.json",
        "{\"entities\": [\n  {\"id\": \"a\", \"properties\": {\"big\": 12345e400}}]}",
    );
    let report = json(&run(&["check", "--json", "--data", &data]));
    let d = &report["diagnostics"][0];
    assert_eq!(d["rule"], "malformed-json");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(37)),
        "{d}"
    );
    assert!(
        d["message"]
            .as_str()
            .unwrap()
            .starts_with("number out of range"),
        "{d}"
    );
    assert!(
        d["help"].as_str().is_some_and(|h| h.contains("64-bit")),
        "{d}"
    );
}

#[test]
fn a_bom_does_not_shift_the_column_of_an_invalid_byte() {
    let dir = tempfile::tempdir().unwrap();
    let column = |bom: bool| {
        let path = dir.path().join("bad.json");
        let mut bytes = if bom {
            b"\xef\xbb\xbf".to_vec()
        } else {
            Vec::new()
        };
        bytes.extend_from_slice(b"{\"entities\": [{\"id\": \"a\xff\"}]}");
        std::fs::write(&path, bytes).unwrap();
        let report = json(&run(&["check", "--json", "--data", path.to_str().unwrap()]));
        let d = &report["diagnostics"][0];
        assert_eq!(d["rule"], "malformed-json", "{d}");
        (d["line"].as_u64(), d["column"].as_u64())
    };
    assert_eq!(column(true), column(false));
    assert_eq!(column(false), (Some(1), Some(24)));
}
