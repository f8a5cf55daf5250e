//! The views a dataset declares (FORMAT.md, "Views — the diagrams a
//! dataset publishes"): checked by the validator, kept here with every id
//! resolved, and drawn by `casegraph build`, `render --view` and listed by
//! `casegraph views`.

use super::{EntityIx, PartialDate, RelIx, Status};

/// One declared view, every id it names resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewSpec {
    /// Names the view's files: `<id>.svg`, `<id>.png`.
    pub id: String,
    /// The diagram's subtitle.
    pub title: String,
    /// A paragraph shown under the diagram.
    pub caption: Option<String>,
    /// What part of the graph it draws.
    pub selects: Selects,
    /// The command line's filters, as the view gives them.
    pub filter: ViewFilter,
    /// Entities drawn emphasised.
    pub highlight_entities: Vec<EntityIx>,
    /// Relationships drawn emphasised.
    pub highlight_relationships: Vec<RelIx>,
    /// Story annotations, in the order written.
    pub notes: Vec<Note>,
    /// Number the sources under the diagram.
    pub footnotes: bool,
    /// Direction of the layout.
    pub rankdir: Rankdir,
}

/// What a view selects: the whole (filtered) graph, a neighbourhood or a path.
#[derive(Clone, Debug, PartialEq)]
pub enum Selects {
    /// Everything the filter keeps.
    All,
    /// The entities within `depth` hops of `entity`.
    Focus {
        /// The entity in the middle.
        entity: EntityIx,
        /// Hops from it (1–6).
        depth: usize,
    },
    /// The connection the path query finds from `from` to `to`.
    Path {
        /// Where the path starts.
        from: EntityIx,
        /// Where it ends.
        to: EntityIx,
        /// The search's options.
        options: PathOptions,
    },
}

/// A path view's `path_options`, defaults filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct PathOptions {
    /// Weigh hops by credibility (`path --credible`).
    pub credible: bool,
    /// How many paths to draw (1–10; default 1).
    pub k: usize,
    /// An entity the path must pass.
    pub via: Option<EntityIx>,
    /// Entities the path must not pass.
    pub avoid: Vec<EntityIx>,
    /// Follow arrows only.
    pub directed: bool,
    /// At most this many hops (default: the path command's).
    pub max_hops: Option<usize>,
    /// Hops of neighbourhood drawn around the path (0–2; default 1).
    pub context: usize,
}

impl Default for PathOptions {
    fn default() -> Self {
        PathOptions {
            credible: false,
            k: 1,
            via: None,
            avoid: Vec::new(),
            directed: false,
            max_hops: None,
            context: 1,
        }
    }
}

/// Which relationships and entities to keep — a view's `filter`, and the
/// command line's filters (`--types`, `--min-status`, …), which are the same
/// data. The query layer gives it its meaning as `query::Filter`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewFilter {
    /// Only these relationship types.
    pub types: Option<Vec<String>>,
    /// Not these relationship types.
    pub exclude_types: Vec<String>,
    /// Only entities of these kinds.
    pub kinds: Option<Vec<String>>,
    /// Only these statuses (`status`, narrowed by `min_status`).
    pub statuses: Option<Vec<Status>>,
    /// Leave out disputed claims.
    pub no_disputed: bool,
    /// In force on this date.
    pub as_of: Option<PartialDate>,
    /// In force at some time in this period.
    pub between: Option<(PartialDate, PartialDate)>,
}

/// A story annotation on one entity or relationship.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    /// What it is about.
    pub about: Annotated,
    /// The annotation.
    pub text: String,
}

/// What a [`Note`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Annotated {
    /// An entity.
    Entity(EntityIx),
    /// A relationship.
    Relationship(RelIx),
}

/// A view's `rankdir`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Rankdir {
    /// Left to right (the default).
    #[default]
    LR,
    /// Right to left.
    RL,
    /// Top to bottom.
    TB,
    /// Bottom to top.
    BT,
}

impl Rankdir {
    /// Every direction, as written in the data.
    pub const ALL: [(Rankdir, &'static str); 4] = [
        (Rankdir::LR, "LR"),
        (Rankdir::RL, "RL"),
        (Rankdir::TB, "TB"),
        (Rankdir::BT, "BT"),
    ];
}
