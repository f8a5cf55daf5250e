//! References to entities and sources: resolved as they are read, with a
//! placeholder for an id not defined yet; at the end, the ones never
//! defined are reported with the closest defined id.

use super::{Builder, What};
use crate::diag::{Diagnostic, Rule, Span, closest};
use crate::model::strings::Str;
use crate::model::{Entity, EntityIx, Range32, Source, SourceIx, SourceKind};
use petgraph::graph::NodeIndex;

/// How many unresolved references get a "did you mean" (each one scans all ids).
const MAX_SUGGESTIONS: usize = 200;

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
        let id_str = self.text(id);
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
        let id_str = self.text(id);
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
        let (sources, text) = (&self.model.sources, &self.model.text);
        self.model
            .source_ids
            .insert(id, ix.0, |i| text.get(sources[i as usize].id));
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

    /// Reports every reference to an id that was never defined, with a
    /// "did you mean" for the first [`MAX_SUGGESTIONS`].
    pub(super) fn resolve_pending(&mut self) {
        let pending = std::mem::take(&mut self.pending);
        let mut suggestions = 0;
        for p in pending {
            let defined = if p.to_entity {
                self.entity_span[p.target as usize].is_some()
            } else {
                self.source_span[p.target as usize].is_some()
            };
            if defined {
                continue;
            }
            let (id, kind, rule) = if p.to_entity {
                let id = self.model.graph[NodeIndex::new(p.target as usize)].id;
                (id, "entity", Rule::UnknownEntity)
            } else {
                let id = self.model.sources[p.target as usize].id;
                (id, "source", Rule::UnknownSource)
            };
            let id = self.model.text.get(id).to_owned();
            let suggestion = if suggestions < MAX_SUGGESTIONS {
                suggestions += 1;
                self.closest_defined(&id, p.to_entity)
            } else {
                None
            };
            let d = Diagnostic::new(
                rule,
                Some(p.span),
                format!(
                    "{} refers to unknown {kind} `{id}`",
                    self.pending_names[p.from_what as usize]
                ),
            )
            .label(format!("no {kind} has this id"))
            .suggest(suggestion.clone());
            let d = if suggestion.is_none() {
                d.help(format!(
                    "define the {kind} `{id}`, or correct the reference"
                ))
            } else {
                d
            };
            self.diags.push(d);
        }
    }

    /// The defined entity (or source) id closest to `id`.
    fn closest_defined(&self, id: &str, entity: bool) -> Option<String> {
        let text = &self.model.text;
        if entity {
            closest(
                id,
                self.model
                    .graph
                    .node_indices()
                    .filter(|ix| self.entity_span[ix.index()].is_some())
                    .map(|ix| text.get(self.model.graph[ix].id)),
            )
        } else {
            closest(
                id,
                self.model
                    .sources
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| self.source_span[*i].is_some())
                    .map(|(_, s)| text.get(s.id)),
            )
        }
    }
}
