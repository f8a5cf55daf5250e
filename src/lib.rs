//! casegraph: check, question, draw and export curated, sourced relationship
//! graphs — who is connected to whom, and on what evidence.
//!
//! The pipeline reads top to bottom:
//!
//! ```text
//! load (finds the files; feeds each to read, and read's events to validate)
//!   read (text → spanned records, as events) · validate (events → diagnostics)
//!   → model (petgraph) → query (search, stats, paths)
//!   → render (DOT → SVG/PNG) | export (JSON, GraphML, …)
//! format (the format as data) is below them all; read and validate meet
//! only in read's `Event`.
//! ```
//!
//! The `casegraph` binary is a thin shell over this library ([`cli`]).

pub mod build;
pub mod cli;
pub mod diag;
pub mod export;
pub mod format;
pub mod load;
pub mod model;
pub mod query;
pub mod read;
pub mod render;
pub mod validate;

pub use diag::{Diagnostic, Rule, Severity};
pub use load::{LoadOptions, Loaded, Origin, load, load_str};
pub use model::Model;
