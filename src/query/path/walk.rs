//! What every search shares: the graph as a search sees it ([`Walk`]: the
//! view, the direction rule, the costs) and what a search may not use
//! ([`Restrict`]).

use super::types::{Hop, Path, PathQuery, UNIT, credibility, hub_penalty};
use crate::model::{EntityIx, Model, RelIx, Status};
use crate::query::filter::View;
use foldhash::fast::FixedState;
use std::collections::{HashMap, HashSet};

pub(super) type Map<K, V> = HashMap<K, V, FixedState>;
pub(super) type Set<K> = HashSet<K, FixedState>;
/// A restricted best-path search from an entity to the query's target.
pub(super) type BestFn<'a> = dyn Fn(EntityIx, &Restrict, usize) -> Option<Vec<EntityIx>> + 'a;

/// Nodes and ordered hops a search may not use (the avoid list, and Yen's
/// spur restrictions).
#[derive(Clone, Debug, Default)]
pub(super) struct Restrict {
    pub(super) nodes: Set<EntityIx>,
    pub(super) pairs: Set<(EntityIx, EntityIx)>,
}

impl Restrict {
    /// Whether the hop `a` → `b` may be used (either end may be the new one:
    /// backward searches discover `a`).
    pub(super) fn allows(&self, a: EntityIx, b: EntityIx) -> bool {
        !self.nodes.contains(&a) && !self.nodes.contains(&b) && !self.pairs.contains(&(a, b))
    }
}

/// The graph as a search sees it: the view, the direction rule, and lazily
/// computed degrees for the hub penalty.
pub(super) struct Walk<'a> {
    pub(super) model: &'a Model,
    pub(super) view: &'a View,
    pub(super) directed: bool,
    pub(super) credible: bool,
    pub(super) avoid_hubs: bool,
    pub(super) degrees: std::cell::RefCell<Map<EntityIx, usize>>,
}

impl<'a> Walk<'a> {
    pub(super) fn new(model: &'a Model, view: &'a View, q: &PathQuery) -> Walk<'a> {
        Walk {
            model,
            view,
            directed: q.directed,
            credible: q.credible,
            avoid_hubs: q.avoid_hubs,
            degrees: Default::default(),
        }
    }

    /// The `(relationship, other end)` pairs a search can cross at `n`:
    /// leaving `n` when `forward`, else arriving at `n` (backward search).
    pub(super) fn steps(
        &self,
        n: EntityIx,
        forward: bool,
    ) -> impl Iterator<Item = (RelIx, EntityIx)> + '_ {
        self.view
            .incident(self.model, n)
            .filter(move |(r, other)| {
                *other != n && !(self.directed && r.directed() && (r.from() == n) != forward)
            })
            .map(|(r, other)| (r.ix(), other))
    }

    fn degree(&self, n: EntityIx) -> usize {
        if let Some(d) = self.degrees.borrow().get(&n) {
            return *d;
        }
        let d = self.view.incident(self.model, n).count();
        self.degrees.borrow_mut().insert(n, d);
        d
    }

    /// The cost of crossing `rel` (not counting hub penalties).
    pub(super) fn rel_cost(&self, rel: RelIx) -> u64 {
        if self.credible {
            credibility(&self.model.relationship(rel)) * UNIT
        } else {
            UNIT
        }
    }

    /// The cost of entering `n` as an intermediate entity.
    pub(super) fn node_cost(&self, n: EntityIx) -> u64 {
        if self.avoid_hubs {
            hub_penalty(self.degree(n))
        } else {
            0
        }
    }

    /// The hop from `a` to `b`: every relationship that makes it, the
    /// strongest first (`prefer` first if given).
    pub(super) fn hop(&self, a: EntityIx, b: EntityIx, prefer: Option<RelIx>) -> Option<Hop> {
        let rels: Vec<RelIx> = self
            .steps(a, true)
            .filter(|(_, o)| *o == b)
            .map(|(r, _)| r)
            .collect();
        Hop::strongest(self.model, a, b, rels, prefer)
    }

    /// The cost of a whole path of entities, each hop by its strongest
    /// relationship.
    pub(super) fn cost(&self, nodes: &[EntityIx]) -> u64 {
        let hops: u64 = nodes
            .windows(2)
            .map(|w| {
                self.hop(w[0], w[1], None)
                    .map_or(u64::MAX / 4, |h| self.rel_cost(h.rel))
            })
            .sum();
        hops + self.through_cost(nodes)
    }

    /// How well evidenced a path of entities is: the `--credible` weights of
    /// its hops' strongest relationships, summed, and its weakest status.
    /// Paths of equal [`Walk::cost`] are ranked by this.
    pub(super) fn grade(&self, nodes: &[EntityIx]) -> (u64, Status) {
        nodes
            .windows(2)
            .filter_map(|w| self.hop(w[0], w[1], None))
            .map(|h| {
                let r = self.model.relationship(h.rel);
                (credibility(&r), r.status())
            })
            .fold((0, Status::Confirmed), |(c, s), (c2, s2)| {
                (c + c2, s.max(s2))
            })
    }

    /// The hub penalties of the entities a path passes through (not its ends).
    pub(super) fn through_cost(&self, nodes: &[EntityIx]) -> u64 {
        match nodes {
            [_, through @ .., _] => through.iter().map(|n| self.node_cost(*n)).sum(),
            _ => 0,
        }
    }

    pub(super) fn path(&self, nodes: Vec<EntityIx>, chosen: Option<&[RelIx]>) -> Path {
        let hops: Vec<Hop> = nodes
            .windows(2)
            .enumerate()
            .filter_map(|(i, w)| self.hop(w[0], w[1], chosen.and_then(|c| c.get(i).copied())))
            .collect();
        let weakest = hops
            .iter()
            .map(|h| self.model.relationship(h.rel).status())
            .max()
            .unwrap_or(Status::Confirmed);
        // Unweighted, every hop costs UNIT and no entity a penalty.
        let cost =
            hops.iter().map(|h| self.rel_cost(h.rel)).sum::<u64>() + self.through_cost(&nodes);
        Path {
            entities: nodes,
            hops,
            cost,
            weakest,
        }
    }

    pub(super) fn ids(&self, nodes: &[EntityIx]) -> Vec<&'a str> {
        let model = self.model;
        nodes.iter().map(|n| model.entity(*n).id()).collect()
    }
}
