//! `casegraph build`: the main job, writing every output file.

use super::fmt::count;
use super::{Ctx, Failure, Hint, json, words};
use crate::diag::Severity;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Write the outputs (canonical JSON, every export, the whole graph's
/// diagram and each view the data declares) into a directory.
///
/// Each declared view is drawn as `<view-id>.svg` and `<view-id>.png`. The
/// whole new directory is written beside the old one and swapped in at
/// once: a failed or killed build leaves the old build, whole. Files an
/// earlier build wrote and this one does not (a view removed, a dataset
/// renamed) are gone; the user's own files in the directory are kept. A
/// non-empty directory casegraph did not write is refused; a second build
/// into the same directory waits for the first.
#[derive(Args, Debug)]
pub(super) struct BuildArgs {
    /// Where to write
    #[arg(long, default_value = "output")]
    out: PathBuf,
}

pub(super) fn run(ctx: &mut Ctx, args: BuildArgs) -> Result<(), Failure> {
    let loaded = ctx.load();
    let Some(model) = &loaded.model else {
        ctx.report_errors(&loaded);
        return Err(Failure::data());
    };
    if loaded.warning_count() > 0 && !ctx.global.quiet && !ctx.global.json {
        ctx.print_diagnostics(&loaded, Severity::Warning);
    }
    let files = crate::build::outputs(model).map_err(|e| match &e {
        crate::build::BuildError::Render(r) => words::render_error(r),
        crate::build::BuildError::View(v) => Failure::query(v.to_string()).with(Hint::Help(
            if v.too_large {
                "narrow the view with a `filter` (`types`, `min_status`, `as_of`) or a `focus` \
                 with a smaller `depth`, or remove it"
            } else {
                "change the view's `filter` or `path_options` so it selects something, or remove it"
            }
            .into(),
        )),
        crate::build::BuildError::Export { .. } => Failure::output(e.to_string()),
    })?;
    if !crate::build::draws_whole_graph(model) && !ctx.global.quiet {
        if model.entity_count() > crate::render::MAX_ENTITIES {
            eprintln!(
                "note: the graph has {} entities, more than the {} a diagram can show: \
                 no diagram of the whole graph was drawn",
                model.entity_count(),
                crate::render::MAX_ENTITIES
            );
        } else {
            eprintln!(
                "note: the graph has {} relationships, more than the {} a diagram can lay out: \
                 no diagram of the whole graph was drawn",
                model.relationship_count(),
                crate::render::MAX_RELATIONSHIPS
            );
        }
        eprintln!(
            "  = help: declare `views` in the data (FORMAT.md, \"Views\"): a `focus` with a \
             `depth`, or a `filter` (`types`, `min_status`, `as_of`) that keeps part of it"
        );
    }
    let manifest = crate::build::swap::manifest_text(&files);
    let quiet = ctx.global.quiet;
    let exchange = std::env::var_os("CASEGRAPH_TEST_NO_EXCHANGE").is_none();
    crate::build::swap::put_in_place(&args.out, &files, &manifest, exchange, &mut |event| {
        on_event(&event, quiet);
    })
    .map_err(|e| {
        let help = e.help.clone();
        Failure::io(e.message).with_all(help.map(Hint::Help))
    })?;
    if ctx.global.json {
        // A dataset with errors never gets here: these are the warnings.
        let warnings = super::json_diagnostics(&loaded, Severity::Warning);
        json::print(
            &mut ctx.out,
            &serde_json::json!({
                "out": args.out.display().to_string(),
                "files": files.iter().map(|(n, _)| n.display().to_string()).collect::<Vec<_>>(),
                "warnings": warnings,
            }),
        )?;
    } else if !ctx.global.quiet {
        writeln!(
            ctx.out,
            "wrote {} to {}/",
            count(files.len(), "file", "files"),
            args.out.display()
        )?;
        for (name, _) in &files {
            writeln!(ctx.out, "  {}", name.display())?;
        }
    }
    Ok(())
}

/// Shows what [`crate::build::swap::put_in_place`] reports on stderr, and
/// pauses where a fault test asks it to.
///
/// Three environment variables exist for `tests/cli/faults.rs` only (they
/// are not part of the interface, and do nothing unless set):
/// `CASEGRAPH_TEST_STEP_DELAY_MS=N` sleeps N ms at every step;
/// `CASEGRAPH_TEST_PAUSE_AT=STEP` prints `casegraph-test: paused at STEP` to
/// stderr at that step and sleeps 60 s, for the test to kill the build there;
/// `CASEGRAPH_TEST_NO_EXCHANGE` (read in `run`) swaps with the two-rename
/// fallback instead of the atomic exchange.
fn on_event(event: &crate::build::swap::Event<'_>, quiet: bool) {
    use crate::build::swap::Event;
    match event {
        Event::Waiting { lock } => {
            if !quiet {
                eprintln!(
                    "note: another `casegraph build` into the same directory is running; \
                     waiting for it to finish (lock `{}`)",
                    lock.display()
                );
            }
        }
        Event::Note(note) => {
            if !quiet {
                eprintln!("note: {note}");
            }
        }
        Event::Step(step) => {
            if let Some(ms) = std::env::var("CASEGRAPH_TEST_STEP_DELAY_MS")
                .ok()
                .and_then(|v| v.parse().ok())
            {
                std::thread::sleep(std::time::Duration::from_millis(ms));
            }
            if std::env::var("CASEGRAPH_TEST_PAUSE_AT").is_ok_and(|v| v == *step) {
                eprintln!("casegraph-test: paused at {step}");
                std::thread::sleep(std::time::Duration::from_mins(1));
            }
        }
    }
}
