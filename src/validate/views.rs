//! Views (FORMAT.md, "Views — the diagrams a dataset publishes"): each
//! checked as it streams in, its entity ids resolved like any other
//! reference; its relationship ids are resolved in [`Builder::finish`],
//! once the default ids (`{from}.{type}.{to}`) exist.

use super::{Builder, Spot, What};
use crate::diag::{Diagnostic, Rule, Span, closest};
use crate::format::fields::{FilterKey, HighlightKey, Key, NoteKey, PathOptionKey, ViewKey};
use crate::model::{
    Annotated, EntityIx, Note, PathOptions, Rankdir, RelIx, Selects, Status, ViewFilter, ViewSpec,
};
use crate::read::{Member, Node, Val};
use std::collections::HashMap;

/// What the validator keeps about views until [`Builder::finish`].
#[derive(Default)]
pub(super) struct ViewState {
    /// Where each view id is defined, to report a second one.
    ids: HashMap<String, Spot>,
    /// Where each view's id is, by view index: the build-collision check.
    id_spans: Vec<Spot>,
    /// Relationship ids named by views, resolved at the end.
    rels: Vec<PendingRel>,
}

/// A relationship id named by a view, not resolved yet.
struct PendingRel {
    view: usize,
    slot: RelSlot,
    id: String,
    span: Span,
    what: String,
}

/// Where in its view a [`PendingRel`] goes.
#[derive(Clone, Copy)]
enum RelSlot {
    Highlight(usize),
    Note(usize),
}

/// Stands in for a relationship until it is resolved.
fn unresolved() -> RelIx {
    RelIx::end()
}

impl Builder {
    /// Checks a view and adds it to the model.
    pub(super) fn add_view(&mut self, node: &Node<'_>) {
        let plain = What::Plain("a view");
        let Some(f) = self.fields::<ViewKey>(node, &plain) else {
            return;
        };
        let id = self.id(&f, ViewKey::Id, &plain);
        let id_owned = id.map(|(id, _)| id.to_owned());
        let what = match &id_owned {
            Some(id) => What::View(id),
            None => plain,
        };
        let title = self
            .string(&f, ViewKey::Title, &what)
            .map(|(s, _)| s.to_owned());
        let caption = self
            .string(&f, ViewKey::Caption, &what)
            .map(|(s, _)| s.to_owned());
        let view_ix = self.model.views.len();

        let focus = self
            .string(&f, ViewKey::Focus, &what)
            .map(|(id, span)| self.entity_ref(id, span, &what));
        let depth = self.integer(&f, ViewKey::Depth, &what);
        let path = self.entity_pair(&f, ViewKey::Path, &what);
        if let (Some(_), Some(m)) = (focus, f.get(ViewKey::Path)) {
            self.bad_view(
                &m.value,
                format!("{what} has both `focus` and `path`"),
                "a view draws a neighbourhood or a path, not both: keep one, or make two views",
            );
        }
        if let (None, Some(m)) = (f.get(ViewKey::Focus), f.get(ViewKey::Depth)) {
            self.bad_view(
                &m.value,
                format!("{what} has `depth` without `focus`"),
                "`depth` counts hops from the `focus` entity: add `focus`, or remove `depth`",
            );
        }
        let options = match f.get(ViewKey::PathOptions) {
            None => PathOptions::default(),
            Some(m) => {
                if f.get(ViewKey::Path).is_none() {
                    self.bad_view(
                        &m.value,
                        format!("{what} has `path_options` without `path`"),
                        "`path_options` tune the search of `path`: add `path`, or remove them",
                    );
                }
                self.path_options(m, &what)
            }
        };
        if let (Some((from, to)), Some(m)) = (path, f.get(ViewKey::Path)) {
            self.unanswerable_path(
                &m.value,
                f.get(ViewKey::PathOptions),
                from,
                to,
                &options,
                &what,
            );
        }
        let filter = match f.get(ViewKey::Filter) {
            None => ViewFilter::default(),
            Some(m) => self.view_filter(m, &what),
        };
        let (highlight_entities, highlight_ids) = match f.get(ViewKey::Highlight) {
            None => (Vec::new(), Vec::new()),
            Some(m) => self.highlight(m, &what),
        };
        let (notes, note_ids) = self.notes(&f, &what);
        let footnotes = self.boolean(&f, ViewKey::Footnotes).unwrap_or(false);
        let rankdir = self.rankdir(&f, &what);

        let Some((id, id_span)) = id else { return };
        let Some(title) = title else { return };
        if let Some(first) = self.views.ids.get(id) {
            let first = first.span();
            self.duplicate("view", id, id_span, first);
            return;
        }
        self.views.ids.insert(id.to_owned(), id_span.into());
        self.views.id_spans.push(id_span.into());
        let what_text = what.to_string();
        let mut highlight_relationships = Vec::with_capacity(highlight_ids.len());
        for (i, (rid, span)) in highlight_ids.into_iter().enumerate() {
            highlight_relationships.push(unresolved());
            self.views.rels.push(PendingRel {
                view: view_ix,
                slot: RelSlot::Highlight(i),
                id: rid,
                span,
                what: what_text.clone(),
            });
        }
        for (i, (rid, span)) in note_ids {
            self.views.rels.push(PendingRel {
                view: view_ix,
                slot: RelSlot::Note(i),
                id: rid,
                span,
                what: what_text.clone(),
            });
        }
        let selects = match (focus, path) {
            (Some(entity), _) => Selects::Focus {
                entity,
                depth: depth.unwrap_or(1) as usize,
            },
            (None, Some((from, to))) => Selects::Path { from, to, options },
            (None, None) => Selects::All,
        };
        self.model.views.push(ViewSpec {
            id: id.to_owned(),
            title,
            caption,
            selects,
            filter,
            highlight_entities,
            highlight_relationships,
            notes,
            footnotes,
            rankdir,
        });
    }

    /// Reports a path question the search cannot answer (`bad-view`): the
    /// same entity at both ends, `via` or `avoid` naming an end, `via` with
    /// more than one path (`k`).
    fn unanswerable_path(
        &mut self,
        path: &Node<'_>,
        options_node: Option<&Member<'_>>,
        from: EntityIx,
        to: EntityIx,
        o: &PathOptions,
        what: &What<'_>,
    ) {
        let at = options_node.map_or(path, |m| &m.value);
        let problem = if from == to {
            Some((
                path,
                "starts and ends at the same entity",
                "name two different entities",
            ))
        } else if o.via.is_some_and(|v| v == from || v == to) {
            Some((
                at,
                "has `via` at one of its ends",
                "`via` is an entity between the ends",
            ))
        } else if o.avoid.iter().any(|&a| a == from || a == to) {
            Some((
                at,
                "avoids one of its own ends",
                "remove the end from `avoid`",
            ))
        } else if o.via.is_some() && o.k > 1 {
            Some((
                at,
                "asks for `k` paths through `via`",
                "use `via` or `k`, not both",
            ))
        } else {
            None
        };
        if let Some((node, problem, help)) = problem {
            self.bad_view(node, format!("the path of {what} {problem}"), help);
        }
    }

    /// Reports a view's own error (`bad-view`) at `node`.
    fn bad_view(&mut self, node: &Node<'_>, message: String, help: &str) {
        let span = self.span(node);
        self.report(
            Diagnostic::new(Rule::BadView, Some(span), message)
                .label("not allowed here")
                .help(help),
        );
    }

    /// A boolean member.
    fn boolean<K: Key>(&mut self, f: &super::fields::Fields<'_, '_, K>, key: K) -> Option<bool> {
        let m = f.get(key)?;
        match m.value.val {
            Val::Bool(b) => Some(b),
            _ => {
                self.wrong_type(m, key);
                None
            }
        }
    }

    /// A whole-number member within its table's bounds (`bad-view` outside them).
    fn integer<K: Key>(
        &mut self,
        f: &super::fields::Fields<'_, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<i64> {
        let m = f.get(key)?;
        let crate::format::ValueKind::Integer(lo, hi) = key.field().value else {
            unreachable!("`{}` is not an integer key", key.key())
        };
        let Val::Num(n) = &m.value.val else {
            self.wrong_type(m, key);
            return None;
        };
        let value = match n.as_i64() {
            Some(v) => Some(v),
            None if n.as_f64().is_some_and(|x| x.fract() == 0.0) => None,
            None => {
                self.wrong_type(m, key);
                return None;
            }
        };
        match value {
            Some(v) if (lo..=hi).contains(&v) => Some(v),
            _ => {
                self.bad_view(
                    &m.value,
                    format!(
                        "`{}` of {what} must be between {lo} and {hi}, found {n}",
                        key.key()
                    ),
                    &format!("write a whole number from {lo} to {hi}"),
                );
                None
            }
        }
    }

    /// The strings of an array member, each with its place; a wrong type
    /// (not an array, or an item not a string) is reported.
    fn strings<'n, K: Key>(
        &mut self,
        f: &super::fields::Fields<'n, '_, K>,
        key: K,
    ) -> Option<Vec<(&'n str, Span)>> {
        let m = f.get(key)?;
        let Val::Arr(items) = &m.value.val else {
            self.wrong_type(m, key);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match &item.val {
                Val::Str(s) => out.push((s.as_ref(), self.span(item))),
                _ => {
                    self.wrong_item(m, item, key);
                    return None;
                }
            }
        }
        Some(out)
    }

    /// Reports an array item of the wrong JSON type.
    fn wrong_item<K: Key>(&mut self, m: &Member<'_>, item: &Node<'_>, key: K) {
        let d = Diagnostic::new(
            Rule::WrongType,
            Some(self.span(item)),
            format!(
                "`{}` must be {}, found an item that is {}",
                m.key,
                key.field().value.json_type(),
                item.val.type_name()
            ),
        )
        .label("expected a string");
        self.report(d);
    }

    /// Two values of an array member (`path`, `between`): exactly two.
    fn pair<'n, K: Key>(
        &mut self,
        f: &super::fields::Fields<'n, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<[(&'n str, Span); 2]> {
        let items = self.strings(f, key)?;
        match items[..] {
            [a, b] => Some([a, b]),
            _ => {
                let m = f.get(key).expect("read above");
                self.bad_view(
                    &m.value,
                    format!(
                        "`{}` of {what} must hold two values, found {}",
                        key.key(),
                        items.len()
                    ),
                    "write `[first, second]`",
                );
                None
            }
        }
    }

    /// `path`: two entities.
    fn entity_pair<K: Key>(
        &mut self,
        f: &super::fields::Fields<'_, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Option<(EntityIx, EntityIx)> {
        let [(a, sa), (b, sb)] = self.pair(f, key, what)?;
        Some((self.entity_ref(a, sa, what), self.entity_ref(b, sb, what)))
    }

    /// Entity ids of an array member, resolved.
    fn entity_ids<K: Key>(
        &mut self,
        f: &super::fields::Fields<'_, '_, K>,
        key: K,
        what: &What<'_>,
    ) -> Vec<EntityIx> {
        let ids = self.strings(f, key).unwrap_or_default();
        ids.into_iter()
            .map(|(id, span)| self.entity_ref(id, span, what))
            .collect()
    }

    /// `path_options`.
    fn path_options(&mut self, m: &Member<'_>, view: &What<'_>) -> PathOptions {
        let what = &What::Of("the `path_options` of ", view);
        let mut o = PathOptions::default();
        let Some(f) = self.fields::<PathOptionKey>(&m.value, what) else {
            return o;
        };
        o.credible = self.boolean(&f, PathOptionKey::Credible).unwrap_or(false);
        if let Some(k) = self.integer(&f, PathOptionKey::K, view) {
            o.k = k as usize;
        }
        o.via = self
            .string(&f, PathOptionKey::Via, what)
            .map(|(id, span)| self.entity_ref(id, span, what));
        o.avoid = self.entity_ids(&f, PathOptionKey::Avoid, what);
        o.directed = self.boolean(&f, PathOptionKey::Directed).unwrap_or(false);
        o.max_hops = self
            .integer(&f, PathOptionKey::MaxHops, view)
            .map(|n| n as usize);
        if let Some(c) = self.integer(&f, PathOptionKey::Context, view) {
            o.context = c as usize;
        }
        o
    }

    /// `filter`.
    fn view_filter(&mut self, m: &Member<'_>, view: &What<'_>) -> ViewFilter {
        let what = &What::Of("the `filter` of ", view);
        let mut out = ViewFilter::default();
        let Some(f) = self.fields::<FilterKey>(&m.value, what) else {
            return out;
        };
        let owned = |v: Vec<(&str, Span)>| v.into_iter().map(|(s, _)| s.to_owned()).collect();
        out.types = self.strings(&f, FilterKey::Types).map(owned);
        out.exclude_types = self
            .strings(&f, FilterKey::ExcludeTypes)
            .map(owned)
            .unwrap_or_default();
        out.kinds = self.strings(&f, FilterKey::Kinds).map(owned);
        let statuses = self.strings(&f, FilterKey::Status).map(|v| {
            v.into_iter()
                .filter_map(|(s, span)| self.status_word(s, span))
                .collect::<Vec<_>>()
        });
        let min = self
            .string(&f, FilterKey::MinStatus, what)
            .and_then(|(s, span)| self.status_word(s, span));
        out.statuses = match (statuses, min) {
            (s, None) => s,
            (None, Some(min)) => Some(Status::ALL.into_iter().filter(|s| *s <= min).collect()),
            (Some(s), Some(min)) => Some(s.into_iter().filter(|s| *s <= min).collect()),
        };
        out.no_disputed = self.boolean(&f, FilterKey::NoDisputed).unwrap_or(false);
        out.as_of = self.date(&f, FilterKey::AsOf, what);
        if let Some([(a, sa), (b, sb)]) = self.pair(&f, FilterKey::Between, view) {
            let a = self.date_at(a, sa);
            let b = self.date_at(b, sb);
            if let (Some(a), Some(b)) = (a, b) {
                if b.last_day() < a.first_day() {
                    let m = f.get(FilterKey::Between).expect("read above");
                    self.bad_view(
                        &m.value,
                        format!("`between` of {view} ends ({b}) before it starts ({a})"),
                        "write the earlier date first",
                    );
                } else {
                    out.between = Some((a, b));
                }
            }
        }
        out
    }

    /// `highlight`: entities resolved, relationship ids kept for the end.
    fn highlight(
        &mut self,
        m: &Member<'_>,
        view: &What<'_>,
    ) -> (Vec<EntityIx>, Vec<(String, Span)>) {
        let what = &What::Of("the `highlight` of ", view);
        let Some(f) = self.fields::<HighlightKey>(&m.value, what) else {
            return (Vec::new(), Vec::new());
        };
        let entities = self.entity_ids(&f, HighlightKey::Entities, view);
        let rels = self
            .strings(&f, HighlightKey::Relationships)
            .unwrap_or_default()
            .into_iter()
            .map(|(s, span)| (s.to_owned(), span))
            .collect();
        (entities, rels)
    }

    /// `notes`: each on exactly one of an entity and a relationship; the
    /// relationship ids (by note index) kept for the end.
    #[allow(clippy::type_complexity)]
    fn notes(
        &mut self,
        f: &super::fields::Fields<'_, '_, ViewKey>,
        view: &What<'_>,
    ) -> (Vec<Note>, Vec<(usize, (String, Span))>) {
        let what = &What::Of("a note of ", view);
        let mut notes = Vec::new();
        let mut rels = Vec::new();
        for node in self.array(f, ViewKey::Notes) {
            let Some(nf) = self.fields::<NoteKey>(node, what) else {
                continue;
            };
            let entity = self.string(&nf, NoteKey::Entity, what);
            let rel = self.string(&nf, NoteKey::Relationship, what);
            let text = self
                .string(&nf, NoteKey::Text, what)
                .map(|(s, _)| s.to_owned());
            let about = match (entity, rel) {
                (Some((id, span)), None) => {
                    Some(Annotated::Entity(self.entity_ref(id, span, what)))
                }
                (None, Some((id, span))) => {
                    rels.push((notes.len(), (id.to_owned(), span)));
                    Some(Annotated::Relationship(unresolved()))
                }
                (Some(_), Some(_)) => {
                    self.bad_view(
                        node,
                        format!("{what} names both an entity and a relationship"),
                        "a note is on one item: keep `entity` or `relationship`, or write two notes",
                    );
                    None
                }
                (None, None) => {
                    self.bad_view(
                        node,
                        format!("{what} names neither an entity nor a relationship"),
                        "add `\"entity\": …` or `\"relationship\": …` to say what it is about",
                    );
                    None
                }
            };
            if let (Some(about), Some(text)) = (about, text) {
                notes.push(Note { about, text });
            } else if let Some((i, _)) = rels.last()
                && *i == notes.len()
            {
                rels.pop();
            }
        }
        (notes, rels)
    }

    /// `rankdir`: one of `LR`, `RL`, `TB`, `BT`.
    fn rankdir(&mut self, f: &super::fields::Fields<'_, '_, ViewKey>, what: &What<'_>) -> Rankdir {
        let Some((s, span)) = self.string(f, ViewKey::Rankdir, what) else {
            return Rankdir::default();
        };
        if let Some((r, _)) = Rankdir::ALL.iter().find(|(_, w)| *w == s) {
            return *r;
        }
        let words = Rankdir::ALL.map(|(_, w)| w);
        let suggestion = closest(s, words.iter().copied()).or_else(|| {
            words
                .iter()
                .find(|w| w.eq_ignore_ascii_case(s))
                .map(|w| (*w).to_owned())
        });
        self.report(
            Diagnostic::new(
                Rule::BadView,
                Some(span),
                format!("`rankdir` of {what} must be LR, RL, TB or BT, found `{s}`"),
            )
            .label("not a direction")
            .suggest(suggestion),
        );
        Rankdir::default()
    }

    /// Resolves the relationship ids views name (default ids exist by
    /// now), and reports a view whose files would overwrite another output
    /// of `build`: `<dataset-id>.svg` and `.png` are the whole graph's.
    pub(super) fn finish_views(&mut self) {
        let pending = std::mem::take(&mut self.views.rels);
        // The closest relationship id of each unknown one, through one index
        // of all the ids (src/validate/near.rs), not a scan of them per view.
        let mut suggestions = {
            let mut near = None;
            let model = &self.model;
            pending
                .iter()
                .map(|p| {
                    if self.incomplete || self.model.relationship_by_id(&p.id).is_some() {
                        return None;
                    }
                    let near = near.get_or_insert_with(|| {
                        super::near::Near::new(
                            model.graph.edge_indices().map(|ix| model.rel_id(ix)),
                        )
                    });
                    near.closest(&p.id).map(str::to_owned)
                })
                .collect::<Vec<_>>()
                .into_iter()
        };
        for p in pending {
            let suggestion = suggestions.next().flatten();
            let Some(ix) = self.model.relationship_by_id(&p.id) else {
                if self.incomplete {
                    continue;
                }
                let mut d = Diagnostic::new(
                    Rule::UnknownRelationship,
                    Some(p.span),
                    format!("{} refers to unknown relationship `{}`", p.what, p.id),
                )
                .label("no relationship has this id")
                .suggest(suggestion.clone());
                if suggestion.is_none() {
                    d = d.help(
                        "a relationship without an `id` is named `{from}.{type}.{to}`: \
                         correct the reference",
                    );
                }
                self.report(d);
                continue;
            };
            let view = &mut self.model.views[p.view];
            match p.slot {
                RelSlot::Highlight(i) => view.highlight_relationships[i] = ix,
                RelSlot::Note(i) => view.notes[i].about = Annotated::Relationship(ix),
            }
        }
        let dataset = self.model.meta.id.clone();
        for (i, view) in self.model.views.iter().enumerate() {
            if view.id == dataset {
                let span = self.views.id_spans[i].span();
                self.diags.push(
                    Diagnostic::new(
                        Rule::BadView,
                        Some(span),
                        format!(
                            "view `{dataset}` would write `{dataset}.svg`, the diagram of the whole dataset"
                        ),
                    )
                    .label("the dataset's own id")
                    .help("give the view another id"),
                );
            }
        }
    }
}
