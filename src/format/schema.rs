//! The format as a JSON Schema (draft 2020-12), made from the field tables
//! ([`super::fields`]) and the word lists ([`super::vocab`]), so it cannot
//! drift from what the validator checks: `casegraph schema` prints it, and
//! `casegraph init` writes it beside a new dataset for editors to complete
//! keys and flag typos as the user types.
//!
//! The schema checks the shape of one file: keys, types, required keys,
//! closed word lists, id and date patterns, and unknown keys refused
//! (`additionalProperties: false`) wherever the format refuses them. What
//! needs the whole dataset (references between records, duplicate ids,
//! dates in order) is left to `casegraph check`: every valid file passes
//! the schema, but not every file that passes is valid.

use super::fields::{Field, TOP_FIELDS, ValueKind};
use super::vocab::{ENTITY_KINDS, RANKDIRS, SourceKind, Status};
use super::{FORMAT_TAG, MAX_ID_LEN};
use serde_json::{Value, json};

/// The draft the schema is written in.
pub const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The file name `init` gives the schema, and its new dataset's `$schema`.
pub const FILE_NAME: &str = "casegraph.schema.json";

/// A slug id: [`super::is_slug`] as a pattern.
const SLUG: &str = "^[a-z0-9]+([-_.][a-z0-9]+)*$";
/// A snake_case relationship type: [`super::is_snake_case`] as a pattern.
const SNAKE_CASE: &str = "^[a-z][a-z0-9]*(_[a-z0-9]+)*$";
/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
const DATE: &str = "^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$";
/// [`super::is_http_url`] as a pattern: http or https, a host, no white space.
const HTTP_URL: &str = "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+\\S*$";
/// [`super::rules::is_currency`] as a pattern.
const CURRENCY: &str = "^[A-Z]{3}$";

/// The JSON Schema of a casegraph file.
pub fn json_schema() -> Value {
    let mut schema = object(TOP_FIELDS);
    if let Value::Object(map) = &mut schema {
        map.insert("$schema".into(), DRAFT.into());
        map.insert(
            "title".into(),
            format!("A {FORMAT_TAG} dataset file").into(),
        );
        map.insert(
            "description".into(),
            "The casegraph data format (graph-data/README.md). `casegraph check` checks \
             what a schema cannot: references between records, duplicate ids, dates in order."
                .into(),
        );
    }
    schema
}

/// The schema text `casegraph schema` prints and `init` writes: pretty, with
/// a final newline.
///
/// # Panics
///
/// Never: a `serde_json::Value` always serializes.
pub fn json_schema_text() -> String {
    let mut s =
        serde_json::to_string_pretty(&json_schema()).expect("a JSON value always serializes");
    s.push('\n');
    s
}

/// An object with exactly the keys of `fields`, the required ones required.
fn object(fields: &'static [Field]) -> Value {
    let properties: serde_json::Map<String, Value> = fields
        .iter()
        .map(|f| {
            let mut v = value(f.value);
            v["description"] = f.description().into();
            (f.key.to_owned(), v)
        })
        .collect();
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key)
        .collect();
    let mut o = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if !required.is_empty() {
        o["required"] = json!(required);
    }
    o
}

fn string(pattern: &str) -> Value {
    json!({ "type": "string", "pattern": pattern })
}

fn slug() -> Value {
    json!({ "type": "string", "pattern": SLUG, "maxLength": MAX_ID_LEN })
}

fn words(words: impl IntoIterator<Item = &'static str>) -> Value {
    json!({ "enum": words.into_iter().collect::<Vec<_>>() })
}

fn array_of(items: Value) -> Value {
    json!({ "type": "array", "items": items })
}

fn pair_of(item: Value) -> Value {
    json!({ "type": "array", "items": item, "minItems": 2, "maxItems": 2 })
}

/// The schema of one [`ValueKind`].
fn value(kind: ValueKind) -> Value {
    let statuses = || words(Status::ALL.map(Status::as_str));
    match kind {
        ValueKind::Slug | ValueKind::EntityId | ValueKind::SourceId => slug(),
        ValueKind::Text => json!({ "type": "string" }),
        ValueKind::Date => string(DATE),
        ValueKind::HttpUrl => string(HTTP_URL),
        ValueKind::Bool => json!({ "type": "boolean" }),
        ValueKind::Integer(lo, hi) => json!({ "type": "integer", "minimum": lo, "maximum": hi }),
        ValueKind::NonNegative => json!({ "type": "number", "minimum": 0 }),
        ValueKind::Currency => string(CURRENCY),
        ValueKind::Status => statuses(),
        ValueKind::SourceKind => words(SourceKind::ALL.map(SourceKind::as_str)),
        // Any kind is allowed; the known ones are offered for completion.
        ValueKind::EntityKind => json!({
            "type": "string",
            "minLength": 1,
            "examples": ENTITY_KINDS.iter().map(|k| k.kind).collect::<Vec<_>>(),
        }),
        ValueKind::RelType => string(SNAKE_CASE),
        ValueKind::FormatTag => json!({ "const": FORMAT_TAG }),
        ValueKind::RankDir => words(RANKDIRS),
        ValueKind::Texts => array_of(json!({ "type": "string" })),
        ValueKind::EntityIds | ValueKind::RelationshipIds => array_of(slug()),
        ValueKind::Statuses => array_of(statuses()),
        ValueKind::DatePair => pair_of(string(DATE)),
        ValueKind::EntityPair => pair_of(slug()),
        ValueKind::Properties => {
            let scalar = json!({ "type": ["string", "number", "boolean"] });
            json!({
                "type": "object",
                "additionalProperties": { "anyOf": [scalar, array_of(scalar.clone())] },
            })
        }
        ValueKind::Object(fields) => object(fields),
        ValueKind::Objects(fields) => array_of(object(fields)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::fields::{ENTITY_FIELDS, RELATIONSHIP_FIELDS};

    #[test]
    fn every_key_of_the_tables_is_in_the_schema() {
        let s = json_schema();
        assert_eq!(s["$schema"], DRAFT);
        assert_eq!(s["additionalProperties"], false);
        let entity = &s["properties"]["entities"]["items"];
        for f in ENTITY_FIELDS {
            assert!(entity["properties"].get(f.key).is_some(), "{}", f.key);
        }
        assert_eq!(entity["required"], json!(["id", "name", "kind"]));
        let rel = &s["properties"]["relationships"]["items"];
        assert_eq!(
            rel["properties"].as_object().unwrap().len(),
            RELATIONSHIP_FIELDS.len()
        );
        assert_eq!(
            rel["properties"]["status"]["enum"],
            json!(["confirmed", "reported", "alleged", "denied"])
        );
        assert_eq!(s["properties"]["$schema"]["type"], "string");
    }
}
