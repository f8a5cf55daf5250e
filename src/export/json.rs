//! The canonical casegraph JSON: the validated dataset written back in format
//! v1 with sorted ids and keys, every relationship id explicit, and
//! pretty-printed, so the same data always gives the same bytes.
//!
//! Every record's keys come from the format's tables
//! ([`crate::format::fields`]) and their values from `export::values`.

use super::values::{dataset_field, entity_field, record, relationship_field, source_field};
use crate::format::fields::{
    FilterKey, HighlightKey, NoteKey, PathOptionKey, RelationshipKey, TopKey, ViewKey,
};
use crate::format::{FORMAT_TAG, rules};
use crate::model::{
    Annotated, EntityIx, EntityRef, Model, PathOptions, Rankdir, Selects, SourceRef, ViewSpec,
};
use serde_json::Value;

/// Sorts ids with a numeric last part by number: `a.t.b`, `a.t.b.2`, …,
/// `a.t.b.10`, the order in which default ids are given.
pub(crate) fn natural_key(id: &str) -> (&str, u64, &str) {
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
        // For editors; the canonical file names no schema.
        TopKey::Schema => None,
        TopKey::Format => Some(FORMAT_TAG.into()),
        TopKey::Dataset => Some(record(|k| dataset_field(model.dataset(), k))),
        TopKey::Sources => Some(sources(model)),
        TopKey::Entities => Some(entities(model)),
        TopKey::Relationships => Some(relationships(model)),
        TopKey::Views => views(model),
    })
}

/// The sources, sorted by id.
fn sources(model: &Model) -> Value {
    let mut sources: Vec<_> = model.sources().collect();
    sources.sort_by_key(SourceRef::id);
    sources
        .iter()
        .map(|s| record(|k| source_field(s, k)))
        .collect()
}

/// The entities, sorted by id.
fn entities(model: &Model) -> Value {
    let mut entities: Vec<_> = model.entities().collect();
    entities.sort_by_key(EntityRef::id);
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
///
/// # Panics
///
/// Never: a `serde_json::Value` always serializes.
pub fn canonical_json(model: &Model) -> String {
    let mut s = serde_json::to_string_pretty(&canonical_value(model))
        .expect("a JSON value always serializes");
    s.push('\n');
    s
}

/// The declared views, in the order written (it is the story's order), each
/// with only the keys that differ from the defaults; `None` when there are none.
fn views(model: &Model) -> Option<Value> {
    if model.views().is_empty() {
        return None;
    }
    Some(model.views().iter().map(|v| view(model, v)).collect())
}

fn view(model: &Model, v: &ViewSpec) -> Value {
    let id = |e: EntityIx| Value::from(model.entity(e).id());
    let rel = |r| Value::from(model.relationship(r).id());
    record(|k| match k {
        ViewKey::Id => Some(v.id.clone().into()),
        ViewKey::Title => Some(v.title.clone().into()),
        ViewKey::Caption => v.caption.clone().map(Value::from),
        ViewKey::Focus => match v.selects {
            Selects::Focus { entity, .. } => Some(id(entity)),
            _ => None,
        },
        ViewKey::Depth => match v.selects {
            Selects::Focus { depth, .. } => Some(depth.into()),
            _ => None,
        },
        ViewKey::Path => match v.selects {
            Selects::Path { from, to, .. } => Some(Value::Array(vec![id(from), id(to)])),
            _ => None,
        },
        ViewKey::PathOptions => match &v.selects {
            Selects::Path { options, .. } if *options != PathOptions::default() => {
                let d = PathOptions::default();
                Some(record(|k| match k {
                    PathOptionKey::Credible => options.credible.then_some(true.into()),
                    PathOptionKey::K => (options.k != d.k).then(|| options.k.into()),
                    PathOptionKey::Via => options.via.map(id),
                    PathOptionKey::Avoid => (!options.avoid.is_empty())
                        .then(|| options.avoid.iter().map(|&e| id(e)).collect()),
                    PathOptionKey::Directed => options.directed.then_some(true.into()),
                    PathOptionKey::MaxHops => options.max_hops.map(Value::from),
                    PathOptionKey::Context => {
                        (options.context != d.context).then(|| options.context.into())
                    }
                }))
            }
            _ => None,
        },
        ViewKey::Filter => {
            let f = &v.filter;
            (*f != Default::default()).then(|| {
                record(|k| match k {
                    FilterKey::Types => f.types.clone().map(Value::from),
                    FilterKey::ExcludeTypes => {
                        (!f.exclude_types.is_empty()).then(|| f.exclude_types.clone().into())
                    }
                    FilterKey::Kinds => f.kinds.clone().map(Value::from),
                    // `min_status` was folded into the statuses it keeps.
                    FilterKey::Status => f
                        .statuses
                        .as_ref()
                        .map(|s| s.iter().map(|s| Value::from(s.as_str())).collect()),
                    FilterKey::MinStatus => None,
                    FilterKey::NoDisputed => f.no_disputed.then_some(true.into()),
                    FilterKey::AsOf => f.as_of.map(|d| d.to_string().into()),
                    FilterKey::Between => f.between.map(|(a, b)| {
                        Value::Array(vec![a.to_string().into(), b.to_string().into()])
                    }),
                })
            })
        }
        ViewKey::Highlight => {
            (!v.highlight_entities.is_empty() || !v.highlight_relationships.is_empty()).then(|| {
                record(|k| match k {
                    HighlightKey::Entities => (!v.highlight_entities.is_empty())
                        .then(|| v.highlight_entities.iter().map(|&e| id(e)).collect()),
                    HighlightKey::Relationships => (!v.highlight_relationships.is_empty())
                        .then(|| v.highlight_relationships.iter().map(|&r| rel(r)).collect()),
                })
            })
        }
        ViewKey::Notes => (!v.notes.is_empty()).then(|| {
            v.notes
                .iter()
                .map(|n| {
                    record(|k| match (k, n.about) {
                        (NoteKey::Entity, Annotated::Entity(e)) => Some(id(e)),
                        (NoteKey::Relationship, Annotated::Relationship(r)) => Some(rel(r)),
                        (NoteKey::Text, _) => Some(n.text.clone().into()),
                        _ => None,
                    })
                })
                .collect()
        }),
        ViewKey::Footnotes => v.footnotes.then_some(true.into()),
        ViewKey::Rankdir => (v.rankdir != Rankdir::LR).then(|| {
            let (_, word) = Rankdir::ALL
                .iter()
                .find(|(r, _)| *r == v.rankdir)
                .expect("every direction has a word");
            (*word).into()
        }),
    })
}
