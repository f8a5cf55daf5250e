//! Dataset statistics: counts, connected components, best-connected entities.

use super::filter::View;
use crate::model::{EntityIx, Model, Status};
use petgraph::unionfind::UnionFind;
use petgraph::visit::EdgeRef;
use serde::Serialize;
use std::collections::BTreeMap;

/// A count of one value (an entity kind, a relationship type, a status).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Count {
    /// The value counted.
    pub value: String,
    /// How many.
    pub count: usize,
}

/// An entity and its degree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// Entity id.
    pub id: String,
    /// Entity name.
    pub name: String,
    /// Relationships in and out.
    pub degree: usize,
}

/// Summary numbers for a dataset.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stats {
    /// The dataset's id.
    pub dataset: String,
    /// Number of entities.
    pub entities: usize,
    /// Number of relationships.
    pub relationships: usize,
    /// Number of sources.
    pub sources: usize,
    /// Number of citations.
    pub citations: usize,
    /// Entities by kind, most common first.
    pub by_kind: Vec<Count>,
    /// Relationships by type, most common first.
    pub by_type: Vec<Count>,
    /// Relationships by status, strongest first (all four, even at zero).
    pub by_status: Vec<Count>,
    /// Disputed relationships.
    pub disputed: usize,
    /// Number of connected components (ignoring direction).
    pub components: usize,
    /// Sizes of the largest components, largest first (at most 10).
    pub component_sizes: Vec<usize>,
    /// The entities with the most relationships (at most 10).
    pub top_degree: Vec<Ranked>,
}

/// How many best-connected entities [`Stats::top_degree`] lists.
const TOP: usize = 10;

fn counts(map: BTreeMap<&str, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(value, count)| Count {
            value: value.to_owned(),
            count,
        })
        .collect();
    v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    v
}

/// Computes the statistics of `model`.
pub fn stats(model: &Model) -> Stats {
    stats_in(model, &View::all(model))
}

/// Computes the statistics of the part of `model` a filter keeps.
pub fn stats_in(model: &Model, view: &View) -> Stats {
    let g = model.graph();
    let mut by_kind = BTreeMap::new();
    let mut entities = 0;
    for e in model.entities().filter(|e| view.has_entity(e.ix())) {
        entities += 1;
        *by_kind.entry(e.kind()).or_insert(0) += 1;
    }
    let mut by_type = BTreeMap::new();
    let mut by_status = [0usize; 4];
    let mut disputed = 0;
    let mut citations = 0;
    let mut relationships = 0;
    for r in model
        .relationships()
        .filter(|r| view.has_relationship(r.ix()))
    {
        relationships += 1;
        *by_type.entry(r.rel_type()).or_insert(0) += 1;
        by_status[r.status() as usize] += 1;
        disputed += usize::from(r.is_disputed());
        citations += r.evidence().len();
    }
    let mut uf = UnionFind::<usize>::new(g.node_count());
    for e in g
        .edge_references()
        .filter(|e| view.has_relationship(e.id()))
    {
        uf.union(e.source().index(), e.target().index());
    }
    // Entities per component root: a table, not a map (a million entities).
    let mut sizes = vec![0usize; g.node_count()];
    for ix in g.node_indices().filter(|ix| view.has_entity(*ix)) {
        sizes[uf.find(ix.index())] += 1;
    }
    let mut component_sizes: Vec<usize> = sizes.into_iter().filter(|&n| n > 0).collect();
    let components = component_sizes.len();
    component_sizes.sort_unstable_by(|a, b| b.cmp(a));
    component_sizes.truncate(10);
    let mut degrees: Vec<(usize, EntityIx)> = g
        .node_indices()
        .filter(|ix| view.has_entity(*ix))
        .map(|ix| {
            let degree = view.incident(model, ix).count();
            (degree, ix)
        })
        .collect();
    // Only entities at least as connected as the tenth can make the list;
    // ids (the tie-break) are read for those alone.
    if degrees.len() > TOP {
        degrees.select_nth_unstable_by(TOP - 1, |a, b| b.0.cmp(&a.0));
        let cut = degrees[TOP - 1].0;
        degrees.retain(|d| d.0 >= cut);
    }
    let id = |ix: EntityIx| model.entity(ix).id();
    degrees.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| id(a.1).cmp(id(b.1))));
    let top_degree: Vec<Ranked> = degrees
        .into_iter()
        .take(TOP)
        .map(|(degree, ix)| {
            let e = model.entity(ix);
            Ranked {
                id: e.id().to_owned(),
                name: e.name().to_owned(),
                degree,
            }
        })
        .collect();
    Stats {
        dataset: model.dataset().id.clone(),
        entities,
        relationships,
        sources: model.source_count(),
        citations,
        by_kind: counts(by_kind),
        by_type: counts(by_type),
        by_status: Status::ALL
            .iter()
            .map(|s| Count {
                value: s.as_str().to_owned(),
                count: by_status[*s as usize],
            })
            .collect(),
        disputed,
        components,
        component_sizes,
        top_degree,
    }
}
