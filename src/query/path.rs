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

use super::filter::{Filter, View};
use crate::model::{EntityIx, Model, RelIx, RelRef, Status, When};
use foldhash::fast::FixedState;
use petgraph::Direction::{Incoming, Outgoing};
use petgraph::visit::EdgeRef;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap, HashSet};

type Map<K, V> = HashMap<K, V, FixedState>;
type Set<K> = HashSet<K, FixedState>;
/// A restricted best-path search from an entity to the query's target.
type BestFn<'a> = dyn Fn(EntityIx, &Restrict, usize) -> Option<Vec<EntityIx>> + 'a;

/// Fixed-point unit of path costs: one hop of a plain search costs `UNIT`.
pub const UNIT: u64 = 1000;

/// The weight of one relationship under `--credible`: confirmed 1, reported 2,
/// alleged 4, denied 8, plus 2 if someone disputes it. Lower is stronger.
pub fn credibility(r: &RelRef<'_>) -> u64 {
    let base = match r.status() {
        Status::Confirmed => 1,
        Status::Reported => 2,
        Status::Alleged => 4,
        Status::Denied => 8,
    };
    base + if r.is_disputed() { 2 } else { 0 }
}

/// The extra cost, in [`UNIT`]s, of passing *through* an entity under
/// `--avoid-hubs`: `log2(d)` hops for an entity with `d` relationships in the
/// view (degree 1 costs nothing, 2 one hop, 32 five hops). The logarithm, as
/// in degree-weighted path counts, makes a giant connector expensive without
/// letting a single hub outweigh any detour, and the cost is paid only by
/// intermediate entities, never by the two ends the user asked about.
pub fn hub_penalty(degree: usize) -> u64 {
    if degree <= 1 {
        0
    } else {
        ((degree as f64).log2() * UNIT as f64).round() as u64
    }
}

/// Which paths to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathMode {
    /// The best path (fewest hops, or lowest cost with `--credible`/`--avoid-hubs`).
    Best,
    /// Every path with the fewest hops (`--all`).
    All,
    /// The `n` best simple paths, best first (`--k N`, Yen's algorithm).
    K(usize),
}

/// A path question.
#[derive(Clone, Debug)]
pub struct PathQuery {
    /// Where the path starts.
    pub from: EntityIx,
    /// Where it ends.
    pub to: EntityIx,
    /// An entity the path must pass through (`--via`).
    pub via: Option<EntityIx>,
    /// Entities the path must not touch (`--avoid`).
    pub avoid: Vec<EntityIx>,
    /// Follow directed relationships only from `from` towards `to`
    /// (symmetric ties can always be crossed).
    pub directed: bool,
    /// At most this many hops.
    pub max_hops: usize,
    /// Best, all shortest, or k best.
    pub mode: PathMode,
    /// Weigh hops by [`credibility`].
    pub credible: bool,
    /// Add [`hub_penalty`] for every entity passed through.
    pub avoid_hubs: bool,
    /// Only time-respecting paths: each dated hop ends no earlier than the
    /// latest start of the dated hops before it; undated hops pass.
    pub chronological: bool,
    /// Return at most this many paths (`--all` still counts them all).
    pub limit: usize,
}

impl PathQuery {
    /// A plain shortest-path question with the default hop limit of 6.
    pub fn new(from: EntityIx, to: EntityIx) -> PathQuery {
        PathQuery {
            from,
            to,
            via: None,
            avoid: Vec::new(),
            directed: false,
            max_hops: 6,
            mode: PathMode::Best,
            credible: false,
            avoid_hubs: false,
            chronological: false,
            limit: 10,
        }
    }

    fn weighted(&self) -> bool {
        self.credible || self.avoid_hubs
    }
}

/// How a hop crosses its relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Travel {
    /// Along the relationship's arrow (`from` → `to`).
    Forward,
    /// Against the arrow (allowed unless `--directed`).
    Backward,
    /// Across a symmetric tie.
    Undirected,
}

impl Travel {
    /// `forward`, `backward` or `undirected`.
    pub fn as_str(self) -> &'static str {
        match self {
            Travel::Forward => "forward",
            Travel::Backward => "backward",
            Travel::Undirected => "undirected",
        }
    }
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    /// The entity the hop leaves.
    pub from: EntityIx,
    /// The entity it reaches.
    pub to: EntityIx,
    /// The relationship shown for the hop: the strongest one between the two.
    pub rel: RelIx,
    /// How the relationship is crossed.
    pub travel: Travel,
    /// The other relationships in the view that make the same hop, by id.
    pub others: Vec<RelIx>,
}

impl Hop {
    /// The hop from `a` to `b` over `rels`, every relationship that makes
    /// it: the strongest is shown (lowest [`credibility`] weight, then id;
    /// `prefer` first if given) and the others listed. `None` when `rels`
    /// is empty.
    pub(super) fn strongest(
        model: &Model,
        a: EntityIx,
        b: EntityIx,
        mut rels: Vec<RelIx>,
        prefer: Option<RelIx>,
    ) -> Option<Hop> {
        rels.sort_by(|x, y| {
            let (rx, ry) = (model.relationship(*x), model.relationship(*y));
            (Some(*x) != prefer, credibility(&rx), rx.id()).cmp(&(
                Some(*y) != prefer,
                credibility(&ry),
                ry.id(),
            ))
        });
        rels.dedup();
        let rel = *rels.first()?;
        let r = model.relationship(rel);
        let travel = if !r.directed() {
            Travel::Undirected
        } else if r.from() == a {
            Travel::Forward
        } else {
            Travel::Backward
        };
        Some(Hop {
            from: a,
            to: b,
            rel,
            travel,
            others: rels[1..].to_vec(),
        })
    }
}

/// A path: its entities, its hops and what it costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// The entities from start to end, all distinct.
    pub entities: Vec<EntityIx>,
    /// One hop per consecutive pair of entities.
    pub hops: Vec<Hop>,
    /// Total cost in [`UNIT`]s: hops, or credibility weights, plus hub penalties.
    pub cost: u64,
    /// The weakest status on the path (the claim it rests on).
    pub weakest: Status,
}

impl Path {
    /// Number of hops.
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// True for the zero-hop path.
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// The answer to a [`PathQuery`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    /// The paths, best first, at most `limit`.
    pub paths: Vec<Path>,
    /// How many paths the question has: all shortest paths for `--all`
    /// (saturating), else the number returned.
    pub total: u128,
}

/// Why a path question has no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathError {
    /// `from` and `to` are the same entity.
    SameEntity,
    /// The options cannot be combined.
    Unsupported(&'static str),
    /// No path within the limits.
    NoPath,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathError::SameEntity => f.write_str("the two ends of the path are the same entity"),
            PathError::Unsupported(m) => f.write_str(m),
            PathError::NoPath => f.write_str("no path"),
        }
    }
}

impl std::error::Error for PathError {}

/// Nodes and ordered hops a search may not use (the avoid list, and Yen's
/// spur restrictions).
#[derive(Clone, Debug, Default)]
struct Restrict {
    nodes: Set<EntityIx>,
    pairs: Set<(EntityIx, EntityIx)>,
}

impl Restrict {
    /// Whether the hop `a` → `b` may be used (either end may be the new one:
    /// backward searches discover `a`).
    fn allows(&self, a: EntityIx, b: EntityIx) -> bool {
        !self.nodes.contains(&a) && !self.nodes.contains(&b) && !self.pairs.contains(&(a, b))
    }
}

/// The graph as a search sees it: the view, the direction rule, and lazily
/// computed degrees for the hub penalty.
struct Walk<'a> {
    model: &'a Model,
    view: &'a View,
    directed: bool,
    credible: bool,
    avoid_hubs: bool,
    degrees: std::cell::RefCell<Map<EntityIx, usize>>,
}

impl<'a> Walk<'a> {
    fn new(model: &'a Model, view: &'a View, q: &PathQuery) -> Walk<'a> {
        Walk {
            model,
            view,
            directed: q.directed,
            credible: q.credible,
            avoid_hubs: q.avoid_hubs,
            degrees: Default::default(),
        }
    }

    /// The `(relationship, other end)` pairs a search can cross at `n`:
    /// leaving `n` when `forward`, else arriving at `n` (backward search).
    fn steps(&self, n: EntityIx, forward: bool) -> impl Iterator<Item = (RelIx, EntityIx)> + '_ {
        let g = self.model.graph();
        g.edges_directed(n, Outgoing)
            .chain(g.edges_directed(n, Incoming))
            .filter_map(move |e| {
                if !self.view.relationships.contains(e.id().index()) {
                    return None;
                }
                let out = e.source() == n;
                let other = if out { e.target() } else { e.source() };
                if other == n || !self.view.entities.contains(other.index()) {
                    return None;
                }
                if self.directed && e.weight().directed && out != forward {
                    return None;
                }
                Some((e.id(), other))
            })
    }

    fn degree(&self, n: EntityIx) -> usize {
        if let Some(d) = self.degrees.borrow().get(&n) {
            return *d;
        }
        let g = self.model.graph();
        let d = g
            .edges_directed(n, Outgoing)
            .chain(g.edges_directed(n, Incoming))
            .filter(|e| self.view.relationships.contains(e.id().index()))
            .count();
        self.degrees.borrow_mut().insert(n, d);
        d
    }

    /// The cost of crossing `rel` (not counting hub penalties).
    fn rel_cost(&self, rel: RelIx) -> u64 {
        if self.credible {
            credibility(&self.model.relationship(rel)) * UNIT
        } else {
            UNIT
        }
    }

    /// The cost of entering `n` as an intermediate entity.
    fn node_cost(&self, n: EntityIx) -> u64 {
        if self.avoid_hubs {
            hub_penalty(self.degree(n))
        } else {
            0
        }
    }

    /// The hop from `a` to `b`: every relationship that makes it, the
    /// strongest first (`prefer` first if given).
    fn hop(&self, a: EntityIx, b: EntityIx, prefer: Option<RelIx>) -> Option<Hop> {
        let rels: Vec<RelIx> = self
            .steps(a, true)
            .filter(|(_, o)| *o == b)
            .map(|(r, _)| r)
            .collect();
        Hop::strongest(self.model, a, b, rels, prefer)
    }

    /// The cost of a whole path of entities, each hop by its strongest
    /// relationship.
    fn cost(&self, nodes: &[EntityIx]) -> u64 {
        let hops: u64 = nodes
            .windows(2)
            .map(|w| {
                self.hop(w[0], w[1], None)
                    .map_or(u64::MAX / 4, |h| self.rel_cost(h.rel))
            })
            .sum();
        hops + self.through_cost(nodes)
    }

    /// The hub penalties of the entities a path passes through (not its ends).
    fn through_cost(&self, nodes: &[EntityIx]) -> u64 {
        match nodes {
            [_, through @ .., _] => through.iter().map(|n| self.node_cost(*n)).sum(),
            _ => 0,
        }
    }

    fn path(&self, nodes: Vec<EntityIx>, chosen: Option<&[RelIx]>) -> Path {
        let hops: Vec<Hop> = nodes
            .windows(2)
            .enumerate()
            .filter_map(|(i, w)| self.hop(w[0], w[1], chosen.and_then(|c| c.get(i).copied())))
            .collect();
        let weakest = hops
            .iter()
            .map(|h| self.model.relationship(h.rel).status())
            .max()
            .unwrap_or(Status::Confirmed);
        // Unweighted, every hop costs UNIT and no entity a penalty.
        let cost =
            hops.iter().map(|h| self.rel_cost(h.rel)).sum::<u64>() + self.through_cost(&nodes);
        Path {
            entities: nodes,
            hops,
            cost,
            weakest,
        }
    }

    /// Orders entities by id, for deterministic tie-breaks.
    fn by_id(&self, v: &mut Vec<EntityIx>) {
        v.sort_by(|a, b| self.model.entity(*a).id().cmp(self.model.entity(*b).id()));
        v.dedup();
    }

    fn ids(&self, nodes: &[EntityIx]) -> Vec<&'a str> {
        let model = self.model;
        nodes.iter().map(|n| model.entity(*n).id()).collect()
    }
}

/// The fewest-hops paths from `s` to `t`: their length, up to `limit` of
/// them in order of their entity ids, and how many there are.
///
/// Bidirectional breadth-first search, one whole layer at a time on the side
/// with the smaller frontier, stopping at the first layer where the two
/// searches meet or when the hop budget is spent. The layer where they meet
/// splits every shortest path at the same position, so the paths are the
/// shortest-path DAGs of both sides glued at the meeting entities.
fn fewest_hops(
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

/// The cheapest path from `s` to `t` under the walk's costs, with at most
/// `max_hops` hops: Dijkstra over (entity, hops) states, a state being
/// skipped when the entity was already settled with no more hops (its cost
/// was no higher). All costs are positive, so the cheapest walk is simple.
fn cheapest(
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

/// The period a relationship covers on a time-respecting path: an event its
/// date (all of it, for a partial date), a period from its start to its end.
/// `None` for undated relationships, which any chain may cross.
pub fn chrono_period(when: When) -> Option<(i32, i32)> {
    match when {
        When::Undated => None,
        When::On(d) => Some((d.first_day(), d.last_day())),
        When::Period {
            start: None,
            end: None,
        } => None,
        When::Period { start, end } => Some((
            start.map_or(i32::MIN, |d| d.first_day()),
            end.map_or(i32::MAX, |d| d.last_day()),
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
fn chrono(
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
fn strongest_in_time(w: &Walk<'_>, nodes: &[EntityIx], rels: &mut [RelIx]) {
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

/// Finds the paths a [`PathQuery`] asks for in `view`.
///
/// - Best, fewest hops: bidirectional BFS, then the path whose entity ids
///   come first. Complexity: O(V' + E') for the V' entities and E'
///   relationships within reach of either end's search, at most `max_hops`
///   layers; memory O(V').
/// - `All`: the same search; listing costs O(limit · hops · degree) beyond it.
/// - `K(n)`: Yen's algorithm, n × hops spur searches of the above kind.
/// - `credible`/`avoid_hubs`: Dijkstra over (entity, hops) states,
///   O((V'·H + E'·H) log(V'·H)) for H = `max_hops`.
/// - `chronological`: a breadth-first search over (entity, time) states,
///   at most one state per entity and distinct start date, `max_hops` deep.
///
/// `via` joins two legs: the first leg avoids `to`, the second avoids the
/// first leg (and, if that fails, the other way round); it is therefore
/// the best path through `via` that this greedy split finds, not always
/// the best overall.
///
/// # Errors
///
/// [`PathError::NoPath`] when nothing connects the ends within the limits,
/// [`PathError::SameEntity`] and [`PathError::Unsupported`] for questions
/// that make no sense (an end in `avoid` or `via` at an end among them).
pub fn paths(model: &Model, view: &View, q: &PathQuery) -> Result<Paths, PathError> {
    if q.avoid.contains(&q.from) || q.avoid.contains(&q.to) {
        return Err(PathError::Unsupported(
            "`--avoid` names one of the two ends of the path",
        ));
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
            return Err(PathError::Unsupported(
                "`--all` lists every path with the fewest hops; use `--k N` with `--credible` or `--avoid-hubs`",
            ));
        }
        PathMode::All | PathMode::K(_) if q.chronological => {
            return Err(PathError::Unsupported(
                "`--chronological` finds one path; it cannot be combined with `--all` or `--k`",
            ));
        }
        PathMode::All | PathMode::K(_) if q.via.is_some() => {
            return Err(PathError::Unsupported(
                "`--via` finds one path; it cannot be combined with `--all` or `--k`",
            ));
        }
        PathMode::K(0) => return Err(PathError::Unsupported("`--k` must be at least 1")),
        _ => {}
    }
    if q.via == Some(q.from) || q.via == Some(q.to) {
        return Err(PathError::Unsupported(
            "`--via` must name an entity other than the two ends",
        ));
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

fn via_path(w: &Walk<'_>, q: &PathQuery, base: &Restrict, via: EntityIx) -> Option<Path> {
    let leg = |s: EntityIx, t: EntityIx, r: &Restrict, hops: usize, time: i32| {
        if q.chronological {
            chrono(w, s, t, hops, r, time).map(|(n, rels, time)| (n, Some(rels), time))
        } else if q.weighted() {
            cheapest(w, s, t, hops, r).map(|n| (n, None, time))
        } else {
            fewest_hops(w, s, t, hops, r, 1)
                .and_then(|(_, mut v, _)| v.pop().map(|n| (n, None, time)))
        }
    };
    let attempt = |first_leg_to_via: bool| -> Option<Path> {
        let (mut a, mut b);
        if first_leg_to_via {
            let mut r1 = base.clone();
            r1.nodes.insert(q.to);
            a = leg(q.from, via, &r1, q.max_hops.saturating_sub(1), i32::MIN)?;
            let mut r2 = base.clone();
            r2.nodes.extend(a.0.iter().copied().filter(|n| *n != via));
            b = leg(via, q.to, &r2, q.max_hops - (a.0.len() - 1), a.2)?;
        } else {
            // Second leg first: cannot carry time forwards, so only for
            // untimed searches.
            if q.chronological {
                return None;
            }
            let mut r2 = base.clone();
            r2.nodes.insert(q.from);
            b = leg(via, q.to, &r2, q.max_hops.saturating_sub(1), i32::MIN)?;
            let mut r1 = base.clone();
            r1.nodes.extend(b.0.iter().copied().filter(|n| *n != via));
            a = leg(q.from, via, &r1, q.max_hops - (b.0.len() - 1), i32::MIN)?;
        }
        let mut nodes = std::mem::take(&mut a.0);
        nodes.extend(b.0.iter().skip(1).copied());
        let rels = match (a.1.take(), b.1.take()) {
            (Some(mut x), Some(y)) => {
                x.extend(y);
                strongest_in_time(w, &nodes, &mut x);
                Some(x)
            }
            _ => None,
        };
        Some(w.path(nodes, rels.as_deref()))
    };
    let one = attempt(true);
    let two = attempt(false);
    match (one, two) {
        (Some(x), Some(y)) => Some(
            if (y.cost, w.ids(&y.entities)) < (x.cost, w.ids(&x.entities)) {
                y
            } else {
                x
            },
        ),
        (x, y) => x.or(y),
    }
}

/// Yen's k shortest simple paths over entity sequences, using `best` as the
/// restricted shortest-path search. Candidates are ranked by (cost, entity
/// ids), so equal-cost paths come out in a fixed order.
fn yen(
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
    let mut candidates: std::collections::BTreeSet<(u64, Vec<&str>, Vec<EntityIx>)> =
        Default::default();
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
                    candidates.insert((w.cost(&full), w.ids(&full), full));
                }
            }
        }
        match candidates.pop_first() {
            Some((_, _, p)) => found.push(p),
            None => break,
        }
    }
    found
}

/// Why [`paths`] found nothing, as notes for the user: which filter or
/// option cut the connection, found by asking again without it.
pub fn explain_no_path(model: &Model, filter: &Filter, q: &PathQuery) -> Vec<String> {
    NoPathExplainer::new(model, filter).explain(q)
}

/// [`explain_no_path`] for many questions under one filter (`path
/// --pairs`): the views it asks again in (the whole graph, the filter
/// without each of its flags) are made once, when first needed, instead
/// of once per question.
pub struct NoPathExplainer<'a> {
    model: &'a Model,
    filter: &'a Filter,
    all: std::cell::OnceCell<View>,
    relaxed: std::cell::OnceCell<Vec<(String, View)>>,
}

impl<'a> NoPathExplainer<'a> {
    /// An explainer for questions asked of `model` under `filter`.
    pub fn new(model: &'a Model, filter: &'a Filter) -> Self {
        NoPathExplainer {
            model,
            filter,
            all: Default::default(),
            relaxed: Default::default(),
        }
    }

    /// The notes of [`explain_no_path`] for `q`.
    pub fn explain(&self, q: &PathQuery) -> Vec<String> {
        let (model, filter) = (self.model, self.filter);
        let mut notes = Vec::new();
        // Whether a connection exists does not depend on the weights, so every
        // retry is the cheap fewest-hops search (a weighted search with a large
        // hop limit would explore (entity, hops) states across the whole graph).
        let mut plain = q.clone();
        plain.mode = PathMode::Best;
        plain.limit = 1;
        plain.credible = false;
        plain.avoid_hubs = false;
        let hops_of = |view: &View, q: &PathQuery| {
            paths(model, view, q)
                .ok()
                .and_then(|p| p.paths.first().map(Path::len))
        };
        let all = self.all.get_or_init(|| View::all(model));
        let hop_word = |n: usize| {
            if n == 1 {
                "1 hop".to_owned()
            } else {
                format!("{n} hops")
            }
        };
        if !filter.is_empty() {
            if let Some(n) = hops_of(all, &plain) {
                let relaxed = self.relaxed.get_or_init(|| {
                    relaxations(filter)
                        .into_iter()
                        .map(|(flag, f)| (flag, f.view(model)))
                        .collect()
                });
                let culprits: Vec<String> = relaxed
                    .iter()
                    .filter(|(_, view)| hops_of(view, &plain).is_some())
                    .map(|(flag, _)| format!("`{flag}`"))
                    .collect();
                let flags: Vec<String> =
                    filter.describe().iter().map(|f| format!("`{f}`")).collect();
                notes.push(match culprits.as_slice() {
                [] => format!(
                    "the filters together cut the connection ({}): no one of them alone does; without them there is a path of {}",
                    flags.join(" "),
                    hop_word(n)
                ),
                [one] => format!(
                    "the filter {one} cut the connection: without it there is a path (of {} without any filter)",
                    hop_word(n)
                ),
                many => format!(
                    "each of the filters {} cuts the connection: dropping any one of them leaves a path (of {} without any filter)",
                    many.join(", "),
                    hop_word(n)
                ),
            });
                return notes;
            }
            notes.push(
                "the filters are not the reason: there is no path without them either".into(),
            );
        }
        let mut tries: Vec<(&str, PathQuery)> = Vec::new();
        if q.chronological {
            let mut t = plain.clone();
            t.chronological = false;
            tries.push(("without `--chronological`", t));
        }
        if q.directed {
            let mut t = plain.clone();
            t.directed = false;
            tries.push((
                "following relationships in either direction (without `--directed`)",
                t,
            ));
        }
        if !q.avoid.is_empty() {
            let mut t = plain.clone();
            t.avoid.clear();
            tries.push(("without `--avoid`", t));
        }
        if q.via.is_some() {
            let mut t = plain.clone();
            t.via = None;
            tries.push(("without `--via`", t));
        }
        for (what, t) in tries {
            if let Some(n) = hops_of(all, &t) {
                notes.push(format!("{what} there is a path of {}", hop_word(n)));
            }
        }
        if notes.iter().all(|n| n.starts_with("the filters")) {
            let mut t = plain.clone();
            t.max_hops = 64;
            t.directed = false;
            t.chronological = false;
            t.avoid.clear();
            t.via = None;
            match hops_of(all, &t) {
                Some(n) if n > q.max_hops => notes.push(format!(
                    "the shortest connection has {}; raise `--max-hops`",
                    hop_word(n)
                )),
                Some(_) => {}
                None => notes.push("the two entities are not connected at all".into()),
            }
        }
        notes
    }
}

/// Each filter flag in force, with the filter as it would be without it.
fn relaxations(f: &Filter) -> Vec<(String, Filter)> {
    let mut out = Vec::new();
    // Per field: the filter with that field alone describes its flag (none
    // when the field is not in force); the default of the field drops it.
    macro_rules! relax {
        ($($field:ident),*) => {$(
            let only = Filter { $field: f.$field.clone(), ..Filter::default() };
            if let Some(flag) = only.describe().into_iter().next() {
                out.push((flag, Filter { $field: Default::default(), ..f.clone() }));
            }
        )*};
    }
    relax!(
        types,
        exclude_types,
        kinds,
        statuses,
        no_disputed,
        as_of,
        between
    );
    out
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
                Err(PathError::Unsupported(_))
            ));
        }
        assert_eq!(
            paths(&model, &view, &PathQuery::new(a, b)).unwrap().total,
            1
        );
    }

    /// Each flag in force is named and dropped on its own; the rest stay.
    #[test]
    fn relaxations_drop_one_flag_at_a_time() {
        let f = Filter {
            exclude_types: vec!["paid".into()],
            no_disputed: true,
            ..Filter::default()
        };
        let r = relaxations(&f);
        let flags: Vec<&str> = r.iter().map(|(flag, _)| flag.as_str()).collect();
        assert_eq!(flags, ["--exclude-types paid", "--no-disputed"]);
        assert_eq!(r[0].1.describe(), ["--no-disputed"]);
        assert_eq!(r[1].1.describe(), ["--exclude-types paid"]);
        assert!(relaxations(&Filter::default()).is_empty());
    }
}
