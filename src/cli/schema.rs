//! `casegraph schema`: the data format as a JSON Schema, for editors.

use super::{Ctx, Failure};
use clap::Args;
use std::io::Write;

/// Print the format's JSON Schema, for editors to complete keys and flag typos.
///
/// The schema (draft 2020-12) is made from the format's own tables: point a
/// file's `"$schema"` key at a copy of it and an editor completes keys and
/// flags typos as you type.
///
/// The schema checks one file's shape: keys, types, required keys, word
/// lists, ids and dates. `casegraph check` checks the rest (references
/// between records, duplicate ids across files, dates in order).
#[derive(Args, Debug)]
pub(super) struct SchemaArgs {}

pub(super) fn run(ctx: &mut Ctx, _args: SchemaArgs) -> Result<(), Failure> {
    ctx.out
        .write_all(crate::format::schema::json_schema_text().as_bytes())?;
    Ok(())
}
