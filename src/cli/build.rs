//! `casegraph build`: the main job, writing every output file.

use super::{Ctx, Failure};
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

/// Write the outputs (canonical JSON, and every diagram and export) into a
/// directory. Each file is written atomically; a failed build leaves the
/// directory as it was.
#[derive(Args, Debug)]
pub struct BuildArgs {
    /// Where to write
    #[arg(long, default_value = "output")]
    out: PathBuf,
}

pub(super) fn run(ctx: &mut Ctx, args: BuildArgs) -> Result<(), Failure> {
    let loaded = ctx.load();
    let Some(model) = &loaded.model else {
        ctx.report(&loaded, false)?;
        return Err(Failure::Data);
    };
    if loaded.warning_count() > 0 && !ctx.global.quiet {
        ctx.report(&loaded, true)?;
    }
    // Everything is made in memory first, so an error leaves no partial output.
    let files = crate::build::outputs(model).map_err(Failure::Query)?;
    std::fs::create_dir_all(&args.out)
        .map_err(|e| Failure::Io(format!("cannot create `{}`: {e}", args.out.display())))?;
    for (name, bytes) in &files {
        let path = args.out.join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        crate::export::write_atomic(&path, bytes)
            .map_err(|e| Failure::Io(format!("cannot write `{}`: {e}", path.display())))?;
    }
    if !ctx.global.quiet {
        writeln!(
            ctx.out,
            "wrote {} file{} to {}/",
            files.len(),
            if files.len() == 1 { "" } else { "s" },
            args.out.display()
        )?;
        for (name, _) in &files {
            writeln!(ctx.out, "  {}", name.display())?;
        }
    }
    Ok(())
}
