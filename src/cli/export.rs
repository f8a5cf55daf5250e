//! `casegraph export`: the graph, or the part of it a filter selects, in a
//! format another tool reads.

use super::args::FilterArgs;
use super::progress::{CountingWriter, Progress};
use super::{Ctx, Failure};
use crate::export::nodelink::LinksKey;
use crate::export::{Format, format};
use crate::query::resolve;
use clap::Args;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Export the graph for another tool: NetworkX, D3, Cytoscape, Gephi, yEd,
/// a spreadsheet, Neo4j or FalkorDB, Aleph.
///
/// Every filter applies, so the export shows exactly the view a diagram
/// shows; entities a filter leaves with no relationship are left out.
/// Output is deterministic (sorted by id) and written atomically: to a
/// temporary file or directory, renamed into place when complete.
#[derive(Args, Debug)]
pub struct ExportArgs {
    /// The format
    #[arg(long, short = 'f', value_enum)]
    format: Format,
    /// Where to write (a directory for csv); standard output when absent
    #[arg(long, short = 'o', value_name = "FILE|DIR")]
    output: Option<PathBuf>,
    /// The key of the edge list in node-link JSON: `edges` (NetworkX 3.6) or `links` (D3)
    #[arg(long, value_enum, default_value_t = LinksKey::Edges)]
    links_key: LinksKey,
    /// Only the entities within --depth hops of this one (id, name or alias)
    #[arg(long, value_name = "ENTITY", help_heading = "Filters")]
    focus: Option<String>,
    /// Hops from --focus
    #[arg(
        long,
        value_name = "N",
        default_value_t = 1,
        requires = "focus",
        help_heading = "Filters"
    )]
    depth: usize,
    #[command(flatten)]
    filter: FilterArgs,
}

pub(super) fn run(ctx: &mut Ctx, args: ExportArgs) -> Result<(), Failure> {
    let format = args.format;
    let filter = args.filter.filter();
    if format == Format::Json && (!filter.is_empty() || args.focus.is_some()) {
        return Err(Failure::Usage(
            "`--format json` is the whole dataset; filters apply to the other formats".into(),
        ));
    }
    if format.is_directory() && args.output.is_none() {
        return Err(Failure::Usage(format!(
            "`--format {}` writes a directory: give it with `-o DIR`",
            format.name()
        )));
    }
    let links = args.links_key;
    let model = ctx.model()?;
    let mut view = filter.view(&model);
    if let Some(focus) = &args.focus {
        let center = resolve(&model, focus).map_err(|e| Failure::Query(e.to_string()))?;
        view.focus(&model, center, args.depth);
    }
    if !filter.is_empty() {
        view.drop_isolated(&model);
    }
    // A counter of bytes written on stderr, for exports that take more than
    // a second (a million entities: tens of seconds). The CSV directory is
    // several files; its writers are left uncounted.
    let mut bar = Progress::new("exporting", !(ctx.global.quiet || ctx.global.json));
    match &args.output {
        None => {
            // Straight to the raw stdout: the colour-stripping stream would
            // remove escape characters that are part of the data.
            let stdout = std::io::stdout();
            let out = CountingWriter::new(stdout.lock(), &mut bar);
            format::write(&model, &view, format, links, BufWriter::new(out))?;
        }
        Some(path) if format.is_directory() => {
            write_dir_atomic(path, |dir| format::write_dir(&model, &view, format, dir))
                .map_err(|e| Failure::Io(format!("cannot write `{}`: {e}", path.display())))?
        }
        Some(path) => write_file_atomic(path, |out| {
            let counted = CountingWriter::new(out, &mut bar);
            format::write(&model, &view, format, links, BufWriter::new(counted))
        })
        .map_err(|e| Failure::Io(format!("cannot write `{}`: {e}", path.display())))?,
    }
    bar.finish();
    Ok(())
}

/// The directory a new file or directory at `path` is made in.
fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Streams into a temporary file beside `path`, then renames it over `path`.
fn write_file_atomic(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<&std::fs::File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut builder = tempfile::Builder::new();
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let tmp = builder.tempfile_in(parent(path))?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        body(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes into a temporary directory beside `path`, then swaps it in: an
/// existing directory is first renamed aside and removed only once the new
/// one is in place, so a failure leaves either the old or the new export.
fn write_dir_atomic(
    path: &Path,
    body: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = tempfile::Builder::new()
        .prefix(".casegraph-export")
        .tempdir_in(parent(path))?;
    #[cfg(unix)]
    std::fs::set_permissions(
        tmp.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )?;
    body(tmp.path())?;
    let tmp = tmp.keep();
    if path.exists() {
        let old = tempfile::Builder::new()
            .prefix(".casegraph-old")
            .tempdir_in(parent(path))?
            .keep();
        std::fs::rename(path, old.join("export"))?;
        std::fs::rename(&tmp, path)?;
        std::fs::remove_dir_all(&old)?;
    } else {
        std::fs::rename(&tmp, path)?;
    }
    Ok(())
}
