//! Cheapest: Dijkstra under `--credible` and `--avoid-hubs` costs, bounded
//! by the hop limit.

use super::walk::{Map, Restrict, Walk};
use crate::model::EntityIx;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The cheapest path from `s` to `t` under the walk's costs, with at most
/// `max_hops` hops: Dijkstra over (entity, hops) states, a state being
/// skipped when the entity was already settled with no more hops (its cost
/// was no higher). All costs are positive, so the cheapest walk is simple.
pub(super) fn cheapest(
    w: &Walk<'_>,
    s: EntityIx,
    t: EntityIx,
    max_hops: usize,
    r: &Restrict,
) -> Option<Vec<EntityIx>> {
    if s == t {
        return Some(vec![s]);
    }
    // State: (entity, hops) → (cost, parent state index).
    let mut states: Vec<(EntityIx, usize, Option<usize>)> = vec![(s, 0, None)];
    let mut best: Map<(EntityIx, usize), u64> = Map::default();
    let mut settled: Map<EntityIx, usize> = Map::default();
    let mut heap = BinaryHeap::new();
    best.insert((s, 0), 0);
    heap.push(Reverse((0u64, 0usize, s.index(), 0usize)));
    while let Some(Reverse((cost, hops, _, si))) = heap.pop() {
        let v = states[si].0;
        if settled.get(&v).is_some_and(|h| *h <= hops) {
            continue;
        }
        settled.insert(v, hops);
        if v == t {
            let mut nodes = Vec::new();
            let mut at = Some(si);
            while let Some(i) = at {
                nodes.push(states[i].0);
                at = states[i].2;
            }
            nodes.reverse();
            return Some(nodes);
        }
        if hops >= max_hops {
            continue;
        }
        for (rel, x) in w.steps(v, true) {
            if !r.allows(v, x) || settled.get(&x).is_some_and(|h| *h <= hops + 1) {
                continue;
            }
            let c = cost + w.rel_cost(rel) + if x == t { 0 } else { w.node_cost(x) };
            let key = (x, hops + 1);
            if best.get(&key).is_none_or(|b| c < *b) {
                best.insert(key, c);
                states.push((x, hops + 1, Some(si)));
                heap.push(Reverse((c, hops + 1, x.index(), states.len() - 1)));
            }
        }
    }
    None
}
