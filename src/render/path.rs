//! What a path diagram draws: the answer of the path query
//! ([`crate::query::path`]) with its hops highlighted, and optionally the
//! entities around it, greyed, so a reader sees what else the path touches.
//!
//! The search itself is the query module's; this module only decides which
//! entities and relationships of the filtered [`View`] are drawn and how.

use super::Options;
use crate::model::{EntityIx, Model};
use crate::query::View;
use crate::query::path::Path;
use fixedbitset::FixedBitSet;
use petgraph::visit::EdgeRef;

/// The views of a path diagram: `(shown, hops, context)`.
///
/// - `hops`: the path's entities and the one relationship of each hop;
/// - `context`: the entities up to `context` hops off the path (through
///   `view`), the relationships by which they reach it — those joining
///   entities whose distances from the path differ by one — and the other
///   relationships between consecutive path entities (the claims the hop
///   did not pick). Relationships among context entities at the same
///   distance are left out: they say nothing about the path and, around a
///   hub, would bury it;
/// - `shown`: both together.
///
/// Complexity: O(V + E) for the breadth-first search from the path
/// ([`View::distances`]).
pub fn path_views(model: &Model, view: &View, path: &Path, context: usize) -> (View, View, View) {
    let g = model.graph();
    let mut hops = View {
        entities: FixedBitSet::with_capacity(g.node_count()),
        relationships: FixedBitSet::with_capacity(g.edge_count()),
    };
    for e in &path.entities {
        hops.entities.insert(e.index());
    }
    for h in &path.hops {
        hops.relationships.insert(h.rel.index());
    }
    // Distance of each entity from the path, through the filtered view.
    let dist = view.distances(model, &path.entities, context);
    let mut faded = View {
        entities: FixedBitSet::with_capacity(g.node_count()),
        relationships: FixedBitSet::with_capacity(g.edge_count()),
    };
    for (i, d) in dist.iter().enumerate() {
        if d.is_some_and(|d| d > 0) {
            faded.entities.insert(i);
        }
    }
    let consecutive = |a: EntityIx, b: EntityIx| {
        path.entities
            .windows(2)
            .any(|w| (w[0] == a && w[1] == b) || (w[0] == b && w[1] == a))
    };
    for e in g.edge_references() {
        if !view.has_relationship(e.id()) || hops.relationships.contains(e.id().index()) {
            continue;
        }
        let keep = match (dist[e.source().index()], dist[e.target().index()]) {
            (Some(0), Some(0)) => consecutive(e.source(), e.target()),
            (Some(a), Some(b)) => a.abs_diff(b) == 1,
            _ => false,
        };
        if keep {
            faded.relationships.insert(e.id().index());
        }
    }
    let mut shown = hops.clone();
    shown.entities.union_with(&faded.entities);
    shown.relationships.union_with(&faded.relationships);
    (shown, hops, faded)
}

/// The view and drawing options of a path diagram, from [`path_views`]:
/// what to pass to [`super::render`].
pub fn path_diagram(
    model: &Model,
    view: &View,
    path: &Path,
    context: usize,
    mut opts: Options,
) -> (View, Options) {
    let (shown, hops, faded) = path_views(model, view, path, context);
    opts.highlight = Some(hops);
    opts.faded = Some(faded);
    (shown, opts)
}

/// [`path_diagram`] of several paths at once (`--k`): every path's hops
/// highlighted, the context of all of them greyed.
pub fn paths_diagram(
    model: &Model,
    view: &View,
    paths: &[Path],
    context: usize,
    mut opts: Options,
) -> (View, Options) {
    let mut all: Option<(View, View, View)> = None;
    for path in paths {
        let (shown, hops, faded) = path_views(model, view, path, context);
        match &mut all {
            None => all = Some((shown, hops, faded)),
            Some((s, h, f)) => {
                s.entities.union_with(&shown.entities);
                s.relationships.union_with(&shown.relationships);
                h.entities.union_with(&hops.entities);
                h.relationships.union_with(&hops.relationships);
                f.entities.union_with(&faded.entities);
                f.relationships.union_with(&faded.relationships);
            }
        }
    }
    let Some((shown, hops, mut faded)) = all else {
        return (view.clone(), opts);
    };
    // What one path passes through is not context of another.
    faded.entities.difference_with(&hops.entities);
    faded.relationships.difference_with(&hops.relationships);
    opts.highlight = Some(hops);
    opts.faded = Some(faded);
    (shown, opts)
}
