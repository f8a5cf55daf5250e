//! Fewest hops: a bidirectional breadth-first search, and every shortest
//! path counted and listed from the DAG it leaves.

use super::types::credibility;
use super::walk::{Map, Restrict, Set, Walk};
use crate::model::{EntityIx, Status};
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The fewest-hops paths from `s` to `t`: their length, up to `limit` of
/// them best-evidenced first, and how many there are.
///
/// "Best-evidenced" ranks the shortest paths by their credibility cost (the
/// `--credible` weight of each hop's strongest relationship, summed), then
/// by their weakest hop, then by their sequence of entity ids.
///
/// Bidirectional breadth-first search, one whole layer at a time on the side
/// with the smaller frontier, stopping at the first layer where the two
/// searches meet or when the hop budget is spent. The layer where they meet
/// splits every shortest path at the same position, so the paths are the
/// shortest-path DAGs of both sides glued at the meeting entities. The
/// ranking is computed on that DAG ([`Dag::rank`]), never by listing every
/// shortest path.
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
    let dag = Dag {
        w,
        r,
        ds: &ds,
        dt: &dt,
        ks,
        useful: &useful,
        arcs: Map::default(),
        best: Map::default(),
        counts: Map::default(),
    };
    let (total, found) = dag.rank(s, t, limit);
    Some((d, found, total))
}

/// One arc of the shortest-path DAG: the entity it reaches, and the
/// `--credible` weight and status of the strongest relationship that makes
/// the hop (the one the path shows, [`super::types::Hop::strongest`]).
#[derive(Clone, Copy)]
struct Arc {
    to: EntityIx,
    weight: u64,
    status: Status,
}

/// How good a path, or the best completion of a partial one, is: lower
/// credibility cost, then a better weakest hop.
type Grade = (u64, Status);

/// The DAG of every shortest path, with what is computed on it memoised
/// per entity: its arcs, the number of paths to `t` and the best grade of
/// a path to `t`. Only entities on some shortest path are ever visited.
struct Dag<'a, 'w> {
    w: &'a Walk<'w>,
    r: &'a Restrict,
    ds: &'a Map<EntityIx, usize>,
    dt: &'a Map<EntityIx, usize>,
    ks: usize,
    useful: &'a Set<EntityIx>,
    arcs: Map<EntityIx, std::rc::Rc<[Arc]>>,
    best: Map<EntityIx, Grade>,
    counts: Map<EntityIx, u128>,
}

impl Dag<'_, '_> {
    /// The arcs leaving `v`, one per next entity, in order of entity id.
    /// One pass over `v`'s relationships: a hub on the path costs its
    /// degree once, not once per neighbour.
    fn arcs(&mut self, v: EntityIx) -> std::rc::Rc<[Arc]> {
        if let Some(a) = self.arcs.get(&v) {
            return a.clone();
        }
        let (w, r, ds, dt, ks, useful) = (self.w, self.r, self.ds, self.dt, self.ks, self.useful);
        let on_dag = |x: EntityIx| match ds.get(&v) {
            Some(&i) if i < ks => ds.get(&x) == Some(&(i + 1)) && useful.contains(&x),
            _ => {
                let j = dt.get(&v).copied().unwrap_or(0);
                j > 0 && dt.get(&x) == Some(&(j - 1))
            }
        };
        let model = w.model;
        let mut out: Vec<(&str, u64, &str, Arc)> = w
            .steps(v, true)
            .filter(|(_, x)| on_dag(*x) && r.allows(v, *x))
            .map(|(rel, x)| {
                let rr = model.relationship(rel);
                let weight = credibility(&rr);
                let arc = Arc {
                    to: x,
                    weight,
                    status: rr.status(),
                };
                (model.entity(x).id(), weight, rr.id(), arc)
            })
            .collect();
        // The strongest relationship of each hop first, as `Hop::strongest`.
        out.sort_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)));
        out.dedup_by(|a, b| a.0 == b.0);
        let arcs: std::rc::Rc<[Arc]> = out.into_iter().map(|x| x.3).collect();
        self.arcs.insert(v, arcs.clone());
        arcs
    }

    /// How many shortest paths lead from `v` to `t` (saturating).
    fn count(&mut self, v: EntityIx, t: EntityIx) -> u128 {
        if v == t {
            return 1;
        }
        if let Some(c) = self.counts.get(&v) {
            return *c;
        }
        let mut c: u128 = 0;
        for a in self.arcs(v).iter() {
            c = c.saturating_add(self.count(a.to, t));
        }
        self.counts.insert(v, c);
        c
    }

    /// The best grade of a path from `v` to `t`. Exact by dynamic
    /// programming: over a fixed first arc, the best completion has the
    /// lowest cost and, among those, the best weakest hop (the maximum is
    /// monotone), so the best of a node is the best over its arcs.
    fn best(&mut self, v: EntityIx, t: EntityIx) -> Grade {
        if v == t {
            return (0, Status::Confirmed);
        }
        if let Some(g) = self.best.get(&v) {
            return *g;
        }
        let mut g = (u64::MAX, Status::Denied);
        for a in self.arcs(v).iter() {
            let (c, s) = self.best(a.to, t);
            g = g.min((a.weight.saturating_add(c), a.status.max(s)));
        }
        self.best.insert(v, g);
        g
    }

    /// The number of shortest paths, and the first `limit` of them in order
    /// of grade, then of their sequences of entity ids.
    ///
    /// Best-first search over path prefixes, each keyed by the best grade
    /// any of its completions can have (what it has so far plus
    /// [`Dag::best`] of its last entity) and then its ids. The key never
    /// falls from a prefix to its extensions and bounds every completion
    /// from below, so complete paths come out in order; prefixes that
    /// cannot beat the `limit`-th path are never extended. The best path
    /// alone costs its hops times their degree.
    fn rank(mut self, s: EntityIx, t: EntityIx, limit: usize) -> (u128, Vec<Vec<EntityIx>>) {
        let total = self.count(s, t);
        let model = self.w.model;
        let id = |n: EntityIx| model.entity(n).id();
        type Key<'m> = (u64, Status, Vec<&'m str>);
        let mut heap: BinaryHeap<Reverse<(Key<'_>, Vec<EntityIx>, Grade)>> = BinaryHeap::new();
        let (c, st) = self.best(s, t);
        heap.push(Reverse((
            (c, st, vec![id(s)]),
            vec![s],
            (0, Status::Confirmed),
        )));
        let mut found = Vec::new();
        while found.len() < limit {
            let Some(Reverse(((_, _, ids), nodes, (cost, weakest)))) = heap.pop() else {
                break;
            };
            let v = *nodes.last().expect("a prefix has an entity");
            if v == t {
                found.push(nodes);
                continue;
            }
            for a in self.arcs(v).iter() {
                let (c, st) = self.best(a.to, t);
                let so_far = (cost + a.weight, weakest.max(a.status));
                let mut ids = ids.clone();
                ids.push(id(a.to));
                let mut next = nodes.clone();
                next.push(a.to);
                let key = (so_far.0.saturating_add(c), so_far.1.max(st), ids);
                heap.push(Reverse((key, next, so_far)));
            }
        }
        (total, found)
    }
}
