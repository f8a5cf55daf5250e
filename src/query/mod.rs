//! Questions asked of a [`Model`](crate::model::Model): finding entities,
//! statistics, and (in later modules) paths and neighbourhoods.

pub mod card;
pub mod centrality;
pub mod filter;
pub mod neighbors;
pub mod path;
pub mod resolve;
pub mod search;
pub mod stats;
pub mod timeline;

pub use card::relationships_of;
pub use filter::{Filter, FilterField, View};
pub use resolve::{How, ResolveError, Resolved, resolve, resolve_exact};
pub use search::{Hit, MatchField, MatchKind, search};
pub use stats::{Stats, stats};

pub use centrality::{Centrality, centrality};
pub use neighbors::{Direction, Neighbor, neighbors};
pub use path::{Path, PathError, PathMode, PathQuery, Paths, explain_no_path, paths};
pub use timeline::{Entry, Event, Timeline, timeline};
