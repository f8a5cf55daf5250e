//! casegraph: check, question, draw and export curated, sourced relationship
//! graphs — who is connected to whom, and on what evidence.
//!
//! The pipeline reads top to bottom:
//!
//! ```text
//! load (files; drives:) read (text → spanned records, as events)
//!                        validate (events → diagnostics and the model) → model (petgraph)
//!   → query (search, stats, paths) → render (DOT → SVG/PNG) | export (JSON, GraphML, …)
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
pub use load::{Loaded, Origin, load, load_str};
pub use model::Model;
