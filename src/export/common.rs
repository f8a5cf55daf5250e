//! What every graph export shares: the order things are written in, the
//! attributes and their values, and the kind palette. Kept in one place so
//! node-link, Cytoscape, GraphML, GEXF and CSV agree field for field.
//!
//! The attributes are the format's fields ([`crate::format::fields`]), named
//! by their keys, plus three that are not format fields and only the
//! exports have (`currency`, `citations`, `sources`: see `Attr`).

use super::values::{
    aliases, amount_field, dataset_field, entity_field, properties_json, when_field,
};
use crate::format::fields::{AmountKey, DatasetKey, EntityKey, RelationshipKey, TopKey};
use crate::format::{Key, ValueKind};
use crate::model::{DatasetMeta, EntityIx, EntityRef, Model, RelIx, RelRef};
use crate::query::View;
use serde_json::Value;

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
pub(crate) fn kind_color(display_kind: &str) -> (u8, u8, u8) {
    crate::format::palette::rgb(crate::format::EntityKind::of(display_kind).color)
        .unwrap_or((0, 0, 0))
}

/// The graph-level attributes: the dataset's id, named `dataset`, then its
/// title, description, licence and home page (`None` where absent).
pub(crate) fn graph_values(meta: &DatasetMeta) -> Vec<(&'static str, Option<Value>)> {
    let id = (TopKey::Dataset.key(), dataset_field(meta, DatasetKey::Id));
    let fields = [
        DatasetKey::Title,
        DatasetKey::Description,
        DatasetKey::License,
        DatasetKey::Url,
    ]
    .map(|k| (k.key(), dataset_field(meta, k)));
    std::iter::once(id).chain(fields).collect()
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

/// An attribute the graph exports write on a node or an edge, besides the
/// id and ends each export writes in its own way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Attr {
    /// An entity field.
    Entity(EntityKey),
    /// A relationship field. `amount` is the amount's number alone, so that
    /// the tools can sum it; `evidence` is written as [`Attr::Citations`]
    /// and [`Attr::Sources`] instead.
    Rel(RelationshipKey),
    /// Not a format field: the currency of a relationship's `amount`.
    Currency,
    /// Not a format field: how many citations a relationship's `evidence` has.
    Citations,
    /// Not a format field: the ids of the sources a relationship's `evidence`
    /// cites, in order.
    Sources,
}

/// The type of an attribute's values, for the formats that type their
/// attributes (GraphML, GEXF).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AttrType {
    /// `true` or `false`.
    Boolean,
    /// A whole number.
    Integer,
    /// A number.
    Double,
    /// Text, or JSON text (lists and objects, see [`attr_text`]).
    String,
}

impl Attr {
    /// The attribute's name: the format's key for a field.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Attr::Entity(k) => k.key(),
            Attr::Rel(k) => k.key(),
            Attr::Currency => AmountKey::Currency.key(),
            Attr::Citations => "citations",
            Attr::Sources => "sources",
        }
    }

    /// The type of its values, from the format's table for a field.
    pub(crate) fn value_type(self) -> AttrType {
        let kind = match self {
            Attr::Entity(k) => k.field().value,
            // The attribute holds the amount's number.
            Attr::Rel(RelationshipKey::Amount) => AmountKey::Value.field().value,
            Attr::Rel(k) => k.field().value,
            Attr::Currency => AmountKey::Currency.field().value,
            Attr::Citations => return AttrType::Integer,
            Attr::Sources => return AttrType::String,
        };
        match kind {
            ValueKind::Bool => AttrType::Boolean,
            ValueKind::Integer(..) => AttrType::Integer,
            ValueKind::NonNegative => AttrType::Double,
            _ => AttrType::String,
        }
    }
}

/// The entity attributes every graph export carries, in order: the format's
/// entity fields after `id` (which each export writes as the node's id).
pub(crate) const ENTITY_ATTRS: [Attr; EntityKey::ALL.len() - 1] = {
    assert!(matches!(EntityKey::ALL[0], EntityKey::Id));
    let mut attrs = [Attr::Entity(EntityKey::Id); EntityKey::ALL.len() - 1];
    let mut i = 1;
    while i < EntityKey::ALL.len() {
        attrs[i - 1] = Attr::Entity(EntityKey::ALL[i]);
        i += 1;
    }
    attrs
};

/// The relationship attributes every graph export carries, in the order
/// they have always been written (columns and `<key>`s, so not the table's).
pub(crate) const REL_ATTRS: [Attr; 13] = [
    Attr::Rel(RelationshipKey::Type),
    Attr::Rel(RelationshipKey::Label),
    Attr::Rel(RelationshipKey::Directed),
    Attr::Rel(RelationshipKey::Status),
    Attr::Rel(RelationshipKey::Date),
    Attr::Rel(RelationshipKey::Start),
    Attr::Rel(RelationshipKey::End),
    Attr::Rel(RelationshipKey::Amount),
    Attr::Currency,
    Attr::Citations,
    Attr::Sources,
    Attr::Rel(RelationshipKey::DisputedBy),
    Attr::Rel(RelationshipKey::Properties),
];

// Every relationship field is in `REL_ATTRS`, except the id and the ends
// (each export writes them its own way) and `evidence` (written as
// `citations` and `sources`): a field added to the format must be added
// there, or this fails to compile.
const _: () = {
    let mut i = 0;
    while i < RelationshipKey::ALL.len() {
        let key = RelationshipKey::ALL[i];
        let mut listed = matches!(
            key,
            RelationshipKey::Id
                | RelationshipKey::From
                | RelationshipKey::To
                | RelationshipKey::Evidence
        );
        let mut j = 0;
        while j < REL_ATTRS.len() {
            if let Attr::Rel(k) = REL_ATTRS[j] {
                listed |= k as usize == key as usize;
            }
            j += 1;
        }
        assert!(listed, "a relationship field is missing from REL_ATTRS");
        i += 1;
    }
};

/// The value of an entity attribute (`None` where absent, and for a
/// relationship's attribute). Lists and objects are JSON values.
fn entity_attr(e: &EntityRef<'_>, attr: Attr) -> Option<Value> {
    match attr {
        // Every export writes the aliases, an empty list too.
        Attr::Entity(EntityKey::Aliases) => Some(aliases(e)),
        Attr::Entity(k) => entity_field(e, k),
        Attr::Rel(_) | Attr::Currency | Attr::Citations | Attr::Sources => None,
    }
}

/// The value of a relationship attribute (`None` where absent, and for an
/// entity's attribute). Lists and objects are JSON values.
fn rel_attr(r: &RelRef<'_>, attr: Attr) -> Option<Value> {
    let key = match attr {
        Attr::Rel(key) => key,
        Attr::Currency => {
            return r
                .amount()
                .and_then(|a| amount_field(&a, AmountKey::Currency));
        }
        Attr::Citations => return Some(r.evidence().len().into()),
        Attr::Sources => {
            return Some(r.evidence().map(|c| Value::from(c.source().id())).collect());
        }
        Attr::Entity(_) => return None,
    };
    match key {
        // Written by each export in its own way.
        RelationshipKey::Id | RelationshipKey::From | RelationshipKey::To => None,
        RelationshipKey::Type => Some(r.rel_type().into()),
        // The label drawn: the given one, or the type's words.
        RelationshipKey::Label => Some(r.label().into_owned().into()),
        RelationshipKey::Directed => Some(r.directed().into()),
        RelationshipKey::Date | RelationshipKey::Start | RelationshipKey::End => {
            when_field(r.when(), key)
        }
        RelationshipKey::Status => Some(r.status().as_str().into()),
        RelationshipKey::Amount => r.amount().and_then(|a| amount_field(&a, AmountKey::Value)),
        // Written as `citations` and `sources`.
        RelationshipKey::Evidence => None,
        // The disputing entities' ids (their sources are in the canonical JSON).
        RelationshipKey::DisputedBy => {
            Some(r.disputes().map(|d| Value::from(d.entity().id())).collect())
        }
        RelationshipKey::Properties => properties_json(r.properties()),
    }
}

/// The attributes of an entity, [`ENTITY_ATTRS`] in order, with their values.
pub(crate) fn entity_values(e: &EntityRef<'_>) -> Vec<(Attr, Option<Value>)> {
    ENTITY_ATTRS
        .iter()
        .map(|&a| (a, entity_attr(e, a)))
        .collect()
}

/// The attributes of a relationship, [`REL_ATTRS`] in order, with their values.
pub(crate) fn rel_values(r: &RelRef<'_>) -> Vec<(Attr, Option<Value>)> {
    REL_ATTRS.iter().map(|&a| (a, rel_attr(r, a))).collect()
}

/// [`rel_values`] by name, for writers that key attributes by their names
/// (Cypher).
pub(crate) fn rel_attrs(r: &RelRef<'_>) -> Vec<(&'static str, Option<Value>)> {
    rel_values(r)
        .into_iter()
        .map(|(a, v)| (a.name(), v))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// GraphML names its `<key>`s and GEXF its attributes after the
    /// attributes: two with one name would make an invalid file.
    #[test]
    fn attribute_names_are_distinct() {
        for attrs in [&ENTITY_ATTRS[..], &REL_ATTRS[..]] {
            let mut names: Vec<&str> = attrs.iter().map(|a| a.name()).collect();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{names:?}");
        }
    }

    #[test]
    fn typed_attributes_follow_the_table() {
        let typed: Vec<(&str, AttrType)> = ENTITY_ATTRS
            .iter()
            .chain(&REL_ATTRS)
            .map(|a| (a.name(), a.value_type()))
            .filter(|(_, t)| *t != AttrType::String)
            .collect();
        assert_eq!(
            typed,
            [
                ("directed", AttrType::Boolean),
                ("amount", AttrType::Double),
                ("citations", AttrType::Integer),
            ]
        );
    }
}
