//! Default relationship ids, spelled out only when something asks for one.
//!
//! A relationship without an `id` is named `{from}.{type}.{to}`, then
//! `.2`, `.3`, … in file order when that is taken (by a given id, or by an
//! earlier default id: slugs may hold dots, so `a.b` `t` `c` and `a` `b`
//! `t.c` spell the same). Most relationships of hand-curated data have no
//! id, and loading never needs their text: only a diagnostic naming one, an
//! export or a query does. Spelling them out while loading cost a `String`
//! and two hash-table entries per relationship (about a third of `check` on
//! data where three in four relationships have no id, issue #14), so the
//! model builds them on first use, all at once, in one buffer.

use super::strings::IdIndex;
use super::{Model, RelIx, Sym};
use std::fmt::Write;

/// Every default id of a model, in one buffer.
#[derive(Clone, Debug, Default)]
pub(crate) struct DefaultIds {
    /// The ids, one after another.
    text: String,
    /// Per relationship (edge index), where its default id ends in `text`;
    /// it starts where the previous relationship's ends. A relationship
    /// with a given id has an empty one.
    ends: Vec<u32>,
    /// The default ids, for [`Model::relationship_by_id`].
    index: IdIndex,
}

impl DefaultIds {
    /// Spells out the default id of every relationship of `model` without
    /// an id of its own.
    ///
    /// Complexity: O(relationships) lookups. `next` remembers, per ends and
    /// type whose plain spelling is taken, the suffix to try next, so the
    /// k-th relationship with the same ends and type does not probe the
    /// k − 1 ids before it; only an id taken by another spelling costs an
    /// extra probe.
    pub(crate) fn build(model: &Model) -> DefaultIds {
        let graph = &model.graph;
        let mut ids = DefaultIds {
            text: String::new(),
            ends: Vec::with_capacity(graph.edge_count()),
            index: IdIndex::default(),
        };
        let mut next: hashbrown::HashMap<(u32, Sym, u32), u32, foldhash::fast::FixedState> =
            hashbrown::HashMap::default();
        // Sized once for every relationship without an id: a table that
        // doubles as it fills hashes everything in it again each time, and
        // reads each id's text back to do so (on 3 M relationships, a cache
        // miss or two per id per doubling).
        let without_id = graph.edge_weights().filter(|r| r.id.is_none()).count();
        ids.index.reserve(without_id, |_| "");
        let mut id = String::new();
        for (i, rel) in graph.edge_weights().enumerate() {
            if rel.id.is_some() {
                ids.ends.push(ids.text.len() as u32);
                continue;
            }
            let ix = RelIx::new(i);
            let (from, to) = graph.edge_endpoints(ix).expect("edge exists");
            id.clear();
            let _ = write!(
                id,
                "{}.{}.{}",
                model.text.get(graph[from].id),
                model.syms.get(rel.rel_type),
                model.text.get(graph[to].id)
            );
            let free = |id: &str, ids: &DefaultIds| {
                model.given_relationship_by_id(id).is_none() && ids.find(id).is_none()
            };
            // Most ends and types occur once, and their plain spelling is
            // free: `next` is not looked at for them (a cache miss each on
            // millions of relationships). Once the plain spelling is taken
            // it stays taken, so `next` only needs to know the keys for
            // which it was.
            if !free(&id, &ids) {
                let key = (from.index() as u32, rel.rel_type, to.index() as u32);
                let plain = id.len();
                let mut n = next.get(&key).copied().unwrap_or(2);
                loop {
                    id.truncate(plain);
                    let _ = write!(id, ".{n}");
                    if free(&id, &ids) {
                        break;
                    }
                    n += 1;
                }
                next.insert(key, n + 1);
            }
            ids.text.push_str(&id);
            ids.ends.push(ids.text.len() as u32);
            let (text, ends) = (&ids.text, &ids.ends);
            ids.index
                .insert(&id, i as u32, |j| Self::slice(text, ends, j as usize));
        }
        ids.text.shrink_to_fit();
        ids
    }

    fn slice<'a>(text: &'a str, ends: &[u32], i: usize) -> &'a str {
        let start = if i == 0 { 0 } else { ends[i - 1] as usize };
        &text[start..ends[i] as usize]
    }

    /// The default id of relationship `ix` (empty if it has an id of its own).
    pub(crate) fn get(&self, ix: RelIx) -> &str {
        Self::slice(&self.text, &self.ends, ix.index())
    }

    /// The relationship whose default id is `id`.
    pub(crate) fn find(&self, id: &str) -> Option<RelIx> {
        self.index
            .find(id, |i| Self::slice(&self.text, &self.ends, i as usize))
            .map(|i| RelIx::new(i as usize))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Model;
    use proptest::prelude::*;
    use std::collections::{HashMap, HashSet};

    /// A dataset of these entities and relationships (`(from, type, to,
    /// given id)`), every relationship citing one source.
    fn dataset(entities: &[&str], rels: &[(&str, &str, &str, Option<&str>)]) -> String {
        let entities: Vec<_> = entities
            .iter()
            .map(|id| serde_json::json!({"id": id, "name": id, "kind": "person"}))
            .collect();
        let rels: Vec<_> = rels
            .iter()
            .map(|(from, kind, to, id)| {
                let mut r = serde_json::json!({"from": from, "to": to, "type": kind,
                    "evidence": [{"source": "s"}]});
                if let Some(id) = id {
                    r["id"] = (*id).into();
                }
                r
            })
            .collect();
        serde_json::json!({"sources": [{"id": "s", "title": "S"}],
            "entities": entities, "relationships": rels})
        .to_string()
    }

    fn model(text: &str) -> Model {
        let loaded = crate::load_str("ids.json", text);
        loaded.model.expect("valid")
    }

    fn ids(model: &Model) -> Vec<&str> {
        model
            .graph
            .edge_indices()
            .map(|ix| model.rel_id(ix))
            .collect()
    }

    #[test]
    fn two_spellings_of_one_default_id_get_a_suffix() {
        // `a.b` `t` `c` and `a` `b` `t.c` both spell `a.b.t.c`.
        let m = model(&dataset(
            &["a.b", "c", "a", "t.c"],
            &[("a.b", "t", "c", None), ("a", "b", "t.c", None)],
        ));
        assert_eq!(ids(&m), ["a.b.t.c", "a.b.t.c.2"]);
        assert_eq!(
            m.relationship_by_id("a.b.t.c.2").map(super::RelIx::index),
            Some(1)
        );
    }

    #[test]
    fn a_given_id_takes_precedence_over_a_default_one() {
        // The second relationship is given, as its id, the first one's default id.
        let m = model(&dataset(
            &["x", "y", "z"],
            &[
                ("x", "knows", "y", None),
                ("z", "knows", "y", Some("x.knows.y")),
            ],
        ));
        assert_eq!(ids(&m), ["x.knows.y.2", "x.knows.y"]);
        assert_eq!(
            m.relationship_by_id("x.knows.y").map(super::RelIx::index),
            Some(1)
        );
        assert_eq!(
            m.relationship_by_id("x.knows.y.2").map(super::RelIx::index),
            Some(0)
        );
        assert_eq!(m.relationship_by_id("x.knows.y.3"), None);
    }

    /// The rule as FORMAT.md words it, spelled out eagerly in file order:
    /// what the lazy table must agree with.
    fn by_the_rule(rels: &[(&str, &str, &str, Option<&str>)]) -> Vec<String> {
        let mut taken: HashSet<String> =
            rels.iter().filter_map(|r| r.3.map(str::to_owned)).collect();
        let mut next: HashMap<String, u32> = HashMap::new();
        rels.iter()
            .map(|(from, kind, to, id)| {
                if let Some(id) = id {
                    return (*id).to_owned();
                }
                let base = format!("{from}.{kind}.{to}");
                let mut n = next.get(&base).copied().unwrap_or(1);
                let spell = |n: u32| {
                    if n == 1 {
                        base.clone()
                    } else {
                        format!("{base}.{n}")
                    }
                };
                while taken.contains(&spell(n)) {
                    n += 1;
                }
                next.insert(base.clone(), n + 1);
                taken.insert(spell(n));
                spell(n)
            })
            .collect()
    }

    proptest! {
        /// On small graphs whose ids hold dots (so spellings collide) and
        /// some given ids shaped like default ones, every relationship gets
        /// the id the rule gives it, and is found by it.
        #[test]
        fn default_ids_follow_the_rule(
            picks in prop::collection::vec((0usize..5, 0usize..2, 0usize..5, 0usize..8), 1..24)
        ) {
            let entities = ["a", "a.b", "b", "b.t", "t.b"];
            let kinds = ["t", "b"];
            let given = ["a.t.b", "a.t.b.2", "a.b.t.b", "b.t.b"];
            let rels: Vec<_> = picks
                .iter()
                .filter(|(f, _, t, _)| f != t)
                .map(|&(f, k, t, g)| (entities[f], kinds[k], entities[t], given.get(g).copied()))
                .collect();
            // Given ids must be unique: keep the first of each.
            let mut seen = HashSet::new();
            let rels: Vec<_> = rels
                .into_iter()
                .map(|(f, k, t, g)| (f, k, t, g.filter(|g| seen.insert(*g))))
                .collect();
            prop_assume!(!rels.is_empty());
            let m = model(&dataset(&entities, &rels));
            let expected = by_the_rule(&rels);
            prop_assert_eq!(ids(&m), expected.iter().map(String::as_str).collect::<Vec<_>>());
            for (i, id) in expected.iter().enumerate() {
                prop_assert_eq!(m.relationship_by_id(id).map(super::RelIx::index), Some(i));
            }
        }
    }
}
