//! Unit tests of diagnostics.

use super::*;

#[test]
fn line_col_counts_characters() {
    let f = SourceFile::new("f".into(), "ab\n€x\ny".into());
    assert_eq!(f.line_col(0), (1, 1));
    assert_eq!(f.line_col(3), (2, 1));
    assert_eq!(f.line_col(6), (2, 2)); // after the 3-byte euro sign
    assert_eq!(f.line_col(8), (3, 1));
}

#[test]
fn long_lines_are_windowed() {
    let text = format!("{{\"a\": \"{}\", \"b\": 1}}", "x".repeat(100_000));
    let mut files = SourceFiles::default();
    let id = files.add(SourceFile::new("big.json".into(), text.clone()));
    let offset = text.find("\"b\"").unwrap();
    let d = Diagnostic::new(
        Rule::UnknownKey,
        Some(Span {
            file: id,
            offset,
            len: 3,
        }),
        "unknown key `b`",
    );
    let shown = render(&d, &files, Palette::plain());
    assert!(shown.len() < 600, "{shown}");
    assert!(shown.contains(&format!("big.json:1:{}", offset + 1)));
}

#[test]
fn columns_are_lettered_as_spreadsheets_do() {
    let got: Vec<String> = [0, 3, 25, 26, 27, 51, 52, 701, 702]
        .into_iter()
        .map(column_letters)
        .collect();
    assert_eq!(got, ["A", "D", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
}

#[test]
fn a_position_in_a_table_is_named_by_its_cell() {
    let text = "id,to,note\nr1,\"a, b\",x\nr2,\"multi\nline\",y\n";
    let mut csv = SourceFile::new("rel.csv".into(), text.into());
    csv.set_cells(Cells {
        header: vec!["id".into(), "to".into(), "note".into()],
        rows: vec![0, 11, 23],
        sheet: None,
    });
    let at = |s: &str| text.find(s).unwrap();
    assert_eq!(csv.place(at("x")), "rel.csv:2:11 (column `note`)");
    assert_eq!(csv.place(at("\"a, b")), "rel.csv:2:4 (column `to`)");
    assert_eq!(csv.place(at("y")), "rel.csv:4:7 (column `note`)");
    assert_eq!(csv.cell_in_row(at("r2"), "note"), Some((at("y"), 1)));
    let mut sheet = SourceFile::new("case.xlsx:rel".into(), text.into());
    sheet.set_cells(Cells {
        header: vec!["id".into(), "to".into(), "note".into()],
        rows: vec![0, 11, 23],
        sheet: Some(SheetPlace {
            book: "case.xlsx".into(),
            sheet: "relationships".into(),
            lines: vec![(0, 3), (11, 4), (23, 5)],
            first_col: 2,
        }),
    });
    assert_eq!(
        sheet.place(at("y")),
        "case.xlsx:relationships!E5 (column `note`)"
    );
    assert_eq!(sheet.shown_name(), "case.xlsx");
}

#[test]
fn suggestions_are_close_matches_only() {
    assert_eq!(
        closest("globx", ["globex", "initech"]),
        Some("globex".into())
    );
    assert_eq!(closest("zzzzzz", ["globex", "initech"]), None);
}

#[test]
fn the_catalogue_states_the_nesting_limit_the_reader_enforces() {
    // The description is a literal of the `rules!` table; this keeps it
    // in step with the limit.
    let limit = format!("deeper than {} levels", crate::format::MAX_NESTING);
    assert!(Rule::MalformedJson.description().contains(&limit));
}

#[test]
fn the_catalogue_names_the_format_tag_the_validator_accepts() {
    let tag = format!("other than {}", crate::format::FORMAT_TAG);
    assert!(Rule::BadFormat.description().contains(&tag));
}
