//! Flags shared by several commands.

use crate::model::{EntityIx, Model, PartialDate, Status};
use crate::query::path::{PathMode, PathQuery};
use crate::query::{Filter, ResolveError};
use crate::validate::suggest::DateGuess;
use clap::{Args, ValueEnum};
use std::path::PathBuf;

/// Flags every command accepts, before or after the subcommand.
#[derive(Args, Debug, Clone)]
pub(crate) struct GlobalArgs {
    /// Dataset file or directory (default: ./graph-data/ if present, else the built-in dataset)
    #[arg(long, global = true, value_name = "PATH", env = "CASEGRAPH_DATA")]
    pub data: Option<PathBuf>,
    /// Machine-readable JSON output
    #[arg(long, global = true)]
    pub json: bool,
    /// When to use colour (honours NO_COLOR)
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
    /// Print only what was asked for: no summaries, no progress
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

/// `--color`
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set
    Auto,
    /// Always
    Always,
    /// Never
    Never,
}

impl ColorWhen {
    /// As anstream's choice (`Auto` honours NO_COLOR and CLICOLOR).
    pub(crate) fn choice(self) -> anstream::ColorChoice {
        match self {
            ColorWhen::Auto => anstream::ColorChoice::Auto,
            ColorWhen::Always => anstream::ColorChoice::Always,
            ColorWhen::Never => anstream::ColorChoice::Never,
        }
    }
}

/// `--status` values.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatusArg {
    /// Admitted by the parties or an official record
    Confirmed,
    /// Credible reporting
    Reported,
    /// Asserted in litigation or by one party
    Alleged,
    /// Asserted, and denied by a party with standing
    Denied,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Status {
        match s {
            StatusArg::Confirmed => Status::Confirmed,
            StatusArg::Reported => Status::Reported,
            StatusArg::Alleged => Status::Alleged,
            StatusArg::Denied => Status::Denied,
        }
    }
}

fn parse_date(s: &str) -> Result<PartialDate, String> {
    PartialDate::parse(s).map_err(|e| match crate::validate::suggest::guess_date(s) {
        Some(DateGuess::Rewrite(iso)) => format!("`{s}` is not a date: {e}; did you mean `{iso}`?"),
        Some(DateGuess::Ambiguous {
            day_first,
            month_first,
        }) => format!(
            "`{s}` is not a date: {e}; write `{day_first}` or `{month_first}`, whichever you mean"
        ),
        None => format!("`{s}` is not a date: {e}"),
    })
}

/// The query filters (see `query::filter`).
#[derive(Args, Debug, Clone, Default)]
pub(super) struct FilterArgs {
    /// Only relationships of these types (comma-separated)
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "TYPES",
        help_heading = "Filters"
    )]
    pub types: Option<Vec<String>>,
    /// Leave out relationships of these types
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "TYPES",
        help_heading = "Filters"
    )]
    pub exclude_types: Vec<String>,
    /// Only entities of these kinds
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "KINDS",
        help_heading = "Filters"
    )]
    pub kinds: Option<Vec<String>>,
    /// Only relationships with these statuses
    #[arg(
        long,
        value_delimiter = ',',
        value_enum,
        conflicts_with = "min_status",
        help_heading = "Filters"
    )]
    pub status: Option<Vec<StatusArg>>,
    /// Only relationships at least this well established (confirmed > reported > alleged > denied)
    #[arg(long, value_enum, value_name = "STATUS", help_heading = "Filters")]
    pub min_status: Option<StatusArg>,
    /// Leave out disputed relationships
    #[arg(long, help_heading = "Filters")]
    pub no_disputed: bool,
    /// Only relationships in force on this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_parser = parse_date, value_name = "DATE", conflicts_with = "between", help_heading = "Filters")]
    pub as_of: Option<PartialDate>,
    /// Only relationships in force at some time between two dates
    #[arg(long, num_args = 2, value_parser = parse_date, value_names = ["FROM", "TO"], help_heading = "Filters")]
    pub between: Option<Vec<PartialDate>>,
}

impl FilterArgs {
    /// The library filter these flags describe.
    pub(super) fn filter(&self) -> Filter {
        Filter {
            types: self.types.clone(),
            exclude_types: self.exclude_types.clone(),
            kinds: self.kinds.clone(),
            statuses: match (&self.status, self.min_status) {
                (Some(s), _) => Some(s.iter().map(|s| (*s).into()).collect()),
                (None, Some(min)) => Some(Filter::min_status(min.into())),
                (None, None) => None,
            },
            no_disputed: self.no_disputed,
            as_of: self.as_of,
            between: self.between.as_ref().map(|b| (b[0], b[1])),
        }
    }
}

use crate::query::path::{DEFAULT_LIMIT, DEFAULT_MAX_HOPS, MAX_HOPS};

/// The options of a path question, shared by `path` and `render --path` so
/// the two ask the same question the same way ([`PathOptionArgs::query`]).
#[derive(Args, Debug, Clone)]
pub(crate) struct PathOptionArgs {
    /// Every path with the fewest hops, best-evidenced first
    #[arg(long, conflicts_with = "k", help_heading = "Path options")]
    pub all: bool,
    /// The N best simple paths, best first
    #[arg(long, value_name = "N", help_heading = "Path options")]
    pub k: Option<usize>,
    /// At most this many hops
    #[arg(long, value_name = "H", default_value_t = DEFAULT_MAX_HOPS as u16,
          value_parser = clap::value_parser!(u16).range(1..=MAX_HOPS as i64),
          help_heading = "Path options")]
    pub max_hops: u16,
    /// At most this many paths (with --all or --k)
    #[arg(
        long,
        value_name = "N",
        default_value_t = DEFAULT_LIMIT,
        help_heading = "Path options"
    )]
    pub limit: usize,
    /// The path must pass through this entity
    #[arg(long, value_name = "ENTITY", help_heading = "Path options")]
    pub via: Option<String>,
    /// The path must not touch this entity (repeatable)
    #[arg(long, value_name = "ENTITY", help_heading = "Path options")]
    pub avoid: Vec<String>,
    /// Follow directed relationships only from FROM towards TO
    #[arg(long, help_heading = "Path options")]
    pub directed: bool,
    /// The most credible path: hops weigh confirmed 1, reported 2, alleged 4, denied 8, +2 if disputed
    #[arg(long, help_heading = "Path options")]
    pub credible: bool,
    /// Only time-respecting paths: each dated hop overlaps or follows the dated hops before it
    #[arg(long, help_heading = "Path options")]
    pub chronological: bool,
    /// Make passing through an entity cost log2(its relationships) extra hops
    #[arg(long, help_heading = "Path options")]
    pub avoid_hubs: bool,
}

/// The entities a path question's options name (`--via`, `--avoid`),
/// resolved once for every question of a run.
#[derive(Clone, Debug, Default)]
pub(crate) struct PathEnds {
    /// `--via`.
    pub via: Option<EntityIx>,
    /// Each `--avoid`.
    pub avoid: Vec<EntityIx>,
}

impl PathOptionArgs {
    /// Resolves `--via` and `--avoid` (an id, a name or an alias each;
    /// see [`super::Ctx::entity`]).
    pub(crate) fn ends(&self, ctx: &super::Ctx, model: &Model) -> Result<PathEnds, ResolveError> {
        Ok(PathEnds {
            via: self
                .via
                .as_deref()
                .map(|v| ctx.entity(model, v))
                .transpose()?,
            avoid: self
                .avoid
                .iter()
                .map(|a| ctx.entity(model, a))
                .collect::<Result<_, _>>()?,
        })
    }

    /// The question from `from` to `to` these options ask.
    pub(crate) fn query(&self, from: EntityIx, to: EntityIx, ends: &PathEnds) -> PathQuery {
        PathQuery {
            from,
            to,
            via: ends.via,
            avoid: ends.avoid.clone(),
            directed: self.directed,
            max_hops: usize::from(self.max_hops),
            mode: match (self.all, self.k) {
                (true, _) => PathMode::All,
                (false, Some(k)) => PathMode::K(k),
                (false, None) => PathMode::Best,
            },
            credible: self.credible,
            avoid_hubs: self.avoid_hubs,
            chronological: self.chronological,
            limit: self.limit.max(1),
        }
    }

    /// The flags given that differ from their defaults, for `render`, which
    /// refuses them without `--path`.
    pub(crate) fn given(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        for (on, flag) in [
            (self.all, "--all"),
            (self.k.is_some(), "--k"),
            (usize::from(self.max_hops) != DEFAULT_MAX_HOPS, "--max-hops"),
            (self.limit != DEFAULT_LIMIT, "--limit"),
            (self.via.is_some(), "--via"),
            (!self.avoid.is_empty(), "--avoid"),
            (self.directed, "--directed"),
            (self.credible, "--credible"),
            (self.chronological, "--chronological"),
            (self.avoid_hubs, "--avoid-hubs"),
        ] {
            if on {
                out.push(flag);
            }
        }
        out
    }
}
