//! The JSON shapes of `--json` output, shared so a relationship looks the
//! same in `show`, `path`, `neighbors` and `timeline`. Keys keep the order
//! written here (serde_json's map sorts them alphabetically, which is stable).

use crate::model::{EntityRef, Model, RelRef, When};
use serde_json::{Value, json};
use std::io::Write;

/// Prints a JSON value, pretty, with a final newline.
pub fn print(out: &mut impl Write, value: &Value) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// An entity in brief: id, name, kind.
pub fn entity_brief(e: &EntityRef<'_>) -> Value {
    json!({ "id": e.id(), "name": e.name(), "kind": e.kind() })
}

/// An entity in full.
pub fn entity_full(e: &EntityRef<'_>) -> Value {
    let props: serde_json::Map<String, Value> = e
        .properties()
        .map(|(k, v)| (k.to_owned(), v.to_json()))
        .collect();
    json!({
        "id": e.id(),
        "name": e.name(),
        "kind": e.kind(),
        "aliases": e.aliases().collect::<Vec<_>>(),
        "description": e.description(),
        "url": e.url(),
        "start": e.start().map(|d| d.to_string()),
        "end": e.end().map(|d| d.to_string()),
        "properties": props,
    })
}

/// The dates of a relationship: `date`, or `start`/`end` (nulls when absent).
pub fn when(w: When) -> Value {
    match w {
        When::Undated => json!({ "date": null, "start": null, "end": null }),
        When::On(d) => json!({ "date": d.to_string(), "start": null, "end": null }),
        When::Period { start, end } => json!({
            "date": null,
            "start": start.map(|d| d.to_string()),
            "end": end.map(|d| d.to_string()),
        }),
    }
}

/// A relationship with all its evidence: id, from, to, type, label,
/// directed, dates, status, amount, disputes, citations.
pub fn relationship(model: &Model, r: &RelRef<'_>) -> Value {
    let citations: Vec<Value> = r
        .evidence()
        .map(|c| {
            let s = c.source();
            json!({
                "source": s.id(),
                "title": s.title(),
                "publisher": s.publisher(),
                "published": s.published().map(|d| d.to_string()),
                "url": s.url(),
                "locator": c.locator(),
                "quote": c.quote(),
            })
        })
        .collect();
    let disputes: Vec<Value> = r
        .disputes()
        .map(|d| {
            json!({
                "entity": d.entity().id(),
                "source": d.source().id(),
                "quote": d.quote(),
            })
        })
        .collect();
    let mut v = json!({
        "id": r.id(),
        "from": model.entity(r.from()).id(),
        "to": model.entity(r.to()).id(),
        "type": r.rel_type(),
        "label": r.label(),
        "directed": r.directed(),
        "status": r.status().as_str(),
        "amount": r.amount().map(|a| json!({ "value": a.value.clone(), "currency": a.currency })),
        "disputed_by": disputes,
        "citations": citations,
    });
    if let (Value::Object(m), Value::Object(w)) = (&mut v, when(r.when())) {
        m.extend(w);
    }
    v
}

/// The reasons of [`crate::query::explain_no_path`] as data, beside the
/// `notes` that word them: `{"reason": "filters_cut", "filters":
/// ["types"], "hops": 1}`, `{"reason": "without", "option": "directed",
/// "hops": 2}`, `{"reason": "too_far", "hops": 9}`, `{"reason":
/// "filters_not_the_reason"}`, `{"reason": "not_connected"}`.
pub fn no_path_reasons(why: &[crate::query::path::Why]) -> Value {
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
pub fn hop(model: &Model, h: &crate::query::path::Hop) -> Value {
    json!({
        "from": model.entity(h.from).id(),
        "to": model.entity(h.to).id(),
        "direction": h.travel.as_str(),
        "relationship": relationship(model, &model.relationship(h.rel)),
        "other_relationships": h.others.iter().map(|r| model.relationship(*r).id()).collect::<Vec<_>>(),
    })
}
