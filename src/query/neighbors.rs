//! Who is near an entity: everything within N hops, grouped by distance,
//! each with the relationship that reaches it.

use super::filter::View;
use super::path::Hop;
use crate::model::{EntityIx, Model, RelIx};
use foldhash::fast::FixedState;
use std::collections::HashMap;

/// Which relationships to follow from the centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Relationships pointing into each entity (who acts on it).
    In,
    /// Relationships pointing out of each entity (what it acts on).
    Out,
    /// Both. Symmetric ties are followed whatever the direction.
    Both,
}

/// An entity near the centre.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Neighbor {
    /// The entity.
    pub entity: EntityIx,
    /// Hops from the centre.
    pub distance: usize,
    /// The hop that reaches it from an entity one hop closer.
    pub hop: Hop,
}

/// The entities within `depth` hops of `center` in `view`, ordered by
/// distance, then name, then id.
///
/// Each entity is reached from the closer entity with the smallest id, by
/// the strongest relationship between them (lowest credibility weight, then
/// id); the others are listed in [`Hop::others`].
///
/// Complexity: breadth-first, O(V' + E') for the V' entities and E'
/// relationships within `depth` hops, plus sorting each layer.
pub fn neighbors(
    model: &Model,
    view: &View,
    center: EntityIx,
    depth: usize,
    direction: Direction,
) -> Vec<Neighbor> {
    if center.index() >= model.entity_count() || !view.has_entity(center) {
        return Vec::new();
    }
    // The relationships leaving `n` in the chosen direction: (rel, other end).
    let steps = |n: EntityIx| {
        view.incident(model, n).filter_map(move |(r, other)| {
            let out = r.from() == n;
            let ok = other != n
                && (!r.directed()
                    || match direction {
                        Direction::Both => true,
                        Direction::Out => out,
                        Direction::In => !out,
                    });
            ok.then_some((r.ix(), other))
        })
    };
    let id = |n: EntityIx| model.entity(n).id();
    let mut dist: HashMap<EntityIx, usize, FixedState> = HashMap::default();
    dist.insert(center, 0);
    let mut out = Vec::new();
    let mut layer = vec![center];
    for d in 1..=depth {
        // Parent candidates are visited in id order, so the first to reach
        // an entity is the one with the smallest id.
        layer.sort_by(|a, b| id(*a).cmp(id(*b)));
        let mut next: Vec<(EntityIx, EntityIx, Vec<RelIx>)> = Vec::new();
        let mut slot: HashMap<EntityIx, usize, FixedState> = HashMap::default();
        for &v in &layer {
            for (rel, x) in steps(v) {
                match dist.get(&x) {
                    Some(&dx) if dx < d => continue,
                    _ => {}
                }
                match slot.get(&x) {
                    Some(&i) if next[i].1 == v => next[i].2.push(rel),
                    Some(_) => {}
                    None => {
                        dist.insert(x, d);
                        slot.insert(x, next.len());
                        next.push((x, v, vec![rel]));
                    }
                }
            }
        }
        if next.is_empty() {
            break;
        }
        let mut found: Vec<Neighbor> = next
            .into_iter()
            .filter_map(|(x, v, rels)| {
                Some(Neighbor {
                    entity: x,
                    distance: d,
                    hop: Hop::strongest(model, v, x, rels, None)?,
                })
            })
            .collect();
        found.sort_by(|a, b| {
            let (ea, eb) = (model.entity(a.entity), model.entity(b.entity));
            (ea.name(), ea.id()).cmp(&(eb.name(), eb.id()))
        });
        layer = found.iter().map(|n| n.entity).collect();
        out.extend(found);
    }
    out
}
