//! `casegraph schema`: the JSON Schema made from the format's tables is a
//! valid draft 2020-12 schema, every valid file passes it and files with a
//! defect of shape do not, as a real validator (Python's `jsonschema`, the
//! reference implementation, in the readers' virtual environment) says.

use crate::common::{json, root, run, show};
use crate::readers::{python, readers_installed};

/// Files that must pass: every valid dataset file, the files that only
/// warn, and the template `init` writes.
const VALID: &[&str] = &[
    "graph-data/netflix-facebook.json",
    "tests/data/hostile.json",
    "tests/data/hostile-cypher.json",
    "tests/data/small/a-people.json",
    "tests/data/small/b-links.json",
    "tests/data/views/board-interlock.json",
    "tests/data/invalid/confirmed-disputed.json",
    "tests/data/invalid/orphan-entity.json",
    "tests/data/invalid/uncited-source.json",
    "tests/data/invalid/no-evidence.json",
    "src/cli/init/case.json",
];

/// Files with a defect of shape, each with the words the validator must
/// say about it.
const INVALID: &[(&str, &str)] = &[
    (
        "tests/data/invalid/unknown-key.json",
        "'descripton' was unexpected",
    ),
    (
        "tests/data/invalid/wrong-type.json",
        "is not of type 'string'",
    ),
    (
        "tests/data/invalid/missing-key.json",
        "'name' is a required property",
    ),
    (
        "tests/data/invalid/unknown-status.json",
        "'confirmd' is not one of",
    ),
    (
        "tests/data/invalid/unknown-source-kind.json",
        "'court_filng' is not one of",
    ),
    (
        "tests/data/invalid/bad-format.json",
        "'casegraph/1' was expected",
    ),
    (
        "tests/data/invalid/bad-date.json",
        "'2013-13' does not match",
    ),
    (
        "tests/data/invalid/bad-id.json",
        "'Netflix Inc' does not match",
    ),
    (
        "tests/data/invalid/bad-currency.json",
        "'usd' does not match",
    ),
    (
        "tests/data/invalid/negative-amount.json",
        "less than the minimum of 0",
    ),
    (
        "tests/data/invalid/nested-property.json",
        "is not valid under any",
    ),
    (
        "tests/data/invalid/view-wrong-type.json",
        "'yes' is not of type 'boolean'",
    ),
];

/// The validator: checks the schema itself, then prints one JSON line per
/// file with the messages of its errors.
const VALIDATE: &str = r#"
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for path in sys.argv[2:]:
    doc = json.load(open(path, encoding="utf-8"))
    print(json.dumps({"file": path, "errors": sorted(e.message for e in v.iter_errors(doc))}))
"#;

#[test]
fn the_schema_is_draft_2020_12_and_closed_where_the_format_is() {
    let out = run(&["schema"]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let schema = json(&out);
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["additionalProperties"], false);
    let rel = &schema["properties"]["relationships"]["items"];
    assert_eq!(rel["additionalProperties"], false);
    assert_eq!(rel["required"], serde_json::json!(["from", "to", "type"]));
    assert_eq!(
        rel["properties"]["evidence"]["items"]["additionalProperties"],
        false
    );
    // Free-form properties take any key.
    assert!(rel["properties"]["properties"]["additionalProperties"].is_object());
    // Descriptions come from the tables, for editors' hovers.
    assert_eq!(
        schema["properties"]["entities"]["items"]["properties"]["name"]["description"],
        "Display name."
    );
    // Deterministic: the same bytes each time.
    assert_eq!(run(&["schema"]).stdout, out.stdout);
}

#[test]
fn a_real_validator_passes_every_valid_file_and_fails_the_misshapen_ones() {
    if !readers_installed("python") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("casegraph.schema.json");
    std::fs::write(&schema, run(&["schema"]).stdout).unwrap();
    let files: Vec<&str> = VALID
        .iter()
        .copied()
        .chain(INVALID.iter().map(|(f, _)| *f))
        .collect();
    let out = std::process::Command::new(python())
        .args(["-c", VALIDATE, schema.to_str().unwrap()])
        .args(&files)
        .current_dir(root())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the validator failed (`pip install -r tests/readers/requirements.txt`?): {said}"
    );
    let results: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), files.len());
    for r in &results {
        let file = r["file"].as_str().unwrap();
        let errors: Vec<&str> = r["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        match INVALID.iter().find(|(f, _)| *f == file) {
            None => assert!(errors.is_empty(), "{file} is valid, but: {errors:?}"),
            Some((_, words)) => assert!(
                errors.iter().any(|e| e.contains(words)),
                "{file}: expected an error with {words:?}, got {errors:?}"
            ),
        }
    }
}

/// A `$schema` key is the editor's, not a typo: accepted when a string,
/// a wrong-type error otherwise.
#[test]
fn a_schema_key_is_accepted_as_a_string_only() {
    let dir = tempfile::tempdir().unwrap();
    let base = std::fs::read_to_string(root().join("tests/data/hostile.json")).unwrap();
    let with = |value: &str| {
        let path = dir.path().join("case.json");
        std::fs::write(
            &path,
            base.replacen('{', &format!("{{\n  \"$schema\": {value},"), 1),
        )
        .unwrap();
        run(&["check", "--deny-warnings", "--data", path.to_str().unwrap()])
    };
    let out = with("\"casegraph.schema.json\"");
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let out = with("7");
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("expected `$schema` to be a string, found a number"),
        "{err}"
    );
}
