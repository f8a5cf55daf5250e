//! `casegraph build`: the main job, writing every output file.

use super::fmt::count;
use super::{Ctx, Failure, json, words};
use crate::diag::Severity;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Write the outputs (canonical JSON, and every diagram and export) into a
/// directory. Every file is made and written to a temporary file first, and
/// renamed into place only when all are ready: a failed build leaves the
/// directory as it was.
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
        crate::build::BuildError::Export { .. } => Failure::output(e.to_string()),
    })?;
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
    for (tmp, path) in staged {
        tmp.persist(&path)
            .map_err(|e| io("write", &path, e.error))?;
    }
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
