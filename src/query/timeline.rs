//! What happened when: every dated relationship and dated entity in date order.

use super::filter::View;
use crate::model::{EntityIx, Model, PartialDate, RelIx, When};

/// What a timeline entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A dated relationship.
    Relationship(RelIx),
    /// A dated entity (founded, born, dissolved…).
    Entity(EntityIx),
}

/// One entry of a timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The date it is sorted by: the event date, or the start of the period
    /// (its end when only the end is known).
    pub date: PartialDate,
    /// The dates as given.
    pub when: When,
    /// What happened.
    pub event: Event,
}

/// The dated relationships and entities of `view`, in date order; with
/// `entity`, only that entity and its own relationships.
///
/// Partial dates sort by the first day they cover, coarser first on the same
/// day (`2013` before `2013-01` before `2013-01-01`), then entities before
/// relationships, then by id; they are shown as given.
///
/// Complexity: O(E log E) for all relationships, O(d log d) for one entity
/// of degree d.
pub fn timeline(model: &Model, view: &View, entity: Option<EntityIx>) -> Vec<Entry> {
    let mut out = Vec::new();
    let add_entity = |ix: EntityIx, out: &mut Vec<Entry>| {
        let e = model.entity(ix);
        let when = When::Period {
            start: e.start(),
            end: e.end(),
        };
        if let Some(date) = when.sort_key() {
            out.push(Entry {
                date,
                when,
                event: Event::Entity(ix),
            });
        }
    };
    let rel = |ix: RelIx, out: &mut Vec<Entry>| {
        let when = model.relationship(ix).when();
        if let Some(date) = when.sort_key() {
            out.push(Entry {
                date,
                when,
                event: Event::Relationship(ix),
            });
        }
    };
    match entity {
        Some(ix) => {
            if ix.index() >= model.entity_count() || !view.has_entity(ix) {
                return out;
            }
            add_entity(ix, &mut out);
            let mut rels: Vec<RelIx> = view.incident(model, ix).map(|(r, _)| r.ix()).collect();
            rels.sort();
            rels.dedup();
            for r in rels {
                rel(r, &mut out);
            }
        }
        None => {
            for e in model.entities() {
                if view.has_entity(e.ix()) {
                    add_entity(e.ix(), &mut out);
                }
            }
            for r in model.relationships() {
                if view.has_relationship(r.ix()) {
                    rel(r.ix(), &mut out);
                }
            }
        }
    }
    let key = |e: &Entry| {
        let (kind, id) = match e.event {
            Event::Entity(ix) => (0, model.entity(ix).id()),
            Event::Relationship(ix) => (1, model.relationship(ix).id()),
        };
        (e.date, kind, id)
    };
    out.sort_by(|a, b| key(a).cmp(&key(b)));
    out
}
