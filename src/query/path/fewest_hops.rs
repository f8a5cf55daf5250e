//! Fewest hops: a bidirectional breadth-first search, and every shortest
//! path counted and listed from the DAG it leaves.

use super::walk::{Map, Restrict, Set, Walk};
use crate::model::EntityIx;

/// The fewest-hops paths from `s` to `t`: their length, up to `limit` of
/// them in order of their entity ids, and how many there are.
///
/// Bidirectional breadth-first search, one whole layer at a time on the side
/// with the smaller frontier, stopping at the first layer where the two
/// searches meet or when the hop budget is spent. The layer where they meet
/// splits every shortest path at the same position, so the paths are the
/// shortest-path DAGs of both sides glued at the meeting entities.
pub(super) fn fewest_hops(
    w: &Walk<'_>,
    s: EntityIx,
    t: EntityIx,
    max_hops: usize,
    r: &Restrict,
    limit: usize,
) -> Option<(usize, Vec<Vec<EntityIx>>, u128)> {
    if s == t {
        return Some((0, vec![vec![s]], 1));
    }
    let mut ds: Map<EntityIx, usize> = Map::default();
    let mut dt: Map<EntityIx, usize> = Map::default();
    ds.insert(s, 0);
    dt.insert(t, 0);
    let (mut fs, mut ft) = (vec![s], vec![t]);
    let (mut ks, mut kt) = (0usize, 0usize);
    let mut meet: Vec<EntityIx>;
    loop {
        if ks + kt >= max_hops || fs.is_empty() || ft.is_empty() {
            return None;
        }
        let forward = fs.len() <= ft.len();
        let (frontier, mine, other) = if forward {
            (&mut fs, &mut ds, &dt)
        } else {
            (&mut ft, &mut dt, &ds)
        };
        let depth = if forward { ks } else { kt } + 1;
        let mut next = Vec::new();
        for &v in frontier.iter() {
            for (_, x) in w.steps(v, forward) {
                let ok = if forward {
                    r.allows(v, x)
                } else {
                    r.allows(x, v)
                };
                if ok && !mine.contains_key(&x) {
                    mine.insert(x, depth);
                    next.push(x);
                }
            }
        }
        meet = next
            .iter()
            .copied()
            .filter(|x| other.contains_key(x))
            .collect();
        *frontier = next;
        if forward {
            ks = depth;
        } else {
            kt = depth;
        }
        if !meet.is_empty() {
            break;
        }
    }
    let d = ks + kt;
    // Forward-side entities that lie on some shortest path: walk back from
    // the meeting layer through predecessors one layer closer to `s`.
    let mut useful: Set<EntityIx> = meet.iter().copied().collect();
    let mut layer = meet.clone();
    for i in (1..=ks).rev() {
        let mut prev = Vec::new();
        for &v in &layer {
            for (_, u) in w.steps(v, false) {
                if ds.get(&u) == Some(&(i - 1)) && r.allows(u, v) && useful.insert(u) {
                    prev.push(u);
                }
            }
        }
        layer = prev;
    }
    // Successors in the DAG of shortest paths, sorted by id.
    let next_of = |v: EntityIx| -> Vec<EntityIx> {
        let mut out: Vec<EntityIx> = match ds.get(&v) {
            Some(&i) if i < ks => w
                .steps(v, true)
                .map(|(_, x)| x)
                .filter(|x| ds.get(x) == Some(&(i + 1)) && useful.contains(x) && r.allows(v, *x))
                .collect(),
            _ => {
                let j = dt.get(&v).copied().unwrap_or(0);
                if j == 0 {
                    Vec::new()
                } else {
                    w.steps(v, true)
                        .map(|(_, x)| x)
                        .filter(|x| dt.get(x) == Some(&(j - 1)) && r.allows(v, *x))
                        .collect()
                }
            }
        };
        w.by_id(&mut out);
        out
    };
    // Count the paths (memoised on the DAG) and list the first `limit`.
    let mut counts: Map<EntityIx, u128> = Map::default();
    let total = count_paths(s, t, &next_of, &mut counts);
    let mut found = Vec::new();
    let mut stack = vec![s];
    list_paths(t, &next_of, &mut stack, &mut found, limit);
    Some((d, found, total))
}

fn count_paths(
    v: EntityIx,
    t: EntityIx,
    next_of: &dyn Fn(EntityIx) -> Vec<EntityIx>,
    memo: &mut Map<EntityIx, u128>,
) -> u128 {
    if v == t {
        return 1;
    }
    if let Some(c) = memo.get(&v) {
        return *c;
    }
    let mut c: u128 = 0;
    for x in next_of(v) {
        c = c.saturating_add(count_paths(x, t, next_of, memo));
    }
    memo.insert(v, c);
    c
}

fn list_paths(
    t: EntityIx,
    next_of: &dyn Fn(EntityIx) -> Vec<EntityIx>,
    stack: &mut Vec<EntityIx>,
    out: &mut Vec<Vec<EntityIx>>,
    limit: usize,
) {
    if out.len() >= limit {
        return;
    }
    let Some(&v) = stack.last() else { return };
    if v == t {
        out.push(stack.clone());
        return;
    }
    for x in next_of(v) {
        stack.push(x);
        list_paths(t, next_of, stack, out, limit);
        stack.pop();
        if out.len() >= limit {
            return;
        }
    }
}
