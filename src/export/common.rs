//! What every graph export shares: the order things are written in, the
//! attribute values derived from the model, and the kind palette. Kept in one
//! place so node-link, Cytoscape, GraphML, GEXF and CSV agree field for field.

use crate::model::{EntityIx, EntityRef, Model, PartialDate, PropertyValue, RelIx, RelRef, When};
use crate::query::View;
use serde_json::{Map, Value};

/// The entities of `view` by index, sorted by id: every export is
/// deterministic, and sorting 4-byte indices (not records or views) is the
/// only extra memory an export needs, however large the graph.
pub(crate) fn entity_order(model: &Model, view: &View) -> Vec<EntityIx> {
    let mut v: Vec<EntityIx> = model
        .graph()
        .node_indices()
        .filter(|ix| view.has_entity(*ix))
        .collect();
    v.sort_unstable_by_key(|ix| model.entity(*ix).id());
    v
}

/// The relationships of `view` by index, sorted by id.
pub(crate) fn relationship_order(model: &Model, view: &View) -> Vec<RelIx> {
    let mut v: Vec<RelIx> = model
        .graph()
        .edge_indices()
        .filter(|ix| view.has_relationship(*ix))
        .collect();
    v.sort_unstable_by_key(|ix| model.relationship(*ix).id());
    v
}

/// The entities of `view`, sorted by id, one view at a time.
pub(crate) fn entities<'a>(
    model: &'a Model,
    view: &View,
) -> impl Iterator<Item = EntityRef<'a>> + 'a {
    entity_order(model, view)
        .into_iter()
        .map(move |ix| model.entity(ix))
}

/// The relationships of `view`, sorted by id, one view at a time.
pub(crate) fn relationships<'a>(
    model: &'a Model,
    view: &View,
) -> impl Iterator<Item = RelRef<'a>> + 'a {
    relationship_order(model, view)
        .into_iter()
        .map(move |ix| model.relationship(ix))
}

/// The colour of an entity kind as RGB channels: the diagrams' border
/// colour from the one palette ([`crate::format::vocab::ENTITY_KINDS`]), so
/// a Gephi or Cytoscape user sees the colours of the diagrams.
pub fn kind_color(display_kind: &str) -> (u8, u8, u8) {
    crate::format::palette::rgb(crate::format::EntityKind::of(display_kind).color)
        .unwrap_or((0, 0, 0))
}

/// `date`, `start` and `end` of a relationship as written (partial ISO dates).
pub(crate) fn dates(when: When) -> [Option<String>; 3] {
    let s = |d: Option<PartialDate>| d.map(|d| d.to_string());
    match when {
        When::Undated => [None, None, None],
        When::On(d) => [Some(d.to_string()), None, None],
        When::Period { start, end } => [None, s(start), s(end)],
    }
}

/// Free-form properties as one JSON object (`None` when there are none).
pub(crate) fn properties_json<'a>(
    props: impl Iterator<Item = (&'a str, PropertyValue<'a>)>,
) -> Option<Value> {
    let map: Map<String, Value> = props.map(|(k, v)| (k.to_owned(), v.to_json())).collect();
    (!map.is_empty()).then_some(Value::Object(map))
}

/// An attribute value as flat text, for formats whose attributes are strings
/// (GraphML, GEXF, CSV): a string as itself, a number or boolean as written
/// in JSON, and a list or object as its JSON text, so it survives exactly and
/// any JSON parser gets it back.
pub(crate) fn attr_text(v: Value) -> String {
    match v {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

/// The names of the entity attributes every graph export carries, in order:
/// the format's entity keys after `id` (one list, in the validator).
pub(crate) const ENTITY_ATTRS: &[&str] = crate::validate::ENTITY_KEYS.split_at(1).1;

// `entity_attrs` writes one value per name: a key added to the format must
// get its value there too, not be dropped by `zip`.
const _: () = assert!(ENTITY_ATTRS.len() == 8);

/// The names of the relationship attributes (besides ends and id), in order.
pub(crate) const REL_ATTRS: [&str; 13] = [
    "type",
    "label",
    "directed",
    "status",
    "date",
    "start",
    "end",
    "amount",
    "currency",
    "citations",
    "sources",
    "disputed_by",
    "properties",
];

/// The attribute values of an entity, named by [`ENTITY_ATTRS`] (`None`
/// where absent). Lists and objects are JSON values.
pub(crate) fn entity_attrs(e: &EntityRef<'_>) -> Vec<(&'static str, Option<Value>)> {
    let aliases: Vec<Value> = e.aliases().map(Value::from).collect();
    let values = [
        Some(e.name().into()),
        Some(e.kind().into()),
        Some(Value::Array(aliases)),
        e.description().map(Value::from),
        e.url().map(Value::from),
        e.start().map(|d| d.to_string().into()),
        e.end().map(|d| d.to_string().into()),
        properties_json(e.properties()),
    ];
    ENTITY_ATTRS.iter().copied().zip(values).collect()
}

/// The attribute values of a relationship, named by [`REL_ATTRS`].
pub(crate) fn rel_attrs(r: &RelRef<'_>) -> Vec<(&'static str, Option<Value>)> {
    let [date, start, end] = dates(r.when());
    let amount = r.amount();
    let disputed_by: Vec<Value> = r.disputes().map(|d| d.entity().id().into()).collect();
    let sources: Vec<Value> = r.evidence().map(|c| c.source().id().into()).collect();
    let values = [
        Some(r.rel_type().into()),
        Some(r.label().into_owned().into()),
        Some(r.directed().into()),
        Some(r.status().as_str().into()),
        date.map(Value::from),
        start.map(Value::from),
        end.map(Value::from),
        amount.map(|a| Value::Number(a.value.clone())),
        amount.map(|a| a.currency.into()),
        Some(r.evidence().len().into()),
        Some(Value::Array(sources)),
        Some(Value::Array(disputed_by)),
        properties_json(r.properties()),
    ];
    REL_ATTRS.into_iter().zip(values).collect()
}
