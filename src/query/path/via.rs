//! Via: the best path through a given entity, as two legs (`--via`).

use super::cheapest::cheapest;
use super::chronological::{chrono, strongest_in_time};
use super::fewest_hops::fewest_hops;
use super::types::{Path, PathQuery};
use super::walk::{Restrict, Walk};
use crate::model::EntityIx;

pub(super) fn via_path(
    w: &Walk<'_>,
    q: &PathQuery,
    base: &Restrict,
    via: EntityIx,
) -> Option<Path> {
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
