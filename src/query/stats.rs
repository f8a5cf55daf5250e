//! Dataset statistics: counts, connected components, best-connected entities.

use super::filter::View;
use crate::model::{Model, Status};
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

fn counts(map: BTreeMap<String, usize>) -> Vec<Count> {
    let mut v: Vec<Count> = map
        .into_iter()
        .map(|(value, count)| Count { value, count })
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
        *by_kind.entry(e.kind().to_owned()).or_insert(0) += 1;
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
        *by_type.entry(r.rel_type().to_owned()).or_insert(0) += 1;
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
    let mut sizes = BTreeMap::new();
    for ix in g.node_indices().filter(|ix| view.has_entity(*ix)) {
        *sizes.entry(uf.find(ix.index())).or_insert(0usize) += 1;
    }
    let components = sizes.len();
    let mut component_sizes: Vec<usize> = sizes.into_values().collect();
    component_sizes.sort_unstable_by(|a, b| b.cmp(a));
    component_sizes.truncate(10);
    let mut top_degree: Vec<Ranked> = model
        .entities()
        .filter(|e| view.has_entity(e.ix()))
        .map(|e| Ranked {
            id: e.id().to_owned(),
            name: e.name().to_owned(),
            degree: g
                .edges_directed(e.ix(), petgraph::Outgoing)
                .chain(g.edges_directed(e.ix(), petgraph::Incoming))
                .filter(|r| view.has_relationship(r.id()))
                .count(),
        })
        .collect();
    top_degree.sort_by(|a, b| b.degree.cmp(&a.degree).then_with(|| a.id.cmp(&b.id)));
    top_degree.truncate(10);
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
