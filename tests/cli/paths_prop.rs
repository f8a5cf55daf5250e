//! Property tests of the path, neighbour and timeline queries on random
//! multigraphs, against brute force: every simple path is enumerated and the
//! answers checked against it.

use casegraph::model::{EntityIx, Model, Status};
use casegraph::query::path::{PathMode, PathQuery, chrono_period, credibility, hub_penalty};
use casegraph::query::{Filter, View, neighbors, paths};
use petgraph::visit::EdgeRef;
use proptest::prelude::*;
use serde_json::json;
use std::collections::{BTreeSet, HashSet};

/// A random relationship: from, to, type, status, directed, disputed, dates.
type RelSpec = (usize, usize, usize, usize, bool, bool, (u8, u16, u16));

fn model_of(n: usize, rels: &[RelSpec]) -> Model {
    let entities: Vec<_> = (0..n)
        .map(|i| json!({"id": format!("e{i}"), "name": format!("E{i}"), "kind": if i % 2 == 0 { "person" } else { "organization" }}))
        .collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (i, &(a, b, t, s, directed, disputed, (dk, y1, y2))) in rels.iter().enumerate() {
        let (a, b) = (a % n, b % n);
        if a == b || !seen.insert((a.min(b), a.max(b), t)) {
            continue;
        }
        let status = ["confirmed", "reported", "alleged", "denied"][s % 4];
        let rel_type = ["knows", "paid", "owns"][t % 3];
        let mut r = json!({
            "id": format!("r{i}"), "from": format!("e{a}"), "to": format!("e{b}"),
            "type": rel_type, "status": status, "directed": directed,
            "evidence": [{"source": "s"}],
        });
        let (lo, hi) = (2000 + y1.min(y2) % 12, 2000 + y1.max(y2) % 12);
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        match dk % 4 {
            1 => r["date"] = json!(lo.to_string()),
            2 => {
                r["start"] = json!(lo.to_string());
                r["end"] = json!(hi.to_string());
            }
            3 => r["start"] = json!(lo.to_string()),
            _ => {}
        }
        if disputed && status != "confirmed" {
            r["disputed_by"] = json!([{"entity": format!("e{b}"), "source": "s"}]);
        }
        out.push(r);
    }
    let doc =
        json!({"sources": [{"id": "s", "title": "S"}], "entities": entities, "relationships": out});
    let loaded = casegraph::load_str("prop.json", &doc.to_string());
    loaded
        .model
        .unwrap_or_else(|| panic!("generated data is invalid: {:?}", loaded.diagnostics))
}

/// Every hop `a` → `b` allowed in the view: (relationship, a, b).
fn arcs(model: &Model, view: &View, directed: bool) -> Vec<(usize, usize, usize)> {
    let mut v = Vec::new();
    for e in model.graph().edge_references() {
        if !view.has_relationship(e.id()) {
            continue;
        }
        let (a, b) = (e.source().index(), e.target().index());
        v.push((e.id().index(), a, b));
        if !directed || !model.relationship(e.id()).directed() {
            v.push((e.id().index(), b, a));
        }
    }
    v
}

/// Every simple path from `s` to `t` with at most `max` hops, as entity
/// sequences with, per hop, the relationships that make it.
fn all_simple(
    arcs: &[(usize, usize, usize)],
    n: usize,
    s: usize,
    t: usize,
    max: usize,
    avoid: &[usize],
) -> Vec<Vec<(usize, Vec<usize>)>> {
    fn go(
        arcs: &[(usize, usize, usize)],
        at: usize,
        t: usize,
        max: usize,
        avoid: &[usize],
        path: &mut Vec<(usize, Vec<usize>)>,
        out: &mut Vec<Vec<(usize, Vec<usize>)>>,
    ) {
        if at == t {
            out.push(path.clone());
            return;
        }
        if path.len() > max {
            return;
        }
        let mut nexts: BTreeSet<usize> = BTreeSet::new();
        for &(_, a, b) in arcs {
            if a == at && !avoid.contains(&b) && !path.iter().any(|(x, _)| *x == b) {
                nexts.insert(b);
            }
        }
        for b in nexts {
            let rels = arcs
                .iter()
                .filter(|(_, a, x)| *a == at && *x == b)
                .map(|r| r.0)
                .collect();
            path.push((b, rels));
            go(arcs, b, t, max, avoid, path, out);
            path.pop();
        }
    }
    let _ = n;
    let mut out = Vec::new();
    let mut path = vec![(s, Vec::new())];
    go(arcs, s, t, max + 1, avoid, &mut path, &mut out);
    out.retain(|p| p.len() - 1 <= max);
    out
}

/// How a brute-force path ranks among the shortest ones: the `--credible`
/// weights of each hop's strongest relationship (lowest weight, then id)
/// summed, its weakest status, then its entity ids.
fn grade(model: &Model, p: &[(usize, Vec<usize>)]) -> (u64, Status, Vec<String>) {
    let mut cost = 0;
    let mut weakest = Status::Confirmed;
    for (_, rels) in &p[1..] {
        let r = rels
            .iter()
            .map(|r| model.relationship(casegraph::model::RelIx::new(*r)))
            .min_by(|a, b| (credibility(a), a.id()).cmp(&(credibility(b), b.id())))
            .expect("a hop has a relationship");
        cost += credibility(&r);
        weakest = weakest.max(r.status());
    }
    let ids = p
        .iter()
        .map(|(n, _)| model.entity(EntityIx::new(*n)).id().to_owned())
        .collect();
    (cost, weakest, ids)
}

fn nodes(p: &[(usize, Vec<usize>)]) -> Vec<usize> {
    p.iter().map(|x| x.0).collect()
}

#[derive(Debug, Clone)]
struct Case {
    n: usize,
    rels: Vec<RelSpec>,
    s: usize,
    t: usize,
    directed: bool,
    max_hops: usize,
    min_status: Option<usize>,
    types: Option<Vec<usize>>,
    avoid: Option<usize>,
}

fn cases() -> impl Strategy<Value = Case> {
    (2usize..8).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec(
                (
                    0..n,
                    0..n,
                    0usize..3,
                    0usize..4,
                    any::<bool>(),
                    any::<bool>(),
                    (0u8..4, 0u16..12, 0u16..12),
                ),
                0..16,
            ),
            0..n,
            0..n,
            any::<bool>(),
            1usize..6,
            prop::option::weighted(0.3, 0usize..4),
            prop::option::weighted(0.2, prop::collection::vec(0usize..3, 1..3)),
            prop::option::weighted(0.2, 0..n),
        )
            .prop_map(
                |(n, rels, s, t, directed, max_hops, min_status, types, avoid)| Case {
                    n,
                    rels,
                    s,
                    t,
                    directed,
                    max_hops,
                    min_status,
                    types,
                    avoid,
                },
            )
    })
}

struct Setup {
    model: Model,
    filter: Filter,
    view: View,
    arcs: Vec<(usize, usize, usize)>,
    avoid: Vec<usize>,
}

fn setup(c: &Case) -> Setup {
    let model = model_of(c.n, &c.rels);
    let filter = Filter {
        statuses: c.min_status.map(|m| Filter::min_status(Status::ALL[m])),
        types: c.types.as_ref().map(|t| {
            t.iter()
                .map(|i| ["knows", "paid", "owns"][*i].to_owned())
                .collect()
        }),
        ..Filter::default()
    };
    let view = filter.view(&model);
    let arcs = arcs(&model, &view, c.directed);
    let avoid: Vec<usize> = c
        .avoid
        .into_iter()
        .filter(|a| *a != c.s && *a != c.t)
        .collect();
    Setup {
        model,
        filter,
        view,
        arcs,
        avoid,
    }
}

fn query(c: &Case, st: &Setup) -> PathQuery {
    let mut q = PathQuery::new(EntityIx::new(c.s), EntityIx::new(c.t));
    q.directed = c.directed;
    q.max_hops = c.max_hops;
    q.avoid = st.avoid.iter().map(|a| EntityIx::new(*a)).collect();
    q.limit = 10_000;
    q
}

/// Checks the invariants every returned path must hold.
fn check_path(c: &Case, st: &Setup, p: &casegraph::query::Path) -> Result<(), TestCaseError> {
    let ents: Vec<usize> = p.entities.iter().map(|e| e.index()).collect();
    prop_assert_eq!(ents.first(), Some(&c.s));
    prop_assert_eq!(ents.last(), Some(&c.t));
    let distinct: HashSet<_> = ents.iter().collect();
    prop_assert_eq!(distinct.len(), ents.len(), "not simple: {:?}", ents);
    prop_assert_eq!(p.hops.len() + 1, ents.len());
    prop_assert!(p.hops.len() <= c.max_hops);
    for a in &st.avoid {
        prop_assert!(!ents.contains(a));
    }
    let mut weakest = Status::Confirmed;
    for (i, h) in p.hops.iter().enumerate() {
        prop_assert_eq!((h.from.index(), h.to.index()), (ents[i], ents[i + 1]));
        prop_assert!(
            st.arcs.contains(&(h.rel.index(), ents[i], ents[i + 1])),
            "hop not allowed: {:?}",
            h
        );
        let r = st.model.relationship(h.rel);
        // The filters, checked independently of the view.
        if let Some(s) = &st.filter.statuses {
            prop_assert!(s.contains(&r.status()));
        }
        if let Some(t) = &st.filter.types {
            prop_assert!(t.iter().any(|x| x == r.rel_type()));
        }
        weakest = weakest.max(r.status());
    }
    prop_assert_eq!(weakest, p.weakest);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn shortest_all_and_k_paths_match_brute_force(c in cases()) {
        let st = setup(&c);
        let q = query(&c, &st);
        let every = all_simple(&st.arcs, c.n, c.s, c.t, c.max_hops, &st.avoid);
        let shortest = every.iter().map(|p| p.len() - 1).min();
        let got = paths(&st.model, &st.view, &q);
        if c.s == c.t {
            prop_assert!(got.is_err());
            return Ok(());
        }
        // The shortest paths, best-evidenced first.
        let mut ranked: Vec<_> = every
            .iter()
            .filter(|p| Some(p.len() - 1) == shortest)
            .map(|p| (grade(&st.model, p), nodes(p)))
            .collect();
        ranked.sort();
        match (shortest, &got) {
            (None, Err(_)) => {}
            (Some(d), Ok(found)) => {
                prop_assert_eq!(found.paths.len(), 1);
                prop_assert_eq!(found.paths[0].len(), d);
                check_path(&c, &st, &found.paths[0])?;
                // The best-evidenced of the shortest paths, ties by ids.
                let got: Vec<usize> = found.paths[0].entities.iter().map(|e| e.index()).collect();
                prop_assert_eq!(&got, &ranked[0].1, "ranked: {:?}", ranked);
            }
            _ => prop_assert!(false, "brute force {:?}, got {:?}", shortest, got),
        }
        let Some(d) = shortest else { return Ok(()) };

        // --all: exactly the set of shortest entity sequences.
        let mut qa = q.clone();
        qa.mode = PathMode::All;
        let all = paths(&st.model, &st.view, &qa).expect("a path exists");
        let want: BTreeSet<Vec<usize>> = every.iter().filter(|p| p.len() - 1 == d).map(|p| nodes(p)).collect();
        let have: BTreeSet<Vec<usize>> = all.paths.iter().map(|p| p.entities.iter().map(|e| e.index()).collect()).collect();
        prop_assert_eq!(have.len(), all.paths.len(), "duplicates in --all");
        prop_assert_eq!(&have, &want);
        prop_assert_eq!(all.total, want.len() as u128);
        for p in &all.paths {
            check_path(&c, &st, p)?;
        }
        // ... in the order of their grade, and `limit` keeps the first ones.
        let order: Vec<Vec<usize>> = all.paths.iter().map(|p| p.entities.iter().map(|e| e.index()).collect()).collect();
        let want_order: Vec<Vec<usize>> = ranked.iter().map(|r| r.1.clone()).collect();
        prop_assert_eq!(&order, &want_order);
        let mut ql = qa.clone();
        ql.limit = 2;
        let first = paths(&st.model, &st.view, &ql).expect("a path exists");
        let first: Vec<Vec<usize>> = first.paths.iter().map(|p| p.entities.iter().map(|e| e.index()).collect()).collect();
        prop_assert_eq!(&first[..], &want_order[..want_order.len().min(2)]);

        // --k: non-decreasing lengths, no duplicates, the k smallest lengths.
        for k in [1usize, 3, 7] {
            let mut qk = q.clone();
            qk.mode = PathMode::K(k);
            let found = paths(&st.model, &st.view, &qk).expect("a path exists");
            let lens: Vec<usize> = found.paths.iter().map(casegraph::query::Path::len).collect();
            prop_assert!(lens.windows(2).all(|w| w[0] <= w[1]), "{:?}", lens);
            let seqs: HashSet<Vec<EntityIx>> = found.paths.iter().map(|p| p.entities.clone()).collect();
            prop_assert_eq!(seqs.len(), found.paths.len());
            let mut all_lens: Vec<usize> = every.iter().map(|p| p.len() - 1).collect();
            all_lens.sort_unstable();
            all_lens.truncate(k);
            prop_assert_eq!(&lens, &all_lens);
            // Paths of the same length, best-evidenced first: the k smallest
            // (hops, cost, weakest) of brute force, and the first the best.
            let key = |g: (u64, Status, Vec<String>), hops: usize| (hops, g.0, g.1);
            let have: Vec<_> = found.paths.iter().map(|p| {
                let brute: Vec<(usize, Vec<usize>)> = p.entities.iter().enumerate().map(|(i, e)| {
                    let rels = if i == 0 { Vec::new() } else {
                        st.arcs.iter().filter(|a| a.1 == p.entities[i - 1].index() && a.2 == e.index()).map(|a| a.0).collect()
                    };
                    (e.index(), rels)
                }).collect();
                key(grade(&st.model, &brute), p.len())
            }).collect();
            let mut want: Vec<_> = every.iter().map(|p| key(grade(&st.model, p), p.len() - 1)).collect();
            want.sort();
            want.truncate(k);
            prop_assert_eq!(&have, &want);
            let first: Vec<usize> = found.paths[0].entities.iter().map(|e| e.index()).collect();
            prop_assert_eq!(&first, &ranked[0].1);
            for p in &found.paths {
                check_path(&c, &st, p)?;
            }
        }
    }

    #[test]
    fn credible_paths_are_the_cheapest(c in cases()) {
        let st = setup(&c);
        let mut q = query(&c, &st);
        q.credible = true;
        prop_assume!(c.s != c.t);
        let every = all_simple(&st.arcs, c.n, c.s, c.t, c.max_hops, &st.avoid);
        let weight = |rels: &[usize]| {
            rels.iter()
                .map(|r| credibility(&st.model.relationship(casegraph::model::RelIx::new(*r))))
                .min()
                .unwrap_or(0)
        };
        let best = every.iter().map(|p| p[1..].iter().map(|(_, r)| weight(r)).sum::<u64>()).min();
        match (best, paths(&st.model, &st.view, &q)) {
            (None, Err(_)) => {}
            (Some(b), Ok(found)) => {
                check_path(&c, &st, &found.paths[0])?;
                prop_assert_eq!(found.paths[0].cost, b * 1000);
            }
            (b, got) => prop_assert!(false, "brute force {:?}, got {:?}", b, got),
        }
        // Hub avoidance: the cost is hops plus log2-degree penalties, and minimal.
        let mut qh = query(&c, &st);
        qh.avoid_hubs = true;
        let degree = |n: usize| st.model.graph().edges_directed(EntityIx::new(n), petgraph::Outgoing)
            .chain(st.model.graph().edges_directed(EntityIx::new(n), petgraph::Incoming))
            .filter(|e| st.view.has_relationship(e.id())).count();
        let best = every.iter().map(|p| {
            let inner: u64 = p[1..p.len() - 1].iter().map(|(n, _)| hub_penalty(degree(*n))).sum();
            (p.len() as u64 - 1) * 1000 + inner
        }).min();
        match (best, paths(&st.model, &st.view, &qh)) {
            (None, Err(_)) => {}
            (Some(b), Ok(found)) => prop_assert_eq!(found.paths[0].cost, b),
            (b, got) => prop_assert!(false, "brute force {:?}, got {:?}", b, got),
        }
    }

    #[test]
    fn chronological_paths_respect_time(c in cases()) {
        let st = setup(&c);
        prop_assume!(c.s != c.t);
        let mut q = query(&c, &st);
        q.chronological = true;
        let period = |r: usize| chrono_period(st.model.relationship(casegraph::model::RelIx::new(r)).when());
        // Brute force over every simple path and every choice of relationship per hop.
        fn respects(periods: &[Option<(i32, i32)>]) -> bool {
            let mut latest = i32::MIN;
            for p in periods.iter().flatten() {
                if p.1 < latest {
                    return false;
                }
                latest = latest.max(p.0);
            }
            true
        }
        let every = all_simple(&st.arcs, c.n, c.s, c.t, c.max_hops, &st.avoid);
        let mut best: Option<usize> = None;
        for p in &every {
            let choices: Vec<&Vec<usize>> = p[1..].iter().map(|(_, r)| r).collect();
            let mut idx = vec![0usize; choices.len()];
            loop {
                let ps: Vec<_> = choices.iter().zip(&idx).map(|(c, i)| period(c[*i])).collect();
                if respects(&ps) {
                    best = Some(best.map_or(choices.len(), |b| b.min(choices.len())));
                    break;
                }
                let mut j = 0;
                while j < idx.len() {
                    idx[j] += 1;
                    if idx[j] < choices[j].len() { break; }
                    idx[j] = 0;
                    j += 1;
                }
                if j == idx.len() { break; }
            }
        }
        match (best, paths(&st.model, &st.view, &q)) {
            (None, Err(_)) => {}
            (Some(b), Ok(found)) => {
                let p = &found.paths[0];
                check_path(&c, &st, p)?;
                prop_assert_eq!(p.len(), b);
                let ps: Vec<_> = p.hops.iter().map(|h| period(h.rel.index())).collect();
                prop_assert!(respects(&ps), "not time-respecting: {:?}", ps);
            }
            (b, got) => prop_assert!(false, "brute force {:?}, got {:?}", b, got),
        }
    }

    #[test]
    fn neighbors_are_at_their_bfs_distance(c in cases(), depth in 0usize..4) {
        let st = setup(&c);
        let dir = if c.directed { casegraph::query::Direction::Out } else { casegraph::query::Direction::Both };
        let found = neighbors(&st.model, &st.view, EntityIx::new(c.s), depth, dir);
        // Brute-force BFS distances.
        let mut dist = vec![usize::MAX; c.n];
        dist[c.s] = 0;
        for d in 0..depth {
            for &(_, a, b) in &st.arcs {
                if dist[a] == d && dist[b] == usize::MAX {
                    dist[b] = d + 1;
                }
            }
        }
        let want: BTreeSet<(usize, usize)> = (0..c.n).filter(|i| *i != c.s && dist[*i] <= depth).map(|i| (i, dist[i])).collect();
        let have: BTreeSet<(usize, usize)> = found.iter().map(|n| (n.entity.index(), n.distance)).collect();
        prop_assert_eq!(have, want);
        for n in &found {
            prop_assert!(st.arcs.contains(&(n.hop.rel.index(), n.hop.from.index(), n.entity.index())));
        }
    }

    /// `timeline --between`: exactly the dated relationships whose date
    /// falls in the window or whose period overlaps it, in date order, and
    /// every undated relationship of the view apart.
    #[test]
    fn timeline_shows_what_happened_in_the_window(c in cases(), y1 in 0u16..14, y2 in 0u16..14) {
        let model = model_of(c.n, &c.rels);
        let year = |y: u16| casegraph::model::PartialDate::parse(&(1999 + y).to_string()).expect("year");
        let (lo, hi) = (year(y1.min(y2)), year(y1.max(y2)));
        let filter = Filter { between: Some((lo, hi)), ..Filter::default() };
        let view = filter.view(&model);
        let t = casegraph::query::timeline(&model, &view, None, Some((lo, hi)));
        let (wa, wb) = (lo.first_day(), hi.last_day());
        let mut want_dated = BTreeSet::new();
        let mut want_undated = BTreeSet::new();
        for r in model.relationships() {
            if !view.has_relationship(r.ix()) {
                continue;
            }
            match chrono_period(r.when()) {
                Some((a, b)) if a <= wb && b >= wa => { want_dated.insert(r.ix().index()); }
                Some(_) => {}
                None => { want_undated.insert(r.ix().index()); }
            }
        }
        let mut have_dated = BTreeSet::new();
        for e in &t.entries {
            if let casegraph::query::Event::Relationship(r) = e.event {
                prop_assert!(have_dated.insert(r.index()), "listed twice");
            }
        }
        let have_undated: BTreeSet<usize> = t.undated.iter().map(|r| r.index()).collect();
        prop_assert_eq!(have_undated.len(), t.undated.len());
        prop_assert_eq!(have_dated, want_dated);
        prop_assert_eq!(have_undated, want_undated);
        prop_assert!(t.entries.windows(2).all(|w| w[0].date.first_day() <= w[1].date.first_day()));
    }
}
