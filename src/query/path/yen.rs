//! K shortest: Yen's algorithm over simple paths of entities (`--k N`).

use super::types::PathQuery;
use super::walk::{BestFn, Restrict, Set, Walk};
use crate::model::{EntityIx, Status};

/// A candidate path and its rank: cost, grade, entity ids.
type Candidate<'a> = (u64, (u64, Status), Vec<&'a str>, Vec<EntityIx>);

/// Yen's k shortest simple paths over entity sequences, using `best` as the
/// restricted shortest-path search. Candidates are ranked by cost, then by
/// how well evidenced they are ([`Walk::grade`]), then by entity ids, so
/// equal-cost paths come out best-evidenced first and in a fixed order.
pub(super) fn yen(
    w: &Walk<'_>,
    q: &PathQuery,
    base: &Restrict,
    k: usize,
    best: &BestFn<'_>,
) -> Vec<Vec<EntityIx>> {
    let Some(first) = best(q.from, base, q.max_hops) else {
        return Vec::new();
    };
    let mut found = vec![first];
    let mut seen: Set<Vec<EntityIx>> = Set::default();
    seen.insert(found[0].clone());
    let mut candidates: std::collections::BTreeSet<Candidate<'_>> = Default::default();
    while found.len() < k {
        let prev = found[found.len() - 1].clone();
        for i in 0..prev.len().saturating_sub(1) {
            let spur = prev[i];
            let root = &prev[..=i];
            let mut r = base.clone();
            r.nodes.extend(root[..i].iter().copied());
            for p in &found {
                if p.len() > i + 1 && &p[..=i] == root {
                    r.pairs.insert((p[i], p[i + 1]));
                }
            }
            if let Some(tail) = best(spur, &r, q.max_hops - i) {
                let mut full = root[..i].to_vec();
                full.extend(tail);
                if seen.insert(full.clone()) {
                    candidates.insert((w.cost(&full), w.grade(&full), w.ids(&full), full));
                }
            }
        }
        match candidates.pop_first() {
            Some((_, _, _, p)) => found.push(p),
            None => break,
        }
    }
    found
}
