//! CSV files and workbooks (FORMAT.md, "CSV and spreadsheets"): the
//! format's second reader, checked by the same rules as JSON, with
//! diagnostics at the cell.
//!
//! `tests/data/csv/harbour` is a small case of its own (a port's dredging
//! contract) in the three CSV files; `edge/` holds it as spreadsheet
//! programs write it (BOM, `\r\n`, blank rows, quoted cells…), `invalid/`
//! one fixture per rule that a cell can break, and `libreoffice/` the
//! workbook below as LibreOffice saved it.

use crate::common::{json, root, run, run_in, show};
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};
use std::path::Path;

const HARBOUR: &str = "tests/data/csv/harbour";

/// The rule each invalid fixture must trigger, when its name is not the rule's code.
fn expected_rule(name: &str) -> &str {
    match name {
        "not-utf8" | "empty-file" | "no-header-row" | "duplicate-header" | "unclosed-quote" => {
            "malformed-json"
        }
        "missing-column" => "missing-key",
        "repeated-row-differs" => "duplicate-id",
        "trimmed-id" => "bad-id",
        "cell-without-header" => "unknown-key",
        "unreadable-workbook" | "damaged-workbook" => "io",
        other => other,
    }
}

/// Rules no cell can break: they are about JSON's syntax, the `dataset`
/// block, views (which stay in JSON) or the size of a dataset.
const NOT_IN_CELLS: &[&str] = &[
    "bad-format",
    "duplicate-dataset",
    "bad-view",
    "resource-limit",
];

fn fixtures(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join(dir))
        .expect("fixtures exist")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn every_rule_a_cell_can_break_has_a_csv_fixture() {
    let names = fixtures("tests/data/csv/invalid");
    for rule in casegraph::Rule::ALL {
        if NOT_IN_CELLS.contains(&rule.code()) {
            continue;
        }
        assert!(
            names.iter().any(|n| expected_rule(n) == rule.code()),
            "no CSV fixture for rule `{rule}`"
        );
    }
}

#[test]
fn each_csv_fixture_reports_exactly_its_rule_at_its_cell() {
    for name in fixtures("tests/data/csv/invalid") {
        let path = format!("tests/data/csv/invalid/{name}");
        let out = run(&["check", "--data", &path]);
        insta::assert_snapshot!(format!("sheets-{name}"), show(&out));

        let report = json(&run(&["check", "--json", "--data", &path]));
        let diags = report["diagnostics"].as_array().unwrap();
        assert_eq!(diags.len(), 1, "{name}: {diags:#?}");
        assert_eq!(diags[0]["rule"], expected_rule(&name), "{name}");
        let warning = diags[0]["severity"] == "warning";
        assert_eq!(out.status.code(), Some(i32::from(!warning)), "{name}");
        if !name.ends_with("-workbook") {
            assert!(diags[0]["line"].as_u64().is_some(), "{name}: no line");
        }
    }
}

/// The sources, entities and relationships of the canonical JSON export:
/// the dataset as read, without its id (which is the directory's name).
fn records(data: &str) -> serde_json::Value {
    let out = run(&["export", "--format", "json", "--data", data]);
    assert!(out.status.success(), "{data}: {}", show(&out));
    let mut all = json(&out);
    let all = all.as_object_mut().unwrap();
    all.remove("dataset");
    serde_json::Value::Object(all.clone())
}

#[test]
fn the_harbour_case_loads_and_every_command_reads_it() {
    let out = run(&["check", "--deny-warnings", "--data", HARBOUR]);
    insta::assert_snapshot!(show(&out), @r"
    status: 0
    --- stdout
    ok: harbour from tests/data/csv/harbour: 4 entities, 4 relationships, 3 sources, 0 warnings
    ");
    // Every cell read as the format says: lists with `\;`, properties as
    // numbers and booleans, a repeated row adding a citation and a dispute.
    insta::assert_json_snapshot!("sheets-harbour-canonical", records(HARBOUR));
    let out = run(&["show", "deepwater", "--data", HARBOUR]);
    insta::assert_snapshot!("sheets-harbour-show", show(&out));
    let out = run(&["path", "harbour-watch", "deepwater", "--data", HARBOUR]);
    assert!(out.status.success(), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 hops"));
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("out");
    let out = run(&[
        "build",
        "--data",
        &root().join(HARBOUR).display().to_string(),
        "--out",
        &out_dir.display().to_string(),
    ]);
    assert!(out.status.success(), "{}", show(&out));
    assert!(out_dir.join("harbour.svg").is_file());
}

#[test]
fn what_spreadsheet_programs_write_reads_the_same_as_plain_csv() {
    let plain = records(HARBOUR);
    for name in fixtures("tests/data/csv/edge") {
        if name == "quoted-newline" {
            continue;
        }
        let path = format!("tests/data/csv/edge/{name}");
        let out = run(&["check", "--deny-warnings", "--data", &path]);
        assert!(out.status.success(), "{name}: {}", show(&out));
        assert_eq!(records(&path), plain, "{name}");
    }
}

#[test]
fn a_quoted_cell_keeps_its_newline_and_doubled_quotes() {
    let data = records("tests/data/csv/edge/quoted-newline");
    let quote = &data["relationships"][0]["evidence"][1]["quote"];
    assert_eq!(
        quote,
        "No comparison of offers\nwas documented, \"as required\"."
    );
    // A problem after the multi-line cell is still at its line.
    let dir = copy_of("tests/data/csv/edge/quoted-newline");
    let rels = dir.path().join("relationships.csv");
    let text = std::fs::read_to_string(&rels).unwrap();
    std::fs::write(
        &rels,
        text.replace(",m-ortiz,deepwater,", ",m-ortiz,deepwatr,"),
    )
    .unwrap();
    let out = run(&["check", "--data", &dir.path().display().to_string()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("relationships.csv:5:10 (column `to`)"),
        "{err}"
    );
}

/// A temporary copy of a fixture directory.
fn copy_of(dir: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(root().join(dir)).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), tmp.path().join(e.file_name())).unwrap();
    }
    tmp
}

#[test]
fn json_csv_and_a_workbook_in_one_directory_are_one_dataset() {
    let tmp = copy_of(HARBOUR);
    let dir = tempfile::TempDir::new().unwrap();
    let case = dir.path().join("case");
    std::fs::rename(tmp.path(), &case).unwrap();
    struct Dir(std::path::PathBuf);
    impl Dir {
        fn path(&self) -> &Path {
            &self.0
        }
    }
    let dir = Dir(case);
    std::fs::write(
        dir.path().join("more.json"),
        r#"{ "entities": [{ "id": "city-council", "name": "City Council", "kind": "government" }],
  "relationships": [{ "from": "city-council", "to": "port-authority", "type": "oversees",
    "evidence": [{ "source": "audit-2021" }] }],
  "views": [{ "id": "the-contract", "title": "The contract", "focus": "deepwater" }] }"#,
    )
    .unwrap();
    std::fs::write(dir.path().join("notes.xlsx"), notes_workbook()).unwrap();
    let out = run_in(dir.path(), &["check", "--deny-warnings", "--data", "."]);
    insta::assert_snapshot!(show(&out), @r"
    status: 0
    --- stdout
    ok: case from .: 6 entities, 6 relationships, 3 sources, 0 warnings
    --- stderr
    note: sheet `Notes` of `./notes.xlsx` was not read: the format's sheets are `entities`, `relationships` and `sources`
    ");
    // Ids are unique across the files, whatever each one is.
    std::fs::write(
        dir.path().join("more.json"),
        r#"{ "entities": [{ "id": "deepwater", "name": "Deepwater (JSON)", "kind": "organization" }] }"#,
    )
    .unwrap();
    std::fs::remove_file(dir.path().join("notes.xlsx")).unwrap();
    let out = run_in(dir.path(), &["check", "--data", "."]);
    insta::assert_snapshot!(show(&out), @r#"
    status: 1
    --- stderr
    error[duplicate-id]: duplicate entity id `deepwater`
     --> ./more.json:1:24
      |
    1 | { "entities": [{ "id": "deepwater", "name": "Deepwater (JSON)", "kind": "organization" }] }
      |                        ^^^^^^^^^^^ already used
      = note: first defined at ./entities.csv:3:1 (column `id`)
      = help: ids must be unique across the whole dataset: rename one of them

    error: 1 error and 0 warnings in .
    "#);
}

/// A workbook of one more entity and relationship, and a sheet that is
/// not the format's.
fn notes_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let s = book.add_worksheet().set_name("Entities").unwrap();
    for (c, v) in ["id", "name", "kind"].iter().enumerate() {
        s.write_string(0, c as u16, *v).unwrap();
    }
    for (c, v) in ["dredge-one", "Dredger One", "product"].iter().enumerate() {
        s.write_string(1, c as u16, *v).unwrap();
    }
    let s = book.add_worksheet().set_name("relationships").unwrap();
    for (c, v) in ["from", "to", "type", "source"].iter().enumerate() {
        s.write_string(0, c as u16, *v).unwrap();
    }
    for (c, v) in ["deepwater", "dredge-one", "operates", "gazette-2020"]
        .iter()
        .enumerate()
    {
        s.write_string(1, c as u16, *v).unwrap();
    }
    let s = book.add_worksheet().set_name("Notes").unwrap();
    s.write_string(0, 0, "ask the audit office for the tender file")
        .unwrap();
    book.save_to_buffer().unwrap()
}

/// The harbour case as a workbook, its cells typed as a spreadsheet
/// program types them: dates as date cells, numbers as numbers, booleans
/// as booleans, one number as a formula with its cached value, and a
/// sheet that is not the format's.
fn harbour_workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for table in ["sources", "entities", "relationships"] {
        let text =
            std::fs::read_to_string(root().join(HARBOUR).join(format!("{table}.csv"))).unwrap();
        let mut rows = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let sheet = book.add_worksheet().set_name(table).unwrap();
        let mut header = Vec::new();
        for (r, row) in rows.records().enumerate() {
            let row = row.unwrap();
            for (c, cell) in row.iter().enumerate() {
                let (r, c16) = (r as u32, c as u16);
                if r == 0 {
                    header.push(cell.to_owned());
                    sheet.write_string(r, c16, cell).unwrap();
                    continue;
                }
                let column = header[c].as_str();
                let numeric = matches!(column, "amount" | "properties.employees");
                if cell.is_empty() {
                } else if column == "properties.employees" && cell == "1200" {
                    sheet
                        .write_formula(r, c16, Formula::new("=1000+200").set_result("1200"))
                        .unwrap();
                } else if numeric || (cell.len() == 4 && cell.parse::<u16>().is_ok()) {
                    sheet
                        .write_number(r, c16, cell.parse::<f64>().unwrap())
                        .unwrap();
                } else if cell == "true" || cell == "false" {
                    sheet.write_boolean(r, c16, cell == "true").unwrap();
                } else if cell.len() == 10 && cell.as_bytes()[4] == b'-' && column != "locator" {
                    let d = ExcelDateTime::parse_from_str(cell).unwrap();
                    sheet.write_datetime_with_format(r, c16, &d, &date).unwrap();
                } else {
                    sheet.write_string(r, c16, cell).unwrap();
                }
            }
        }
    }
    let notes = book.add_worksheet().set_name("Reading list").unwrap();
    notes.write_string(0, 0, "court file, exhibit 4").unwrap();
    book.save_to_buffer().unwrap()
}

#[test]
fn a_workbook_reads_the_same_as_the_csv_files() {
    let bytes = harbour_workbook();
    // Kept where LibreOffice can convert it by hand (tests/data/csv/README.md).
    std::fs::write(
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("harbour.xlsx"),
        &bytes,
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("case.xlsx"), &bytes).unwrap();
    let out = run_in(
        dir.path(),
        &["check", "--deny-warnings", "--data", "case.xlsx"],
    );
    insta::assert_snapshot!(show(&out), @r"
    status: 0
    --- stdout
    ok: case from case.xlsx: 4 entities, 4 relationships, 3 sources, 0 warnings
    --- stderr
    note: sheet `Reading list` of `case.xlsx` was not read: the format's sheets are `entities`, `relationships` and `sources`
    ");
    let path = dir.path().join("case.xlsx").display().to_string();
    assert_eq!(records(&path), records(HARBOUR));
}

#[test]
fn files_saved_by_libreoffice_read_the_same_as_the_csv_files() {
    let plain = records(HARBOUR);
    for name in ["harbour.ods", "harbour.xlsx"] {
        let path = format!("tests/data/csv/libreoffice/{name}");
        let out = run(&["check", "--deny-warnings", "--data", &path]);
        assert!(out.status.success(), "{name}: {}", show(&out));
        assert_eq!(records(&path), plain, "{name}");
    }
}

#[test]
fn a_typo_in_a_workbook_is_named_by_sheet_and_cell() {
    let mut book = Workbook::new();
    let s = book.add_worksheet().set_name("entities").unwrap();
    for (r, row) in [
        ["id", "name", "kind"],
        ["a", "A", "person"],
        ["b", "B", "person"],
    ]
    .iter()
    .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            s.write_string(r as u32 + 2, c as u16 + 1, *v).unwrap();
        }
    }
    // An empty sheet holds no records.
    book.add_worksheet().set_name("Sources").unwrap();
    let s = book.add_worksheet().set_name("relationships").unwrap();
    for (r, row) in [["from", "to", "type"], ["a", "bb", "knows"]]
        .iter()
        .enumerate()
    {
        for (c, v) in row.iter().enumerate() {
            s.write_string(r as u32, c as u16, *v).unwrap();
        }
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("case.xlsx"), book.save_to_buffer().unwrap()).unwrap();
    let out = run_in(dir.path(), &["check", "--data", "case.xlsx"]);
    insta::assert_snapshot!(show(&out), @r"
    status: 1
    --- stderr
    error[unknown-entity]: relationship `a.knows.bb` refers to unknown entity `bb`
     --> case.xlsx:relationships!B2 (column `to`)
      |
    2 | a,bb,knows
      |   ^^ no entity has this id
      = help: did you mean `b`?

    warning[orphan-entity]: entity `b` is in no relationship
     --> case.xlsx:entities!B5 (column `id`)
      |
    5 | b,B,person
      | ^ not linked to anything
      = help: add a relationship that involves it, or remove it

    warning[no-evidence]: relationship `a.knows.bb` cites no evidence
     --> case.xlsx:relationships!A2 (column `from`)
      |
    2 | a,bb,knows
      | ^ there is no `source` column
      = help: give the row a `source` (a source's id), and a `locator` and `quote` if you can; for more citations, give the relationship an `id` and repeat the row

    error: 1 error and 2 warnings in case.xlsx
    ");
    let report = json(&run_in(
        dir.path(),
        &["check", "--json", "--data", "case.xlsx"],
    ));
    let d = &report["diagnostics"][0];
    assert_eq!(
        (&d["file"], &d["sheet"], &d["cell"], &d["header"]),
        (
            &"case.xlsx".into(),
            &"relationships".into(),
            &"B2".into(),
            &"to".into()
        )
    );
}
