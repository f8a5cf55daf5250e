//! Flags shared by several commands.

use crate::model::{PartialDate, Status};
use crate::query::Filter;
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
    PartialDate::parse(s).map_err(|e| format!("`{s}` is not a date: {e}"))
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
