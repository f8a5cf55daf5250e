//! The no-path explanation: which filter or option cut the connection,
//! found by asking again without it.

use super::paths;
use super::types::{Path, PathMode, PathQuery};
use crate::model::Model;
use crate::query::filter::{Filter, View};

/// Why [`paths`] found nothing, as notes for the user: which filter or
/// option cut the connection, found by asking again without it.
///
/// # Complexity
///
/// At most one fewest-hops search (see [`paths`]) per filter flag in
/// force, per option in force, and two more; plus one view per filter
/// flag, O(V + E) each.
///
/// # Example
///
/// ```
/// use casegraph::query::{Filter, explain_no_path};
/// use casegraph::query::path::PathQuery;
/// let json = r#"{"sources": [{"id": "s", "title": "S"}],
/// "entities": [{"id": "a", "name": "A", "kind": "person"},
///              {"id": "b", "name": "B", "kind": "person"},
///              {"id": "c", "name": "C", "kind": "person"}],
/// "relationships": [{"from": "a", "to": "b", "type": "knows",
///                    "evidence": [{"source": "s"}]}]}"#;
/// let model = casegraph::load_str("t.json", json).model.expect("valid");
/// let q = PathQuery::new(model.entity_by_id("a").unwrap(), model.entity_by_id("c").unwrap());
/// assert_eq!(
///     explain_no_path(&model, &Filter::default(), &q),
///     ["the two entities are not connected at all"]
/// );
/// ```
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
    ///
    /// # Complexity
    ///
    /// O(1): the views are made by the first [`NoPathExplainer::explain`]
    /// that needs them.
    ///
    /// # Example
    ///
    /// See [`explain_no_path`], which makes one for a single question.
    pub fn new(model: &'a Model, filter: &'a Filter) -> Self {
        NoPathExplainer {
            model,
            filter,
            all: Default::default(),
            relaxed: Default::default(),
        }
    }

    /// The notes of [`explain_no_path`] for `q`.
    ///
    /// # Complexity
    ///
    /// As [`explain_no_path`], without rebuilding the views an earlier
    /// question built.
    ///
    /// # Example
    ///
    /// See [`explain_no_path`].
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
