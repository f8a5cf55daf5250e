//! The data format (FORMAT.md, copied as `graph-data/README.md`) as data:
//! the fields of every record kind ([`fields`]), the closed word lists and
//! what is attached to their words ([`vocab`]), the one colour palette
//! ([`palette`]), the value rules ([`rules`]), the JSON Schema made from
//! all of them ([`schema`]) and the limits below.
//!
//! This module is the bottom of the pipeline: it imports nothing of
//! casegraph, and every reader, the validator, the writers and the CLI read
//! the format from here rather than keep their own copy of it.

pub mod fields;
pub mod palette;
pub mod rules;
pub mod schema;
pub mod vocab;

pub use fields::{Field, Key, ValueKind};
pub use rules::{MAX_ID_LEN, is_http_url, is_slug, is_snake_case};
pub use vocab::{DISPUTED_WEIGHT, ENTITY_KINDS, EntityKind, SourceKind, Status, StatusLine};

/// The one version of the format this casegraph reads and writes.
pub const FORMAT_TAG: &str = "casegraph/1";

/// How deeply JSON values may nest before a file is refused.
pub const MAX_NESTING: u32 = 64;

/// A view's largest `depth` around its `focus`.
pub const MAX_VIEW_DEPTH: i64 = 6;
/// A view's largest `path_options.k`.
pub const MAX_VIEW_K: i64 = 10;
/// A view's largest `path_options.max_hops`.
pub const MAX_VIEW_HOPS: i64 = 12;
/// A view's largest `path_options.context`.
pub const MAX_VIEW_CONTEXT: i64 = 2;
