//! The no-path explanation: which filter or option cut the connection,
//! found by asking again without it. The answer is data ([`Why`]); the
//! command line words it.

use super::paths;
use super::types::{MAX_HOPS, Path, PathMode, PathQuery};
use crate::model::Model;
use crate::query::filter::{Filter, FilterField, View};

/// An option of a [`PathQuery`] that can be dropped to find a path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathOption {
    /// [`PathQuery::chronological`].
    Chronological,
    /// [`PathQuery::directed`].
    Directed,
    /// [`PathQuery::avoid`].
    Avoid,
    /// [`PathQuery::via`].
    Via,
}

impl PathOption {
    /// `chronological`, `directed`, `avoid` or `via`: the field's name.
    pub fn as_str(self) -> &'static str {
        match self {
            PathOption::Chronological => "chronological",
            PathOption::Directed => "directed",
            PathOption::Avoid => "avoid",
            PathOption::Via => "via",
        }
    }
}

/// One reason why a path question has no answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    /// Without the filter there is a path of `hops` hops (with no filter at
    /// all); `culprits` are the fields whose removal alone leaves a path
    /// (none: only the filters together cut it).
    FiltersCut {
        /// The fields of the filter that each cut the connection alone.
        culprits: Vec<FilterField>,
        /// Hops of the path without any filter.
        hops: usize,
    },
    /// There is no path without the filter either.
    FiltersNotTheReason,
    /// Dropping `option` (from the whole graph) leaves a path of `hops` hops.
    Without {
        /// The option dropped.
        option: PathOption,
        /// Hops of the path without it.
        hops: usize,
    },
    /// The shortest connection is longer than the hop limit.
    TooFar {
        /// Hops of the shortest connection.
        hops: usize,
    },
    /// Nothing connects the two entities, whatever the options.
    NotConnected,
}

/// Why [`paths`] found nothing: which filter or option cut the
/// connection, found by asking again without it.
///
/// # Complexity
///
/// At most one fewest-hops search (see [`paths`]) per filter field in
/// force, per option in force, and two more; plus building one view per
/// filter field, O(V + E) each.
///
/// # Example
///
/// ```
/// use casegraph::query::{Filter, FilterField, paths, explain_no_path};
/// use casegraph::query::path::{PathQuery, Why};
/// let json = r#"{"sources": [{"id": "s", "title": "S"}],
/// "entities": [{"id": "a", "name": "A", "kind": "person"},
///              {"id": "b", "name": "B", "kind": "person"}],
/// "relationships": [{"from": "a", "to": "b", "type": "paid", "status": "alleged",
///                    "evidence": [{"source": "s"}]}]}"#;
/// let model = casegraph::load_str("t.json", json).model.expect("valid");
/// let q = PathQuery::new(model.entity_by_id("a").unwrap(), model.entity_by_id("b").unwrap());
/// let filter = Filter { no_disputed: true, exclude_types: vec!["paid".into()], ..Filter::default() };
/// assert!(paths(&model, &filter.view(&model), &q).is_err());
/// assert_eq!(
///     explain_no_path(&model, &filter, &q),
///     [Why::FiltersCut { culprits: vec![FilterField::ExcludeTypes], hops: 1 }]
/// );
/// ```
pub fn explain_no_path(model: &Model, filter: &Filter, q: &PathQuery) -> Vec<Why> {
    NoPathExplainer::new(model, filter).explain(q)
}

/// [`explain_no_path`] for many questions under one filter (`path
/// --pairs`): the views it asks again in (the whole graph, the filter
/// without each of its fields) are made once, when first needed, instead
/// of once per question.
pub struct NoPathExplainer<'a> {
    model: &'a Model,
    filter: &'a Filter,
    all: std::cell::OnceCell<View>,
    relaxed: std::cell::OnceCell<Vec<(FilterField, View)>>,
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
    /// See [`NoPathExplainer::explain`].
    pub fn new(model: &'a Model, filter: &'a Filter) -> Self {
        NoPathExplainer {
            model,
            filter,
            all: Default::default(),
            relaxed: Default::default(),
        }
    }

    /// The reasons of [`explain_no_path`] for `q`, in the order they are
    /// worth reading: the filters, the options, the distance.
    ///
    /// # Complexity
    ///
    /// As [`explain_no_path`], without rebuilding the views a previous
    /// question built.
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::Filter;
    /// use casegraph::query::path::{NoPathExplainer, PathQuery, Why};
    /// let json = r#"{"sources": [{"id": "s", "title": "S"}],
    /// "entities": [{"id": "a", "name": "A", "kind": "person"},
    ///              {"id": "b", "name": "B", "kind": "person"},
    ///              {"id": "c", "name": "C", "kind": "person"}],
    /// "relationships": [{"from": "a", "to": "b", "type": "knows",
    ///                    "evidence": [{"source": "s"}]}]}"#;
    /// let model = casegraph::load_str("t.json", json).model.expect("valid");
    /// let id = |s| model.entity_by_id(s).unwrap();
    /// let filter = Filter::default();
    /// let explainer = NoPathExplainer::new(&model, &filter);
    /// assert_eq!(explainer.explain(&PathQuery::new(id("a"), id("c"))), [Why::NotConnected]);
    /// let mut q = PathQuery::new(id("b"), id("a"));
    /// q.directed = true;
    /// assert!(matches!(explainer.explain(&q)[..], [Why::Without { hops: 1, .. }]));
    /// ```
    pub fn explain(&self, q: &PathQuery) -> Vec<Why> {
        let (model, filter) = (self.model, self.filter);
        let mut why = Vec::new();
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
        if !filter.is_empty() {
            if let Some(hops) = hops_of(all, &plain) {
                let relaxed = self.relaxed.get_or_init(|| {
                    relaxations(filter)
                        .into_iter()
                        .map(|(field, f)| (field, f.view(model)))
                        .collect()
                });
                let culprits = relaxed
                    .iter()
                    .filter(|(_, view)| hops_of(view, &plain).is_some())
                    .map(|(field, _)| *field)
                    .collect();
                why.push(Why::FiltersCut { culprits, hops });
                return why;
            }
            why.push(Why::FiltersNotTheReason);
        }
        let mut tries: Vec<(PathOption, PathQuery)> = Vec::new();
        if q.chronological {
            let mut t = plain.clone();
            t.chronological = false;
            tries.push((PathOption::Chronological, t));
        }
        if q.directed {
            let mut t = plain.clone();
            t.directed = false;
            tries.push((PathOption::Directed, t));
        }
        if !q.avoid.is_empty() {
            let mut t = plain.clone();
            t.avoid.clear();
            tries.push((PathOption::Avoid, t));
        }
        if q.via.is_some() {
            let mut t = plain.clone();
            t.via = None;
            tries.push((PathOption::Via, t));
        }
        for (option, t) in tries {
            if let Some(hops) = hops_of(all, &t) {
                why.push(Why::Without { option, hops });
            }
        }
        if why.iter().all(|w| *w == Why::FiltersNotTheReason) {
            let mut t = plain.clone();
            t.max_hops = MAX_HOPS;
            t.directed = false;
            t.chronological = false;
            t.avoid.clear();
            t.via = None;
            match hops_of(all, &t) {
                Some(hops) if hops > q.max_hops => why.push(Why::TooFar { hops }),
                Some(_) => {}
                None => why.push(Why::NotConnected),
            }
        }
        why
    }
}

/// Each filter field in force, with the filter as it would be without it.
fn relaxations(f: &Filter) -> Vec<(FilterField, Filter)> {
    f.in_force()
        .into_iter()
        .map(|field| (field, f.without(field)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each field in force is named and dropped on its own; the rest stay.
    #[test]
    fn relaxations_drop_one_field_at_a_time() {
        let f = Filter {
            exclude_types: vec!["paid".into()],
            no_disputed: true,
            ..Filter::default()
        };
        let r = relaxations(&f);
        let fields: Vec<FilterField> = r.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, [FilterField::ExcludeTypes, FilterField::NoDisputed]);
        assert_eq!(r[0].1.in_force(), [FilterField::NoDisputed]);
        assert_eq!(r[1].1.in_force(), [FilterField::ExcludeTypes]);
        assert!(relaxations(&Filter::default()).is_empty());
    }
}
