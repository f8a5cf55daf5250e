//! One test per record-level rule: a small input, and exactly where its
//! diagnostic points, in the style of just's `analysis_error!`
//! (`src/testing.rs`): byte offset, 1-based line and column (in characters,
//! as shown to users), width in bytes and rule code.

use super::Builder;
use crate::diag::{Diagnostic, SourceFile};
use crate::read::json;

/// Validates `input` as one file named `test.json`.
pub(super) fn diagnostics(input: &str) -> (SourceFile, Vec<Diagnostic>) {
    let file = SourceFile::new("test.json".into(), input.into());
    let mut builder = Builder::new();
    builder.set_file(0, &file.text);
    let text = file.text.clone();
    json::read(&text, &mut builder).expect("well-formed JSON");
    let (_, diags) = builder.finish("test");
    (file, diags)
}

/// Asserts that the first diagnostic of `rule` points at `offset`, `width`
/// bytes long, shown at `line`:`column`.
fn check(input: &str, rule: &str, offset: usize, line: usize, column: usize, width: usize) {
    let (file, diags) = diagnostics(input);
    let Some(d) = diags.iter().find(|d| d.rule.code() == rule) else {
        panic!("no `{rule}` diagnostic in {diags:#?}");
    };
    let span = d.span.expect("the diagnostic has a place");
    assert_eq!(
        (span.offset, span.len),
        (offset, width),
        "offset and width of {:?} ({:?})",
        d.message,
        &input[span.offset..span.offset + span.len]
    );
    assert_eq!(file.line_col(span.offset), (line, column), "{}", d.message);
}

macro_rules! rule_error {
    (
        name: $name:ident,
        input: $input:expr,
        rule: $rule:expr,
        offset: $offset:expr,
        line: $line:expr,
        column: $column:expr,
        width: $width:expr,
    ) => {
        #[test]
        fn $name() {
            check($input, $rule, $offset, $line, $column, $width);
        }
    };
}

rule_error! {
    name: a_record_that_is_not_an_object,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}, 7],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "wrong-type",
    offset: 145,
    line: 3,
    column: 103,
    width: 1,
}

rule_error! {
    name: a_string_key_holding_a_number,
    input: r#"{
 "sources": [{"id": "s", "title": 5}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "wrong-type",
    offset: 36,
    line: 2,
    column: 35,
    width: 1,
}

rule_error! {
    name: a_relationship_without_to,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "missing-key",
    offset: 165,
    line: 4,
    column: 20,
    width: 1,
}

rule_error! {
    name: an_entity_without_kind,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "missing-key",
    offset: 101,
    line: 3,
    column: 59,
    width: 1,
}

rule_error! {
    name: a_citation_without_source,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"quote": "q"}]}]}
"#,
    rule: "missing-key",
    offset: 220,
    line: 4,
    column: 75,
    width: 1,
}

rule_error! {
    name: an_unknown_key_of_an_entity,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person", "nmae": "x"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "unknown-key",
    offset: 144,
    line: 3,
    column: 102,
    width: 6,
}

rule_error! {
    name: an_unknown_top_level_key,
    input: r#"{ "view": [],
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "unknown-key",
    offset: 2,
    line: 1,
    column: 3,
    width: 6,
}

rule_error! {
    name: a_key_written_twice,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "name": "C", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "malformed-json",
    offset: 126,
    line: 3,
    column: 84,
    width: 6,
}

rule_error! {
    name: a_top_level_key_written_twice,
    input: r#"{ "format": "casegraph/1", "format": "casegraph/1",
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "malformed-json",
    offset: 27,
    line: 1,
    column: 28,
    width: 8,
}

rule_error! {
    name: an_id_that_is_not_a_slug,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "B b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "B b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "bad-id",
    offset: 108,
    line: 3,
    column: 66,
    width: 5,
}

rule_error! {
    name: an_id_too_long,
    input: r#"{
 "sources": [{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}]}]}
"#,
    rule: "bad-id",
    offset: 22,
    line: 2,
    column: 21,
    width: 131,
}

rule_error! {
    name: a_duplicate_entity_id,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}, {"id": "a", "name": "A2", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "duplicate-id",
    offset: 152,
    line: 3,
    column: 110,
    width: 3,
}

rule_error! {
    name: a_reference_to_an_unknown_entity,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "c", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "unknown-entity",
    offset: 185,
    line: 4,
    column: 40,
    width: 3,
}

rule_error! {
    name: a_reference_to_an_unknown_source,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "t"}]}]}
"#,
    rule: "unknown-source",
    offset: 231,
    line: 4,
    column: 86,
    width: 3,
}

rule_error! {
    name: a_bad_date,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}], "date": "2024-13"}]}
"#,
    rule: "bad-date",
    offset: 246,
    line: 4,
    column: 101,
    width: 9,
}

rule_error! {
    name: an_end_before_the_start,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person", "start": "2020", "end": "2019-12"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "end-before-start",
    offset: 168,
    line: 3,
    column: 126,
    width: 9,
}

rule_error! {
    name: a_date_with_a_period,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}], "date": "2020", "end": "2021"}]}
"#,
    rule: "date-with-period",
    offset: 254,
    line: 4,
    column: 109,
    width: 5,
}

rule_error! {
    name: a_self_loop,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "a", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "self-loop",
    offset: 185,
    line: 4,
    column: 40,
    width: 3,
}

rule_error! {
    name: an_unknown_status,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}], "status": "rumoured"}]}
"#,
    rule: "unknown-status",
    offset: 248,
    line: 4,
    column: 103,
    width: 10,
}

rule_error! {
    name: a_type_not_in_snake_case,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "Knows-Of", "evidence": [{"source": "s"}]}]}
"#,
    rule: "bad-type",
    offset: 198,
    line: 4,
    column: 53,
    width: 10,
}

rule_error! {
    name: an_unknown_source_kind,
    input: r#"{
 "sources": [{"id": "s", "title": "S", "kind": "blog"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "unknown-source-kind",
    offset: 49,
    line: 2,
    column: 48,
    width: 6,
}

rule_error! {
    name: a_negative_amount,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}], "amount": {"value": -5, "currency": "USD"}}]}
"#,
    rule: "negative-amount",
    offset: 258,
    line: 4,
    column: 113,
    width: 1,
}

rule_error! {
    name: a_currency_in_lowercase,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}], "amount": {"value": 5, "currency": "usd"}}]}
"#,
    rule: "bad-currency",
    offset: 273,
    line: 4,
    column: 128,
    width: 5,
}

rule_error! {
    name: a_url_that_is_not_http,
    input: r#"{
 "sources": [{"id": "s", "title": "S", "url": "ftp://x.org/a"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "bad-url",
    offset: 48,
    line: 2,
    column: 47,
    width: 15,
}

rule_error! {
    name: a_confirmed_claim_disputed,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}], "status": "confirmed", "disputed_by": [{"entity": "b", "source": "s"}]}]}
"#,
    rule: "confirmed-disputed",
    offset: 261,
    line: 4,
    column: 116,
    width: 13,
}

rule_error! {
    name: an_unsupported_format,
    input: r#"{ "format": "casegraph/2",
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "bad-format",
    offset: 12,
    line: 1,
    column: 13,
    width: 13,
}

rule_error! {
    name: a_null_property,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person", "properties": {"age": null}}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "bad-property",
    offset: 166,
    line: 3,
    column: 124,
    width: 1,
}

rule_error! {
    name: a_nested_property_in_a_list,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person", "properties": {"tags": ["x", {}]}}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "bad-property",
    offset: 173,
    line: 3,
    column: 131,
    width: 1,
}

rule_error! {
    name: a_relationship_without_evidence,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows"}]}
"#,
    rule: "no-evidence",
    offset: 165,
    line: 4,
    column: 20,
    width: 1,
}

rule_error! {
    name: an_entity_in_no_relationship,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}, {"id": "c", "name": "C", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "orphan-entity",
    offset: 152,
    line: 3,
    column: 110,
    width: 3,
}

rule_error! {
    name: a_source_never_cited,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}, {"id": "t", "title": "T"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "uncited-source",
    offset: 49,
    line: 2,
    column: 48,
    width: 3,
}

rule_error! {
    name: a_relationship_repeated,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
   {"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "duplicate-relationship",
    offset: 242,
    line: 5,
    column: 4,
    width: 1,
}

rule_error! {
    name: the_top_level_not_an_object,
    input: r"
  [1, 2]
",
    rule: "wrong-type",
    offset: 3,
    line: 2,
    column: 3,
    width: 1,
}

rule_error! {
    name: a_column_counts_characters_not_bytes,
    input: r#"{
 "sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "Zoë Ünal", "kind": "person", "nmae": "x"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}
"#,
    rule: "unknown-key",
    offset: 153,
    line: 3,
    column: 109,
    width: 6,
}

rule_error! {
    name: entities_not_an_array,
    input: r#"{"entities": {"id": "a"}}"#,
    rule: "wrong-type",
    offset: 13,
    line: 1,
    column: 14,
    width: 1,
}

#[test]
fn a_valid_input_has_no_diagnostic() {
    let input = r#"{"sources": [{"id": "s", "title": "S"}],
 "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
 "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
    assert_eq!(diagnostics(input).1, []);
}

/// The required keys come from the format's tables; the record is named
/// as before: by its id once it has one.
#[test]
fn missing_keys_are_reported_in_table_order_with_the_records_name() {
    let input = r#"{"entities": [{"id": "b"}], "relationships": [{"type": "x"}]}"#;
    let messages: Vec<String> = diagnostics(input)
        .1
        .into_iter()
        .filter(|d| d.rule.code() == "missing-key")
        .map(|d| d.message)
        .collect();
    assert_eq!(
        messages,
        [
            "entity `b` has no `name`",
            "entity `b` has no `kind`",
            "a relationship has no `from`",
            "a relationship has no `to`",
        ]
    );
}

/// A wrong type names what the table says the key holds.
#[test]
fn wrong_types_say_what_the_table_expects() {
    let input = r#"{"relationships": [{"from": "a", "to": "b", "type": "t", "directed": "no",
        "evidence": {}, "amount": {"value": "1", "currency": "USD"}}]}"#;
    let messages: Vec<String> = diagnostics(input)
        .1
        .into_iter()
        .filter(|d| d.rule.code() == "wrong-type")
        .map(|d| d.message)
        .collect();
    assert_eq!(
        messages,
        [
            "`directed` must be `true` or `false`, found a string",
            "`evidence` must be an array of objects, found an object",
            "`value` must be a number, found a string",
        ]
    );
}

#[test]
fn a_second_dataset_block_in_another_file() {
    let first = r#"{"dataset": {"id": "x"}}"#;
    let second = "{\n  \"dataset\": {}}";
    let mut builder = Builder::new();
    let files = [
        SourceFile::new("a.json".into(), first.into()),
        SourceFile::new("b.json".into(), second.into()),
    ];
    for (i, file) in files.iter().enumerate() {
        builder.set_file(i as u32, &file.text);
        json::read(&file.text, &mut builder).unwrap();
    }
    let (_, diags) = builder.finish("test");
    let d = &diags[0];
    assert_eq!(d.rule.code(), "duplicate-dataset");
    let span = d.span.unwrap();
    assert_eq!((span.file, span.offset, span.len), (1, 4, 9));
    assert_eq!(files[1].line_col(span.offset), (2, 3));
    let (related, _) = d.related.as_ref().unwrap();
    assert_eq!((related.file, related.offset, related.len), (0, 1, 9));
}

/// `unknown-kind` warns about a kind that is a synonym or a misspelling of
/// one the format names, suggesting it; a kind like none of them is an
/// extension the format allows, and gets no word.
#[test]
fn unknown_kind_warns_only_about_a_kind_that_looks_like_a_listed_one() {
    let with_kind = |kind: &str| {
        let input = format!(
            r#"{{"sources": [{{"id": "s", "title": "S"}}],
 "entities": [{{"id": "a", "name": "A", "kind": "{kind}"}}, {{"id": "b", "name": "B", "kind": "person"}}],
 "relationships": [{{"from": "a", "to": "b", "type": "knows", "evidence": [{{"source": "s"}}]}}]}}"#
        );
        let (_, diags) = diagnostics(&input);
        diags
            .iter()
            .map(|d| (d.rule.code(), d.suggestion.clone().unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    let warned = |s: &str| vec![("unknown-kind", s.to_owned())];
    assert_eq!(with_kind("company"), warned("organization"));
    assert_eq!(with_kind("Person"), warned("person"));
    assert_eq!(with_kind("persn"), warned("person"));
    assert_eq!(with_kind("Court Case"), warned("court_case"));
    assert_eq!(with_kind("agencies"), warned("government"));
    for own in ["vessel", "aircraft", "person", "other"] {
        assert_eq!(with_kind(own), vec![], "{own}");
    }
}
