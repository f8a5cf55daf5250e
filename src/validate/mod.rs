//! Validation: turns the spanned records of [`crate::load`] into the
//! [`Model`], checking every rule of FORMAT.md on the way.
//!
//! Record-level rules are checked as each record streams in, so a large file
//! is never held twice. Rules that need the whole dataset (dangling
//! references, generated relationship ids, the warnings) run in
//! [`Builder::finish`]. A reference to an id not seen yet gets a placeholder
//! that a later definition fills in, so files can be in any order.

use crate::diag::{Diagnostic, FileId, Rule, Severity, Span, closest};
use crate::format::rules;
use crate::load::json::{KeySpan, Member, Node, RecordSink, Section, TOP_KEYS, Val};
use crate::model::strings::{Str, Sym};
use crate::model::{
    AmountRec, Citation, DatasetMeta, Dispute, Entity, EntityIx, Model, PartialDate, PropValue,
    Property, Range32, RelExtra, RelIx, Relationship, Scalar, Source, SourceIx, SourceKind, Status,
    When,
};
use fixedbitset::FixedBitSet;
use petgraph::graph::{EdgeIndex, NodeIndex};
use std::fmt;

const SOURCE_KEYS: &[&str] = &[
    "id",
    "title",
    "kind",
    "publisher",
    "author",
    "published",
    "url",
    "archived_url",
    "notes",
];
/// The keys of an entity, in FORMAT.md's order, `id` first. The graph
/// exporters write the others, in this order, as an entity's attributes
/// (`ENTITY_KEYS.split_at(1).1`), so the format's entity fields are listed
/// once.
pub(crate) const ENTITY_KEYS: &[&str] = &[
    "id",
    "name",
    "kind",
    "aliases",
    "description",
    "url",
    "start",
    "end",
    "properties",
];
const RELATIONSHIP_KEYS: &[&str] = &[
    "id",
    "from",
    "to",
    "type",
    "label",
    "directed",
    "date",
    "start",
    "end",
    "status",
    "amount",
    "evidence",
    "disputed_by",
    "properties",
];
const DATASET_KEYS: &[&str] = &["id", "title", "description", "updated", "license", "url"];
const CITATION_KEYS: &[&str] = &["source", "locator", "quote"];
const DISPUTE_KEYS: &[&str] = &["entity", "source", "quote"];
const AMOUNT_KEYS: &[&str] = &["value", "currency"];
/// The most keys any object of the format has (a relationship's).
const MAX_KEYS: usize = RELATIONSHIP_KEYS.len();

/// How many unresolved references get a "did you mean" (each one scans all ids).
const MAX_SUGGESTIONS: usize = 200;

/// A reference to an entity or source that was not defined when it was read.
struct PendingRef {
    span: Span,
    target: u32,
    to_entity: bool,
    /// What refers ("relationship `x`", "a citation of …"): an index into
    /// [`Builder::pending_names`], so a record's name is only written out
    /// when it has a forward reference, and once however many it has.
    from_what: u32,
}

/// Relationships of a file read before sizing the id table from them.
const PRESIZE_SAMPLE: u32 = 1024;

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
            What::Of(part, whole) => write!(f, "{part}{whole}"),
        }
    }
}

/// The members of one object, looked up by key.
struct Fields<'n, 'a> {
    span: Span,
    /// By position in `keys`; an array, not a `Vec`: one allocation less per object.
    members: [Option<&'n Member<'a>>; MAX_KEYS],
    keys: &'static [&'static str],
}

impl<'n, 'a> Fields<'n, 'a> {
    fn get(&self, key: &str) -> Option<&'n Member<'a>> {
        let i = self.keys.iter().position(|k| *k == key)?;
        self.members[i]
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
    /// and where its first one starts: to size the relationship id table
    /// (see [`Builder::presize_relationships`]).
    file_len: usize,
    file_rels: u32,
    file_first_rel: usize,
    pending: Vec<PendingRef>,
    /// The `from_what` texts of [`PendingRef`]s.
    pending_names: Vec<String>,
    needs_id: Vec<RelIx>,
    dataset_span: Option<Span>,
    arena_full: bool,
    kind_other: Sym,
    /// Ids at the ends of relationships dropped for an error: not orphans.
    ends_of_dropped: std::collections::HashSet<String>,
    /// A file could not be read to its end: checks of absence would only
    /// report the records that were never read.
    incomplete: bool,
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
            file_first_rel: 0,
            pending: Vec::new(),
            pending_names: Vec::new(),
            needs_id: Vec::new(),
            dataset_span: None,
            arena_full: false,
            kind_other,
            ends_of_dropped: std::collections::HashSet::new(),
            incomplete: false,
        }
    }

    /// Records from now on come from this file, whose text is `text`: the
    /// model's strings point into it rather than copy it.
    pub fn set_file(&mut self, file: FileId, text: &std::sync::Arc<String>) {
        self.file = file;
        self.file_len = text.len();
        self.file_rels = 0;
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

    fn at(&self, offset: usize, len: usize) -> Span {
        Span {
            file: self.file,
            offset,
            len,
        }
    }

    fn report(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn text(&mut self, s: &str) -> Str {
        match self.model.text.push(s) {
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

    /// Checks an object's keys against `keys`, reporting unknown and repeated ones.
    fn fields<'n, 'a>(
        &mut self,
        node: &'n Node<'a>,
        what: &What<'_>,
        keys: &'static [&'static str],
    ) -> Option<Fields<'n, 'a>> {
        let span = self.span(node);
        let Val::Obj(members) = &node.val else {
            self.report(
                Diagnostic::new(
                    Rule::WrongType,
                    Some(span),
                    format!("{what} must be an object, found {}", node.val.type_name()),
                )
                .label("expected an object"),
            );
            return None;
        };
        debug_assert!(keys.len() <= MAX_KEYS);
        let mut found = [None; MAX_KEYS];
        for m in members {
            match keys.iter().position(|k| *k == m.key) {
                Some(i) if found[i].is_some() => {
                    let d = Diagnostic::new(
                        Rule::MalformedJson,
                        Some(self.at(m.key_pos, m.key_len)),
                        format!("key `{}` appears twice in {what}", m.key),
                    )
                    .label("repeated key")
                    .help("keep one of the two values");
                    self.report(d);
                }
                Some(i) => found[i] = Some(m),
                None => {
                    let suggestion = closest(&m.key, keys.iter().copied());
                    let mut d = Diagnostic::new(
                        Rule::UnknownKey,
                        Some(self.at(m.key_pos, m.key_len)),
                        format!("unknown key `{}` in {what}", m.key),
                    )
                    .label("not a key of the format")
                    .suggest(suggestion.clone());
                    if suggestion.is_none() {
                        d = d.help(format!("the keys allowed here are: {}", keys.join(", ")));
                    }
                    self.report(d);
                }
            }
        }
        Some(Fields {
            span,
            members: found,
            keys,
        })
    }

    fn wrong_type(&mut self, m: &Member<'_>, expected: &str) {
        let d = Diagnostic::new(
            Rule::WrongType,
            Some(self.span(&m.value)),
            format!(
                "`{}` must be {expected}, found {}",
                m.key,
                m.value.val.type_name()
            ),
        )
        .label(format!("expected {expected}"));
        self.report(d);
    }

    fn missing(&mut self, f: &Fields<'_, '_>, key: &str, what: &What<'_>) {
        let d = Diagnostic::new(
            Rule::MissingKey,
            Some(f.span),
            format!("{what} has no `{key}`"),
        )
        .label(format!("`{key}` is required"))
        .help(format!("add `\"{key}\": …` to this object"));
        self.report(d);
    }

    /// A string member; reports a wrong type, or a missing key when `required`.
    fn string<'n, 'a>(
        &mut self,
        f: &Fields<'n, 'a>,
        key: &str,
        what: &What<'_>,
        required: bool,
    ) -> Option<(&'n str, Span)> {
        let Some(m) = f.get(key) else {
            if required {
                self.missing(f, key, what);
            }
            return None;
        };
        match &m.value.val {
            Val::Str(s) => Some((s, self.span(&m.value))),
            _ => {
                self.wrong_type(m, "a string");
                None
            }
        }
    }

    fn opt_text(&mut self, f: &Fields<'_, '_>, key: &str, what: &What<'_>) -> Option<Str> {
        let (s, _) = self.string(f, key, what, false)?;
        Some(self.text(s))
    }

    /// An id member: a slug of at most 128 characters.
    fn id<'n>(
        &mut self,
        f: &Fields<'n, '_>,
        key: &str,
        what: &What<'_>,
        required: bool,
    ) -> Option<(&'n str, Span)> {
        let (id, span) = self.string(f, key, what, required)?;
        // The slug rule first: a slug is ASCII, so its length in bytes is
        // its length in characters.
        if !rules::is_slug(id) {
            let suggestion = Some(rules::slugify(id))
                .filter(|s| rules::is_slug(s) && s.len() <= rules::MAX_ID_LEN);
            self.report(
                Diagnostic::new(Rule::BadId, Some(span), format!("`{id}` is not a valid id"))
                    .label("not a slug")
                    .suggest(suggestion)
                    .help(
                        "ids use lowercase ASCII letters and digits, with single `-`, `_` or `.` \
                         between them",
                    ),
            );
        } else if id.len() > rules::MAX_ID_LEN {
            self.report(
                Diagnostic::new(
                    Rule::BadId,
                    Some(span),
                    format!(
                        "id is {} characters long; at most {} are allowed",
                        id.len(),
                        rules::MAX_ID_LEN
                    ),
                )
                .label("too long")
                .help("shorten the id; the name can stay long"),
            );
        }
        Some((id, span))
    }

    fn date(&mut self, f: &Fields<'_, '_>, key: &str, what: &What<'_>) -> Option<PartialDate> {
        let (s, span) = self.string(f, key, what, false)?;
        match PartialDate::parse(s) {
            Ok(d) => Some(d),
            Err(e) => {
                self.report(
                    Diagnostic::new(
                        Rule::BadDate,
                        Some(span),
                        format!("`{s}` is not a valid date: {e}"),
                    )
                    .label("bad date")
                    .help("dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, years 1000–9999"),
                );
                None
            }
        }
    }

    fn url(&mut self, f: &Fields<'_, '_>, key: &str, what: &What<'_>) -> Option<Str> {
        let (s, span) = self.string(f, key, what, false)?;
        if !rules::is_http_url(s) {
            self.report(
                Diagnostic::new(
                    Rule::BadUrl,
                    Some(span),
                    format!("`{key}` must be an http: or https: URL"),
                )
                .label("not an http(s) URL")
                .help("only http: and https: addresses are allowed: use the page's https: address or remove the key"),
            );
            return None;
        }
        Some(self.text(s))
    }

    fn period(
        &mut self,
        f: &Fields<'_, '_>,
        what: &What<'_>,
    ) -> (Option<PartialDate>, Option<PartialDate>) {
        let start = self.date(f, "start", what);
        let end = self.date(f, "end", what);
        if let (Some(s), Some(e)) = (start, end)
            && e.last_day() < s.first_day()
        {
            let span = f.get("end").map(|m| self.span(&m.value));
            self.report(
                Diagnostic::new(
                    Rule::EndBeforeStart,
                    span,
                    format!("{what} ends ({e}) before it starts ({s})"),
                )
                .label("before `start`")
                .help("swap `start` and `end`, or correct the year"),
            );
        }
        (start, end)
    }

    fn properties(&mut self, f: &Fields<'_, '_>, what: &What<'_>) -> Range32 {
        let start = self.model.properties.len() as u32;
        let Some(m) = f.get("properties") else {
            return Range32 { start, len: 0 };
        };
        let Val::Obj(members) = &m.value.val else {
            self.wrong_type(m, "an object");
            return Range32 { start, len: 0 };
        };
        for p in members {
            let value = match &p.value.val {
                Val::Arr(items) => {
                    let list_start = self.model.list_items.len() as u32;
                    let mut ok = true;
                    for item in items {
                        match self.scalar(item) {
                            Some(s) => self.model.list_items.push(s),
                            None => {
                                ok = false;
                                self.bad_property(&p.key, item, what, true);
                            }
                        }
                    }
                    let len = self.model.list_items.len() as u32 - list_start;
                    ok.then_some(PropValue::List(Range32 {
                        start: list_start,
                        len,
                    }))
                }
                _ => match self.scalar(&p.value) {
                    Some(s) => Some(PropValue::Scalar(s)),
                    None => {
                        self.bad_property(&p.key, &p.value, what, false);
                        None
                    }
                },
            };
            if let Some(value) = value {
                let key = self.text(&p.key);
                self.model.properties.push(Property { key, value });
            }
        }
        Range32 {
            start,
            len: self.model.properties.len() as u32 - start,
        }
    }

    fn scalar(&mut self, node: &Node<'_>) -> Option<Scalar> {
        Some(match &node.val {
            Val::Str(s) => Scalar::Str(self.text(s)),
            Val::Num(n) => Scalar::Num(n.clone()),
            Val::Bool(b) => Scalar::Bool(*b),
            Val::Null | Val::Arr(_) | Val::Obj(_) => return None,
        })
    }

    fn bad_property(&mut self, key: &str, node: &Node<'_>, what: &What<'_>, in_list: bool) {
        let place = if in_list {
            "an item of property"
        } else {
            "property"
        };
        let help = match node.val {
            Val::Null => "leave the key out instead of writing null",
            _ => {
                "properties hold strings, numbers, booleans or arrays of those; flatten nested values into separate keys"
            }
        };
        let d = Diagnostic::new(
            Rule::BadProperty,
            Some(self.span(node)),
            format!("{place} `{key}` of {what} is {}", node.val.type_name()),
        )
        .label("not allowed in properties")
        .help(help);
        self.report(d);
    }

    /// The index in `pending_names` of `what`, added unless it is the
    /// last one there (as when a record has several forward references).
    fn pending_name(&mut self, what: &What<'_>) -> u32 {
        let text = what.to_string();
        if self.pending_names.last() != Some(&text) {
            self.pending_names.push(text);
        }
        (self.pending_names.len() - 1) as u32
    }

    /// Resolves an entity reference, creating a placeholder for ids not seen yet.
    fn entity_ref(&mut self, id: &str, span: Span, from_what: &What<'_>) -> EntityIx {
        if let Some(ix) = self.model.entity_by_id(id) {
            if !self.entity_defined.contains(ix.index()) {
                let from_what = self.pending_name(from_what);
                self.pending.push(PendingRef {
                    span,
                    target: ix.index() as u32,
                    to_entity: true,
                    from_what,
                });
            }
            return ix;
        }
        let ix = self.new_entity_slot(id);
        let from_what = self.pending_name(from_what);
        self.pending.push(PendingRef {
            span,
            target: ix.index() as u32,
            to_entity: true,
            from_what,
        });
        ix
    }

    fn new_entity_slot(&mut self, id: &str) -> EntityIx {
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
    fn source_ref(&mut self, id: &str, span: Span, from_what: &What<'_>) -> SourceIx {
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

    fn new_source_slot(&mut self, id: &str) -> SourceIx {
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

    fn duplicate(&mut self, what: &str, id: &str, span: Span, first: Span) {
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

    fn add_source(&mut self, node: &Node<'_>) {
        let what = &What::Plain("a source");
        let Some(f) = self.fields(node, what, SOURCE_KEYS) else {
            return;
        };
        let id = self.id(&f, "id", what, true);
        let title = self.string(&f, "title", what, true).map(|(s, _)| s);
        let kind = match self.string(&f, "kind", what, false) {
            None => SourceKind::Other,
            Some((k, span)) => SourceKind::parse(k).unwrap_or_else(|| {
                let suggestion = closest(k, SourceKind::ALL.iter().map(|k| k.as_str()));
                let kinds: Vec<_> = SourceKind::ALL.iter().map(|k| k.as_str()).collect();
                self.report(
                    Diagnostic::new(
                        Rule::UnknownSourceKind,
                        Some(span),
                        format!("unknown source kind `{k}`"),
                    )
                    .label("not a source kind")
                    .suggest(suggestion)
                    .help(format!("source kinds are: {}", kinds.join(", "))),
                );
                SourceKind::Other
            }),
        };
        let record = Source {
            id: Str::EMPTY,
            title: title.map(|t| self.text(t)).unwrap_or(Str::EMPTY),
            kind,
            publisher: self.opt_text(&f, "publisher", what),
            author: self.opt_text(&f, "author", what),
            published: self.date(&f, "published", what),
            url: self.url(&f, "url", what),
            archived_url: self.url(&f, "archived_url", what),
            notes: self.opt_text(&f, "notes", what),
        };
        let Some((id, id_span)) = id else { return };
        let ix = match self.model.source_by_id(id) {
            Some(ix) => {
                if let Some(first) = self.source_span[ix.0 as usize] {
                    let first = first.span();
                    self.duplicate("source", id, id_span, first);
                    return;
                }
                ix
            }
            None => self.new_source_slot(id),
        };
        let i = ix.0 as usize;
        let id_str = self.model.sources[i].id;
        self.model.sources[i] = Source {
            id: id_str,
            ..record
        };
        self.source_span[i] = Some(id_span.into());
    }

    fn add_entity(&mut self, node: &Node<'_>) {
        let plain = What::Plain("an entity");
        let Some(f) = self.fields(node, &plain, ENTITY_KEYS) else {
            return;
        };
        let id = self.id(&f, "id", &plain, true);
        let what = match id {
            Some((id, _)) => What::Entity(id),
            None => plain,
        };
        let name = self.string(&f, "name", &what, true).map(|(s, _)| s);
        let kind = self.string(&f, "kind", &what, true).map(|(s, _)| s);
        let aliases_start = self.model.aliases.len() as u32;
        if let Some(m) = f.get("aliases") {
            match &m.value.val {
                Val::Arr(items) => {
                    for item in items {
                        match &item.val {
                            Val::Str(s) => {
                                let s = self.text(s);
                                self.model.aliases.push(s);
                            }
                            other => {
                                let d = Diagnostic::new(
                                    Rule::WrongType,
                                    Some(self.span(item)),
                                    format!(
                                        "each alias of {what} must be a string, found {}",
                                        other.type_name()
                                    ),
                                )
                                .label("expected a string");
                                self.report(d);
                            }
                        }
                    }
                }
                _ => self.wrong_type(m, "an array of strings"),
            }
        }
        let aliases = Range32 {
            start: aliases_start,
            len: self.model.aliases.len() as u32 - aliases_start,
        };
        let description = self.opt_text(&f, "description", &what);
        let url = self.url(&f, "url", &what);
        let (start, end) = self.period(&f, &what);
        let properties = self.properties(&f, &what);
        let Some((id, id_span)) = id else { return };
        let ix = match self.model.entity_by_id(id) {
            Some(ix) => {
                if let Some(first) = self.entity_span[ix.index()] {
                    let first = first.span();
                    self.duplicate("entity", id, id_span, first);
                    return;
                }
                ix
            }
            None => self.new_entity_slot(id),
        };
        let entity = Entity {
            id: self.model.graph[ix].id,
            name: name.map(|n| self.text(n)).unwrap_or(Str::EMPTY),
            kind: kind
                .map(|k| self.model.syms.intern(k))
                .unwrap_or(self.kind_other),
            aliases,
            description,
            url,
            start,
            end,
            properties,
        };
        self.model.graph[ix] = entity;
        self.entity_span[ix.index()] = Some(id_span.into());
        self.entity_defined.insert(ix.index());
    }

    fn add_relationship(&mut self, node: &Node<'_>) {
        self.presize_relationships(node.pos);
        let plain = What::Plain("a relationship");
        let Some(f) = self.fields(node, &plain, RELATIONSHIP_KEYS) else {
            return;
        };
        let id = self.id(&f, "id", &plain, false);
        let from = self.string(&f, "from", &plain, true);
        let to = self.string(&f, "to", &plain, true);
        let rel_type = self.string(&f, "type", &plain, true);
        let what = match (id, from, rel_type, to) {
            (Some((id, _)), ..) => What::Relationship(id),
            (None, Some((f, _)), Some((t, _)), Some((o, _))) => What::Ends(f, t, o),
            _ => plain,
        };
        if let Some((t, span)) = rel_type
            && !rules::is_snake_case(t)
        {
            let suggestion = Some(rules::snake_case(t)).filter(|s| rules::is_snake_case(s));
            self.report(
                Diagnostic::new(
                    Rule::BadType,
                    Some(span),
                    format!("relationship type `{t}` is not snake_case"),
                )
                .label("not snake_case")
                .suggest(suggestion)
                .help("types are lowercase words joined by `_`, like `board_member_of`"),
            );
        }
        if let (Some((a, _)), Some((b, span))) = (from, to)
            && a == b
        {
            self.report(
                Diagnostic::new(
                    Rule::SelfLoop,
                    Some(span),
                    format!("{what} goes from `{a}` to itself"),
                )
                .label("same as `from`")
                .help("a relationship links two different entities"),
            );
        }
        let label = self.opt_text(&f, "label", &what);
        let directed = match f.get("directed") {
            None => true,
            Some(m) => match m.value.val {
                Val::Bool(b) => b,
                _ => {
                    self.wrong_type(m, "`true` or `false`");
                    true
                }
            },
        };
        let date = self.date(&f, "date", &what);
        let (start, end) = self.period(&f, &what);
        let when = if let Some(d) = f.get("date") {
            if let Some(m) = f.get("start").or(f.get("end")) {
                let d = Diagnostic::new(
                    Rule::DateWithPeriod,
                    Some(self.at(m.key_pos, m.key_len)),
                    format!("{what} has both `date` and `{}`", m.key),
                )
                .label("not allowed with `date`")
                .related(self.at(d.key_pos, d.key_len), "`date` is")
                .help("use `date` for a one-off event, or `start`/`end` for a period, not both");
                self.report(d);
            }
            date.map(When::On).unwrap_or_default()
        } else if start.is_some() || end.is_some() {
            When::Period { start, end }
        } else {
            When::Undated
        };
        let status = match self.string(&f, "status", &what, false) {
            None => Status::Reported,
            Some((s, span)) => Status::parse(s).unwrap_or_else(|| {
                let suggestion = closest(s, Status::ALL.iter().map(|s| s.as_str()));
                self.report(
                    Diagnostic::new(
                        Rule::UnknownStatus,
                        Some(span),
                        format!("unknown status `{s}`"),
                    )
                    .label("not a status")
                    .suggest(suggestion)
                    .help("the statuses are confirmed, reported, alleged and denied"),
                );
                Status::Reported
            }),
        };
        let amount = f.get("amount").and_then(|m| self.amount(m, &what));
        let (evidence, evidence_broken) = self.citations(&f, &what);
        let disputes = self.disputes(&f, &what);
        if status == Status::Confirmed
            && disputes.len > 0
            && let Some(m) = f.get("disputed_by")
        {
            let d = Diagnostic::new(
                Rule::ConfirmedDisputed,
                Some(self.at(m.key_pos, m.key_len)),
                format!("{what} is `confirmed` but has `disputed_by`"),
            )
            .label("a confirmed claim cannot be disputed")
            .help(
                "a disputed claim is at most `reported`: lower the status, or remove `disputed_by`",
            );
            self.report(d);
        }
        if evidence.len == 0 && !evidence_broken {
            self.report(
                Diagnostic::new(
                    Rule::NoEvidence,
                    Some(f.span),
                    format!("{what} cites no evidence"),
                )
                .label("no `evidence`")
                .help("add `\"evidence\": [{ \"source\": \"…\", \"quote\": \"…\" }]`"),
            );
        }
        let properties = self.properties(&f, &what);
        let (Some((from, from_span)), Some((to, to_span)), Some((rel_type, _))) =
            (from, to, rel_type)
        else {
            // Dropped for an error already reported: its ends are not
            // orphans because of it.
            for (end, _) in [from, to].into_iter().flatten() {
                self.ends_of_dropped.insert(end.to_owned());
            }
            return;
        };
        let from_ix = self.entity_ref(from, from_span, &what);
        let to_ix = self.entity_ref(to, to_span, &what);
        // Whether the id is new, so it gets indexed below (one lookup, not two).
        let mut id_is_new = false;
        let rel_id = match id {
            Some((id, span)) => {
                if let Some(first) = self.model.relationship_by_id(id) {
                    let first = self.rel_span(first);
                    self.duplicate("relationship", id, span, first);
                } else {
                    id_is_new = true;
                }
                Some(self.text(id))
            }
            None => None,
        };
        let extra = RelExtra {
            label,
            amount,
            disputes,
            properties,
        };
        let extra = if extra.is_empty() {
            None
        } else {
            self.model.rel_extras.push(extra);
            std::num::NonZeroU32::new(self.model.rel_extras.len() as u32)
        };
        let rel = Relationship {
            id: rel_id.unwrap_or(Str::EMPTY),
            rel_type: self.model.syms.intern(rel_type),
            directed,
            when,
            status,
            evidence,
            extra,
        };
        let ix = self.model.graph.add_edge(from_ix, to_ix, rel);
        self.rel_offset
            .push(u32::try_from(f.span.offset).unwrap_or(u32::MAX));
        match (rel_id, id) {
            (Some(_), Some((id, _))) => {
                if id_is_new {
                    self.index_relationship(id, ix);
                }
            }
            _ => self.needs_id.push(ix),
        }
    }

    /// Counts a relationship record starting at `pos`; at the
    /// [`PRESIZE_SAMPLE`]th of a file, reserves room for as many more as
    /// the rest of the file would hold at the size they have had so far.
    ///
    /// Why: the relationship id table holds indices only (see
    /// [`IdIndex`]), so each time it grows it reads every id back from the
    /// records and the file text, a few cache misses per id; on 3 M
    /// relationships that was a tenth of loading. Sized once from this
    /// estimate, it almost never grows. An estimate that is too large (a
    /// file whose relationships come before long other sections) costs
    /// memory, at most a table slot per relationship-sized run of bytes.
    fn presize_relationships(&mut self, pos: usize) {
        self.file_rels += 1;
        if self.file_rels == 1 {
            self.file_first_rel = pos;
        } else if self.file_rels == PRESIZE_SAMPLE {
            let per_record = (pos - self.file_first_rel) / (PRESIZE_SAMPLE as usize - 1);
            let more = self.file_len.saturating_sub(pos) / per_record.max(1);
            let (graph, text) = (&self.model.graph, &self.model.text);
            self.model.rel_ids.reserve(more + more / 32, |i| {
                text.get(graph[EdgeIndex::new(i as usize)].id)
            });
        }
    }

    fn index_relationship(&mut self, id: &str, ix: RelIx) {
        let (graph, text) = (&self.model.graph, &self.model.text);
        self.model.rel_ids.insert(id, ix.index() as u32, |i| {
            text.get(graph[EdgeIndex::new(i as usize)].id)
        });
    }

    fn amount(&mut self, m: &Member<'_>, what: &What<'_>) -> Option<AmountRec> {
        let what = &What::Of("the amount of ", what);
        let f = self.fields(&m.value, what, AMOUNT_KEYS)?;
        let value = match f.get("value") {
            None => {
                self.missing(&f, "value", what);
                None
            }
            Some(v) => match &v.value.val {
                Val::Num(n) => {
                    if n.as_f64().is_some_and(|x| x < 0.0) {
                        let d = Diagnostic::new(
                            Rule::NegativeAmount,
                            Some(self.span(&v.value)),
                            format!("{what} is negative ({n})"),
                        )
                        .label("below zero")
                        .help("amounts are sizes of payments or fines: write the value without its sign, and let the relationship's direction say who paid whom");
                        self.report(d);
                    }
                    Some(n.clone())
                }
                _ => {
                    self.wrong_type(v, "a number");
                    None
                }
            },
        };
        let currency = match self.string(&f, "currency", what, true) {
            Some((c, span)) if !rules::is_currency(c) => {
                let upper = c.to_ascii_uppercase();
                let suggestion = rules::is_currency(&upper).then_some(upper);
                self.report(
                    Diagnostic::new(
                        Rule::BadCurrency,
                        Some(span),
                        format!("currency `{c}` is not an ISO 4217 code"),
                    )
                    .label("not three capital letters")
                    .suggest(suggestion)
                    .help("write the ISO 4217 code: `USD`, `EUR`, `GBP`…"),
                );
                None
            }
            Some((c, _)) => Some(self.model.syms.intern(c)),
            None => None,
        };
        Some(AmountRec {
            value: value?,
            currency: currency?,
        })
    }

    fn array<'n, 'a>(&mut self, f: &Fields<'n, 'a>, key: &str) -> &'n [Node<'a>] {
        match f.get(key) {
            None => &[],
            Some(m) => match &m.value.val {
                Val::Arr(items) => items,
                _ => {
                    self.wrong_type(m, "an array of objects");
                    &[]
                }
            },
        }
    }

    /// The citations of `evidence`, and whether an error was reported in it
    /// (then a lack of valid citations is that error's doing, not a warning's).
    fn citations(&mut self, f: &Fields<'_, '_>, what: &What<'_>) -> (Range32, bool) {
        let start = self.model.citations.len() as u32;
        let ctx = &What::Of("a citation of ", what);
        let mut broken = f
            .get("evidence")
            .is_some_and(|m| !matches!(m.value.val, Val::Arr(_)));
        for item in self.array(f, "evidence") {
            let Some(c) = self.fields(item, ctx, CITATION_KEYS) else {
                broken = true;
                continue;
            };
            let source = self.string(&c, "source", ctx, true);
            broken |= source.is_none();
            let locator = self.opt_text(&c, "locator", ctx);
            let quote = self.opt_text(&c, "quote", ctx);
            if let Some((id, span)) = source {
                let source = self.source_ref(id, span, ctx);
                self.model.citations.push(Citation {
                    source,
                    locator,
                    quote,
                });
            }
        }
        let range = Range32 {
            start,
            len: self.model.citations.len() as u32 - start,
        };
        (range, broken)
    }

    fn disputes(&mut self, f: &Fields<'_, '_>, what: &What<'_>) -> Range32 {
        let start = self.model.disputes.len() as u32;
        let ctx = &What::Of("a dispute of ", what);
        for item in self.array(f, "disputed_by") {
            let Some(d) = self.fields(item, ctx, DISPUTE_KEYS) else {
                continue;
            };
            let entity = self.string(&d, "entity", ctx, true);
            let source = self.string(&d, "source", ctx, true);
            let quote = self.opt_text(&d, "quote", ctx);
            if let (Some((e, e_span)), Some((s, s_span))) = (entity, source) {
                let entity = self.entity_ref(e, e_span, ctx);
                let source = self.source_ref(s, s_span, ctx);
                self.model.disputes.push(Dispute {
                    entity,
                    source,
                    quote,
                });
            }
        }
        Range32 {
            start,
            len: self.model.disputes.len() as u32 - start,
        }
    }

    fn add_dataset(&mut self, key: KeySpan, node: &Node<'_>) {
        let key_span = self.at(key.pos, key.len);
        if let Some(first) = self.dataset_span {
            self.report(
                Diagnostic::new(
                    Rule::DuplicateDataset,
                    Some(key_span),
                    "a second `dataset` block",
                )
                .label("only one file of a directory may describe the dataset")
                .related(first, "the first is")
                .help("keep the `dataset` block in one file and remove this one"),
            );
            return;
        }
        self.dataset_span = Some(key_span);
        let what = &What::Plain("the `dataset` block");
        let Some(f) = self.fields(node, what, DATASET_KEYS) else {
            return;
        };
        let id = self.id(&f, "id", what, false).map(|(s, _)| s.to_owned());
        let string =
            |b: &mut Builder, key| b.string(&f, key, what, false).map(|(s, _)| s.to_owned());
        let title = string(self, "title");
        let description = string(self, "description");
        let license = string(self, "license");
        let updated = self.date(&f, "updated", what);
        let url = self
            .url(&f, "url", what)
            .map(|s| self.model.text.get(s).to_owned());
        self.model.meta = DatasetMeta {
            id_given: id.is_some(),
            id: id.unwrap_or_default(),
            title,
            description,
            updated,
            license,
            url,
        };
    }

    /// Runs the whole-dataset checks and returns the model (if there are no
    /// errors) and every diagnostic, errors first, each group in file order.
    /// `default_id` names the dataset when no `dataset.id` is given.
    ///
    /// When a file could not be read in full ([`Builder::mark_incomplete`]),
    /// its unread part might define any id or hold any relationship, so the
    /// checks that report something as absent are skipped: unknown entity,
    /// unknown source, orphan entity, uncited source. The others (duplicate
    /// relationships, generated ids) run on every record that was read.
    pub fn finish(mut self, default_id: &str) -> (Option<Model>, Vec<Diagnostic>) {
        if !self.model.meta.id_given {
            self.model.meta.id = default_id.to_owned();
        }
        if !self.incomplete {
            self.resolve_pending();
        }
        self.generate_relationship_ids();
        if !self.incomplete {
            self.warn_orphans_and_uncited();
        }
        // Nothing reads the definition spans from here on; give their memory
        // back before the duplicate pass allocates its table (the peak).
        self.entity_span = Vec::new();
        self.source_span = Vec::new();
        self.warn_duplicate_relationships();
        let mut diags = std::mem::take(&mut self.diags);
        diags.sort_by_key(|d| {
            (
                d.severity,
                d.span.map(|s| (s.file, s.offset)).unwrap_or((0, 0)),
            )
        });
        let ok = !diags.iter().any(|d| d.severity == Severity::Error);
        let mut model = self.model;
        model.text.shrink();
        (ok.then_some(model), diags)
    }

    fn resolve_pending(&mut self) {
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

    /// `{from}.{type}.{to}`, then `.2`, `.3`… in file order when that is taken.
    ///
    /// Complexity: O(N) lookups overall. `next` remembers, per base, the
    /// suffix to try next, so the k-th relationship with the same ends and
    /// type does not probe the k − 1 ids before it; only ids written out in
    /// the file (`base.N` given explicitly) cost an extra probe each.
    fn generate_relationship_ids(&mut self) {
        let mut next: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        for ix in std::mem::take(&mut self.needs_id) {
            let (from, to) = self.model.graph.edge_endpoints(ix).expect("edge exists");
            let base = format!(
                "{}.{}.{}",
                self.model.text.get(self.model.graph[from].id),
                self.model.syms.get(self.model.graph[ix].rel_type),
                self.model.text.get(self.model.graph[to].id)
            );
            let mut n = next.get(&base).copied().unwrap_or(1);
            let mut id = if n == 1 {
                base.clone()
            } else {
                format!("{base}.{n}")
            };
            while self.model.relationship_by_id(&id).is_some() {
                n += 1;
                id = format!("{base}.{n}");
            }
            next.insert(base, n + 1);
            let s = self.text(&id);
            self.model.graph[ix].id = s;
            self.index_relationship(&id, ix);
        }
    }

    fn warn_orphans_and_uncited(&mut self) {
        let graph = &self.model.graph;
        for ix in graph.node_indices() {
            let Some(span) = self.entity_span[ix.index()] else {
                continue;
            };
            let linked = graph
                .edges_directed(ix, petgraph::Outgoing)
                .next()
                .is_some()
                || graph
                    .edges_directed(ix, petgraph::Incoming)
                    .next()
                    .is_some();
            let id = self.model.text.get(graph[ix].id);
            if !linked && !self.ends_of_dropped.contains(id) {
                self.diags.push(
                    Diagnostic::new(
                        Rule::OrphanEntity,
                        Some(span.span()),
                        format!("entity `{id}` is in no relationship"),
                    )
                    .label("not linked to anything")
                    .help("add a relationship that involves it, or remove it"),
                );
            }
        }
        for (i, source) in self.model.sources.iter().enumerate() {
            if let Some(span) = self.source_span[i]
                && !self.source_cited[i]
            {
                let id = self.model.text.get(source.id);
                self.diags.push(
                    Diagnostic::new(
                        Rule::UncitedSource,
                        Some(span.span()),
                        format!("source `{id}` is never cited"),
                    )
                    .label("cited by no relationship")
                    .help("cite it in some `evidence` or `disputed_by`, or remove it"),
                );
            }
        }
    }

    fn warn_duplicate_relationships(&mut self) {
        use std::hash::BuildHasher;
        let graph = &self.model.graph;
        let key = |ix: RelIx| {
            let (a, b) = graph.edge_endpoints(ix).expect("edge exists");
            let r = &graph[ix];
            let (a, b) = if r.directed || a <= b { (a, b) } else { (b, a) };
            (a, b, r.rel_type, r.directed, r.when)
        };
        // Sort (hash of key, index) pairs rather than the edges by their
        // keys: each key is computed once, in edge order, and the sort moves
        // 8-byte items. Equal keys have equal hashes, so they end up
        // together in file order; a run of equal hashes is then split by the
        // keys themselves (different keys there are only hash collisions).
        let hasher = foldhash::fast::FixedState::default();
        // 32 bits of hash keep this table small (it adds to the peak
        // memory); the few collisions are sorted out below.
        // Hashing and sorting are spread over the cores; the order is a
        // total one, so the result is the same on any number of them.
        use rayon::prelude::*;
        let mut order: Vec<(u32, u32)> = (0..graph.edge_count() as u32)
            .into_par_iter()
            .map(|i| {
                let ix = EdgeIndex::new(i as usize);
                (hasher.hash_one(key(ix)) as u32, i)
            })
            .collect();
        order.par_sort_unstable();
        let mut pairs = Vec::new();
        let mut run = Vec::new();
        for group in order.chunk_by(|x, y| x.0 == y.0) {
            if group.len() < 2 {
                continue;
            }
            run.clear();
            run.extend(group.iter().map(|&(_, i)| EdgeIndex::new(i as usize)));
            // Stable: file order within equal keys.
            run.sort_by_key(|&ix| key(ix));
            // Each repeat points at the first of its key, not at the one before it.
            for same in run.chunk_by(|&x, &y| key(x) == key(y)) {
                pairs.extend(same[1..].iter().map(|&ix| (same[0], ix)));
            }
        }
        for (first, second) in pairs {
            let (first_id, second_id) = (
                self.model.text.get(graph[first].id),
                self.model.text.get(graph[second].id),
            );
            self.diags.push(
                Diagnostic::new(
                    Rule::DuplicateRelationship,
                    Some(self.rel_span(second)),
                    format!(
                        "relationship `{second_id}` repeats `{first_id}`: same ends, type and dates"
                    ),
                )
                .label("duplicate")
                .related(self.rel_span(first), "the first is")
                .help("merge their evidence into one relationship, or give them different dates"),
            );
        }
    }
}

impl<'a> RecordSink<'a> for Builder {
    fn record(&mut self, section: Section, node: Node<'a>) {
        self.record_ref(section, &node);
    }

    fn record_ref(&mut self, section: Section, node: &Node<'a>) {
        match section {
            Section::Sources => self.add_source(node),
            Section::Entities => self.add_entity(node),
            Section::Relationships => self.add_relationship(node),
        }
    }

    fn format(&mut self, _key: KeySpan, node: Node<'a>) {
        let span = self.span(&node);
        match &node.val {
            Val::Str(s) if s == "casegraph/1" => {}
            Val::Str(s) => self.report(
                Diagnostic::new(
                    Rule::BadFormat,
                    Some(span),
                    format!("unsupported format `{s}`"),
                )
                .label("this version of casegraph reads `casegraph/1`")
                .suggest(Some("casegraph/1".into())),
            ),
            other => self.report(
                Diagnostic::new(
                    Rule::WrongType,
                    Some(span),
                    format!("`format` must be a string, found {}", other.type_name()),
                )
                .label("expected \"casegraph/1\""),
            ),
        }
    }

    fn dataset(&mut self, key: KeySpan, node: Node<'a>) {
        self.add_dataset(key, &node);
    }

    fn duplicate_top_key(&mut self, key: &str, at: KeySpan, first: KeySpan) {
        let d = Diagnostic::new(
            Rule::MalformedJson,
            Some(self.at(at.pos, at.len)),
            format!("key `{key}` appears twice in the top-level object"),
        )
        .label("repeated key")
        .related(self.at(first.pos, first.len), "the first is")
        .help("keep one of the two values (this one is ignored); to add records, put them in the first array");
        self.report(d);
    }

    fn unknown_top_key(&mut self, key: &str, at: KeySpan) {
        let suggestion = closest(key, TOP_KEYS.iter().copied());
        let mut d = Diagnostic::new(
            Rule::UnknownKey,
            Some(self.at(at.pos, at.len)),
            format!("unknown top-level key `{key}`"),
        )
        .label("not a key of the format")
        .suggest(suggestion.clone());
        if suggestion.is_none() {
            d = d.help(format!("the top-level keys are: {}", TOP_KEYS.join(", ")));
        }
        self.report(d);
    }

    fn wrong_top_type(&mut self, what: &str, node: Node<'a>) {
        let span = self.span(&node);
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
