//! The checks that need the whole dataset, run once every file is read.

use super::Builder;
use crate::diag::{Diagnostic, Rule, Severity};
use crate::model::{Model, RelIx};
use petgraph::graph::EdgeIndex;

impl Builder {
    /// Runs the whole-dataset checks and returns the model (if there are no
    /// errors) and every diagnostic, errors first, each group in file order.
    /// `default_id` names the dataset when no `dataset.id` is given.
    ///
    /// When a file could not be read in full ([`Builder::mark_incomplete`]),
    /// its unread part might define any id or hold any relationship, so the
    /// checks that report something as absent are skipped: unknown entity,
    /// unknown source, orphan entity, uncited source. The others (duplicate
    /// relationships, the views' references) run on every record that was read.
    pub fn finish(mut self, default_id: &str) -> (Option<Model>, Vec<Diagnostic>) {
        if !self.model.meta.id_given {
            default_id.clone_into(&mut self.model.meta.id);
        }
        if !self.incomplete {
            self.resolve_pending();
        }
        self.finish_views();
        if !self.incomplete {
            self.warn_orphans_and_uncited();
        }
        // Nothing reads the definition spans from here on; give their memory
        // back before the duplicate pass allocates its table (the peak).
        self.entity_span = Vec::new();
        self.source_span = Vec::new();
        self.warn_duplicate_relationships();
        let mut diags = std::mem::take(&mut self.diags);
        diags.sort_by_key(|d| (d.severity, d.span.map_or((0, 0), |s| (s.file, s.offset))));
        let ok = !diags.iter().any(|d| d.severity == Severity::Error);
        let mut model = self.model;
        model.text.shrink();
        (ok.then_some(model), diags)
    }

    /// Warns of entities in no relationship and sources never cited.
    fn warn_orphans_and_uncited(&mut self) {
        let graph = &self.model.graph;
        for ix in graph.node_indices() {
            let Some(span) = self.entity_span[ix.index()] else {
                continue;
            };
            let linked = graph
                .edges_directed(ix, petgraph::Outgoing)
                .next()
                .is_some()
                || graph
                    .edges_directed(ix, petgraph::Incoming)
                    .next()
                    .is_some();
            let id = self.model.text.get(graph[ix].id);
            if !linked && !self.ends_of_dropped.contains(id) {
                self.diags.push(
                    Diagnostic::new(
                        Rule::OrphanEntity,
                        Some(span.span()),
                        format!("entity `{id}` is in no relationship"),
                    )
                    .label("not linked to anything")
                    .help("add a relationship that involves it, or remove it"),
                );
            }
        }
        for (i, source) in self.model.sources.iter().enumerate() {
            if let Some(span) = self.source_span[i]
                && !self.source_cited[i]
            {
                let id = self.model.text.get(source.id);
                self.diags.push(
                    Diagnostic::new(
                        Rule::UncitedSource,
                        Some(span.span()),
                        format!("source `{id}` is never cited"),
                    )
                    .label("cited by no relationship")
                    .help("cite it in some `evidence` or `disputed_by`, or remove it"),
                );
            }
        }
    }

    /// Warns of relationships with the same ends, type and dates.
    fn warn_duplicate_relationships(&mut self) {
        use std::hash::BuildHasher;
        let graph = &self.model.graph;
        let key = |ix: RelIx| {
            let (a, b) = graph.edge_endpoints(ix).expect("edge exists");
            let r = &graph[ix];
            let (a, b) = if r.directed || a <= b { (a, b) } else { (b, a) };
            (a, b, r.rel_type, r.directed, r.when)
        };
        // Sort (hash of key, index) pairs rather than the edges by their
        // keys: each key is computed once, in edge order, and the sort moves
        // 8-byte items. Equal keys have equal hashes, so they end up
        // together in file order; a run of equal hashes is then split by the
        // keys themselves (different keys there are only hash collisions).
        let hasher = foldhash::fast::FixedState::default();
        // 32 bits of hash keep this table small (it adds to the peak
        // memory); the few collisions are sorted out below.
        // Hashing and sorting are spread over the cores; the order is a
        // total one, so the result is the same on any number of them.
        use rayon::prelude::*;
        let mut order: Vec<(u32, u32)> = (0..graph.edge_count() as u32)
            .into_par_iter()
            .map(|i| {
                let ix = EdgeIndex::new(i as usize);
                (hasher.hash_one(key(ix)) as u32, i)
            })
            .collect();
        order.par_sort_unstable();
        let mut pairs = Vec::new();
        let mut run = Vec::new();
        for group in order.chunk_by(|x, y| x.0 == y.0) {
            if group.len() < 2 {
                continue;
            }
            run.clear();
            run.extend(group.iter().map(|&(_, i)| EdgeIndex::new(i as usize)));
            // Stable: file order within equal keys.
            run.sort_by_key(|&ix| key(ix));
            // Each repeat points at the first of its key, not at the one before it.
            for same in run.chunk_by(|&x, &y| key(x) == key(y)) {
                pairs.extend(same[1..].iter().map(|&ix| (same[0], ix)));
            }
        }
        for (first, second) in pairs {
            let (first_id, second_id) = (self.model.rel_id(first), self.model.rel_id(second));
            self.diags.push(
                Diagnostic::new(
                    Rule::DuplicateRelationship,
                    Some(self.rel_span(second)),
                    format!(
                        "relationship `{second_id}` repeats `{first_id}`: same ends, type and dates"
                    ),
                )
                .label("duplicate")
                .related(self.rel_span(first), "the first is")
                .help("merge their evidence into one relationship, or give them different dates"),
            );
        }
    }
}
