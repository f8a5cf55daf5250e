//! The value of every format field of a model record, looked up by its key
//! ([`crate::format::fields`]): one `match` per record kind, so a key added
//! to the format without a value here is a compile error, not a silent drop.
//!
//! The values are the canonical ones, as [`super::json`] writes them: `None`
//! where the canonical JSON leaves the key out (absent, an empty list, or
//! `directed`'s default). The exporters and the CLI's `--json` start from
//! these and differ only where they say so.

use crate::format::Key;
use crate::format::fields::{
    AmountKey, CitationKey, DatasetKey, DisputeKey, EntityKey, RelationshipKey, SourceKey,
};
use crate::model::{
    Amount, CitationRef, DatasetMeta, DisputeRef, EntityRef, Model, PartialDate, PropertyValue,
    RelRef, SourceRef, When,
};
use serde_json::{Map, Value};

/// A record as a JSON object: its keys in table order, each with its value
/// from `value`, absent ones (`None`) left out.
pub(crate) fn record<K: Key>(mut value: impl FnMut(K) -> Option<Value>) -> Value {
    let map: Map<String, Value> = K::ALL
        .iter()
        .filter_map(|&k| value(k).map(|v| (k.key().to_owned(), v)))
        .collect();
    Value::Object(map)
}

/// Free-form properties as one JSON object (`None` when there are none).
pub(crate) fn properties_json<'a>(
    props: impl Iterator<Item = (&'a str, PropertyValue<'a>)>,
) -> Option<Value> {
    let map: Map<String, Value> = props.map(|(k, v)| (k.to_owned(), v.to_json())).collect();
    (!map.is_empty()).then_some(Value::Object(map))
}

fn date(d: Option<PartialDate>) -> Option<Value> {
    d.map(|d| d.to_string().into())
}

fn text(s: Option<&str>) -> Option<Value> {
    s.map(Value::from)
}

/// A list, or `None` when it is empty (the canonical JSON leaves it out).
fn list(items: Vec<Value>) -> Option<Value> {
    (!items.is_empty()).then_some(Value::Array(items))
}

/// A field of the `dataset` block. The id is always written, given or
/// derived from the file name.
pub(crate) fn dataset_field(meta: &DatasetMeta, key: DatasetKey) -> Option<Value> {
    match key {
        DatasetKey::Id => Some(meta.id.as_str().into()),
        DatasetKey::Title => text(meta.title.as_deref()),
        DatasetKey::Description => text(meta.description.as_deref()),
        DatasetKey::Updated => date(meta.updated),
        DatasetKey::License => text(meta.license.as_deref()),
        DatasetKey::Url => text(meta.url.as_deref()),
    }
}

/// A field of a source. `kind` is always written (its default made explicit).
pub(crate) fn source_field(s: &SourceRef<'_>, key: SourceKey) -> Option<Value> {
    match key {
        SourceKey::Id => Some(s.id().into()),
        SourceKey::Title => Some(s.title().into()),
        SourceKey::Kind => Some(s.kind().as_str().into()),
        SourceKey::Publisher => text(s.publisher()),
        SourceKey::Author => text(s.author()),
        SourceKey::Published => date(s.published()),
        SourceKey::Url => text(s.url()),
        SourceKey::ArchivedUrl => text(s.archived_url()),
        SourceKey::Notes => text(s.notes()),
    }
}

/// The aliases of an entity as a JSON list (empty when it has none).
pub(crate) fn aliases(e: &EntityRef<'_>) -> Value {
    Value::Array(e.aliases().map(Value::from).collect())
}

/// A field of an entity.
pub(crate) fn entity_field(e: &EntityRef<'_>, key: EntityKey) -> Option<Value> {
    match key {
        EntityKey::Id => Some(e.id().into()),
        EntityKey::Name => Some(e.name().into()),
        EntityKey::Kind => Some(e.kind().into()),
        EntityKey::Aliases => list(e.aliases().map(Value::from).collect()),
        EntityKey::Description => text(e.description()),
        EntityKey::Url => text(e.url()),
        EntityKey::Start => date(e.start()),
        EntityKey::End => date(e.end()),
        EntityKey::Properties => properties_json(e.properties()),
    }
}

/// `date`, `start` or `end` of a relationship as written (a partial ISO
/// date); `None` for any other key, or when the relationship has no such date.
pub(crate) fn when_field(when: When, key: RelationshipKey) -> Option<Value> {
    let d = match (when, key) {
        (When::On(d), RelationshipKey::Date) => Some(d),
        (When::Period { start, .. }, RelationshipKey::Start) => start,
        (When::Period { end, .. }, RelationshipKey::End) => end,
        _ => None,
    };
    date(d)
}

/// A field of an amount.
pub(crate) fn amount_field(a: &Amount<'_>, key: AmountKey) -> Option<Value> {
    match key {
        AmountKey::Value => Some(Value::Number(a.value.clone())),
        AmountKey::Currency => Some(a.currency.into()),
    }
}

/// A field of a citation.
pub(crate) fn citation_field(c: &CitationRef<'_>, key: CitationKey) -> Option<Value> {
    match key {
        CitationKey::Source => Some(c.source().id().into()),
        CitationKey::Locator => text(c.locator()),
        CitationKey::Quote => text(c.quote()),
    }
}

/// A field of a dispute.
pub(crate) fn dispute_field(d: &DisputeRef<'_>, key: DisputeKey) -> Option<Value> {
    match key {
        DisputeKey::Entity => Some(d.entity().id().into()),
        DisputeKey::Source => Some(d.source().id().into()),
        DisputeKey::Quote => text(d.quote()),
    }
}

/// A field of a relationship. `id` is always the full id (given or
/// default), `label` only a given one, `directed` only `false`, `status`
/// always (its default made explicit).
pub(crate) fn relationship_field(
    model: &Model,
    r: &RelRef<'_>,
    key: RelationshipKey,
) -> Option<Value> {
    match key {
        RelationshipKey::Id => Some(r.id().into()),
        RelationshipKey::From => Some(model.entity(r.from()).id().into()),
        RelationshipKey::To => Some(model.entity(r.to()).id().into()),
        RelationshipKey::Type => Some(r.rel_type().into()),
        RelationshipKey::Label => text(r.label_given()),
        RelationshipKey::Directed => (!r.directed()).then_some(false.into()),
        RelationshipKey::Date | RelationshipKey::Start | RelationshipKey::End => {
            when_field(r.when(), key)
        }
        RelationshipKey::Status => Some(r.status().as_str().into()),
        RelationshipKey::Amount => r.amount().map(|a| record(|k| amount_field(&a, k))),
        RelationshipKey::Evidence => list(
            r.evidence()
                .map(|c| record(|k| citation_field(&c, k)))
                .collect(),
        ),
        RelationshipKey::DisputedBy => list(
            r.disputes()
                .map(|d| record(|k| dispute_field(&d, k)))
                .collect(),
        ),
        RelationshipKey::Properties => properties_json(r.properties()),
    }
}
