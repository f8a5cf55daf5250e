//! The vocabulary of a path question: the query, its answer, a hop and how
//! it crosses its relationship, and the weights the searches use.

use crate::format::DISPUTED_WEIGHT;
use crate::model::{EntityIx, Model, RelIx, RelRef, Status};

/// Fixed-point unit of path costs: one hop of a plain search costs `UNIT`.
pub const UNIT: u64 = 1000;

/// The weight of one relationship under `--credible`: its status's
/// [`Status::weight`] (confirmed 1, reported 2, alleged 4, denied 8), plus
/// [`DISPUTED_WEIGHT`] if someone disputes it. Lower is stronger.
///
/// # Complexity
///
/// O(1).
///
/// # Example
///
/// ```
/// let json = r#"{"sources": [{"id": "s", "title": "S"}],
/// "entities": [{"id": "a", "name": "A", "kind": "person"},
///              {"id": "b", "name": "B", "kind": "person"}],
/// "relationships": [{"from": "a", "to": "b", "type": "knows", "status": "alleged",
///                    "evidence": [{"source": "s"}]}]}"#;
/// let model = casegraph::load_str("t.json", json).model.expect("valid");
/// let (a, b) = (model.entity_by_id("a").unwrap(), model.entity_by_id("b").unwrap());
/// let r = model.relationships().next().unwrap();
/// assert_eq!(casegraph::query::path::credibility(&r), 4);
/// ```
pub fn credibility(r: &RelRef<'_>) -> u64 {
    r.status().weight() + if r.is_disputed() { DISPUTED_WEIGHT } else { 0 }
}

/// The extra cost, in [`UNIT`]s, of passing *through* an entity under
/// `--avoid-hubs`: `log2(d)` hops for an entity with `d` relationships in the
/// view (degree 1 costs nothing, 2 one hop, 32 five hops). The logarithm, as
/// in degree-weighted path counts, makes a giant connector expensive without
/// letting a single hub outweigh any detour, and the cost is paid only by
/// intermediate entities, never by the two ends the user asked about.
///
/// # Complexity
///
/// O(1).
///
/// # Example
///
/// ```
/// use casegraph::query::path::{UNIT, hub_penalty};
/// assert_eq!(hub_penalty(1), 0);
/// assert_eq!(hub_penalty(2), UNIT);
/// assert_eq!(hub_penalty(32), 5 * UNIT);
/// ```
pub fn hub_penalty(degree: usize) -> u64 {
    if degree <= 1 {
        0
    } else {
        ((degree as f64).log2() * UNIT as f64).round() as u64
    }
}

/// Which paths to return.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathMode {
    /// The best path (fewest hops, or lowest cost with `--credible`/`--avoid-hubs`).
    Best,
    /// Every path with the fewest hops (`--all`).
    All,
    /// The `n` best simple paths, best first (`--k N`, Yen's algorithm).
    K(usize),
}

/// A path question.
#[derive(Clone, Debug)]
pub struct PathQuery {
    /// Where the path starts.
    pub from: EntityIx,
    /// Where it ends.
    pub to: EntityIx,
    /// An entity the path must pass through (`--via`).
    pub via: Option<EntityIx>,
    /// Entities the path must not touch (`--avoid`).
    pub avoid: Vec<EntityIx>,
    /// Follow directed relationships only from `from` towards `to`
    /// (symmetric ties can always be crossed).
    pub directed: bool,
    /// At most this many hops.
    pub max_hops: usize,
    /// Best, all shortest, or k best.
    pub mode: PathMode,
    /// Weigh hops by [`credibility`].
    pub credible: bool,
    /// Add [`hub_penalty`] for every entity passed through.
    pub avoid_hubs: bool,
    /// Only time-respecting paths: each dated hop ends no earlier than the
    /// latest start of the dated hops before it; undated hops pass.
    pub chronological: bool,
    /// Return at most this many paths (`--all` still counts them all).
    pub limit: usize,
}

impl PathQuery {
    /// A plain shortest-path question with the default hop limit of 6.
    ///
    /// # Complexity
    ///
    /// O(1).
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::path::{PathMode, PathQuery};
    /// let json = r#"{"sources": [{"id": "s", "title": "S"}],
    /// "entities": [{"id": "a", "name": "A", "kind": "person"},
    ///              {"id": "b", "name": "B", "kind": "person"}],
    /// "relationships": [{"from": "a", "to": "b", "type": "knows", "status": "alleged",
    ///                    "evidence": [{"source": "s"}]}]}"#;
    /// let model = casegraph::load_str("t.json", json).model.expect("valid");
    /// let (a, b) = (model.entity_by_id("a").unwrap(), model.entity_by_id("b").unwrap());
    /// let q = PathQuery::new(a, b);
    /// assert_eq!((q.max_hops, q.mode, q.via), (6, PathMode::Best, None));
    /// ```
    pub fn new(from: EntityIx, to: EntityIx) -> PathQuery {
        PathQuery {
            from,
            to,
            via: None,
            avoid: Vec::new(),
            directed: false,
            max_hops: 6,
            mode: PathMode::Best,
            credible: false,
            avoid_hubs: false,
            chronological: false,
            limit: 10,
        }
    }

    pub(super) fn weighted(&self) -> bool {
        self.credible || self.avoid_hubs
    }
}

/// How a hop crosses its relationship.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Travel {
    /// Along the relationship's arrow (`from` → `to`).
    Forward,
    /// Against the arrow (allowed unless `--directed`).
    Backward,
    /// Across a symmetric tie.
    Undirected,
}

impl Travel {
    /// How a hop leaving `from` crosses `r`, one of whose ends `from` is.
    ///
    /// # Complexity
    ///
    /// O(1).
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::path::Travel;
    /// let json = r#"{"sources": [{"id": "s", "title": "S"}],
    /// "entities": [{"id": "a", "name": "A", "kind": "person"},
    ///              {"id": "b", "name": "B", "kind": "person"}],
    /// "relationships": [{"from": "a", "to": "b", "type": "knows", "status": "alleged",
    ///                    "evidence": [{"source": "s"}]}]}"#;
    /// let model = casegraph::load_str("t.json", json).model.expect("valid");
    /// let (a, b) = (model.entity_by_id("a").unwrap(), model.entity_by_id("b").unwrap());
    /// let r = model.relationships().next().unwrap();
    /// assert_eq!(Travel::of(&r, a), Travel::Forward);
    /// assert_eq!(Travel::of(&r, b), Travel::Backward);
    /// ```
    pub fn of(r: &RelRef<'_>, from: EntityIx) -> Travel {
        if !r.directed() {
            Travel::Undirected
        } else if r.from() == from {
            Travel::Forward
        } else {
            Travel::Backward
        }
    }

    /// `forward`, `backward` or `undirected`.
    ///
    /// # Complexity
    ///
    /// O(1).
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(casegraph::query::path::Travel::Forward.as_str(), "forward");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Travel::Forward => "forward",
            Travel::Backward => "backward",
            Travel::Undirected => "undirected",
        }
    }
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hop {
    /// The entity the hop leaves.
    pub from: EntityIx,
    /// The entity it reaches.
    pub to: EntityIx,
    /// The relationship shown for the hop: the strongest one between the two.
    pub rel: RelIx,
    /// How the relationship is crossed.
    pub travel: Travel,
    /// The other relationships in the view that make the same hop, by id.
    pub others: Vec<RelIx>,
}

impl Hop {
    /// The hop from `a` to `b` over `rels`, every relationship that makes
    /// it: the strongest is shown (lowest [`credibility`] weight, then id;
    /// `prefer` first if given) and the others listed. `None` when `rels`
    /// is empty.
    pub(crate) fn strongest(
        model: &Model,
        a: EntityIx,
        b: EntityIx,
        mut rels: Vec<RelIx>,
        prefer: Option<RelIx>,
    ) -> Option<Hop> {
        rels.sort_by(|x, y| {
            let (rx, ry) = (model.relationship(*x), model.relationship(*y));
            (Some(*x) != prefer, credibility(&rx), rx.id()).cmp(&(
                Some(*y) != prefer,
                credibility(&ry),
                ry.id(),
            ))
        });
        rels.dedup();
        let rel = *rels.first()?;
        Some(Hop {
            from: a,
            to: b,
            rel,
            travel: Travel::of(&model.relationship(rel), a),
            others: rels[1..].to_vec(),
        })
    }
}

/// A path: its entities, its hops and what it costs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// The entities from start to end, all distinct.
    pub entities: Vec<EntityIx>,
    /// One hop per consecutive pair of entities.
    pub hops: Vec<Hop>,
    /// Total cost in [`UNIT`]s: hops, or credibility weights, plus hub penalties.
    pub cost: u64,
    /// The weakest status on the path (the claim it rests on).
    pub weakest: Status,
}

impl Path {
    /// Number of hops.
    ///
    /// # Complexity
    ///
    /// O(1).
    ///
    /// # Example
    ///
    /// ```
    /// use casegraph::query::{View, paths};
    /// use casegraph::query::path::PathQuery;
    /// let json = r#"{"sources": [{"id": "s", "title": "S"}],
    /// "entities": [{"id": "a", "name": "A", "kind": "person"},
    ///              {"id": "b", "name": "B", "kind": "person"}],
    /// "relationships": [{"from": "a", "to": "b", "type": "knows", "status": "alleged",
    ///                    "evidence": [{"source": "s"}]}]}"#;
    /// let model = casegraph::load_str("t.json", json).model.expect("valid");
    /// let (a, b) = (model.entity_by_id("a").unwrap(), model.entity_by_id("b").unwrap());
    /// let found = paths(&model, &View::all(&model), &PathQuery::new(a, b)).unwrap();
    /// assert_eq!(found.paths[0].len(), 1);
    /// assert!(!found.paths[0].is_empty());
    /// ```
    pub fn len(&self) -> usize {
        self.hops.len()
    }

    /// True for the zero-hop path.
    ///
    /// # Complexity
    ///
    /// O(1).
    ///
    /// # Example
    ///
    /// See [`Path::len`].
    pub fn is_empty(&self) -> bool {
        self.hops.is_empty()
    }
}

/// The answer to a [`PathQuery`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paths {
    /// The paths, best first, at most `limit`.
    pub paths: Vec<Path>,
    /// How many paths the question has: all shortest paths for `--all`
    /// (saturating), else the number returned.
    pub total: u128,
}

/// Why a path question has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathError {
    /// `from` and `to` are the same entity.
    SameEntity,
    /// The options cannot be combined.
    Unsupported(Unsupported),
    /// No path within the limits.
    NoPath,
}

/// A combination of [`PathQuery`] options that makes no sense.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unsupported {
    /// [`PathQuery::avoid`] holds one of the two ends.
    AvoidAnEnd,
    /// [`PathMode::All`] (every fewest-hops path) with a weighted search.
    AllWeighted,
    /// [`PathQuery::chronological`] with [`PathMode::All`] or [`PathMode::K`].
    ChronologicalMany,
    /// [`PathQuery::via`] with [`PathMode::All`] or [`PathMode::K`].
    ViaMany,
    /// [`PathMode::K`] of 0.
    KZero,
    /// [`PathQuery::via`] is one of the two ends.
    ViaAnEnd,
}

impl std::fmt::Display for PathError {
    /// A terse description for logs; the command line words these itself,
    /// naming its flags.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PathError::SameEntity => f.write_str("the two ends of the path are the same entity"),
            PathError::Unsupported(u) => write!(f, "unsupported combination of options: {u:?}"),
            PathError::NoPath => f.write_str("no path"),
        }
    }
}

impl std::error::Error for PathError {}
