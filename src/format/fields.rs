//! The fields of every record kind, in FORMAT.md's order, as data.
//!
//! Each record kind is declared once with [`record!`]: the macro makes a
//! key enum (so a read is checked at compile time and costs an index, not
//! a string search) and the table of [`Field`]s the enum indexes. The
//! validator's unknown-key, missing-key and wrong-type checks, the canonical
//! JSON writer, the exporters' attribute lists and the CLI's `--json`
//! writers all read these tables, so a field is added in one place.

/// What a key holds, as FORMAT.md's "type" column says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A slug id (see [`super::is_slug`]).
    Slug,
    /// Free text.
    Text,
    /// A partial ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    Date,
    /// An `http:` or `https:` URL.
    HttpUrl,
    /// `true` or `false`.
    Bool,
    /// A whole number between the two bounds, inclusive.
    Integer(i64, i64),
    /// A number ≥ 0.
    NonNegative,
    /// A three-letter ISO 4217 currency code.
    Currency,
    /// The id of an entity.
    EntityId,
    /// The id of a source.
    SourceId,
    /// One of [`super::Status`]'s words.
    Status,
    /// One of [`super::SourceKind`]'s words.
    SourceKind,
    /// An entity kind: any string, the known ones drawn by kind.
    EntityKind,
    /// A snake_case relationship type.
    RelType,
    /// The format tag, exactly [`super::FORMAT_TAG`].
    FormatTag,
    /// One of `LR`, `RL`, `TB`, `BT`.
    RankDir,
    /// An array of strings.
    Texts,
    /// An array of entity ids.
    EntityIds,
    /// An array of relationship ids.
    RelationshipIds,
    /// An array of statuses.
    Statuses,
    /// Two dates, in order.
    DatePair,
    /// Two entity ids.
    EntityPair,
    /// Free key → string, number, boolean, or an array of those.
    Properties,
    /// An object with the given fields.
    Object(&'static [Field]),
    /// An array of objects with the given fields.
    Objects(&'static [Field]),
}

impl ValueKind {
    /// The JSON type this kind is written as, in a diagnostic's words
    /// ("`depth` must be a whole number, found a string").
    pub fn json_type(self) -> &'static str {
        match self {
            ValueKind::Bool => "`true` or `false`",
            ValueKind::Integer(..) => "a whole number",
            ValueKind::NonNegative => "a number",
            ValueKind::Texts
            | ValueKind::EntityIds
            | ValueKind::RelationshipIds
            | ValueKind::Statuses
            | ValueKind::DatePair
            | ValueKind::EntityPair => "an array of strings",
            ValueKind::Properties | ValueKind::Object(_) => "an object",
            ValueKind::Objects(_) => "an array of objects",
            ValueKind::Slug
            | ValueKind::Text
            | ValueKind::Date
            | ValueKind::HttpUrl
            | ValueKind::Currency
            | ValueKind::EntityId
            | ValueKind::SourceId
            | ValueKind::Status
            | ValueKind::SourceKind
            | ValueKind::EntityKind
            | ValueKind::RelType
            | ValueKind::FormatTag
            | ValueKind::RankDir => "a string",
        }
    }
}

/// One key of a record kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The key as written in the data.
    pub key: &'static str,
    /// Whether a record without it is an error.
    pub required: bool,
    /// What the key holds.
    pub value: ValueKind,
    /// What it means: the doc comment of its [`record!`] line, so the JSON
    /// Schema's descriptions and `init`'s README read the one text.
    pub doc: &'static str,
}

impl Field {
    /// What the key means, in a sentence or two ([`Field::doc`], trimmed).
    pub fn description(&self) -> &'static str {
        self.doc.trim()
    }
}

/// The keys of one record kind: the enum [`record!`] makes.
pub trait Key: Copy + Eq + 'static {
    /// The record kind's fields, indexed by [`Key::index`].
    const FIELDS: &'static [Field];
    /// Every key, in table order.
    const ALL: &'static [Self];
    /// The key's position in [`Key::FIELDS`].
    fn index(self) -> usize;
    /// The key named `key`, if the record kind has it.
    fn from_key(key: &str) -> Option<Self>;
    /// The key as written in the data.
    fn key(self) -> &'static str {
        Self::FIELDS[self.index()].key
    }
    /// Its field.
    fn field(self) -> &'static Field {
        &Self::FIELDS[self.index()]
    }
}

/// Declares a record kind: `record!(Enum, TABLE { Variant = "key", required, kind; … })`
/// makes `enum Enum { Variant, … }` implementing [`Key`], and
/// `const TABLE: &[Field]` in the same order.
macro_rules! record {
    ($(#[$doc:meta])* $name:ident, $table:ident {
        $($(#[doc = $vdoc:literal])* $variant:ident = $key:literal, $required:literal, $value:expr;)*
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant,)*
        }

        #[doc = concat!("The fields of [`", stringify!($name), "`], in FORMAT.md's order.")]
        pub const $table: &[Field] = &[
            $(Field {
                key: $key,
                required: $required,
                value: $value,
                // Each doc line starts with the space after `///`.
                doc: concat!($($vdoc),*),
            },)*
        ];

        impl Key for $name {
            const FIELDS: &'static [Field] = $table;
            const ALL: &'static [$name] = &[$($name::$variant,)*];
            fn index(self) -> usize {
                self as usize
            }
            fn from_key(key: &str) -> Option<$name> {
                match key {
                    $($key => Some($name::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

use ValueKind as V;

record!(
    /// The keys of the top-level object.
    TopKey, TOP_FIELDS {
        /// The JSON Schema an editor checks the file against (`casegraph
        /// schema` prints it); casegraph itself ignores it.
        Schema = "$schema", false, V::Text;
        /// `"casegraph/1"`.
        Format = "format", false, V::FormatTag;
        /// The dataset block.
        Dataset = "dataset", false, V::Object(DATASET_FIELDS);
        /// The sources.
        Sources = "sources", false, V::Objects(SOURCE_FIELDS);
        /// The entities.
        Entities = "entities", false, V::Objects(ENTITY_FIELDS);
        /// The relationships.
        Relationships = "relationships", false, V::Objects(RELATIONSHIP_FIELDS);
        /// The diagrams the dataset publishes.
        Views = "views", false, V::Objects(VIEW_FIELDS);
    }
);

record!(
    /// The keys of the `dataset` block.
    DatasetKey, DATASET_FIELDS {
        /// The dataset's id; output files are named after it.
        Id = "id", false, V::Slug;
        /// Title.
        Title = "title", false, V::Text;
        /// Description.
        Description = "description", false, V::Text;
        /// Last update.
        Updated = "updated", false, V::Date;
        /// Licence of the data.
        License = "license", false, V::Text;
        /// Home page.
        Url = "url", false, V::HttpUrl;
    }
);

record!(
    /// The keys of a source.
    SourceKey, SOURCE_FIELDS {
        /// Its id.
        Id = "id", true, V::Slug;
        /// Its title.
        Title = "title", true, V::Text;
        /// What kind of document it is.
        Kind = "kind", false, V::SourceKind;
        /// Who published it.
        Publisher = "publisher", false, V::Text;
        /// Who wrote it.
        Author = "author", false, V::Text;
        /// When it was published.
        Published = "published", false, V::Date;
        /// Where it is.
        Url = "url", false, V::HttpUrl;
        /// An archived copy.
        ArchivedUrl = "archived_url", false, V::HttpUrl;
        /// Curator's notes.
        Notes = "notes", false, V::Text;
    }
);

record!(
    /// The keys of an entity.
    EntityKey, ENTITY_FIELDS {
        /// Its id.
        Id = "id", true, V::Slug;
        /// Display name.
        Name = "name", true, V::Text;
        /// Kind (`person`, `organization`, …).
        Kind = "kind", true, V::EntityKind;
        /// Other names.
        Aliases = "aliases", false, V::Texts;
        /// One or two sentences.
        Description = "description", false, V::Text;
        /// Home page.
        Url = "url", false, V::HttpUrl;
        /// Founded, born.
        Start = "start", false, V::Date;
        /// Dissolved, died.
        End = "end", false, V::Date;
        /// Free-form properties.
        Properties = "properties", false, V::Properties;
    }
);

record!(
    /// The keys of a relationship.
    RelationshipKey, RELATIONSHIP_FIELDS {
        /// Its id (default `{from}.{type}.{to}`).
        Id = "id", false, V::Slug;
        /// Where it starts.
        From = "from", true, V::EntityId;
        /// Where it ends.
        To = "to", true, V::EntityId;
        /// The verb phrase.
        Type = "type", true, V::RelType;
        /// Text drawn on the edge.
        Label = "label", false, V::Text;
        /// `false` for symmetric ties.
        Directed = "directed", false, V::Bool;
        /// A one-off event.
        Date = "date", false, V::Date;
        /// Start of a period.
        Start = "start", false, V::Date;
        /// End of a period.
        End = "end", false, V::Date;
        /// How well established the claim is.
        Status = "status", false, V::Status;
        /// Money involved.
        Amount = "amount", false, V::Object(AMOUNT_FIELDS);
        /// Citations.
        Evidence = "evidence", false, V::Objects(CITATION_FIELDS);
        /// Who contests the claim.
        DisputedBy = "disputed_by", false, V::Objects(DISPUTE_FIELDS);
        /// Free-form properties.
        Properties = "properties", false, V::Properties;
    }
);

record!(
    /// The keys of a citation.
    CitationKey, CITATION_FIELDS {
        /// The source cited.
        Source = "source", true, V::SourceId;
        /// Where in it (`p. 12, ¶ 40`).
        Locator = "locator", false, V::Text;
        /// Its exact words.
        Quote = "quote", false, V::Text;
    }
);

record!(
    /// The keys of a dispute.
    DisputeKey, DISPUTE_FIELDS {
        /// Who disputes the claim.
        Entity = "entity", true, V::EntityId;
        /// Where they did.
        Source = "source", true, V::SourceId;
        /// Their words.
        Quote = "quote", false, V::Text;
    }
);

record!(
    /// The keys of an amount.
    AmountKey, AMOUNT_FIELDS {
        /// A number ≥ 0.
        Value = "value", true, V::NonNegative;
        /// An ISO 4217 code.
        Currency = "currency", true, V::Currency;
    }
);

record!(
    /// The keys of a view (FORMAT.md, "Views").
    ViewKey, VIEW_FIELDS {
        /// Names the view's files.
        Id = "id", true, V::Slug;
        /// The diagram's subtitle.
        Title = "title", true, V::Text;
        /// A paragraph under the diagram.
        Caption = "caption", false, V::Text;
        /// The entity at the centre.
        Focus = "focus", false, V::EntityId;
        /// Hops around `focus`.
        Depth = "depth", false, V::Integer(1, super::MAX_VIEW_DEPTH);
        /// The two ends of a path.
        Path = "path", false, V::EntityPair;
        /// Options of the path search.
        PathOptions = "path_options", false, V::Object(PATH_OPTION_FIELDS);
        /// The command line's filters.
        Filter = "filter", false, V::Object(FILTER_FIELDS);
        /// What to draw emphasised.
        Highlight = "highlight", false, V::Object(HIGHLIGHT_FIELDS);
        /// Story annotations.
        Notes = "notes", false, V::Objects(NOTE_FIELDS);
        /// Number the sources under the diagram.
        Footnotes = "footnotes", false, V::Bool;
        /// Direction of the layout.
        Rankdir = "rankdir", false, V::RankDir;
    }
);

record!(
    /// The keys of a view's `path_options`.
    PathOptionKey, PATH_OPTION_FIELDS {
        /// Weigh hops by credibility.
        Credible = "credible", false, V::Bool;
        /// How many paths.
        K = "k", false, V::Integer(1, super::MAX_VIEW_K);
        /// An entity the path must pass.
        Via = "via", false, V::EntityId;
        /// Entities the path must not pass.
        Avoid = "avoid", false, V::EntityIds;
        /// Follow arrows only.
        Directed = "directed", false, V::Bool;
        /// At most this many hops.
        MaxHops = "max_hops", false, V::Integer(1, super::MAX_VIEW_HOPS);
        /// Hops of neighbourhood drawn around the path.
        Context = "context", false, V::Integer(0, super::MAX_VIEW_CONTEXT);
    }
);

record!(
    /// The keys of a view's `filter`: the command line's filters.
    FilterKey, FILTER_FIELDS {
        /// Only these relationship types.
        Types = "types", false, V::Texts;
        /// Not these relationship types.
        ExcludeTypes = "exclude_types", false, V::Texts;
        /// Only entities of these kinds.
        Kinds = "kinds", false, V::Texts;
        /// Only these statuses.
        Status = "status", false, V::Statuses;
        /// This status or stronger.
        MinStatus = "min_status", false, V::Status;
        /// Leave out disputed claims.
        NoDisputed = "no_disputed", false, V::Bool;
        /// In force on this date.
        AsOf = "as_of", false, V::Date;
        /// In force at some time in this period.
        Between = "between", false, V::DatePair;
    }
);

record!(
    /// The keys of a view's `highlight`.
    HighlightKey, HIGHLIGHT_FIELDS {
        /// Entities drawn emphasised.
        Entities = "entities", false, V::EntityIds;
        /// Relationships drawn emphasised.
        Relationships = "relationships", false, V::RelationshipIds;
    }
);

record!(
    /// The keys of a view's note: on an entity or on a relationship.
    NoteKey, NOTE_FIELDS {
        /// The entity annotated.
        Entity = "entity", false, V::EntityId;
        /// The relationship annotated.
        Relationship = "relationship", false, V::Slug;
        /// The annotation.
        Text = "text", true, V::Text;
    }
);

/// The most keys any record kind has: the size of a per-record key table.
pub const MAX_KEYS: usize = max_len(&[
    TOP_FIELDS.len(),
    DATASET_FIELDS.len(),
    SOURCE_FIELDS.len(),
    ENTITY_FIELDS.len(),
    RELATIONSHIP_FIELDS.len(),
    CITATION_FIELDS.len(),
    DISPUTE_FIELDS.len(),
    AMOUNT_FIELDS.len(),
    VIEW_FIELDS.len(),
    PATH_OPTION_FIELDS.len(),
    FILTER_FIELDS.len(),
    HIGHLIGHT_FIELDS.len(),
    NOTE_FIELDS.len(),
]);

const fn max_len(lens: &[usize]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < lens.len() {
        if lens[i] > max {
            max = lens[i];
        }
        i += 1;
    }
    max
}

/// The keys of a table, for "the keys allowed here are: …".
pub fn keys(fields: &'static [Field]) -> impl Iterator<Item = &'static str> {
    fields.iter().map(|f| f.key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<K: Key + std::fmt::Debug>() {
        for (i, k) in K::ALL.iter().enumerate() {
            assert_eq!(k.index(), i);
            assert_eq!(K::from_key(k.key()), Some(*k));
        }
        assert_eq!(K::ALL.len(), K::FIELDS.len());
        for f in K::FIELDS {
            assert!(!f.description().is_empty(), "`{}` has no doc line", f.key);
        }
        assert_eq!(K::from_key("no-such-key"), None);
    }

    #[test]
    fn every_enum_indexes_its_table() {
        check::<TopKey>();
        check::<DatasetKey>();
        check::<SourceKey>();
        check::<EntityKey>();
        check::<RelationshipKey>();
        check::<CitationKey>();
        check::<DisputeKey>();
        check::<AmountKey>();
        check::<ViewKey>();
        check::<PathOptionKey>();
        check::<FilterKey>();
        check::<HighlightKey>();
        check::<NoteKey>();
    }

    #[test]
    fn tables_follow_the_spec() {
        // FORMAT.md's tables, in its order: a key moved or renamed there
        // must be moved here, and this says where.
        let spec = include_str!("../../graph-data/README.md");
        for (name, fields) in [
            ("Source", SOURCE_FIELDS),
            ("Entity", ENTITY_FIELDS),
            ("Relationship", RELATIONSHIP_FIELDS),
            ("Views", VIEW_FIELDS),
        ] {
            let at = spec
                .find(&format!("## {name}"))
                .unwrap_or_else(|| panic!("no {name} section"));
            let section = &spec[at..];
            let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
            let rows: Vec<&str> = section
                .lines()
                .filter(|l| l.starts_with("| `"))
                .flat_map(|l| {
                    let cell = l.split('|').nth(1).unwrap_or("");
                    cell.split(',')
                        .map(|k| k.trim().trim_matches('`'))
                        .collect::<Vec<_>>()
                })
                .collect();
            let keys: Vec<&str> = keys(fields).collect();
            assert_eq!(rows, keys, "the {name} table");
        }
    }

    #[test]
    fn max_keys_fits_every_table() {
        assert_eq!(MAX_KEYS, RELATIONSHIP_FIELDS.len());
    }
}
