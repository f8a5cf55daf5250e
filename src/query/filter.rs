//! The query filters shared by every command that looks at part of the graph
//! (path, neighbors, timeline, stats, render, export): implemented once, as a
//! [`View`] of the model, never per command.

use crate::model::{EntityIx, EntityRef, Model, PartialDate, RelRef, Status, When};
use fixedbitset::FixedBitSet;
use petgraph::visit::EdgeRef;

/// Which relationships and entities to keep; the default keeps everything.
/// The command line's filters (`--types`, `--min-status`, …) and a view's
/// `filter` are the same data, kept in the model
/// ([`crate::model::ViewFilter`]); this module gives it its meaning.
pub use crate::model::ViewFilter as Filter;

/// One field of a [`Filter`]: which filters are in force, and which of
/// them cut a connection, are said with these, and the command line
/// spells each as its flag.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterField {
    /// [`Filter::types`].
    Types,
    /// [`Filter::exclude_types`].
    ExcludeTypes,
    /// [`Filter::kinds`].
    Kinds,
    /// [`Filter::statuses`].
    Statuses,
    /// [`Filter::no_disputed`].
    NoDisputed,
    /// [`Filter::as_of`].
    AsOf,
    /// [`Filter::between`].
    Between,
}

impl FilterField {
    /// Every field, in the order the filters are listed.
    pub const ALL: [FilterField; 7] = [
        FilterField::Types,
        FilterField::ExcludeTypes,
        FilterField::Kinds,
        FilterField::Statuses,
        FilterField::NoDisputed,
        FilterField::AsOf,
        FilterField::Between,
    ];

    /// The field's name in [`Filter`] (`types`, `exclude_types`, …), for
    /// machine-readable output.
    pub fn as_str(self) -> &'static str {
        match self {
            FilterField::Types => "types",
            FilterField::ExcludeTypes => "exclude_types",
            FilterField::Kinds => "kinds",
            FilterField::Statuses => "statuses",
            FilterField::NoDisputed => "no_disputed",
            FilterField::AsOf => "as_of",
            FilterField::Between => "between",
        }
    }
}

/// The days a relationship is in force: an event from its date on, a period
/// from the first day of `start` to the last day of `end` (open where missing).
fn in_force(when: When) -> Option<(i32, i32)> {
    match when {
        When::Undated => None,
        When::On(d) => Some((d.first_day(), i32::MAX)),
        When::Period { start, end } => Some((
            start.map_or(i32::MIN, PartialDate::first_day),
            end.map_or(i32::MAX, PartialDate::last_day),
        )),
    }
}

impl Filter {
    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    /// `--min-status S`: S and every stronger status.
    pub fn min_status(min: Status) -> Vec<Status> {
        Status::ALL.into_iter().filter(|s| *s <= min).collect()
    }

    /// Whether an entity passes `--kinds`.
    pub fn allows_entity(&self, e: &EntityRef<'_>) -> bool {
        self.kinds
            .as_ref()
            .is_none_or(|k| k.iter().any(|k| k == e.kind() || k == e.display_kind()))
    }

    /// Whether a relationship passes the relationship filters (its ends are
    /// checked separately). Undated relationships pass the date filters: they
    /// are not known to be out of force.
    pub fn allows_relationship(&self, r: &RelRef<'_>) -> bool {
        let t = r.rel_type();
        if self
            .types
            .as_ref()
            .is_some_and(|ts| !ts.iter().any(|x| x == t))
        {
            return false;
        }
        if self.exclude_types.iter().any(|x| x == t) {
            return false;
        }
        if self
            .statuses
            .as_ref()
            .is_some_and(|s| !s.contains(&r.status()))
        {
            return false;
        }
        if self.no_disputed && r.is_disputed() {
            return false;
        }
        let force = in_force(r.when());
        if let (Some(date), Some((from, to))) = (self.as_of, force)
            && (to < date.first_day() || from > date.last_day())
        {
            return false;
        }
        if let (Some((a, b)), Some((from, to))) = (self.between, force)
            && (to < a.first_day() || from > b.last_day())
        {
            return false;
        }
        true
    }

    /// The fields in force, in the order of [`FilterField::ALL`]: what a
    /// caller names when it says which filters apply, or which one cut a
    /// connection.
    ///
    /// # Complexity
    ///
    /// O(1).
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::{Filter, FilterField};
    /// let f = Filter { no_disputed: true, types: Some(vec!["paid".into()]), ..Filter::default() };
    /// assert_eq!(f.in_force(), [FilterField::Types, FilterField::NoDisputed]);
    /// assert!(Filter::default().in_force().is_empty());
    /// ```
    pub fn in_force(&self) -> Vec<FilterField> {
        FilterField::ALL
            .into_iter()
            .filter(|field| self.without(*field) != *self)
            .collect()
    }

    /// The filter with `field` back at its default (keeping everything).
    ///
    /// # Complexity
    ///
    /// O(size of the filter): a clone.
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::{Filter, FilterField};
    /// let f = Filter { no_disputed: true, ..Filter::default() };
    /// assert!(f.without(FilterField::NoDisputed).is_empty());
    /// ```
    #[must_use]
    pub fn without(&self, field: FilterField) -> Filter {
        let mut f = self.clone();
        match field {
            FilterField::Types => f.types = None,
            FilterField::ExcludeTypes => f.exclude_types.clear(),
            FilterField::Kinds => f.kinds = None,
            FilterField::Statuses => f.statuses = None,
            FilterField::NoDisputed => f.no_disputed = false,
            FilterField::AsOf => f.as_of = None,
            FilterField::Between => f.between = None,
        }
        f
    }

    /// The view of `model` this filter selects.
    pub fn view(&self, model: &Model) -> View {
        View::new(model, self)
    }
}

/// A subset of the model's entities and relationships, as bit sets over
/// their indices: queries walk the graph through it instead of copying it.
#[derive(Clone, Debug)]
pub struct View {
    /// Entities kept, by node index.
    pub entities: FixedBitSet,
    /// Relationships kept, by edge index.
    pub relationships: FixedBitSet,
}

impl View {
    /// Everything.
    pub fn all(model: &Model) -> View {
        let g = model.graph();
        let mut entities = FixedBitSet::with_capacity(g.node_count());
        entities.insert_range(..);
        let mut relationships = FixedBitSet::with_capacity(g.edge_count());
        relationships.insert_range(..);
        View {
            entities,
            relationships,
        }
    }

    /// What `filter` keeps: entities of the kinds asked for, and the
    /// relationships that pass between two kept entities.
    pub fn new(model: &Model, filter: &Filter) -> View {
        let mut view = View::all(model);
        if filter.is_empty() {
            return view;
        }
        for e in model.entities() {
            if !filter.allows_entity(&e) {
                view.entities.set(e.ix().index(), false);
            }
        }
        for r in model.relationships() {
            let keep = view.entities.contains(r.from().index())
                && view.entities.contains(r.to().index())
                && filter.allows_relationship(&r);
            view.relationships.set(r.ix().index(), keep);
        }
        view
    }

    /// Whether the entity is in the view.
    pub fn has_entity(&self, ix: EntityIx) -> bool {
        self.entities.contains(ix.index())
    }

    /// How many relationships the view holds.
    pub fn relationship_count(&self) -> usize {
        self.relationships.count_ones(..)
    }

    /// Whether the relationship is in the view.
    pub fn has_relationship(&self, ix: crate::model::RelIx) -> bool {
        self.relationships.contains(ix.index())
    }

    /// The relationships at `n` in the view, each with its other end:
    /// those leaving `n`, then those arriving at it, in the graph's order.
    /// A relationship whose other end is not in the view is not in it
    /// either (views made by [`View::new`] never hold one).
    ///
    /// # Complexity
    ///
    /// O(d) for the d relationships at `n` in the whole graph.
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::View;
    /// let json = r#"{"sources": [{"id": "s", "title": "S"}],
    /// "entities": [{"id": "a", "name": "A", "kind": "person"},
    ///              {"id": "b", "name": "B", "kind": "person"}],
    /// "relationships": [{"from": "a", "to": "b", "type": "knows",
    ///                    "evidence": [{"source": "s"}]}]}"#;
    /// let model = casegraph::load_str("t.json", json).model.expect("valid");
    /// let (a, b) = (model.entity_by_id("a").unwrap(), model.entity_by_id("b").unwrap());
    /// let view = View::all(&model);
    /// let at_b: Vec<_> = view.incident(&model, b).map(|(r, other)| (r.from(), other)).collect();
    /// assert_eq!(at_b, [(a, a)]);
    /// ```
    pub fn incident<'v, 'm: 'v>(
        &'v self,
        model: &'m Model,
        n: EntityIx,
    ) -> impl Iterator<Item = (RelRef<'m>, EntityIx)> + 'v {
        let g = model.graph();
        g.edges_directed(n, petgraph::Outgoing)
            .chain(g.edges_directed(n, petgraph::Incoming))
            .filter(|e| self.relationships.contains(e.id().index()))
            .filter_map(move |e| {
                let r = model.relationship(e.id());
                let other = r.other_end(n);
                self.entities.contains(other.index()).then_some((r, other))
            })
    }

    /// How many hops, through the view, each entity is from the nearest of
    /// `sources` (0 for the sources themselves), by index; `None` for the
    /// entities more than `depth` hops away.
    ///
    /// # Complexity
    ///
    /// Breadth-first, O(V' + E') for the V' entities and E' relationships
    /// within `depth` hops, plus O(V) for the table.
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::View;
    /// let json = r#"{"sources": [{"id": "s", "title": "S"}],
    /// "entities": [{"id": "a", "name": "A", "kind": "person"},
    ///              {"id": "b", "name": "B", "kind": "person"},
    ///              {"id": "c", "name": "C", "kind": "person"}],
    /// "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
    ///                   {"from": "b", "to": "c", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
    /// let model = casegraph::load_str("t.json", json).model.expect("valid");
    /// let id = |s| model.entity_by_id(s).unwrap();
    /// let d = View::all(&model).distances(&model, &[id("a")], 1);
    /// assert_eq!((d[id("a").index()], d[id("b").index()], d[id("c").index()]), (Some(0), Some(1), None));
    /// ```
    pub fn distances(
        &self,
        model: &Model,
        sources: &[EntityIx],
        depth: usize,
    ) -> Vec<Option<usize>> {
        let mut dist = vec![None; model.entity_count()];
        let mut queue = std::collections::VecDeque::new();
        for s in sources {
            dist[s.index()] = Some(0);
            queue.push_back((*s, 0));
        }
        while let Some((n, d)) = queue.pop_front() {
            if d >= depth {
                continue;
            }
            for (_, other) in self.incident(model, n) {
                if dist[other.index()].is_none() {
                    dist[other.index()] = Some(d + 1);
                    queue.push_back((other, d + 1));
                }
            }
        }
        dist
    }

    /// Keeps only the entities within `depth` hops of `center` (in either
    /// direction, through relationships of the view), and the relationships
    /// among them: the ego network.
    ///
    /// # Complexity
    ///
    /// O(V + E): the search of [`View::distances`], then one pass over the
    /// relationships.
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::View;
    /// let json = r#"{"sources": [{"id": "s", "title": "S"}],
    /// "entities": [{"id": "a", "name": "A", "kind": "person"},
    ///              {"id": "b", "name": "B", "kind": "person"},
    ///              {"id": "c", "name": "C", "kind": "person"}],
    /// "relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
    ///                   {"from": "b", "to": "c", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
    /// let model = casegraph::load_str("t.json", json).model.expect("valid");
    /// let mut view = View::all(&model);
    /// view.focus(&model, model.entity_by_id("a").unwrap(), 1);
    /// assert_eq!((view.entities.count_ones(..), view.relationships.count_ones(..)), (2, 1));
    /// ```
    pub fn focus(&mut self, model: &Model, center: EntityIx, depth: usize) {
        let g = model.graph();
        let mut keep = FixedBitSet::with_capacity(g.node_count());
        for (i, d) in self.distances(model, &[center], depth).iter().enumerate() {
            if d.is_some() {
                keep.insert(i);
            }
        }
        self.entities = keep;
        for e in g.edge_references() {
            if !(self.entities.contains(e.source().index())
                && self.entities.contains(e.target().index()))
            {
                self.relationships.set(e.id().index(), false);
            }
        }
    }

    /// Drops entities left with no relationship in the view (after filtering,
    /// a diagram or export of the view should not show stranded nodes).
    pub fn drop_isolated(&mut self, model: &Model) {
        let g = model.graph();
        let mut linked = FixedBitSet::with_capacity(g.node_count());
        for e in g.edge_references() {
            if self.relationships.contains(e.id().index()) {
                linked.insert(e.source().index());
                linked.insert(e.target().index());
            }
        }
        self.entities.intersect_with(&linked);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn min_status_keeps_stronger() {
        assert_eq!(
            Filter::min_status(Status::Reported),
            vec![Status::Confirmed, Status::Reported]
        );
    }

    #[test]
    fn as_of_uses_partial_date_semantics() {
        let d = |s| PartialDate::parse(s).unwrap();
        let period = When::Period {
            start: Some(d("2011")),
            end: Some(d("2019")),
        };
        let (from, to) = in_force(period).unwrap();
        assert!(from <= d("2011-03-01").first_day() && d("2019-12-31").last_day() <= to);
        assert!(to < d("2020-01-01").first_day());
    }
}
