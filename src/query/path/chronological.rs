//! Chronological: the fewest-hops time-respecting path (`--chronological`).

use super::walk::{Map, Restrict, Walk};
use crate::model::{EntityIx, Model, PartialDate, RelIx, When};

/// The period a relationship covers on a time-respecting path: an event its
/// date (all of it, for a partial date), a period from its start to its end.
/// `None` for undated relationships, which any chain may cross.
///
/// # Complexity
///
/// O(1).
///
/// # Example
///
/// ```
/// use casegraph::model::{PartialDate, When};
/// use casegraph::query::path::chrono_period;
/// let year = PartialDate::parse("2013").unwrap();
/// let (first, last) = chrono_period(When::On(year)).unwrap();
/// assert_eq!(last - first, 364);
/// assert_eq!(chrono_period(When::Undated), None);
/// ```
pub fn chrono_period(when: When) -> Option<(i32, i32)> {
    match when {
        When::Undated => None,
        When::On(d) => Some((d.first_day(), d.last_day())),
        When::Period {
            start: None,
            end: None,
        } => None,
        When::Period { start, end } => Some((
            start.map_or(i32::MIN, PartialDate::first_day),
            end.map_or(i32::MAX, PartialDate::last_day),
        )),
    }
}

/// The fewest-hops time-respecting path: each dated hop must overlap or
/// follow every dated hop before it, i.e. end no earlier than the latest
/// start so far. The state is (entity, latest start so far); breadth-first
/// by hops, a state is kept only if it reaches its entity with an earlier
/// latest start than any state before it (an earlier time is never worse).
/// Each entity thus holds at most one state per distinct start date, and the
/// hop limit bounds the depth. Returns the entities, the relationship of
/// each hop and the latest start at the end.
pub(super) fn chrono(
    w: &Walk<'_>,
    s: EntityIx,
    t: EntityIx,
    max_hops: usize,
    r: &Restrict,
    start_time: i32,
) -> Option<(Vec<EntityIx>, Vec<RelIx>, i32)> {
    // Labels: (entity, time, parent label, relationship from parent).
    let mut labels: Vec<(EntityIx, i32, usize, Option<RelIx>)> = vec![(s, start_time, 0, None)];
    let mut best: Map<EntityIx, i32> = Map::default();
    best.insert(s, start_time);
    let mut layer = vec![0usize];
    let unwind = |labels: &[(EntityIx, i32, usize, Option<RelIx>)], mut i: usize| {
        let (mut nodes, mut rels) = (Vec::new(), Vec::new());
        let time = labels[i].1;
        loop {
            let (n, _, p, rel) = labels[i];
            nodes.push(n);
            match rel {
                Some(rel) => rels.push(rel),
                None => break,
            }
            i = p;
        }
        nodes.reverse();
        rels.reverse();
        (nodes, rels, time)
    };
    if s == t {
        return Some(unwind(&labels, 0));
    }
    for _ in 0..max_hops {
        let mut next = Vec::new();
        for &li in &layer {
            let (v, time) = (labels[li].0, labels[li].1);
            for (rel, x) in w.steps(v, true) {
                if !r.allows(v, x) {
                    continue;
                }
                let when = w.model.relationship(rel).when();
                let t2 = match chrono_period(when) {
                    Some((_, b)) if b < time => continue,
                    Some((a, _)) => time.max(a),
                    None => time,
                };
                if best.get(&x).is_some_and(|b| *b <= t2) {
                    continue;
                }
                best.insert(x, t2);
                labels.push((x, t2, li, Some(rel)));
                if x == t {
                    return Some(unwind(&labels, labels.len() - 1));
                }
                next.push(labels.len() - 1);
            }
        }
        if next.is_empty() {
            return None;
        }
        layer = next;
    }
    None
}

/// True when each dated relationship ends no earlier than the latest start
/// before it (the chronological rule).
fn in_time(model: &Model, rels: &[RelIx]) -> bool {
    let mut latest = i32::MIN;
    for r in rels {
        if let Some((a, b)) = chrono_period(model.relationship(*r).when()) {
            if b < latest {
                return false;
            }
            latest = latest.max(a);
        }
    }
    true
}

/// The time-respecting search keeps the first relationship that works for
/// each hop; swap in the strongest one that keeps the chain in time, so
/// the answer shows the best evidence, not the first found.
pub(super) fn strongest_in_time(w: &Walk<'_>, nodes: &[EntityIx], rels: &mut [RelIx]) {
    for i in 0..rels.len() {
        let Some(h) = w.hop(nodes[i], nodes[i + 1], None) else {
            continue;
        };
        let kept = rels[i];
        for c in std::iter::once(h.rel).chain(h.others) {
            rels[i] = c;
            if in_time(w.model, rels) {
                break;
            }
            rels[i] = kept;
        }
    }
}
