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
/// Each declared view is drawn as `<view-id>.svg` and `<view-id>.png`. Every file is made and written to a temporary file first, and
/// renamed into place only when all are ready: a failed build leaves the
/// directory as it was. Files an earlier build wrote and this one does not
/// (a view removed, a dataset renamed) are removed; no other file is.
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
            "change the view's `filter` or `path_options` so it selects something, or remove it"
                .into(),
        )),
        crate::build::BuildError::Export { .. } => Failure::output(e.to_string()),
    })?;
    if !crate::build::draws_whole_graph(model) && !ctx.global.quiet {
        eprintln!(
            "note: the graph has {} entities, more than the {} a diagram can show: \
             no diagram of the whole graph was drawn",
            model.entity_count(),
            crate::render::MAX_ENTITIES
        );
        eprintln!(
            "  = help: declare `views` in the data (FORMAT.md, \"Views\"): a `focus` with a \
             `depth`, or a `filter` (`types`, `min_status`, `as_of`) that keeps part of it"
        );
    }
    let io = |what: &str, path: &std::path::Path, e: std::io::Error| {
        Failure::io(format!("cannot {what} `{}`: {e}", path.display()))
    };
    let mut staged = Vec::with_capacity(files.len());
    for (name, bytes) in &files {
        let path = args.out.join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| io("create", dir, e))?;
        }
        staged.push((
            crate::export::stage(&path, bytes).map_err(|e| io("write", &path, e))?,
            path,
        ));
    }
    // What the last build wrote, read before this one replaces the list.
    let manifest_path = args.out.join(MANIFEST);
    let before = std::fs::read_to_string(&manifest_path).unwrap_or_default();
    let manifest = manifest_text(&files);
    staged.push((
        crate::export::stage(&manifest_path, manifest.as_bytes())
            .map_err(|e| io("write", &manifest_path, e))?,
        manifest_path,
    ));
    for (tmp, path) in staged {
        tmp.persist(&path)
            .map_err(|e| io("write", &path, e.error))?;
    }
    remove_stale(&args.out, &before, &manifest).map_err(|(path, e)| io("remove", &path, e))?;
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

/// The list, in the output directory, of the files casegraph wrote there:
/// the next build removes those it no longer writes, and only those.
pub(super) const MANIFEST: &str = ".casegraph-manifest";

/// The manifest of `files`: a comment, then one relative path a line, sorted.
fn manifest_text(files: &[(PathBuf, Vec<u8>)]) -> String {
    let mut s = String::from(
        "# Written by `casegraph build`: the files below are its own, and the next build\n\
         # removes those it no longer writes. Files not listed here are never touched.\n",
    );
    let mut names: Vec<String> = files
        .iter()
        .map(|(n, _)| n.to_string_lossy().replace('\\', "/"))
        .collect();
    names.sort();
    for n in names {
        s.push_str(&n);
        s.push('\n');
    }
    s
}

/// The paths a manifest lists. A line that is not a plain relative path
/// (absolute, with `..`, empty) is ignored: the manifest is a file in the
/// user's directory, and a hand-edited one must not make a build delete
/// anything outside it.
fn listed(manifest: &str) -> impl Iterator<Item = &str> {
    manifest.lines().filter(|l| {
        !l.is_empty()
            && !l.starts_with('#')
            && !l.starts_with('/')
            && !l.contains('\\')
            && l.split('/')
                .all(|part| !part.is_empty() && part != ".." && part != ".")
    })
}

/// Removes the files `before` lists and `now` does not, then the
/// directories that leaves empty (an old `<id>-csv/`).
fn remove_stale(
    out: &std::path::Path,
    before: &str,
    now: &str,
) -> Result<(), (PathBuf, std::io::Error)> {
    let keep: std::collections::HashSet<&str> = listed(now).collect();
    for name in listed(before).filter(|n| !keep.contains(n)) {
        let path = out.join(name);
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err((path, e)),
        }
        // Empty parents up to `out`; a directory with a file of the
        // user's in it stays (remove_dir refuses a non-empty one).
        let mut dir = path.parent();
        while let Some(d) = dir {
            if d == out || std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    Ok(())
}
