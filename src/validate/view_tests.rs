//! The views' rules, in the style of [`super::tests`]: a small valid
//! dataset with `views` appended, and exactly where each diagnostic points.

use super::Builder;
use super::tests::diagnostics;
use crate::diag::SourceFile;
use crate::read::json;

/// A small valid dataset with `views` appended.
fn with_views(views: &str) -> String {
    format!(
        r#"{{
 "sources": [{{"id": "s", "title": "S"}}],
 "entities": [{{"id": "a", "name": "A", "kind": "person"}}, {{"id": "b", "name": "B", "kind": "person"}}],
 "relationships": [{{"from": "a", "to": "b", "type": "knows", "evidence": [{{"source": "s"}}]}}],
 "views": {views}}}
"#
    )
}

/// Asserts that the view rule `rule` is reported exactly at `at` (its first
/// occurrence after `"views"`), `width` bytes wide, and is the only error.
fn check_view(views: &str, rule: &str, at: &str, width: usize) {
    let input = with_views(views);
    let start = input.find("\"views\"").unwrap();
    let offset = start + input[start..].find(at).expect("needle in the input");
    let (_, diags) = diagnostics(&input);
    assert_eq!(diags.len(), 1, "{diags:#?}");
    assert_eq!(diags[0].rule.code(), rule, "{diags:#?}");
    let span = diags[0].span.expect("placed");
    assert_eq!(
        (span.offset, span.len),
        (offset, width),
        "{}",
        diags[0].message
    );
}

macro_rules! view_error {
    (name: $name:ident, views: $views:expr, rule: $rule:expr, at: $at:expr, width: $width:expr,) => {
        #[test]
        fn $name() {
            check_view($views, $rule, $at, $width);
        }
    };
}

view_error! {
    name: a_view_with_focus_and_path,
    views: r#"[{"id": "v", "title": "T", "focus": "a", "path": ["a", "b"]}]"#,
    rule: "bad-view", at: "[\"a\"", width: 1,
}

view_error! {
    name: a_view_with_depth_but_no_focus,
    views: r#"[{"id": "v", "title": "T", "depth": 2}]"#,
    rule: "bad-view", at: "2}", width: 1,
}

view_error! {
    name: a_view_with_path_options_but_no_path,
    views: r#"[{"id": "v", "title": "T", "path_options": {"k": 2}}]"#,
    rule: "bad-view", at: "{\"k\"", width: 1,
}

view_error! {
    name: a_view_depth_out_of_range,
    views: r#"[{"id": "v", "title": "T", "focus": "a", "depth": 7}]"#,
    rule: "bad-view", at: "7", width: 1,
}

view_error! {
    name: a_view_context_out_of_range,
    views: r#"[{"id": "v", "title": "T", "path": ["a", "b"], "path_options": {"context": 3}}]"#,
    rule: "bad-view", at: "3}", width: 1,
}

view_error! {
    name: a_view_between_out_of_order,
    views: r#"[{"id": "v", "title": "T", "filter": {"between": ["2020", "2019-05"]}}]"#,
    rule: "bad-view", at: "[\"2020\"", width: 1,
}

view_error! {
    name: a_view_note_on_both,
    views: r#"[{"id": "v", "title": "T", "notes": [{"entity": "a", "relationship": "a.knows.b", "text": "x"}]}]"#,
    rule: "bad-view", at: "{\"entity\"", width: 1,
}

view_error! {
    name: a_view_note_on_neither,
    views: r#"[{"id": "v", "title": "T", "notes": [{"text": "x"}]}]"#,
    rule: "bad-view", at: "{\"text\"", width: 1,
}

view_error! {
    name: a_view_path_of_three,
    views: r#"[{"id": "v", "title": "T", "path": ["a", "b", "a"]}]"#,
    rule: "bad-view", at: "[\"a\"", width: 1,
}

view_error! {
    name: a_view_path_from_an_entity_to_itself,
    views: r#"[{"id": "v", "title": "T", "path": ["a", "a"]}]"#,
    rule: "bad-view", at: "[\"a\"", width: 1,
}

view_error! {
    name: a_view_path_via_one_of_its_ends,
    views: r#"[{"id": "v", "title": "T", "path": ["a", "b"], "path_options": {"via": "b"}}]"#,
    rule: "bad-view", at: "{\"via\"", width: 1,
}

view_error! {
    name: a_view_path_avoiding_one_of_its_ends,
    views: r#"[{"id": "v", "title": "T", "path": ["a", "b"], "path_options": {"avoid": ["a"]}}]"#,
    rule: "bad-view", at: "{\"avoid\"", width: 1,
}

view_error! {
    name: a_view_rankdir_in_lowercase,
    views: r#"[{"id": "v", "title": "T", "rankdir": "tb"}]"#,
    rule: "bad-view", at: "\"tb\"", width: 4,
}

view_error! {
    name: a_view_naming_the_dataset_id,
    views: r#"[{"id": "test", "title": "T"}]"#,
    rule: "bad-view", at: "\"test\"", width: 6,
}

view_error! {
    name: a_view_naming_an_unknown_entity,
    views: r#"[{"id": "v", "title": "T", "highlight": {"entities": ["c"]}}]"#,
    rule: "unknown-entity", at: "\"c\"", width: 3,
}

view_error! {
    name: a_view_naming_an_unknown_relationship,
    views: r#"[{"id": "v", "title": "T", "notes": [{"relationship": "a.know.b", "text": "x"}]}]"#,
    rule: "unknown-relationship", at: "\"a.know.b\"", width: 10,
}

view_error! {
    name: a_view_depth_as_a_string,
    views: r#"[{"id": "v", "title": "T", "focus": "a", "depth": "2"}]"#,
    rule: "wrong-type", at: "\"2\"", width: 3,
}

view_error! {
    name: a_view_highlight_item_not_a_string,
    views: r#"[{"id": "v", "title": "T", "highlight": {"entities": [1]}}]"#,
    rule: "wrong-type", at: "1]", width: 1,
}

view_error! {
    name: views_that_are_not_an_array,
    views: r#"{"id": "v"}"#,
    rule: "wrong-type", at: "{\"id\"", width: 1,
}

view_error! {
    name: a_view_id_used_twice,
    views: r#"[{"id": "v", "title": "T"}, {"id": "v", "title": "U"}]"#,
    rule: "duplicate-id", at: "\"v\", \"title\": \"U\"", width: 3,
}

view_error! {
    name: a_view_without_a_title,
    views: r#"[{"id": "v"}]"#,
    rule: "missing-key", at: "{\"id\"", width: 1,
}

#[test]
fn a_view_keeps_its_resolved_ids_and_defaults() {
    let input = with_views(
        r#"[{"id": "v", "title": "T", "path": ["a", "b"], "filter": {"min_status": "reported"},
            "highlight": {"relationships": ["a.knows.b"]},
            "notes": [{"relationship": "a.knows.b", "text": "x"}, {"entity": "b", "text": "y"}],
            "rankdir": "TB"}]"#,
    );
    let file = SourceFile::new("test.json".into(), input.clone());
    let mut builder = Builder::new();
    builder.set_file(0, &file.text);
    json::read(&file.text.clone(), &mut builder).unwrap();
    let (model, diags) = builder.finish("test");
    assert!(diags.is_empty(), "{diags:#?}");
    let model = model.unwrap();
    let v = &model.views()[0];
    let (a, b) = (
        model.entity_by_id("a").unwrap(),
        model.entity_by_id("b").unwrap(),
    );
    let rel = model.relationship_by_id("a.knows.b").unwrap();
    use crate::model::{Annotated, PathOptions, Rankdir, Selects, Status};
    assert_eq!(
        v.selects,
        Selects::Path {
            from: a,
            to: b,
            options: PathOptions::default()
        }
    );
    assert_eq!(v.highlight_relationships, [rel]);
    assert_eq!(v.notes[0].about, Annotated::Relationship(rel));
    assert_eq!(v.notes[1].about, Annotated::Entity(b));
    assert_eq!(
        v.filter.statuses,
        Some(vec![Status::Confirmed, Status::Reported])
    );
    assert_eq!(v.rankdir, Rankdir::TB);
}
