//! Which entities hold the graph together: betweenness centrality and bridges,
//! for `stats`. Both ignore direction (a connection is a connection) and work
//! on the entities and relationships of a [`View`].

use super::filter::View;
use crate::model::{EntityIx, Model, RelIx};
use petgraph::visit::EdgeRef;
use rayon::prelude::*;
use rustworkx_core::petgraph::graph::{NodeIndex, UnGraph};
use serde::Serialize;

/// Betweenness is exact while (entities × (entities + ties)) stays under
/// this many steps (a few seconds); above, it is estimated from a sample of
/// source entities. Brandes' algorithm costs one breadth-first search per
/// source, so a graph of 100 000 entities and 300 000 relationships would
/// need 4·10¹⁰ steps for the exact value.
pub const EXACT_BUDGET: u64 = 2_000_000_000;

/// Above [`EXACT_BUDGET`], how many steps the sample may take: one
/// breadth-first search per sampled source, so about 50 sources on a graph
/// of a million entities and three million relationships (stats stays under
/// 30 s there) and 500 on a tenth of that. At least 32 sources are drawn.
/// On heavy-tailed graphs the top of the ranking, which is all `stats`
/// prints, settles with few pivots; the output says it is an estimate.
pub const SAMPLE_BUDGET: u64 = 200_000_000;

/// How many chunks the sampled sources are split into to be searched in
/// parallel. Fixed, not the number of cores, so the floating-point sums are
/// added in the same order everywhere; 8 keeps 8 cores busy, and each chunk
/// costs a score table (8 bytes an entity) until the chunks are added up.
const SAMPLE_CHUNKS: usize = 8;

/// The fixed seed of the pivot sample, so `stats` prints the same numbers
/// every time.
pub const SAMPLE_SEED: u64 = 0x5eed_ca5e_9a4f_0001;

/// An entity and its betweenness.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Between {
    /// Entity id.
    pub id: String,
    /// Entity name.
    pub name: String,
    /// Share of shortest paths between other pairs of entities that pass
    /// through it (normalised to 0–1 over the entities of the view).
    pub betweenness: f64,
}

/// A relationship whose removal disconnects the graph.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bridge {
    /// Relationship id.
    pub id: String,
    /// Its `from` entity id.
    pub from: String,
    /// Its `to` entity id.
    pub to: String,
    /// Its type.
    #[serde(rename = "type")]
    pub rel_type: String,
}

/// Betweenness top 10 and bridges of a view.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Centrality {
    /// The ten entities with the highest betweenness (ties by id), zeros left out.
    pub betweenness: Vec<Between>,
    /// `None` when exact, else how many source entities were sampled.
    pub sampled_sources: Option<usize>,
    /// Every bridge, ordered by relationship id.
    pub bridges: Vec<Bridge>,
}

/// The view as a simple undirected graph: one node per kept entity, one
/// edge per pair of entities linked by at least one kept relationship, with
/// the relationships of each pair (parallel claims and both directions).
struct Simple {
    graph: UnGraph<EntityIx, (), u32>,
    /// (smaller node, larger node, relationship), sorted: the relationships
    /// of a pair are a run. A sorted table of 12-byte rows, not a map of
    /// vectors (an allocation per pair): `stats` on M peaks 24 MiB lower.
    pairs: Vec<(u32, u32, u32)>,
}

impl Simple {
    /// The relationships between nodes `a` and `b` of the simple graph.
    fn between(&self, a: u32, b: u32) -> impl Iterator<Item = RelIx> + '_ {
        let key = (a.min(b), a.max(b));
        let start = self.pairs.partition_point(|&(x, y, _)| (x, y) < key);
        self.pairs[start..]
            .iter()
            .take_while(move |&&(x, y, _)| (x, y) == key)
            .map(|&(_, _, r)| RelIx::new(r as usize))
    }
}

fn simple(model: &Model, view: &View) -> Simple {
    let g = model.graph();
    let mut graph = UnGraph::<EntityIx, (), u32>::default();
    let mut node_of = vec![u32::MAX; g.node_count()];
    for ix in g.node_indices() {
        if view.has_entity(ix) {
            node_of[ix.index()] = graph.add_node(ix).index() as u32;
        }
    }
    let mut pairs: Vec<(u32, u32, u32)> = Vec::new();
    for e in g.edge_references() {
        let (a, b) = (node_of[e.source().index()], node_of[e.target().index()]);
        // Self-loops never connect anything, and so are never bridges.
        if !view.has_relationship(e.id()) || a == b || a == u32::MAX || b == u32::MAX {
            continue;
        }
        pairs.push((a.min(b), a.max(b), e.id().index() as u32));
    }
    // A total order: the same table on any number of cores.
    pairs.par_sort_unstable();
    for run in pairs.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        let (a, b, _) = run[0];
        graph.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), ());
    }
    Simple { graph, pairs }
}

/// Betweenness centrality (top 10) and bridges of `view`.
///
/// Betweenness counts shortest paths between entities, so parallel
/// relationships count once; bridges are computed on the same simple graph,
/// and a pair of entities linked by two or more relationships is never a
/// bridge (removing one of them disconnects nothing).
///
/// Complexity: O(V + E) for bridges (`rustworkx-core`); betweenness
/// (Brandes) O(V·(V + E)) when exact, O(k·(V + E)) when `k` sources
/// are sampled (see [`EXACT_BUDGET`]; the sample is drawn with
/// [`SAMPLE_SEED`] and scaled by V/k).
pub fn centrality(model: &Model, view: &View) -> Centrality {
    let s = simple(model, view);
    let n = s.graph.node_count();
    let work = (n as u64).saturating_mul((n + s.graph.edge_count()) as u64);
    let (scores, sampled_sources) = if work <= EXACT_BUDGET {
        // Every entity a source: exact. Not rustworkx-core's
        // `betweenness_centrality`, which computes the same numbers (the
        // tests compare the two) but took 10.8 s on the 10 000-entity
        // benchmark dataset against 0.4 s for this compact search.
        (betweenness_from_sources(&s.graph, n), None)
    } else {
        let k = ((SAMPLE_BUDGET / (n + s.graph.edge_count()).max(1) as u64) as usize)
            .clamp(32.min(n), n);
        (betweenness_from_sources(&s.graph, k), Some(k))
    };
    let mut betweenness: Vec<Between> = scores
        .iter()
        .enumerate()
        .filter(|(_, b)| **b > 0.0)
        .map(|(i, b)| {
            let e = model.entity(s.graph[NodeIndex::new(i)]);
            Between {
                id: e.id().to_owned(),
                name: e.name().to_owned(),
                // Rounded so the last digits of floating-point sums do not
                // make snapshots or scripts flaky.
                betweenness: (b * 1e6).round() / 1e6,
            }
        })
        .collect();
    betweenness.sort_by(|a, b| {
        b.betweenness
            .total_cmp(&a.betweenness)
            .then_with(|| a.id.cmp(&b.id))
    });
    betweenness.truncate(10);

    let found = rustworkx_core::connectivity::bridges(&s.graph);
    let mut bridges: Vec<Bridge> = found
        .into_iter()
        .filter_map(|(a, b)| {
            let (a, b) = (a.index() as u32, b.index() as u32);
            let mut between = s.between(a, b);
            match (between.next(), between.next()) {
                (Some(only), None) => {
                    let r = model.relationship(only);
                    Some(Bridge {
                        id: r.id().to_owned(),
                        from: model.entity(r.from()).id().to_owned(),
                        to: model.entity(r.to()).id().to_owned(),
                        rel_type: r.rel_type().to_owned(),
                    })
                }
                _ => None,
            }
        })
        .collect();
    bridges.sort_by(|a, b| a.id.cmp(&b.id));
    Centrality {
        betweenness,
        sampled_sources,
        bridges,
    }
}

/// Brandes' betweenness from `k` sampled sources, scaled by n/k and
/// normalised like `rustworkx-core`'s exact value (undirected, endpoints
/// excluded: divided by (n−1)(n−2)). With `k` = n every entity is a source
/// and the value is exact.
fn betweenness_from_sources(g: &UnGraph<EntityIx, (), u32>, k: usize) -> Vec<f64> {
    let n = g.node_count();
    let mut score = vec![0.0f64; n];
    if n <= 2 {
        return score;
    }
    // A partial Fisher–Yates shuffle driven by splitmix64: k distinct sources.
    let mut order: Vec<usize> = (0..n).collect();
    let mut state = SAMPLE_SEED;
    let mut next = || {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    for i in 0..k {
        let j = i + (next() % (n - i) as u64) as usize;
        order.swap(i, j);
    }
    // The neighbours of every entity back to back (compressed sparse rows):
    // the searches below read them millions of times, and petgraph's linked
    // adjacency lists cost a cache miss per step.
    let mut offsets = vec![0u32; n + 1];
    for e in g.edge_indices() {
        let (a, b) = g.edge_endpoints(e).expect("edge of this graph");
        offsets[a.index() + 1] += 1;
        offsets[b.index() + 1] += 1;
    }
    for i in 0..n {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut targets = vec![0u32; offsets[n] as usize];
    for e in g.edge_indices() {
        let (a, b) = g.edge_endpoints(e).expect("edge of this graph");
        let (a, b) = (a.index(), b.index());
        targets[fill[a] as usize] = b as u32;
        fill[a] += 1;
        targets[fill[b] as usize] = a as u32;
        fill[b] += 1;
    }
    let neighbours = |v: usize| &targets[offsets[v] as usize..offsets[v + 1] as usize];

    // Each chunk of sources is searched on its own core into its own
    // scores, and the chunks' scores are added in chunk order: the chunks
    // are fixed (not one per core), so the sums, and the figures printed,
    // are the same on any machine.
    let chunk = k.div_ceil(SAMPLE_CHUNKS).max(1);
    let partial: Vec<Vec<f64>> = order[..k]
        .par_chunks(chunk)
        .map(|sources| brandes(n, &neighbours, sources))
        .collect();
    for part in partial {
        for (total, x) in score.iter_mut().zip(part) {
            *total += x;
        }
    }
    let scale = (n as f64 / k as f64) / ((n - 1) * (n - 2)) as f64;
    for x in &mut score {
        *x *= scale;
    }
    score
}

/// The dependency of every entity on the shortest paths from each of
/// `sources` (Brandes' accumulation), summed; `neighbours` gives an
/// entity's neighbours.
fn brandes<'g>(
    n: usize,
    neighbours: &(impl Fn(usize) -> &'g [u32] + Sync),
    sources: &[usize],
) -> Vec<f64> {
    let mut score = vec![0.0f64; n];
    let mut sigma = vec![0.0f64; n];
    // 32 bits: a distance is below the number of entities (< 2^31, see
    // model/strings.rs), and the per-entity state stays smaller in the cache.
    let mut dist = vec![-1i32; n];
    let mut delta = vec![0.0f64; n];
    // The entities in the order the search reaches them. That is both the
    // search's queue (from `head` on) and, read backwards, the order the
    // dependencies are added up in: one array instead of a queue and a stack.
    let mut stack: Vec<u32> = Vec::with_capacity(n);
    for &s in sources {
        for &v in &stack {
            let v = v as usize;
            sigma[v] = 0.0;
            dist[v] = -1;
            delta[v] = 0.0;
        }
        stack.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        stack.push(s as u32);
        let mut head = 0;
        while let Some(&v) = stack.get(head) {
            head += 1;
            let v = v as usize;
            for &w in neighbours(v) {
                let w = w as usize;
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    stack.push(w as u32);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                }
            }
        }
        // Predecessors are the neighbours one step closer to the source:
        // found again from the distances instead of kept in a list per entity.
        for &w in stack.iter().rev() {
            let w = w as usize;
            for &v in neighbours(w) {
                let v = v as usize;
                if dist[v] >= 0 && dist[v] == dist[w] - 1 {
                    delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
                }
            }
            if w != s {
                score[w] += delta[w];
            }
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(edges: &[(u32, u32)], n: usize) -> UnGraph<EntityIx, (), u32> {
        let mut g = UnGraph::default();
        for i in 0..n {
            g.add_node(EntityIx::new(i));
        }
        for &(a, b) in edges {
            g.add_edge(NodeIndex::new(a as usize), NodeIndex::new(b as usize), ());
        }
        g
    }

    /// A ring of `n` with chords: many shortest paths of different lengths.
    fn ring_with_chords(n: u32) -> UnGraph<EntityIx, (), u32> {
        let edges: Vec<(u32, u32)> = (0..n)
            .flat_map(|i| [(i, (i + 1) % n), (i, (i * 7 + 3) % n)])
            .filter(|(a, b)| a != b)
            .collect();
        graph(&edges, n as usize)
    }

    #[test]
    fn sampling_every_source_equals_the_exact_value() {
        let g = graph(&[(0, 1), (1, 2), (2, 3), (3, 0), (2, 4), (4, 5), (1, 5)], 6);
        let exact: Vec<f64> =
            rustworkx_core::centrality::betweenness_centrality(&g, false, true, usize::MAX)
                .into_iter()
                .map(|x| x.unwrap())
                .collect();
        let sampled = betweenness_from_sources(&g, 6);
        for (a, b) in exact.iter().zip(&sampled) {
            assert!((a - b).abs() < 1e-9, "{exact:?} vs {sampled:?}");
        }
    }

    /// Exact betweenness is this module's search from every source; the
    /// oracle is rustworkx-core's implementation, on a graph with many
    /// shortest paths of different lengths.
    #[test]
    fn every_source_matches_rustworkx_on_a_ring_with_chords() {
        let n = 300;
        let g = ring_with_chords(n);
        let exact: Vec<f64> =
            rustworkx_core::centrality::betweenness_centrality(&g, false, true, usize::MAX)
                .into_iter()
                .map(|x| x.unwrap())
                .collect();
        let ours = betweenness_from_sources(&g, n as usize);
        for (a, b) in exact.iter().zip(&ours) {
            assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        }
    }

    /// The sampled scores are the same bits on one core or many: the
    /// chunks of sources are fixed and added up in order.
    #[test]
    fn sampled_scores_do_not_depend_on_the_number_of_threads() {
        let g = ring_with_chords(300);
        let on = |threads: usize| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("a thread pool")
                .install(|| betweenness_from_sources(&g, 100))
        };
        let one = on(1);
        assert!(one.iter().any(|&x| x > 0.0));
        for threads in [2, 3, 8] {
            let many = on(threads);
            let same = one
                .iter()
                .zip(&many)
                .all(|(a, b)| a.to_bits() == b.to_bits());
            assert!(same, "{threads} threads gave other scores");
        }
    }

    #[test]
    fn parallel_relationships_are_not_bridges() {
        let json = r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [
  {"id": "a", "name": "A", "kind": "person"},
  {"id": "b", "name": "B", "kind": "person"},
  {"id": "c", "name": "C", "kind": "person"}],
"relationships": [
  {"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
  {"from": "b", "to": "a", "type": "paid", "evidence": [{"source": "s"}]},
  {"from": "b", "to": "c", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
        let loaded = crate::load_str("t.json", json);
        let model = loaded.model.expect("valid");
        let c = centrality(&model, &View::all(&model));
        let ids: Vec<&str> = c.bridges.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids.len(), 1, "{ids:?}");
        assert!(ids[0].contains('b') && ids[0].contains('c'), "{ids:?}");
        assert_eq!(c.betweenness[0].id, "b");
    }
}
