//! How is A connected to B? Shortest, all-shortest, k-shortest, most credible,
//! hub-avoiding and time-respecting paths, walked through a [`View`] so the
//! filters apply and the graph is never copied.
//!
//! A *path* is a sequence of distinct entities. Two entities may be linked by
//! several relationships (a multigraph); a hop shows the strongest of them
//! (lowest [`credibility`] weight, then smallest id) and lists the others, so
//! that `--all` and `--k` count different chains of entities, not every
//! combination of parallel claims.
//!
//! Every search is bounded by the hop limit and explores only what it must:
//! the fewest-hops search is a bidirectional breadth-first search that expands
//! the smaller frontier, so a missing connection is found as quickly as a
//! present one. Memory is proportional to the entities visited (hash maps),
//! never to the graph.
//!
//! One search per file, re-exported here: `fewest_hops` (the default and
//! `--all`), `cheapest` (`--credible`, `--avoid-hubs`), `chronological`,
//! `yen` (`--k`), `via`, and `explain` (why there is no path); `walk` is
//! what they share, `types` the question and its answer.

mod cheapest;
mod chronological;
mod explain;
mod fewest_hops;
mod types;
mod via;
mod walk;
mod yen;

pub use chronological::chrono_period;
pub use explain::{NoPathExplainer, PathOption, Why, explain_no_path};
pub use types::{
    DEFAULT_LIMIT, DEFAULT_MAX_HOPS, Hop, MAX_HOPS, Path, PathError, PathMode, PathQuery, Paths,
    Travel, UNIT, Unsupported, credibility, hub_penalty,
};

use super::filter::View;
use crate::model::{EntityIx, Model};
use cheapest::cheapest;
use chronological::{chrono, strongest_in_time};
use fewest_hops::fewest_hops;
use via::via_path;
use walk::{Restrict, Walk};
use yen::yen;

/// Finds the paths a [`PathQuery`] asks for in `view`.
///
/// `via` joins two legs: the first leg avoids `to`, the second avoids the
/// first leg (and, if that fails, the other way round); it is therefore
/// the best path through `via` that this greedy split finds, not always
/// the best overall.
///
/// # Complexity
///
/// - Best, fewest hops: bidirectional BFS, then, on the DAG of the shortest
///   paths it leaves, the best-evidenced one: lowest credibility cost (the
///   `--credible` weights of each hop's strongest relationship), then best
///   weakest hop, then first by entity ids. A dynamic programme over the DAG
///   finds it without listing the shortest paths: O(V' + E') for the V'
///   entities and E' relationships within reach of either end's search, at
///   most `max_hops` layers; memory O(V' + E'_DAG).
/// - `All`: the same search; the shortest paths are listed in that order,
///   best first, by a best-first search on the DAG: O(limit · hops · degree
///   · log) beyond it.
/// - `K(n)`: Yen's algorithm, n × hops spur searches of the above kind;
///   paths of equal cost best-evidenced first.
/// - `credible`/`avoid_hubs`: Dijkstra over (entity, hops) states,
///   O((V'·H + E'·H) log(V'·H)) for H = `max_hops`.
/// - `chronological`: a breadth-first search over (entity, time) states,
///   at most one state per entity and distinct start date, `max_hops` deep.
/// - `via`: two searches of the above kinds, each way round.
///
/// # Example
///
/// ```
/// use casegraph::query::{View, paths};
/// use casegraph::query::path::{PathError, PathQuery};
/// let json = r#"{"sources": [{"id": "s", "title": "S"}],
/// "entities": [{"id": "a", "name": "A", "kind": "person"},
///              {"id": "b", "name": "B", "kind": "person"},
///              {"id": "c", "name": "C", "kind": "company"},
///              {"id": "0", "name": "D", "kind": "person"}],
/// "relationships": [
///   {"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]},
///   {"from": "b", "to": "c", "type": "works_at", "evidence": [{"source": "s"}]},
///   {"from": "a", "to": "0", "type": "knows", "evidence": [{"source": "s"}]},
///   {"from": "0", "to": "c", "type": "works_at", "status": "alleged",
///    "evidence": [{"source": "s"}]}]}"#;
/// let model = casegraph::load_str("t.json", json).model.expect("valid");
/// let id = |s| model.entity_by_id(s).unwrap();
/// let view = View::all(&model);
/// let found = paths(&model, &view, &PathQuery::new(id("a"), id("c"))).unwrap();
/// // Two paths of 2 hops: the one through `0` comes first by id, but rests
/// // on an alleged claim.
/// assert_eq!(found.paths[0].entities, [id("a"), id("b"), id("c")]);
/// let mut q = PathQuery::new(id("a"), id("c"));
/// q.max_hops = 1;
/// assert_eq!(paths(&model, &view, &q), Err(PathError::NoPath));
/// ```
///
/// # Errors
///
/// [`PathError::NoPath`] when nothing connects the ends within the limits,
/// [`PathError::SameEntity`] and [`PathError::Unsupported`] for questions
/// that make no sense (an end in `avoid` or `via` at an end among them).
pub fn paths(model: &Model, view: &View, q: &PathQuery) -> Result<Paths, PathError> {
    if q.avoid.contains(&q.from) || q.avoid.contains(&q.to) {
        return Err(PathError::Unsupported(Unsupported::AvoidAnEnd));
    }
    if q.from == q.to {
        return Err(PathError::SameEntity);
    }
    let n = model.entity_count();
    for e in [Some(q.from), Some(q.to), q.via].into_iter().flatten() {
        if e.index() >= n {
            return Err(PathError::NoPath);
        }
    }
    match q.mode {
        PathMode::All if q.weighted() => {
            return Err(PathError::Unsupported(Unsupported::AllWeighted));
        }
        PathMode::All | PathMode::K(_) if q.chronological => {
            return Err(PathError::Unsupported(Unsupported::ChronologicalMany));
        }
        PathMode::All | PathMode::K(_) if q.via.is_some() => {
            return Err(PathError::Unsupported(Unsupported::ViaMany));
        }
        PathMode::K(0) => return Err(PathError::Unsupported(Unsupported::KZero)),
        _ => {}
    }
    if q.via == Some(q.from) || q.via == Some(q.to) {
        return Err(PathError::Unsupported(Unsupported::ViaAnEnd));
    }
    let ends = [Some(q.from), Some(q.to), q.via];
    if ends
        .iter()
        .flatten()
        .any(|e| !view.entities.contains(e.index()) || q.avoid.contains(e))
    {
        return Err(PathError::NoPath);
    }
    let w = Walk::new(model, view, q);
    let mut base = Restrict::default();
    base.nodes.extend(q.avoid.iter().copied());

    if let Some(via) = q.via {
        return via_path(&w, q, &base, via)
            .map(|p| Paths {
                paths: vec![p],
                total: 1,
            })
            .ok_or(PathError::NoPath);
    }
    if q.chronological {
        let (nodes, mut rels, _) =
            chrono(&w, q.from, q.to, q.max_hops, &base, i32::MIN).ok_or(PathError::NoPath)?;
        strongest_in_time(&w, &nodes, &mut rels);
        return Ok(Paths {
            paths: vec![w.path(nodes, Some(&rels))],
            total: 1,
        });
    }
    let best = |s: EntityIx, r: &Restrict, hops: usize| -> Option<Vec<EntityIx>> {
        if q.weighted() {
            cheapest(&w, s, q.to, hops, r)
        } else {
            fewest_hops(&w, s, q.to, hops, r, 1).and_then(|(_, mut v, _)| v.pop())
        }
    };
    match q.mode {
        PathMode::Best => {
            let nodes = best(q.from, &base, q.max_hops).ok_or(PathError::NoPath)?;
            Ok(Paths {
                paths: vec![w.path(nodes, None)],
                total: 1,
            })
        }
        PathMode::All => {
            let (_, found, total) = fewest_hops(&w, q.from, q.to, q.max_hops, &base, q.limit)
                .ok_or(PathError::NoPath)?;
            Ok(Paths {
                paths: found.into_iter().map(|p| w.path(p, None)).collect(),
                total,
            })
        }
        PathMode::K(k) => {
            let found = yen(&w, q, &base, k.min(q.limit.max(1)), &best);
            if found.is_empty() {
                return Err(PathError::NoPath);
            }
            let total = found.len() as u128;
            Ok(Paths {
                paths: found.into_iter().map(|p| w.path(p, None)).collect(),
                total,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Avoiding an end is a question that makes no sense, refused as
    /// `--via` at an end is, not a connection that happens to be missing.
    #[test]
    fn avoiding_an_end_is_refused_not_unanswered() {
        let json = r#"{"sources": [{"id": "s", "title": "S"}],
"entities": [{"id": "a", "name": "A", "kind": "person"},
             {"id": "b", "name": "B", "kind": "person"}],
"relationships": [{"from": "a", "to": "b", "type": "knows", "evidence": [{"source": "s"}]}]}"#;
        let model = crate::load_str("t.json", json).model.expect("valid");
        let (a, b) = (
            model.entity_by_id("a").unwrap(),
            model.entity_by_id("b").unwrap(),
        );
        let view = View::all(&model);
        for end in [a, b] {
            let mut q = PathQuery::new(a, b);
            q.avoid = vec![end];
            assert!(matches!(
                paths(&model, &view, &q),
                Err(PathError::Unsupported(Unsupported::AvoidAnEnd))
            ));
        }
        assert_eq!(
            paths(&model, &view, &PathQuery::new(a, b)).unwrap().total,
            1
        );
    }
}
