//! Validation: turns the reader's [`Event`]s into the [`Model`], checking
//! every rule of FORMAT.md on the way.
//!
//! Record-level rules are checked as each record streams in, so a large file
//! is never held twice. Rules that need the whole dataset (dangling
//! references, duplicate relationships, the warnings) run in
//! [`Builder::finish`]; default relationship ids are spelled out by the
//! model when first asked for (`model/default_ids.rs`). A reference to an id not seen yet gets a placeholder
//! that a later definition fills in, so files can be in any order.
//!
//! The keys of each record kind, whether they are required and what JSON
//! type they hold come from the format's tables ([`crate::format::fields`]):
//! a record's members are looked up by a typed key (`fields::Fields`), so
//! a misspelt key is a compile error and a lookup costs an index.
//!
//! The files follow the seams: `fields.rs` reads one member of any record
//! (strings, ids, dates, URLs, properties); `records.rs` checks sources,
//! entities and the `dataset` block, `relationship.rs` relationships with
//! their amounts, citations and disputes; `views.rs` the views; `refs.rs` resolves references to
//! ids and suggests the id meant; `suggest.rs` reads the date or amount a
//! curator meant by one the format refuses; `finish.rs` runs the whole-dataset checks.
//! This file holds the builder's state and takes the events.

mod fields;
mod finish;
mod near;
mod records;
mod refs;
mod relationship;
pub mod suggest;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod view_tests;
mod views;

use crate::diag::{Diagnostic, FileId, Rule, Span, closest};
use crate::format::FORMAT_TAG;
use crate::format::fields::{Key, TOP_FIELDS, TopKey, keys};
use crate::model::Model;
use crate::model::RelIx;
use crate::model::strings::{INLINE_ID, Str, Sym};
use crate::read::{Event, KeySpan, Node, Section, Sink, Val};
use fixedbitset::FixedBitSet;
use refs::PendingRef;
use relationship::RecordLens;
use std::fmt;

/// A [`Span`] in 12 bytes instead of 24, for the tables that keep one per
/// record (a few million on large datasets). Offsets past 4 GiB saturate:
/// the arena refuses such inputs anyway.
#[derive(Clone, Copy, Debug)]
struct Spot {
    file: FileId,
    offset: u32,
    len: u32,
}

impl From<Span> for Spot {
    fn from(s: Span) -> Spot {
        Spot {
            file: s.file,
            offset: u32::try_from(s.offset).unwrap_or(u32::MAX),
            len: u32::try_from(s.len).unwrap_or(u32::MAX),
        }
    }
}

impl Spot {
    fn span(self) -> Span {
        Span {
            file: self.file,
            offset: self.offset as usize,
            len: self.len as usize,
        }
    }
}

/// What a diagnostic is about (`relationship `x``, `a citation of …`).
/// Formatted only when a diagnostic is reported: building the text for
/// every record would cost an allocation each.
#[derive(Clone, Copy)]
enum What<'a> {
    /// Fixed text: `a source`, `an entity`.
    Plain(&'static str),
    /// `entity `{id}``
    Entity(&'a str),
    /// `relationship `{id}``
    Relationship(&'a str),
    /// `relationship `{from}.{type}.{to}`` (no id given)
    Ends(&'a str, &'a str, &'a str),
    /// `view `{id}``
    View(&'a str),
    /// A part of a record: `a citation of relationship `x``.
    Of(&'static str, &'a What<'a>),
}

impl fmt::Display for What<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            What::Plain(s) => f.write_str(s),
            What::Entity(id) => write!(f, "entity `{id}`"),
            What::Relationship(id) => write!(f, "relationship `{id}`"),
            What::Ends(from, t, to) => write!(f, "relationship `{from}.{t}.{to}`"),
            What::View(id) => write!(f, "view `{id}`"),
            What::Of(part, whole) => write!(f, "{part}{whole}"),
        }
    }
}

/// Builds a [`Model`] from records, collecting diagnostics.
pub struct Builder {
    model: Model,
    diags: Vec<Diagnostic>,
    file: FileId,
    entity_span: Vec<Option<Spot>>,
    /// `entity_span[i].is_some()`, as bits: a reference checks it for every
    /// relationship end, and 1 M spans do not stay in cache where 1 M bits do.
    entity_defined: FixedBitSet,
    source_span: Vec<Option<Spot>>,
    source_cited: Vec<bool>,
    /// Where each relationship's record starts, in its file. Four bytes,
    /// not a [`Spot`]'s twelve: the record's span is always one byte long
    /// (its `{`), and the file is found in `rel_files`.
    rel_offset: Vec<u32>,
    /// (first relationship, file) for each file, in reading order.
    rel_files: Vec<(u32, FileId)>,
    /// Length of the file being read, relationships read from it so far,
    /// how many of them had an id, and where its first one starts: to size
    /// the relationship id table (see [`Builder::presize_relationships`]).
    file_len: usize,
    file_rels: u32,
    file_given_ids: u32,
    file_first_rel: usize,
    /// The lengths of the vectors that grow with relationships when the
    /// file's first relationship was read (see `presize_relationships`).
    file_first_lens: RecordLens,
    pending: Vec<PendingRef>,
    /// The `from_what` texts of [`PendingRef`]s.
    pending_names: Vec<String>,
    dataset_span: Option<Span>,
    arena_full: bool,
    kind_other: Sym,
    /// Ids at the ends of relationships dropped for an error: not orphans.
    ends_of_dropped: std::collections::HashSet<String>,
    /// A file could not be read to its end: checks of absence would only
    /// report the records that were never read.
    incomplete: bool,
    /// Views' ids and the relationship ids they name, until the end.
    views: views::ViewState,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

impl Builder {
    /// An empty builder.
    pub fn new() -> Builder {
        let mut model = Model::default();
        let kind_other = model.syms.intern("other");
        Builder {
            model,
            diags: Vec::new(),
            file: 0,
            entity_span: Vec::new(),
            entity_defined: FixedBitSet::new(),
            source_span: Vec::new(),
            source_cited: Vec::new(),
            rel_offset: Vec::new(),
            rel_files: Vec::new(),
            file_len: 0,
            file_rels: 0,
            file_given_ids: 0,
            file_first_rel: 0,
            file_first_lens: RecordLens::default(),
            pending: Vec::new(),
            pending_names: Vec::new(),
            dataset_span: None,
            arena_full: false,
            kind_other,
            ends_of_dropped: std::collections::HashSet::new(),
            incomplete: false,
            views: views::ViewState::default(),
        }
    }

    /// Records from now on come from this file, whose text is `text`: the
    /// model's strings point into it rather than copy it.
    pub fn set_file(&mut self, file: FileId, text: &std::sync::Arc<String>) {
        self.file = file;
        self.file_len = text.len();
        self.file_rels = 0;
        self.file_given_ids = 0;
        self.rel_files.push((self.rel_offset.len() as u32, file));
        self.model.text.add_file(text.clone());
    }

    /// Adds a diagnostic found outside the records (unreadable file, bad JSON).
    pub fn push(&mut self, diag: Diagnostic) {
        self.diags.push(diag);
    }

    /// Notes that a file was not read to its end, so the checks that
    /// report something as absent from the whole dataset (see
    /// [`Builder::finish`]) are skipped rather than misleading.
    pub fn mark_incomplete(&mut self) {
        self.incomplete = true;
    }

    /// Where `node` is in the current file, as a diagnostic underlines it.
    fn span(&self, node: &Node<'_>) -> Span {
        Span {
            file: self.file,
            offset: node.pos,
            len: node.span_len(),
        }
    }

    /// Where relationship `ix`'s record starts.
    fn rel_span(&self, ix: RelIx) -> Span {
        let i = ix.index() as u32;
        let file = match self.rel_files.partition_point(|&(first, _)| first <= i) {
            0 => self.file,
            n => self.rel_files[n - 1].1,
        };
        Span {
            file,
            offset: self.rel_offset[ix.index()] as usize,
            len: 1,
        }
    }

    /// `len` bytes at `offset` in the current file.
    fn at(&self, offset: usize, len: usize) -> Span {
        Span {
            file: self.file,
            offset,
            len,
        }
    }

    /// Keeps a diagnostic; [`Builder::finish`] sorts them.
    fn report(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// `s` as text of the model (a slice of the file where it is one),
    /// reporting once that the model's 4 GiB of text are full.
    fn text(&mut self, s: &str) -> Str {
        self.text_with(s, false)
    }

    /// Stores an id looked up by every reference. One short enough for
    /// the id index's slots ([`INLINE_ID`]) stays a slice of the file; a
    /// longer one is copied (see
    /// [`crate::model::strings::Arena::push_copy`]), so the texts the
    /// lookups compare against sit together.
    fn id_text(&mut self, s: &str) -> Str {
        self.text_with(s, s.len() > INLINE_ID)
    }

    fn text_with(&mut self, s: &str, copy: bool) -> Str {
        let pushed = if copy {
            self.model.text.push_copy(s)
        } else {
            self.model.text.push(s)
        };
        match pushed {
            Ok(s) => s,
            Err(_) => {
                if !self.arena_full {
                    self.arena_full = true;
                    self.report(
                        Diagnostic::new(
                            Rule::ResourceLimit,
                            None,
                            "the dataset holds more than 4 GiB of text",
                        )
                        .help("split it into smaller datasets"),
                    );
                }
                Str::EMPTY
            }
        }
    }
}

impl<'a> Sink<'a> for Builder {
    fn event(&mut self, event: &Event<'a>) {
        match event {
            Event::Record(section, node) => match section {
                Section::Sources => self.add_source(node),
                Section::Entities => self.add_entity(node),
                Section::Relationships => self.add_relationship(node),
                Section::Views => self.add_view(node),
            },
            Event::Format(_, node) => self.format(node),
            Event::Dataset(key, node) => self.add_dataset(*key, node),
            Event::UnknownTopKey(key, at) => self.unknown_top_key(key, *at),
            Event::DuplicateTopKey(key, at, first) => self.duplicate_top_key(*key, *at, *first),
            Event::WrongTopType(what, node) => self.wrong_top_type(what, node),
            Event::Problem(d) => {
                let mut d = d.clone();
                if let Some(span) = &mut d.span {
                    span.file = self.file;
                }
                if let Some((span, _)) = &mut d.related {
                    span.file = self.file;
                }
                self.report(d);
            }
        }
    }
}

/// The events about the top-level object.
impl Builder {
    /// The `format` value: exactly [`FORMAT_TAG`].
    fn format(&mut self, node: &Node<'_>) {
        let span = self.span(node);
        match &node.val {
            Val::Str(s) if s == FORMAT_TAG => {}
            Val::Str(s) => self.report(
                Diagnostic::new(
                    Rule::BadFormat,
                    Some(span),
                    format!("unsupported format `{s}`"),
                )
                .label(format!("this version of casegraph reads `{FORMAT_TAG}`"))
                .suggest(Some(FORMAT_TAG.into())),
            ),
            other => self.report(
                Diagnostic::new(
                    Rule::WrongType,
                    Some(span),
                    format!("`format` must be a string, found {}", other.type_name()),
                )
                .label(format!("expected \"{FORMAT_TAG}\"")),
            ),
        }
    }

    /// A top-level key written twice.
    fn duplicate_top_key(&mut self, key: TopKey, at: KeySpan, first: KeySpan) {
        let d = Diagnostic::new(
            Rule::MalformedJson,
            Some(self.at(at.pos, at.len)),
            format!("key `{}` appears twice in the top-level object", key.key()),
        )
        .label("repeated key")
        .related(self.at(first.pos, first.len), "the first is")
        .help("keep one of the two values (this one is ignored); to add records, put them in the first array");
        self.report(d);
    }

    /// A top-level key the format does not define.
    fn unknown_top_key(&mut self, key: &str, at: KeySpan) {
        let suggestion = closest(key, keys(TOP_FIELDS));
        let mut d = Diagnostic::new(
            Rule::UnknownKey,
            Some(self.at(at.pos, at.len)),
            format!("unknown top-level key `{key}`"),
        )
        .label("not a key of the format")
        .suggest(suggestion.clone());
        if suggestion.is_none() {
            let top: Vec<&str> = keys(TOP_FIELDS).collect();
            d = d.help(format!("the top-level keys are: {}", top.join(", ")));
        }
        self.report(d);
    }

    /// A top-level value of the wrong JSON type.
    fn wrong_top_type(&mut self, what: &str, node: &Node<'_>) {
        let span = self.span(node);
        self.report(
            Diagnostic::new(
                Rule::WrongType,
                Some(span),
                format!("expected {what}, found {}", node.val.type_name()),
            )
            .label("wrong type"),
        );
    }
}
