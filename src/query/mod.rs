//! Questions asked of a [`Model`](crate::model::Model): finding entities,
//! statistics, and (in later modules) paths and neighbourhoods.

pub mod filter;
pub mod resolve;
pub mod search;
pub mod stats;

pub use filter::{Filter, View};
pub use resolve::{ResolveError, resolve};
pub use search::{Hit, MatchField, MatchKind, search};
pub use stats::{Stats, stats};
