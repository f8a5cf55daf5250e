//! `casegraph render`: a diagram of the graph or of a view of it.

use super::{Ctx, Failure, FilterArgs, Hint, PathOptionArgs, words};
use crate::query::{PathError, View, explain_no_path, resolve};
use crate::render::select::{SelectError, Selection, select};
use crate::render::{self, Format, Layout, Options, RankDir, Renderer};
use clap::{Args, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Draw the graph, or a focused, filtered or path view of it, as DOT, SVG, PNG or HTML.
///
/// Shape and colour show an entity's kind. The line shows how well a claim is
/// established: thick solid confirmed, thin grey reported, dashed alleged,
/// dotted red denied; a disputed claim says "disputed by …" in red and is
/// drawn as a double line with a barred arrowhead. The legend is drawn in the diagram. In SVG, each node and
/// edge has an id, a class and a tooltip with its citations, and an edge links
/// to its first source. SVG and PNG are drawn by the built-in graphviz-pure:
/// no Graphviz install is needed. HTML is one offline, interactive page: the
/// SVG with search, every claim's evidence a click away, status and date
/// filters, a timeline, paths and the data's views as a story.
#[derive(Args, Debug)]
pub(super) struct RenderArgs {
    /// Output format [default: from the extension of -o, else dot]
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write to FILE instead of standard output (needed for PNG on a terminal)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Layout engine
    #[arg(long, value_enum, default_value_t = Layout::Auto)]
    layout: Layout,
    /// Who draws SVG and PNG: the built-in graphviz-pure, or the installed Graphviz `dot`
    #[arg(long, value_enum, default_value_t = Renderer::Pure)]
    renderer: Renderer,
    /// Draw the view ID the dataset declares (see `casegraph views`), as `build` draws it
    #[arg(long, value_name = "ID", conflicts_with_all = ["focus", "path", "rankdir", "footnotes", "cluster_by"])]
    view: Option<String>,
    /// Draw only the entities within --depth hops of ENTITY (an id, name or alias)
    #[arg(long, value_name = "ENTITY", conflicts_with = "path")]
    focus: Option<String>,
    /// Hops from the --focus entity
    #[arg(long, value_name = "N", default_value_t = 1, requires = "focus")]
    depth: usize,
    /// Draw the connection between two entities that `casegraph path` finds, its hops highlighted
    #[arg(long, num_args = 2, value_names = ["FROM", "TO"])]
    path: Option<Vec<String>>,
    /// With --path: also draw, greyed, the entities this many hops off the path
    #[arg(long, value_name = "N", default_value_t = 0, requires = "path")]
    context: usize,
    /// With --path: the question as `casegraph path` asks it (these apply only to --path)
    #[command(flatten)]
    path_options: PathOptionArgs,
    /// Direction of the layers (dot layout)
    #[arg(long, value_enum, default_value_t = RankDir::LeftRight)]
    rankdir: RankDir,
    /// Group entities in boxes
    #[arg(long, value_enum, value_name = "WHAT")]
    cluster_by: Option<ClusterBy>,
    /// Number each edge's sources ([1], [2]…) and list them under the diagram
    #[arg(long)]
    footnotes: bool,
    /// Draw graphs of more than 500 entities (slow, and rarely readable)
    #[arg(long)]
    force: bool,
    #[command(flatten)]
    filters: FilterArgs,
}

/// `--cluster-by`
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ClusterBy {
    /// One box per entity kind
    Kind,
}

impl RenderArgs {
    /// `--format`, else the extension of `-o`, else DOT. An extension no
    /// format has (`graph.pdf`) is a usage error: writing DOT text into a
    /// file named `.pdf` would look like success and open as nothing.
    fn format(&self) -> Result<Format, Failure> {
        if let Some(f) = self.format {
            return Ok(f);
        }
        let Some(path) = &self.output else {
            return Ok(Format::Dot);
        };
        let Some(ext) = path.extension() else {
            return Ok(Format::Dot);
        };
        match ext.to_string_lossy().to_ascii_lowercase().as_str() {
            "svg" => Ok(Format::Svg),
            "png" => Ok(Format::Png),
            "html" | "htm" => Ok(Format::Html),
            "dot" | "gv" => Ok(Format::Dot),
            other => Err(Failure::usage(format!(
                "`{}` has the extension `.{other}`, which no diagram format has",
                path.display()
            ))
            .with(Hint::Help(
                "name the file `.svg`, `.png`, `.html` or `.dot` (or `.gv`), or give `--format`"
                    .into(),
            ))),
        }
    }
}

pub(super) fn run(ctx: &mut Ctx, args: RenderArgs) -> Result<(), Failure> {
    let format = args.format()?;
    // Checked before any work: binary on a terminal is never what was meant.
    if format == Format::Png && args.output.is_none() && std::io::stdout().is_terminal() {
        return Err(
            Failure::usage("PNG is binary and standard output is a terminal").with(Hint::Help(
                "write it to a file with `-o diagram.png`, or pipe it".into(),
            )),
        );
    }
    // Path options mean nothing without a path: say so rather than ignore them.
    if let (None, [first, ..]) = (&args.path, args.path_options.given().as_slice()) {
        return Err(Failure::usage(format!(
            "`{first}` is a path option: it needs `--path FROM TO`"
        )));
    }
    let model = ctx.model()?;
    let filter = args.filters.filter();
    if let Some(id) = &args.view {
        if !filter.is_empty() {
            return Err(Failure::usage(
                "--view draws the view as the data declares it, with its own `filter`",
            )
            .with(Hint::Help(
                "change the view's `filter` in the data, or draw with --focus/--path and the filters"
                    .into(),
            )));
        }
        let spec = super::views::find(&model, id)?;
        let (view, opts) =
            render::views::prepare(&model, spec).map_err(|e| Failure::query(e.to_string()))?;
        let bytes = render::render(&model, &view, &opts, format, args.layout, args.renderer)
            .map_err(|e| words::render_error(&e))?;
        return write_out(args.output.as_deref(), &bytes);
    }
    let view: View = filter.view(&model);
    let mut opts = Options::new();
    opts.footnotes = args.footnotes;
    opts.cluster_by_kind = args.cluster_by == Some(ClusterBy::Kind);
    opts.rankdir = args.rankdir;
    let resolve_in = |view: &View, who: &str| {
        let ix = resolve(&model, who)?;
        if !view.has_entity(ix) {
            return Err(Failure::query(format!(
                "`{}` is left out by the filters ({})",
                model.entity(ix).id(),
                words::filter_flags(&filter).join(" ")
            )));
        }
        Ok(ix)
    };
    let selection = if let Some(who) = &args.focus {
        Selection::Focus {
            center: resolve_in(&view, who)?,
            depth: args.depth,
        }
    } else if let Some([from, to]) = args.path.as_deref() {
        let ends = args.path_options.ends(&model)?;
        let (from, to) = (resolve_in(&view, from)?, resolve_in(&view, to)?);
        Selection::Path {
            query: args.path_options.query(from, to, &ends),
            context: args.context,
        }
    } else {
        Selection::Whole
    };
    let flags = words::filter_flags(&filter).join(" ");
    let filtered = (!filter.is_empty()).then_some(flags.as_str());
    let (view, opts) = match select(&model, view, filtered, selection, opts, args.force) {
        Ok(chosen) => chosen,
        Err(SelectError::Path(PathError::NoPath, q)) => {
            let why = explain_no_path(&model, &filter, &q);
            return Err(words::no_path(&model, &filter, &q, &why));
        }
        Err(SelectError::Path(e, _)) => return Err(Failure::usage(words::path_error(e))),
        Err(SelectError::Empty) => {
            return Err(Failure::query(format!(
                "nothing to draw: {flags} leave no entity"
            )));
        }
        Err(SelectError::TooLarge(n)) => {
            return Err(Failure::usage(format!(
                "the diagram would have {n} entities, more than {} are unreadable",
                render::MAX_ENTITIES
            ))
            .with(Hint::Help(
                "draw part of it with `--focus ENTITY --depth 1` or the filters (`--types`, \
                 `--min-status`, …), or insist with `--force`"
                    .into(),
            )));
        }
    };
    let layout = args.layout.resolve(view.relationship_count());
    if args.layout == Layout::Auto && layout != Layout::Dot && !ctx.global.quiet {
        writeln!(
            ctx.err,
            "note: laid out with {}: {} relationships are more than `dot` lays out quickly ({}); \
             `--layout dot` insists",
            layout.as_str(),
            view.relationship_count(),
            render::DOT_MAX_RELATIONSHIPS
        )?;
    }
    let bytes = render::render(&model, &view, &opts, format, layout, args.renderer)
        .map_err(|e| words::render_error(&e))?;
    write_out(args.output.as_deref(), &bytes)
}

/// Writes the diagram to `output`, or to standard output.
fn write_out(output: Option<&std::path::Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => crate::export::write_atomic(path, bytes)
            .map_err(|e| Failure::io(format!("cannot write `{}`: {e}", path.display())))?,
        // Raw standard output: the colour-stripping stream would rewrite
        // bytes of a PNG that happen to look like escape sequences.
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(bytes)?;
            out.flush()?;
        }
    }
    Ok(())
}
