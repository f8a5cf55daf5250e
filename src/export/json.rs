//! The canonical casegraph JSON: the validated dataset written back in format
//! v1 with sorted ids and keys, every relationship id explicit, and
//! pretty-printed, so the same data always gives the same bytes.
//!
//! Every record's keys come from the format's tables
//! ([`crate::format::fields`]) and their values from `export::values`.

use super::values::{dataset_field, entity_field, record, relationship_field, source_field};
use crate::format::fields::{RelationshipKey, TopKey};
use crate::format::{FORMAT_TAG, rules};
use crate::model::Model;
use serde_json::Value;

/// Sorts ids with a numeric last part by number: `a.t.b`, `a.t.b.2`, …,
/// `a.t.b.10`, the order in which default ids are given.
fn natural_key(id: &str) -> (&str, u64, &str) {
    match id.rsplit_once('.') {
        Some((base, n))
            if !n.is_empty() && n.len() < 19 && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            (base, n.parse().unwrap_or(0), id)
        }
        _ => (id, 0, id),
    }
}

/// The canonical JSON value of `model` (object keys sort themselves: serde_json's
/// map is a BTreeMap).
pub fn canonical_value(model: &Model) -> Value {
    record(|k| match k {
        TopKey::Format => Some(FORMAT_TAG.into()),
        TopKey::Dataset => Some(record(|k| dataset_field(model.dataset(), k))),
        TopKey::Sources => Some(sources(model)),
        TopKey::Entities => Some(entities(model)),
        TopKey::Relationships => Some(relationships(model)),
        // Not written back yet: the views issue (#11) left it for a
        // follow-up, so the canonical file holds the graph only.
        TopKey::Views => None,
    })
}

/// The sources, sorted by id.
fn sources(model: &Model) -> Value {
    let mut sources: Vec<_> = model.sources().collect();
    sources.sort_by_key(|s| s.id());
    sources
        .iter()
        .map(|s| record(|k| source_field(s, k)))
        .collect()
}

/// The entities, sorted by id.
fn entities(model: &Model) -> Value {
    let mut entities: Vec<_> = model.entities().collect();
    entities.sort_by_key(|e| e.id());
    entities
        .iter()
        .map(|e| record(|k| entity_field(e, k)))
        .collect()
}

/// The relationships, in the natural order of their ids.
fn relationships(model: &Model) -> Value {
    let mut rels: Vec<_> = model.relationships().collect();
    rels.sort_by(|a, b| natural_key(a.id()).cmp(&natural_key(b.id())));
    rels.iter()
        .map(|r| {
            record(|k| match k {
                // A default id built from long entity ids can exceed the 128
                // characters a written id may have: leave it out, and the
                // reload makes it again (the natural order keeps `.2`, `.3`…
                // in place).
                RelationshipKey::Id if r.id().len() > rules::MAX_ID_LEN => None,
                k => relationship_field(model, r, k),
            })
        })
        .collect()
}

/// The canonical JSON text of `model`, ending in a newline.
pub fn canonical_json(model: &Model) -> String {
    let mut s = serde_json::to_string_pretty(&canonical_value(model))
        .expect("a JSON value always serializes");
    s.push('\n');
    s
}
