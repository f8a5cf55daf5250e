//! The JSON shapes of `--json` output, shared so a relationship looks the
//! same in `show`, `path`, `neighbors` and `timeline`. Keys are the format's
//! ([`crate::format::fields`]) and their values the canonical ones
//! (`export::values`), except that an absent field is `null` rather
//! than left out, so scripts can rely on every key being there. serde_json's
//! map sorts the keys alphabetically, which is stable.

use crate::export::values::{
    aliases, citation_field, dispute_field, entity_field, properties_json, relationship_field,
    source_field, when_field,
};
use crate::format::Key;
use crate::format::fields::{CitationKey, DisputeKey, EntityKey, RelationshipKey, SourceKey};
use crate::model::{EntityRef, Model, RelRef, When};
use serde_json::{Map, Value, json};
use std::io::Write;

/// An object of `keys`, each with its value from `value`; a key whose value
/// is `None` is left out.
fn object<K: Key>(keys: &[K], mut value: impl FnMut(K) -> Option<Value>) -> Map<String, Value> {
    keys.iter()
        .filter_map(|&k| value(k).map(|v| (k.key().to_owned(), v)))
        .collect()
}

/// A value, or `null` where the field is absent.
fn or_null(v: Option<Value>) -> Option<Value> {
    Some(v.unwrap_or(Value::Null))
}

/// Prints a JSON value, pretty, with a final newline.
///
/// DEL and the C1 controls (U+007F–U+009F), which JSON allows raw inside a
/// string, are written as `\u` escapes: the terminal-colour layer in front
/// of standard output strips them as control codes, and the JSON must reach
/// a script unchanged.
pub(super) fn print(out: &mut impl Write, value: &Value) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    if text.contains(|c| matches!(c, '\u{7f}'..='\u{9f}')) {
        let mut escaped = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            match c {
                // Only inside strings: outside them JSON has no such character.
                '\u{7f}'..='\u{9f}' => escaped.push_str(&format!("\\u{:04x}", c as u32)),
                c => escaped.push(c),
            }
        }
        return writeln!(out, "{escaped}");
    }
    writeln!(out, "{text}")
}

/// One item of an answer's `taken_as`: an `ENTITY` argument that was
/// taken as a guess, the entity it was taken as, and how it matched
/// (`prefix` or `substring`).
pub(super) fn taken_as(t: &super::Taken) -> Value {
    json!({ "query": t.query, "id": t.id, "name": t.name, "match": t.how })
}

/// An entity in brief: id, name, kind.
pub(super) fn entity_brief(e: &EntityRef<'_>) -> Value {
    let keys = [EntityKey::Id, EntityKey::Name, EntityKey::Kind];
    Value::Object(object(&keys, |k| or_null(entity_field(e, k))))
}

/// An entity in full: every field of the format, `aliases` and `properties`
/// empty rather than `null` when there are none.
pub(super) fn entity_full(e: &EntityRef<'_>) -> Value {
    Value::Object(object(EntityKey::ALL, |k| match k {
        EntityKey::Aliases => Some(aliases(e)),
        EntityKey::Properties => Some(properties_json(e.properties()).unwrap_or_else(|| json!({}))),
        k => or_null(entity_field(e, k)),
    }))
}

/// The keys of a relationship's dates.
const WHEN_KEYS: [RelationshipKey; 3] = [
    RelationshipKey::Date,
    RelationshipKey::Start,
    RelationshipKey::End,
];

/// The dates of a relationship: `date`, or `start`/`end` (nulls when absent).
pub(super) fn when(w: When) -> Value {
    Value::Object(object(&WHEN_KEYS, |k| or_null(when_field(w, k))))
}

/// A relationship with all its evidence: id, from, to, type, label,
/// directed, dates, status, amount, disputes, and `citations` (its
/// `evidence`, each citation with its source's title, publisher, date and
/// address). Its free-form properties are not shown.
pub(super) fn relationship(model: &Model, r: &RelRef<'_>) -> Value {
    let source_keys = [
        SourceKey::Title,
        SourceKey::Publisher,
        SourceKey::Published,
        SourceKey::Url,
    ];
    let citations: Vec<Value> = r
        .evidence()
        .map(|c| {
            let mut m = object(CitationKey::ALL, |k| or_null(citation_field(&c, k)));
            m.extend(object(&source_keys, |k| {
                or_null(source_field(&c.source(), k))
            }));
            Value::Object(m)
        })
        .collect();
    let mut m = object(RelationshipKey::ALL, |k| match k {
        RelationshipKey::Id
        | RelationshipKey::From
        | RelationshipKey::To
        | RelationshipKey::Type
        | RelationshipKey::Status
        | RelationshipKey::Amount => or_null(relationship_field(model, r, k)),
        // The label drawn, and `directed` either way.
        RelationshipKey::Label => Some(r.label().into_owned().into()),
        RelationshipKey::Directed => Some(r.directed().into()),
        RelationshipKey::Date | RelationshipKey::Start | RelationshipKey::End => {
            or_null(when_field(r.when(), k))
        }
        // Written as `citations`, below.
        RelationshipKey::Evidence => None,
        RelationshipKey::DisputedBy => Some(
            r.disputes()
                .map(|d| Value::Object(object(DisputeKey::ALL, |k| or_null(dispute_field(&d, k)))))
                .collect(),
        ),
        RelationshipKey::Properties => None,
    });
    // The CLI's own key, not the format's: citations with their sources.
    m.insert("citations".into(), citations.into());
    Value::Object(m)
}

/// The reasons of [`crate::query::explain_no_path`] as data, beside the
/// `notes` that word them: `{"reason": "filters_cut", "filters":
/// ["types"], "hops": 1}`, `{"reason": "without", "option": "directed",
/// "hops": 2}`, `{"reason": "too_far", "hops": 9}`, `{"reason":
/// "filters_not_the_reason"}`, `{"reason": "not_connected"}`.
pub(super) fn no_path_reasons(why: &[crate::query::path::Why]) -> Value {
    use crate::query::path::Why;
    why.iter()
        .map(|w| match w {
            Why::FiltersCut { culprits, hops } => json!({
                "reason": "filters_cut",
                "filters": culprits.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
                "hops": hops,
            }),
            Why::FiltersNotTheReason => json!({ "reason": "filters_not_the_reason" }),
            Why::Without { option, hops } => json!({
                "reason": "without",
                "option": option.as_str(),
                "hops": hops,
            }),
            Why::TooFar { hops } => json!({ "reason": "too_far", "hops": hops }),
            Why::NotConnected => json!({ "reason": "not_connected" }),
        })
        .collect()
}

/// A hop of a path or of `neighbors` in the shared JSON shape: its ends,
/// how it crosses its relationship, the relationship, and the ids of the
/// others that make the same hop.
pub(super) fn hop(model: &Model, h: &crate::query::path::Hop) -> Value {
    json!({
        "from": model.entity(h.from).id(),
        "to": model.entity(h.to).id(),
        "direction": h.travel.as_str(),
        "relationship": relationship(model, &model.relationship(h.rel)),
        "other_relationships": h.others.iter().map(|r| model.relationship(*r).id()).collect::<Vec<_>>(),
    })
}
