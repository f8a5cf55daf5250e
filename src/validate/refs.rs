//! References to entities and sources: resolved as they are read, with a
//! placeholder for an id not defined yet; at the end, the ones never
//! defined are reported with the closest defined id (src/validate/near.rs).

use super::near::Near;
use super::{Builder, What};
use crate::diag::{Diagnostic, Rule, Span};
use crate::model::strings::Str;
use crate::model::{Entity, EntityIx, Range32, Source, SourceIx, SourceKind};
use petgraph::graph::NodeIndex;
use std::collections::HashMap;

/// A reference to an entity or source that was not defined when it was read.
pub(super) struct PendingRef {
    span: Span,
    target: u32,
    to_entity: bool,
    /// What refers ("relationship `x`", "a citation of …"): an index into
    /// [`Builder::pending_names`], so a record's name is only written out
    /// when it has a forward reference, and once however many it has.
    from_what: u32,
}

impl Builder {
    /// The index in `pending_names` of `what`, added unless it is the
    /// last one there (as when a record has several forward references).
    pub(super) fn pending_name(&mut self, what: &What<'_>) -> u32 {
        let text = what.to_string();
        if self.pending_names.last() != Some(&text) {
            self.pending_names.push(text);
        }
        (self.pending_names.len() - 1) as u32
    }

    /// Resolves an entity reference, creating a placeholder for ids not seen yet.
    pub(super) fn entity_ref(&mut self, id: &str, span: Span, from_what: &What<'_>) -> EntityIx {
        let ix = match self.model.entity_by_id(id) {
            Some(ix) if self.entity_defined.contains(ix.index()) => return ix,
            Some(ix) => ix,
            None => self.new_entity_slot(id),
        };
        let from_what = self.pending_name(from_what);
        self.pending.push(PendingRef {
            span,
            target: ix.index() as u32,
            to_entity: true,
            from_what,
        });
        ix
    }

    /// A placeholder entity for `id`, filled in when it is defined.
    pub(super) fn new_entity_slot(&mut self, id: &str) -> EntityIx {
        let id_str = self.id_text(id);
        let ix = self.model.graph.add_node(Entity {
            id: id_str,
            name: Str::EMPTY,
            kind: self.kind_other,
            aliases: Range32::default(),
            description: None,
            url: None,
            start: None,
            end: None,
            properties: Range32::default(),
        });
        self.model.entity_ids.insert(id, id_str, ix.index() as u32);
        self.entity_span.push(None);
        self.entity_defined.grow(self.entity_span.len());
        ix
    }

    /// Resolves a source reference, creating a placeholder for ids not seen yet.
    pub(super) fn source_ref(&mut self, id: &str, span: Span, from_what: &What<'_>) -> SourceIx {
        let ix = match self.model.source_by_id(id) {
            Some(ix) => ix,
            None => self.new_source_slot(id),
        };
        self.source_cited[ix.0 as usize] = true;
        if self.source_span[ix.0 as usize].is_none() {
            let from_what = self.pending_name(from_what);
            self.pending.push(PendingRef {
                span,
                target: ix.0,
                to_entity: false,
                from_what,
            });
        }
        ix
    }

    /// A placeholder source for `id`, filled in when it is defined.
    pub(super) fn new_source_slot(&mut self, id: &str) -> SourceIx {
        let id_str = self.id_text(id);
        let ix = SourceIx(self.model.sources.len() as u32);
        self.model.sources.push(Source {
            id: id_str,
            title: Str::EMPTY,
            kind: SourceKind::Other,
            publisher: None,
            author: None,
            published: None,
            url: None,
            archived_url: None,
            notes: None,
        });
        self.model.source_ids.insert(id, id_str, ix.0);
        self.source_span.push(None);
        self.source_cited.push(false);
        ix
    }

    /// Reports a second definition of `id`.
    pub(super) fn duplicate(&mut self, what: &str, id: &str, span: Span, first: Span) {
        self.report(
            Diagnostic::new(
                Rule::DuplicateId,
                Some(span),
                format!("duplicate {what} id `{id}`"),
            )
            .label("already used")
            .related(first, "first defined")
            .help("ids must be unique across the whole dataset: rename one of them"),
        );
    }

    /// Reports every reference to an id that was never defined, each with
    /// the closest defined id when one is close enough: found through an
    /// index of the defined ids ([`Near`]), built once and only when some
    /// reference is left unresolved, and asked once per distinct id.
    pub(super) fn resolve_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let unresolved: Vec<PendingRef> = pending
            .into_iter()
            .filter(|p| {
                if p.to_entity {
                    self.entity_span[p.target as usize].is_none()
                } else {
                    self.source_span[p.target as usize].is_none()
                }
            })
            .collect();
        let suggestions = self.suggestions(&unresolved);
        for (p, suggestion) in unresolved.into_iter().zip(suggestions) {
            let (id, kind, rule) = if p.to_entity {
                let id = self.model.graph[NodeIndex::new(p.target as usize)].id;
                (id, "entity", Rule::UnknownEntity)
            } else {
                let id = self.model.sources[p.target as usize].id;
                (id, "source", Rule::UnknownSource)
            };
            let id = self.model.text.get(id);
            let d = Diagnostic::new(
                rule,
                Some(p.span),
                format!(
                    "{} refers to unknown {kind} `{id}`",
                    self.pending_names[p.from_what as usize]
                ),
            )
            .label(format!("no {kind} has this id"));
            let d = if suggestion.is_none() {
                d.help(format!(
                    "define the {kind} `{id}`, or correct the reference"
                ))
            } else {
                d
            };
            let d = d.suggest(suggestion);
            self.diags.push(d);
        }
    }

    /// The closest defined id for each of `unresolved`, in order.
    fn suggestions(&self, unresolved: &[PendingRef]) -> Vec<Option<String>> {
        let text = &self.model.text;
        let mut entities: Option<Near<'_>> = None;
        let mut sources: Option<Near<'_>> = None;
        // A mistyped id is often mistyped everywhere it is used.
        let mut asked: HashMap<(bool, u32), Option<String>> = HashMap::new();
        unresolved
            .iter()
            .map(|p| {
                asked
                    .entry((p.to_entity, p.target))
                    .or_insert_with(|| {
                        if p.to_entity {
                            let id =
                                text.get(self.model.graph[NodeIndex::new(p.target as usize)].id);
                            let near = entities.get_or_insert_with(|| {
                                Near::new(
                                    self.model
                                        .graph
                                        .node_indices()
                                        .filter(|ix| self.entity_span[ix.index()].is_some())
                                        .map(|ix| text.get(self.model.graph[ix].id)),
                                )
                            });
                            near.closest(id).map(str::to_owned)
                        } else {
                            let id = text.get(self.model.sources[p.target as usize].id);
                            let near = sources.get_or_insert_with(|| {
                                Near::new(
                                    self.model
                                        .sources
                                        .iter()
                                        .enumerate()
                                        .filter(|(i, _)| self.source_span[*i].is_some())
                                        .map(|(_, s)| text.get(s.id)),
                                )
                            });
                            near.closest(id).map(str::to_owned)
                        }
                    })
                    .clone()
            })
            .collect()
    }
}
