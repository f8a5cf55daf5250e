//! `casegraph check`: validate the dataset and report every problem.

use super::fmt::count;
use super::{Ctx, Failure, json, json_diagnostics};
use crate::diag::Severity;
use clap::Args;
use std::io::Write;

/// Check the dataset against the format: every error and warning, with file,
/// line, column and a suggested fix, then a one-line summary.
#[derive(Args, Debug)]
pub(super) struct CheckArgs {
    /// Treat warnings as errors (exit status 1 if there are any)
    #[arg(long)]
    deny_warnings: bool,
}

pub(super) fn run(ctx: &mut Ctx, args: CheckArgs) -> Result<(), Failure> {
    let mut loaded = ctx.load();
    if args.deny_warnings {
        for d in &mut loaded.diagnostics {
            d.severity = Severity::Error;
        }
    }
    let errors = loaded.error_count();
    let warnings = loaded.warning_count();
    let (entities, relationships, sources, dataset) = match &loaded.model {
        Some(m) => (
            m.entity_count(),
            m.relationship_count(),
            m.source_count(),
            m.dataset().id.clone(),
        ),
        None => (0, 0, 0, String::new()),
    };
    let failed = errors > 0 || loaded.model.is_none();
    if ctx.global.json {
        let diagnostics = json_diagnostics(&loaded, Severity::Warning);
        // A closed pipe must not turn a failed check into success, nor
        // turn a passed one into a failure (ripgrep's rule); any other
        // write error (a full disk) is a failure of its own.
        let mut report = serde_json::json!({
                "ok": !failed,
                "data": loaded.origin.to_string(),
                "dataset": dataset,
                "entities": entities,
                "relationships": relationships,
                "sources": sources,
                "errors": errors,
                "warnings": warnings,
                "diagnostics": diagnostics,
                "unread": loaded.unread,
        });
        // Only workbooks have sheets to ignore: the field is left out
        // otherwise, so the report of a JSON dataset is as it was.
        if !loaded.ignored_sheets.is_empty() {
            report["ignored_sheets"] = loaded
                .ignored_sheets
                .iter()
                .map(|(book, sheet)| serde_json::json!({ "file": book, "sheet": sheet }))
                .collect();
        }
        let written = json::print(&mut ctx.out, &report);
        match written {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe && !failed => return Err(e.into()),
            _ => {}
        }
    } else {
        ctx.print_diagnostics(&loaded, Severity::Warning);
        for (book, sheet) in &loaded.ignored_sheets {
            let _ = writeln!(
                ctx.err,
                "note: sheet `{sheet}` of `{book}` was not read: the format's sheets are \
                 `entities`, `relationships` and `sources`",
                sheet = crate::diag::printable(sheet),
                book = crate::diag::printable(book),
            );
        }
        if failed {
            let _ = writeln!(
                ctx.err,
                "error: {} and {} in {}",
                count(errors, "error", "errors"),
                count(warnings, "warning", "warnings"),
                loaded.origin
            );
            for name in &loaded.unread {
                let _ = writeln!(
                    ctx.err,
                    "note: `{name}` could not be read in full: references to ids it may define, \
                     orphan entities and uncited sources were not checked; fix it and check again"
                );
            }
        } else if !ctx.global.quiet {
            writeln!(
                ctx.out,
                "ok: {dataset} from {}: {}, {}, {}, {}",
                loaded.origin,
                count(entities, "entity", "entities"),
                count(relationships, "relationship", "relationships"),
                count(sources, "source", "sources"),
                count(warnings, "warning", "warnings"),
            )?;
        }
    }
    if failed { Err(Failure::data()) } else { Ok(()) }
}
