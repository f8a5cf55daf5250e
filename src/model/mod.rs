//! The validated graph that every query, renderer and exporter reads.
//!
//! Entities are the nodes and relationships the edges of a petgraph
//! [`Graph`] (parallel edges allowed). Records hold compact handles into
//! shared tables (see `strings.rs`); the `*Ref` views turn them back into
//! `&str`s and friendly types, so callers never deal with handles.

pub mod date;
mod default_ids;
pub(crate) mod strings;
pub mod view;

use petgraph::graph::{EdgeIndex, Graph, NodeIndex};
use std::borrow::Cow;
use std::fmt;

pub use date::{DateError, PartialDate, When};
use strings::{Arena, IdIndex, Str, Sym, Symbols, TextIdIndex};
pub use view::{Annotated, Note, PathOptions, Rankdir, Selects, ViewFilter, ViewSpec};

/// Index of an entity (a node of [`Model::graph`]).
pub type EntityIx = NodeIndex<u32>;
/// Index of a relationship (an edge of [`Model::graph`]).
pub type RelIx = EdgeIndex<u32>;

/// Index of a source in [`Model::sources`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord)]
pub struct SourceIx(pub u32);

/// A run of items in one of the model's side tables.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub(crate) struct Range32 {
    pub(crate) start: u32,
    pub(crate) len: u32,
}

impl Range32 {
    pub(crate) fn range(self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

pub use crate::format::{SourceKind, Status};

/// Dataset metadata (the optional `dataset` block).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DatasetMeta {
    /// The dataset's id: given, or derived from the file or directory name.
    pub id: String,
    /// Whether `id` was given in the data (rather than derived).
    pub id_given: bool,
    /// Title.
    pub title: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Last update.
    pub updated: Option<PartialDate>,
    /// License of the data.
    pub license: Option<String>,
    /// Home page of the data.
    pub url: Option<String>,
}

/// An entity record (node weight). Read it through [`EntityRef`].
#[derive(Clone, Debug)]
pub struct Entity {
    pub(crate) id: Str,
    pub(crate) name: Str,
    pub(crate) kind: Sym,
    pub(crate) aliases: Range32,
    pub(crate) description: Option<Str>,
    pub(crate) url: Option<Str>,
    pub(crate) start: Option<PartialDate>,
    pub(crate) end: Option<PartialDate>,
    pub(crate) properties: Range32,
}

/// A sum of money.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct AmountRec {
    pub(crate) value: serde_json::Number,
    pub(crate) currency: Sym,
}

/// A relationship record (edge weight). Read it through [`RelRef`].
///
/// What most relationships have is kept here; what few have (a label, an
/// amount, disputes, properties) is in [`Model::rel_extras`]. That keeps an
/// edge at 56 bytes instead of 80: 70 MB less on three million edges.
#[derive(Clone, Debug)]
pub struct Relationship {
    /// The id as given; `None` when the default id applies, which the
    /// model spells out on first use ([`default_ids`]).
    pub(crate) id: Option<Str>,
    pub(crate) rel_type: Sym,
    pub(crate) directed: bool,
    pub(crate) when: When,
    pub(crate) status: Status,
    pub(crate) evidence: Range32,
    /// Index + 1 in [`Model::rel_extras`], if it has any of those.
    pub(crate) extra: Option<std::num::NonZeroU32>,
}

/// The rarer parts of a relationship.
#[derive(Clone, Debug, Default)]
pub(crate) struct RelExtra {
    pub(crate) label: Option<Str>,
    /// Index + 1 in [`Model::amounts`]: few relationships have an amount,
    /// and kept here its 24 bytes took half of every side record.
    pub(crate) amount: Option<std::num::NonZeroU32>,
    pub(crate) disputes: Range32,
    pub(crate) properties: Range32,
}

impl RelExtra {
    /// True when there is nothing to keep.
    pub(crate) fn is_empty(&self) -> bool {
        self.label.is_none()
            && self.amount.is_none()
            && self.disputes.len == 0
            && self.properties.len == 0
    }
}

/// A source record. Read it through [`SourceRef`].
#[derive(Clone, Debug)]
pub(crate) struct Source {
    pub(crate) id: Str,
    pub(crate) title: Str,
    pub(crate) kind: SourceKind,
    pub(crate) publisher: Option<Str>,
    pub(crate) author: Option<Str>,
    pub(crate) published: Option<PartialDate>,
    pub(crate) url: Option<Str>,
    pub(crate) archived_url: Option<Str>,
    pub(crate) notes: Option<Str>,
}

#[derive(Clone, Debug)]
pub(crate) struct Citation {
    pub(crate) source: SourceIx,
    pub(crate) locator: Option<Str>,
    pub(crate) quote: Option<Str>,
}

#[derive(Clone, Debug)]
pub(crate) struct Dispute {
    pub(crate) entity: EntityIx,
    pub(crate) source: SourceIx,
    pub(crate) quote: Option<Str>,
}

/// A property value as stored: one scalar, or a run of scalars in the list table.
#[derive(Clone, Debug)]
pub(crate) enum PropValue {
    Scalar(Scalar),
    List(Range32),
}

/// A scalar property value as stored.
#[derive(Clone, Debug)]
pub(crate) enum Scalar {
    Str(Str),
    Num(serde_json::Number),
    Bool(bool),
}

#[derive(Clone, Debug)]
pub(crate) struct Property {
    pub(crate) key: Str,
    pub(crate) value: PropValue,
}

/// The validated dataset as a graph.
#[derive(Clone, Debug, Default)]
pub struct Model {
    pub(crate) meta: DatasetMeta,
    pub(crate) graph: Graph<Entity, Relationship, petgraph::Directed, u32>,
    pub(crate) sources: Vec<Source>,
    pub(crate) citations: Vec<Citation>,
    pub(crate) rel_extras: Vec<RelExtra>,
    /// The amounts of [`RelExtra::amount`].
    pub(crate) amounts: Vec<AmountRec>,
    pub(crate) disputes: Vec<Dispute>,
    pub(crate) aliases: Vec<Str>,
    pub(crate) properties: Vec<Property>,
    pub(crate) list_items: Vec<Scalar>,
    pub(crate) text: Arena,
    pub(crate) syms: Symbols,
    pub(crate) entity_ids: TextIdIndex,
    pub(crate) rel_ids: IdIndex,
    pub(crate) source_ids: TextIdIndex,
    pub(crate) views: Vec<ViewSpec>,
    /// The default relationship ids, built on first use: only once every
    /// relationship is in (nothing asks while loading, see
    /// [`Model::given_relationship_by_id`]).
    pub(crate) default_ids: std::sync::OnceLock<default_ids::DefaultIds>,
}

impl Model {
    /// The views the dataset declares, in the order written (files in
    /// reading order).
    pub fn views(&self) -> &[ViewSpec] {
        &self.views
    }

    /// The declared view `id`.
    pub fn view_by_id(&self, id: &str) -> Option<&ViewSpec> {
        self.views.iter().find(|v| v.id == id)
    }

    /// Dataset metadata.
    pub fn dataset(&self) -> &DatasetMeta {
        &self.meta
    }

    /// The graph: entities are nodes, relationships edges (always stored
    /// `from` → `to`, also for undirected relationships).
    pub fn graph(&self) -> &Graph<Entity, Relationship, petgraph::Directed, u32> {
        &self.graph
    }

    /// Number of entities.
    pub fn entity_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of relationships.
    pub fn relationship_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Number of sources.
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }

    /// All entities, in load order.
    pub fn entities(&self) -> impl ExactSizeIterator<Item = EntityRef<'_>> + '_ {
        self.graph.node_indices().map(|ix| self.entity(ix))
    }

    /// All relationships, in load order.
    pub fn relationships(&self) -> impl ExactSizeIterator<Item = RelRef<'_>> + '_ {
        self.graph.edge_indices().map(|ix| self.relationship(ix))
    }

    /// All sources, in load order.
    pub fn sources(&self) -> impl ExactSizeIterator<Item = SourceRef<'_>> + '_ {
        (0..self.sources.len() as u32).map(|i| self.source(SourceIx(i)))
    }

    /// The entity at `ix`.
    pub fn entity(&self, ix: EntityIx) -> EntityRef<'_> {
        EntityRef {
            model: self,
            ix,
            rec: &self.graph[ix],
        }
    }

    /// The relationship at `ix`.
    ///
    /// # Panics
    ///
    /// If `ix` is not a relationship of this model.
    pub fn relationship(&self, ix: RelIx) -> RelRef<'_> {
        let (from, to) = self
            .graph
            .edge_endpoints(ix)
            .expect("relationship index from this model");
        RelRef {
            model: self,
            ix,
            from,
            to,
            rec: &self.graph[ix],
        }
    }

    /// The source at `ix`.
    pub fn source(&self, ix: SourceIx) -> SourceRef<'_> {
        SourceRef {
            model: self,
            ix,
            rec: &self.sources[ix.0 as usize],
        }
    }

    /// The entity with this exact id.
    pub fn entity_by_id(&self, id: &str) -> Option<EntityIx> {
        self.entity_ids
            .find(id, &self.text)
            .map(|i| NodeIndex::new(i as usize))
    }

    /// The relationship with this exact id (given, or the default one).
    pub fn relationship_by_id(&self, id: &str) -> Option<RelIx> {
        self.given_relationship_by_id(id)
            .or_else(|| self.default_ids().find(id))
    }

    /// The relationship whose given id is `id`. What the loader asks while
    /// relationships are still being added: the default ids are spelled out
    /// only once they all are in.
    pub(crate) fn given_relationship_by_id(&self, id: &str) -> Option<RelIx> {
        self.rel_ids
            .find(id, |i| self.given_rel_id(EdgeIndex::new(i as usize)))
            .map(|i| EdgeIndex::new(i as usize))
    }

    /// The id relationship `ix` was given (empty when it has none).
    pub(crate) fn given_rel_id(&self, ix: RelIx) -> &str {
        self.graph[ix].id.map_or("", |s| self.text.get(s))
    }

    /// The id of relationship `ix`: given, or the default one.
    pub(crate) fn rel_id(&self, ix: RelIx) -> &str {
        match self.graph[ix].id {
            Some(s) => self.text.get(s),
            None => self.default_ids().get(ix),
        }
    }

    fn default_ids(&self) -> &default_ids::DefaultIds {
        self.default_ids
            .get_or_init(|| default_ids::DefaultIds::build(self))
    }

    /// The source with this exact id.
    pub fn source_by_id(&self, id: &str) -> Option<SourceIx> {
        self.source_ids.find(id, &self.text).map(SourceIx)
    }

    fn str(&self, s: Str) -> &str {
        self.text.get(s)
    }

    fn opt(&self, s: Option<Str>) -> Option<&str> {
        s.map(|s| self.text.get(s))
    }

    fn props(&self, r: Range32) -> impl ExactSizeIterator<Item = (&str, PropertyValue<'_>)> + '_ {
        self.properties[r.range()].iter().map(move |p| {
            let value = match &p.value {
                PropValue::Scalar(s) => PropertyValue::Scalar(self.scalar(s)),
                PropValue::List(r) => PropertyValue::List(
                    self.list_items[r.range()]
                        .iter()
                        .map(|s| self.scalar(s))
                        .collect(),
                ),
            };
            (self.str(p.key), value)
        })
    }

    fn scalar<'a>(&'a self, s: &'a Scalar) -> ScalarValue<'a> {
        match s {
            Scalar::Str(t) => ScalarValue::Str(self.str(*t)),
            Scalar::Num(n) => ScalarValue::Num(n),
            Scalar::Bool(b) => ScalarValue::Bool(*b),
        }
    }
}

/// A scalar property value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScalarValue<'a> {
    /// A string.
    Str(&'a str),
    /// A number, as written.
    Num(&'a serde_json::Number),
    /// A boolean.
    Bool(bool),
}

impl ScalarValue<'_> {
    /// As a JSON value.
    pub fn to_json(self) -> serde_json::Value {
        match self {
            ScalarValue::Str(s) => serde_json::Value::String(s.to_owned()),
            ScalarValue::Num(n) => serde_json::Value::Number(n.clone()),
            ScalarValue::Bool(b) => serde_json::Value::Bool(b),
        }
    }
}

impl fmt::Display for ScalarValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScalarValue::Str(s) => f.write_str(s),
            ScalarValue::Num(n) => write!(f, "{n}"),
            ScalarValue::Bool(b) => write!(f, "{b}"),
        }
    }
}

/// A property value: a scalar or a list of scalars.
#[derive(Clone, Debug, PartialEq)]
pub enum PropertyValue<'a> {
    /// One value.
    Scalar(ScalarValue<'a>),
    /// A list of values.
    List(Vec<ScalarValue<'a>>),
}

impl PropertyValue<'_> {
    /// As a JSON value.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            PropertyValue::Scalar(s) => s.to_json(),
            PropertyValue::List(l) => {
                serde_json::Value::Array(l.iter().map(|s| s.to_json()).collect())
            }
        }
    }
}

impl fmt::Display for PropertyValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PropertyValue::Scalar(s) => write!(f, "{s}"),
            PropertyValue::List(l) => {
                for (i, s) in l.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{s}")?;
                }
                Ok(())
            }
        }
    }
}

/// A view of one entity.
#[derive(Clone, Copy)]
pub struct EntityRef<'a> {
    model: &'a Model,
    ix: EntityIx,
    rec: &'a Entity,
}

impl<'a> EntityRef<'a> {
    /// Its index in the graph.
    pub fn ix(&self) -> EntityIx {
        self.ix
    }
    /// Its id.
    pub fn id(&self) -> &'a str {
        self.model.str(self.rec.id)
    }
    /// Its display name.
    pub fn name(&self) -> &'a str {
        self.model.str(self.rec.name)
    }
    /// Its kind as written (`person`, `organization`, … or any other word).
    pub fn kind(&self) -> &'a str {
        self.model.syms.get(self.rec.kind)
    }
    /// Its kind if FORMAT.md names it, else `other` (how it is drawn).
    pub fn display_kind(&self) -> &'a str {
        let kind = self.kind();
        if crate::format::EntityKind::is_known(kind) {
            kind
        } else {
            "other"
        }
    }
    /// Other names it is known by.
    pub fn aliases(&self) -> impl ExactSizeIterator<Item = &'a str> + 'a {
        let model = self.model;
        model.aliases[self.rec.aliases.range()]
            .iter()
            .map(move |s| model.str(*s))
    }
    /// Description.
    pub fn description(&self) -> Option<&'a str> {
        self.model.opt(self.rec.description)
    }
    /// Web page.
    pub fn url(&self) -> Option<&'a str> {
        self.model.opt(self.rec.url)
    }
    /// Start (founded, born…).
    pub fn start(&self) -> Option<PartialDate> {
        self.rec.start
    }
    /// End (dissolved, died…).
    pub fn end(&self) -> Option<PartialDate> {
        self.rec.end
    }
    /// Free-form properties, in the order written.
    pub fn properties(&self) -> impl ExactSizeIterator<Item = (&'a str, PropertyValue<'a>)> + 'a {
        self.model.props(self.rec.properties)
    }
}

/// A sum of money.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Amount<'a> {
    /// The value, as written.
    pub value: &'a serde_json::Number,
    /// ISO 4217 currency code.
    pub currency: &'a str,
}

impl fmt::Display for Amount<'_> {
    /// Short form for labels: `€265M`, `$5B`, `1.2K CHF`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.value.as_f64().unwrap_or(0.0);
        let (scaled, suffix) = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
            .into_iter()
            .find(|(unit, _)| value >= *unit)
            .map_or((value, ""), |(unit, s)| (value / unit, s));
        let mut number = format!("{scaled:.1}");
        if number.ends_with(".0") {
            number.truncate(number.len() - 2);
        }
        match self.currency {
            "USD" => write!(f, "${number}{suffix}"),
            "EUR" => write!(f, "€{number}{suffix}"),
            "GBP" => write!(f, "£{number}{suffix}"),
            other => write!(f, "{number}{suffix} {other}"),
        }
    }
}

/// A view of one relationship.
#[derive(Clone, Copy)]
pub struct RelRef<'a> {
    model: &'a Model,
    ix: RelIx,
    from: EntityIx,
    to: EntityIx,
    rec: &'a Relationship,
}

impl<'a> RelRef<'a> {
    /// Its index in the graph.
    pub fn ix(&self) -> RelIx {
        self.ix
    }
    /// Its id (given, or `{from}.{type}.{to}`).
    pub fn id(&self) -> &'a str {
        self.model.rel_id(self.ix)
    }
    /// The entity it is from.
    pub fn from(&self) -> EntityIx {
        self.from
    }
    /// The entity it points to.
    pub fn to(&self) -> EntityIx {
        self.to
    }
    /// Its type, snake_case.
    pub fn rel_type(&self) -> &'a str {
        self.model.syms.get(self.rec.rel_type)
    }
    /// The label as written, if any.
    pub fn label_given(&self) -> Option<&'a str> {
        self.model.opt(self.extra().and_then(|x| x.label))
    }
    /// The text drawn on the edge: the label, or the type with spaces.
    pub fn label(&self) -> Cow<'a, str> {
        match self.label_given() {
            Some(l) => Cow::Borrowed(l),
            None => Cow::Owned(self.rel_type().replace('_', " ")),
        }
    }
    /// False for symmetric ties.
    pub fn directed(&self) -> bool {
        self.rec.directed
    }
    /// When it holds.
    pub fn when(&self) -> When {
        self.rec.when
    }
    /// How well established it is.
    pub fn status(&self) -> Status {
        self.rec.status
    }
    /// Money involved.
    pub fn amount(&self) -> Option<Amount<'a>> {
        let model = self.model;
        self.extra()
            .and_then(|x| x.amount)
            .map(|i| &model.amounts[i.get() as usize - 1])
            .map(|a| Amount {
                value: &a.value,
                currency: model.syms.get(a.currency),
            })
    }
    /// The citations backing it.
    pub fn evidence(&self) -> impl ExactSizeIterator<Item = CitationRef<'a>> + 'a {
        let model = self.model;
        model.citations[self.rec.evidence.range()]
            .iter()
            .map(move |c| CitationRef { model, rec: c })
    }
    /// Who contests it.
    pub fn disputes(&self) -> impl ExactSizeIterator<Item = DisputeRef<'a>> + 'a {
        let model = self.model;
        let range = self.extra().map(|x| x.disputes).unwrap_or_default();
        model.disputes[range.range()]
            .iter()
            .map(move |d| DisputeRef { model, rec: d })
    }
    /// True when someone contests it.
    pub fn is_disputed(&self) -> bool {
        self.extra().is_some_and(|x| x.disputes.len > 0)
    }
    /// Free-form properties, in the order written.
    pub fn properties(&self) -> impl ExactSizeIterator<Item = (&'a str, PropertyValue<'a>)> + 'a {
        self.model
            .props(self.extra().map(|x| x.properties).unwrap_or_default())
    }
    /// The rarer parts, if it has any.
    fn extra(&self) -> Option<&'a RelExtra> {
        let model = self.model;
        self.rec
            .extra
            .map(|i| &model.rel_extras[i.get() as usize - 1])
    }
    /// The entity at the other end from `ix`.
    pub fn other_end(&self, ix: EntityIx) -> EntityIx {
        if self.from == ix { self.to } else { self.from }
    }
}

/// A view of one citation.
#[derive(Clone, Copy)]
pub struct CitationRef<'a> {
    model: &'a Model,
    rec: &'a Citation,
}

impl<'a> CitationRef<'a> {
    /// The cited source.
    pub fn source(&self) -> SourceRef<'a> {
        self.model.source(self.rec.source)
    }
    /// Where in the source (`p. 12, ¶ 40`).
    pub fn locator(&self) -> Option<&'a str> {
        self.model.opt(self.rec.locator)
    }
    /// The exact words quoted.
    pub fn quote(&self) -> Option<&'a str> {
        self.model.opt(self.rec.quote)
    }
}

/// A view of one dispute.
#[derive(Clone, Copy)]
pub struct DisputeRef<'a> {
    model: &'a Model,
    rec: &'a Dispute,
}

impl<'a> DisputeRef<'a> {
    /// Who disputes the claim.
    pub fn entity(&self) -> EntityRef<'a> {
        self.model.entity(self.rec.entity)
    }
    /// Where they said so.
    pub fn source(&self) -> SourceRef<'a> {
        self.model.source(self.rec.source)
    }
    /// Their words.
    pub fn quote(&self) -> Option<&'a str> {
        self.model.opt(self.rec.quote)
    }
}

/// A view of one source.
#[derive(Clone, Copy)]
pub struct SourceRef<'a> {
    model: &'a Model,
    ix: SourceIx,
    rec: &'a Source,
}

impl<'a> SourceRef<'a> {
    /// Its index.
    pub fn ix(&self) -> SourceIx {
        self.ix
    }
    /// Its id.
    pub fn id(&self) -> &'a str {
        self.model.str(self.rec.id)
    }
    /// Title.
    pub fn title(&self) -> &'a str {
        self.model.str(self.rec.title)
    }
    /// Kind of document.
    pub fn kind(&self) -> SourceKind {
        self.rec.kind
    }
    /// Publisher.
    pub fn publisher(&self) -> Option<&'a str> {
        self.model.opt(self.rec.publisher)
    }
    /// Author.
    pub fn author(&self) -> Option<&'a str> {
        self.model.opt(self.rec.author)
    }
    /// Publication date.
    pub fn published(&self) -> Option<PartialDate> {
        self.rec.published
    }
    /// Address (always `http:` or `https:`).
    pub fn url(&self) -> Option<&'a str> {
        self.model.opt(self.rec.url)
    }
    /// Archived copy (always `http:` or `https:`).
    pub fn archived_url(&self) -> Option<&'a str> {
        self.model.opt(self.rec.archived_url)
    }
    /// Curator's notes.
    pub fn notes(&self) -> Option<&'a str> {
        self.model.opt(self.rec.notes)
    }
}
#[cfg(test)]
mod sizes {
    /// The per-record sizes the memory figures of benches/BENCHMARKS.md
    /// rest on (a 1 GB dataset has millions of each): a field added to a
    /// record must not quietly grow it.
    #[test]
    fn records_stay_compact() {
        use std::mem::size_of;
        assert_eq!(size_of::<Option<super::Str>>(), 8);
        assert_eq!(size_of::<super::When>(), 12);
        assert!(size_of::<super::Citation>() <= 20);
        assert!(size_of::<super::Relationship>() <= 40);
        assert!(size_of::<super::Entity>() <= 64);
    }

    /// What the loaded model holds per record, in bytes, beside the file
    /// text it points into: the figures benches/BENCHMARKS.md states
    /// (issue #14 item 4). A graph node or edge is the record plus
    /// petgraph's links; an entity also has an id-table slot (16 bytes, the
    /// table at most four fifths full: the id itself up to 11 bytes, else
    /// its handle and hash, the text then copied, see `Arena::push_copy`);
    /// a relationship its record's place (4 bytes, for diagnostics) and, only with an id
    /// of its own, a 4-byte slot and a control byte; a label, amount,
    /// disputes or properties put a 28-byte record in a side table, and an
    /// amount 24 bytes more in its own. A default id costs nothing until
    /// asked for.
    #[test]
    fn bytes_per_record_are_as_documented() {
        use petgraph::graph::{Edge, Node};
        use std::mem::size_of;
        assert_eq!(size_of::<Node<super::Entity, u32>>(), 72);
        assert_eq!(size_of::<Edge<super::Relationship, u32>>(), 56);
        assert_eq!(size_of::<super::Citation>(), 20);
        assert_eq!(size_of::<super::strings::TextSlot>(), 16);
        assert_eq!(size_of::<super::Property>(), 24);
        assert_eq!(size_of::<super::RelExtra>(), 28);
        assert_eq!(size_of::<super::AmountRec>(), 24);
    }
}
