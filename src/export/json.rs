//! The canonical casegraph JSON: the validated dataset written back in format
//! v1 with sorted ids and keys, every relationship id explicit, and
//! pretty-printed, so the same data always gives the same bytes.

use crate::format::rules;
use crate::model::{Model, PropertyValue, When};
use serde_json::{Map, Value, json};

fn props<'a>(it: impl Iterator<Item = (&'a str, PropertyValue<'a>)>) -> Option<Value> {
    let map: Map<String, Value> = it.map(|(k, v)| (k.to_owned(), v.to_json())).collect();
    (!map.is_empty()).then_some(Value::Object(map))
}

fn put(map: &mut Map<String, Value>, key: &str, value: Option<impl Into<Value>>) {
    if let Some(v) = value {
        map.insert(key.to_owned(), v.into());
    }
}

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
    let meta = model.dataset();
    let mut dataset = Map::new();
    dataset.insert("id".into(), meta.id.clone().into());
    put(&mut dataset, "title", meta.title.clone());
    put(&mut dataset, "description", meta.description.clone());
    put(&mut dataset, "updated", meta.updated.map(|d| d.to_string()));
    put(&mut dataset, "license", meta.license.clone());
    put(&mut dataset, "url", meta.url.clone());

    let mut sources: Vec<_> = model.sources().collect();
    sources.sort_by_key(|s| s.id());
    let sources: Vec<Value> = sources
        .into_iter()
        .map(|s| {
            let mut m = Map::new();
            m.insert("id".into(), s.id().into());
            m.insert("title".into(), s.title().into());
            m.insert("kind".into(), s.kind().as_str().into());
            put(&mut m, "publisher", s.publisher());
            put(&mut m, "author", s.author());
            put(&mut m, "published", s.published().map(|d| d.to_string()));
            put(&mut m, "url", s.url());
            put(&mut m, "archived_url", s.archived_url());
            put(&mut m, "notes", s.notes());
            Value::Object(m)
        })
        .collect();

    let mut entities: Vec<_> = model.entities().collect();
    entities.sort_by_key(|e| e.id());
    let entities: Vec<Value> = entities
        .into_iter()
        .map(|e| {
            let mut m = Map::new();
            m.insert("id".into(), e.id().into());
            m.insert("name".into(), e.name().into());
            m.insert("kind".into(), e.kind().into());
            let aliases: Vec<Value> = e.aliases().map(Value::from).collect();
            put(&mut m, "aliases", (!aliases.is_empty()).then_some(aliases));
            put(&mut m, "description", e.description());
            put(&mut m, "url", e.url());
            put(&mut m, "start", e.start().map(|d| d.to_string()));
            put(&mut m, "end", e.end().map(|d| d.to_string()));
            put(&mut m, "properties", props(e.properties()));
            Value::Object(m)
        })
        .collect();

    let mut rels: Vec<_> = model.relationships().collect();
    rels.sort_by(|a, b| natural_key(a.id()).cmp(&natural_key(b.id())));
    let relationships: Vec<Value> = rels
        .into_iter()
        .map(|r| {
            let mut m = Map::new();
            // A default id built from long entity ids can exceed the 128
            // characters a written id may have: leave it out, and the reload
            // makes it again (the natural order keeps `.2`, `.3`… in place).
            if r.id().len() <= rules::MAX_ID_LEN {
                m.insert("id".into(), r.id().into());
            }
            m.insert("from".into(), model.entity(r.from()).id().into());
            m.insert("to".into(), model.entity(r.to()).id().into());
            m.insert("type".into(), r.rel_type().into());
            put(&mut m, "label", r.label_given());
            if !r.directed() {
                m.insert("directed".into(), false.into());
            }
            match r.when() {
                When::Undated => {}
                When::On(d) => put(&mut m, "date", Some(d.to_string())),
                When::Period { start, end } => {
                    put(&mut m, "start", start.map(|d| d.to_string()));
                    put(&mut m, "end", end.map(|d| d.to_string()));
                }
            }
            m.insert("status".into(), r.status().as_str().into());
            if let Some(a) = r.amount() {
                m.insert(
                    "amount".into(),
                    json!({ "value": a.value.clone(), "currency": a.currency }),
                );
            }
            let evidence: Vec<Value> = r
                .evidence()
                .map(|c| {
                    let mut cm = Map::new();
                    cm.insert("source".into(), c.source().id().into());
                    put(&mut cm, "locator", c.locator());
                    put(&mut cm, "quote", c.quote());
                    Value::Object(cm)
                })
                .collect();
            put(
                &mut m,
                "evidence",
                (!evidence.is_empty()).then_some(evidence),
            );
            let disputes: Vec<Value> = r
                .disputes()
                .map(|d| {
                    let mut dm = Map::new();
                    dm.insert("entity".into(), d.entity().id().into());
                    dm.insert("source".into(), d.source().id().into());
                    put(&mut dm, "quote", d.quote());
                    Value::Object(dm)
                })
                .collect();
            put(
                &mut m,
                "disputed_by",
                (!disputes.is_empty()).then_some(disputes),
            );
            put(&mut m, "properties", props(r.properties()));
            Value::Object(m)
        })
        .collect();

    json!({
        "format": "casegraph/1",
        "dataset": dataset,
        "sources": sources,
        "entities": entities,
        "relationships": relationships,
    })
}

/// The canonical JSON text of `model`, ending in a newline.
pub fn canonical_json(model: &Model) -> String {
    let mut s = serde_json::to_string_pretty(&canonical_value(model))
        .expect("a JSON value always serializes");
    s.push('\n');
    s
}
