//! What happened when: every dated relationship and dated entity in date
//! order, and the relationships with no date apart.

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

/// A timeline: the dated entries in date order, then what has no date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Timeline {
    /// The dated relationships and entities, in date order.
    pub entries: Vec<Entry>,
    /// The relationships with no date at all, by id: they cannot be placed
    /// on the timeline, but are part of the story.
    pub undated: Vec<RelIx>,
}

/// Whether something dated `when` happened in `window` (first and last
/// dates, inclusive): a one-off date (or an entity's start or end alone)
/// when it falls in the window, a period when it overlaps it. Unlike the
/// `--between` filter, which keeps what is *in force* in the window (an
/// event counting from its date on), a 2014 event did not happen in 2020.
///
/// # Complexity
///
/// O(1).
///
/// # Example
///
/// ```
/// use casegraph::model::{PartialDate, When};
/// use casegraph::query::timeline::happened_in;
/// let d = |s| PartialDate::parse(s).unwrap();
/// let window = (d("2020"), d("2021"));
/// assert!(!happened_in(When::On(d("2014")), window));
/// assert!(happened_in(When::On(d("2020-06")), window));
/// let period = When::Period { start: Some(d("2011")), end: Some(d("2020-03")) };
/// assert!(happened_in(period, window));
/// ```
pub fn happened_in(when: When, (from, to): (PartialDate, PartialDate)) -> bool {
    let (a, b) = (from.first_day(), to.last_day());
    let (first, last) = match when {
        When::Undated => return true,
        When::On(d) => (d.first_day(), d.last_day()),
        When::Period {
            start: None,
            end: None,
        } => return true,
        When::Period {
            start: Some(s),
            end: Some(e),
        } => (s.first_day(), e.last_day()),
        When::Period {
            start: Some(s),
            end: None,
        } => (s.first_day(), i32::MAX),
        When::Period {
            start: None,
            end: Some(e),
        } => (i32::MIN, e.last_day()),
    };
    first <= b && last >= a
}

/// The dated relationships and entities of `view`, in date order, and its
/// undated relationships; with `entity`, only that entity and its own
/// relationships; with `window`, only what [`happened_in`] it (the
/// undated relationships are still listed: nothing says they did not).
///
/// Partial dates sort by the first day they cover, coarser first on the same
/// day (`2013` before `2013-01` before `2013-01-01`), then entities before
/// relationships, then by id; they are shown as given. An entity's entry is
/// its start and end: with a window, a start alone is the day it began, an
/// end alone the day it ended.
///
/// # Complexity
///
/// O(E log E) for all relationships, O(d log d) for one entity of degree d.
///
/// # Example
///
/// ```
/// use casegraph::model::PartialDate;
/// use casegraph::query::{View, timeline};
/// let json = r#"{"sources": [{"id": "s", "title": "S"}],
/// "entities": [{"id": "a", "name": "A", "kind": "person"},
///              {"id": "b", "name": "B", "kind": "person"}],
/// "relationships": [
///   {"from": "a", "to": "b", "type": "met", "date": "2014", "evidence": [{"source": "s"}]},
///   {"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
/// let model = casegraph::load_str("t.json", json).model.expect("valid");
/// let t = timeline(&model, &View::all(&model), None, None);
/// assert_eq!((t.entries.len(), t.undated.len()), (1, 1));
/// let d = |s| PartialDate::parse(s).unwrap();
/// let t = timeline(&model, &View::all(&model), None, Some((d("2020"), d("2021"))));
/// assert_eq!((t.entries.len(), t.undated.len()), (0, 1));
/// ```
pub fn timeline(
    model: &Model,
    view: &View,
    entity: Option<EntityIx>,
    window: Option<(PartialDate, PartialDate)>,
) -> Timeline {
    let mut out = Vec::new();
    let mut undated = Vec::new();
    let in_window = |when: When| window.is_none_or(|w| happened_in(when, w));
    let add_entity = |ix: EntityIx, out: &mut Vec<Entry>| {
        let e = model.entity(ix);
        let when = When::Period {
            start: e.start(),
            end: e.end(),
        };
        // A start or an end alone is a one-off: the day it began or ended.
        let happened = match (e.start(), e.end()) {
            (Some(d), None) | (None, Some(d)) => When::On(d),
            _ => when,
        };
        if let Some(date) = when.sort_key()
            && in_window(happened)
        {
            out.push(Entry {
                date,
                when,
                event: Event::Entity(ix),
            });
        }
    };
    let mut rel = |ix: RelIx, out: &mut Vec<Entry>| {
        let when = model.relationship(ix).when();
        match when.sort_key() {
            Some(date) if in_window(when) => out.push(Entry {
                date,
                when,
                event: Event::Relationship(ix),
            }),
            Some(_) => {}
            None => undated.push(ix),
        }
    };
    match entity {
        Some(ix) => {
            if ix.index() >= model.entity_count() || !view.has_entity(ix) {
                return Timeline::default();
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
    undated.sort_by(|a, b| model.relationship(*a).id().cmp(model.relationship(*b).id()));
    Timeline {
        entries: out,
        undated,
    }
}
