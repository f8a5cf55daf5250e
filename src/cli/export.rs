//! `casegraph export`: the graph, or the part of it a filter selects, in a
//! format another tool reads.

use super::args::FilterArgs;
use super::progress::{CountingWriter, Progress};
use super::{Ctx, Failure};
use crate::export::nodelink::LinksKey;
use crate::export::{Format, format, stage, stage_with, write_dir_atomic};
use crate::model::Model;
use crate::query::View;
use clap::Args;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

/// Export the graph for another tool: NetworkX, D3, Cytoscape, Gephi, yEd,
/// a spreadsheet, Neo4j or FalkorDB, Aleph.
///
/// Every filter applies, so the export shows exactly the view a diagram
/// shows; entities a filter leaves with no relationship are left out.
/// Output is deterministic (sorted by id) and written atomically: to a
/// temporary file or directory, renamed into place when complete.
#[derive(Args, Debug)]
pub(super) struct ExportArgs {
    /// The format
    #[arg(long, short = 'f', value_enum)]
    format: Format,
    /// Where to write (a directory for csv, a file for xlsx); standard output when absent
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
        return Err(Failure::usage(
            "`--format json` is the whole dataset; filters apply to the other formats",
        ));
    }
    if format.is_directory() && args.output.is_none() {
        return Err(Failure::usage(format!(
            "`--format {}` writes a directory: give it with `-o DIR`",
            format.name()
        )));
    }
    if format.is_binary() && args.output.is_none() {
        return Err(Failure::usage(format!(
            "`--format {0}` writes a workbook and `dataset.json` beside it: give the workbook \
             with `-o FILE.{0}`",
            format.name()
        )));
    }
    let links = args.links_key;
    let model = ctx.model()?;
    let mut view = filter.view(&model);
    if let Some(focus) = &args.focus {
        let center = ctx.entity(&model, focus)?;
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
                .map_err(|e| Failure::io(format!("cannot write `{}`: {e}", path.display())))?;
        }
        Some(path) if format.is_binary() => write_workbook(&model, &view, path)?,
        Some(path) => stage_with(path, |out| {
            let counted = CountingWriter::new(out, &mut bar);
            format::write(&model, &view, format, links, BufWriter::new(counted))
        })
        .and_then(|tmp| tmp.persist(path).map(drop).map_err(|e| e.error))
        .map_err(|e| Failure::io(format!("cannot write `{}`: {e}", path.display())))?,
    }
    bar.finish();
    Ok(())
}

/// Writes the workbook at `path` and the dataset block and views as
/// `dataset.json` beside it, so the directory holding both is the whole
/// dataset. Both are made before either is renamed into place.
fn write_workbook(model: &Model, view: &View, path: &Path) -> Result<(), Failure> {
    let cannot =
        |p: &Path, e: std::io::Error| Failure::io(format!("cannot write `{}`: {e}", p.display()));
    let bytes = crate::export::xlsx::workbook(model, view)
        .map_err(|e| Failure::output(format!("cannot make the workbook: {e}")))?;
    let beside = path
        .parent()
        .unwrap_or_else(|| Path::new(""))
        .join(crate::export::csv::DATASET_FILE);
    let book = stage(path, &bytes).map_err(|e| cannot(path, e))?;
    let dataset = stage(
        &beside,
        crate::export::csv::dataset_json(model, view).as_bytes(),
    )
    .map_err(|e| cannot(&beside, e))?;
    book.persist(path).map_err(|e| cannot(path, e.error))?;
    dataset
        .persist(&beside)
        .map_err(|e| cannot(&beside, e.error))?;
    Ok(())
}
