//! What `render --path FROM TO` draws: one shortest connection, its hops
//! highlighted, optionally with the neighbours of the path greyed around it.
//!
//! The path query proper lives in `query::path` (written separately); this
//! is the minimal breadth-first search the diagram needs, over the same
//! [`View`], so it can be swapped for the query without changing the drawing.

use crate::model::{EntityIx, Model, RelIx};
use crate::query::View;
use fixedbitset::FixedBitSet;
use petgraph::visit::EdgeRef;
use std::collections::VecDeque;

/// The relationships of one shortest path from `from` to `to` in `view`,
/// ignoring direction (a connection is a connection either way), or `None`
/// when they are not connected. Ties go to the relationship with the
/// smallest id, so the answer is the same on every run.
///
/// Complexity: O(V + E log E) (edges are sorted per node for the tie rule).
pub fn shortest_path(
    model: &Model,
    view: &View,
    from: EntityIx,
    to: EntityIx,
) -> Option<Vec<RelIx>> {
    let g = model.graph();
    let mut came_by: Vec<Option<(EntityIx, RelIx)>> = vec![None; g.node_count()];
    let mut seen = FixedBitSet::with_capacity(g.node_count());
    seen.insert(from.index());
    let mut queue = VecDeque::from([from]);
    while let Some(n) = queue.pop_front() {
        if n == to {
            break;
        }
        let mut edges: Vec<(&str, RelIx, EntityIx)> = g
            .edges_directed(n, petgraph::Outgoing)
            .chain(g.edges_directed(n, petgraph::Incoming))
            .filter(|e| view.has_relationship(e.id()))
            .map(|e| {
                let other = if e.source() == n {
                    e.target()
                } else {
                    e.source()
                };
                (model.relationship(e.id()).id(), e.id(), other)
            })
            .filter(|(_, _, other)| view.has_entity(*other))
            .collect();
        edges.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (_, rel, other) in edges {
            if !seen.put(other.index()) {
                came_by[other.index()] = Some((n, rel));
                queue.push_back(other);
            }
        }
    }
    if !seen.contains(to.index()) {
        return None;
    }
    let mut rels = Vec::new();
    let mut at = to;
    while at != from {
        let (prev, rel) = came_by[at.index()]?;
        rels.push(rel);
        at = prev;
    }
    rels.reverse();
    Some(rels)
}

/// The views of a path diagram: what is drawn, what is highlighted (the
/// path) and what is greyed (the context: entities up to `context` hops off
/// the path, and the relationships among the drawn entities that are not hops).
pub fn path_views(
    model: &Model,
    view: &View,
    from: EntityIx,
    rels: &[RelIx],
    context: usize,
) -> (View, View, View) {
    let g = model.graph();
    let mut hops = View {
        entities: FixedBitSet::with_capacity(g.node_count()),
        relationships: FixedBitSet::with_capacity(g.edge_count()),
    };
    hops.entities.insert(from.index());
    for r in rels {
        hops.relationships.insert(r.index());
        if let Some((a, b)) = g.edge_endpoints(*r) {
            hops.entities.insert(a.index());
            hops.entities.insert(b.index());
        }
    }
    let mut shown = hops.clone();
    if context > 0 {
        // Grow from every path entity, through the filtered view.
        let mut grown = view.clone();
        let mut keep = FixedBitSet::with_capacity(g.node_count());
        for n in hops.entities.ones() {
            let mut ego = view.clone();
            ego.focus(model, EntityIx::new(n), context);
            keep.union_with(&ego.entities);
        }
        grown.entities.intersect_with(&keep);
        for e in g.edge_references() {
            let inside = grown.entities.contains(e.source().index())
                && grown.entities.contains(e.target().index());
            if !inside {
                grown.relationships.set(e.id().index(), false);
            }
        }
        shown = grown;
    }
    let mut faded = shown.clone();
    faded.entities.difference_with(&hops.entities);
    faded.relationships.difference_with(&hops.relationships);
    (shown, hops, faded)
}
