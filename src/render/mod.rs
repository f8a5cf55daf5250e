//! Diagrams of a view of the model: DOT built as a graphviz-rust AST
//! ([`dot`]), styled so that kind and evidence read at a glance ([`style`]),
//! laid out and drawn as SVG and PNG by graphviz-pure ([`svg`], [`png`]) —
//! no system Graphviz needed — or, on request, by the installed `dot`.
//!
//! graphviz-pure is a pure-Rust port of Graphviz: the same bytes on every
//! machine, which is what lets `casegraph build` commit its diagrams and test
//! that they are up to date.

pub mod dot;
pub mod footnotes;
mod legend;
pub mod page;
pub mod path;
pub mod png;
pub mod select;
pub mod style;
pub mod svg;
pub mod text;
pub mod views;

pub use dot::{quote, to_dot, unquote};

use crate::model::{Annotated, Model};
use crate::query::View;
use std::fmt;

/// Graphs with more entities than this are refused unless forced: a
/// diagram that large is unreadable and slow to lay out.
pub const MAX_ENTITIES: usize = 500;

/// Direction of the ranks in the `dot` layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum RankDir {
    /// Left to right (the default: labels are wide, screens are wide).
    #[default]
    #[value(name = "LR", alias = "lr", help = "Left to right")]
    LeftRight,
    /// Top to bottom.
    #[value(name = "TB", alias = "tb", help = "Top to bottom")]
    TopBottom,
    /// Right to left.
    #[value(name = "RL", alias = "rl", help = "Right to left")]
    RightLeft,
    /// Bottom to top.
    #[value(name = "BT", alias = "bt", help = "Bottom to top")]
    BottomTop,
}

impl RankDir {
    /// Graphviz's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            RankDir::LeftRight => "LR",
            RankDir::TopBottom => "TB",
            RankDir::RightLeft => "RL",
            RankDir::BottomTop => "BT",
        }
    }
}

impl From<crate::model::Rankdir> for RankDir {
    fn from(r: crate::model::Rankdir) -> RankDir {
        use crate::model::Rankdir as R;
        match r {
            R::LR => RankDir::LeftRight,
            R::RL => RankDir::RightLeft,
            R::TB => RankDir::TopBottom,
            R::BT => RankDir::BottomTop,
        }
    }
}

/// The most relationships a diagram lays out with `dot` when the layout is
/// [`Layout::Auto`]. `dot`'s crossing minimisation grows much faster than
/// the graph: on random graphs graphviz-pure took 0.5 s for 150
/// relationships, 1.6 s for 200, 11 s for 300 and minutes for 600, where
/// `neato` takes 1–5 s up to 500 entities and 1,500 relationships
/// (benches/BENCHMARKS.md, "Drawing time").
pub const DOT_MAX_RELATIONSHIPS: usize = 200;

/// A Graphviz layout engine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// `dot` while the view has at most [`DOT_MAX_RELATIONSHIPS`]
    /// relationships, `neato` beyond: every drawable view is laid out in
    /// seconds, and small ones keep the layered look.
    #[default]
    #[value(help = "dot up to 200 relationships, neato beyond (fast at any drawable size)")]
    Auto,
    /// Layered (hierarchical).
    #[value(help = "Layered")]
    Dot,
    /// Spring model (stress majorization).
    #[value(help = "Spring model")]
    Neato,
    /// Spring model (force-directed).
    #[value(help = "Force-directed")]
    Fdp,
    /// Multiscale force-directed, for large graphs.
    #[value(help = "Force-directed, for large graphs")]
    Sfdp,
    /// Circular.
    #[value(help = "Circular")]
    Circo,
    /// Radial.
    #[value(help = "Radial")]
    Twopi,
}

impl Layout {
    /// The engine that lays out a view of `relationships` relationships:
    /// itself, but [`Layout::Auto`] chooses (see [`DOT_MAX_RELATIONSHIPS`]).
    #[must_use]
    pub fn resolve(self, relationships: usize) -> Layout {
        match self {
            Layout::Auto if relationships <= DOT_MAX_RELATIONSHIPS => Layout::Dot,
            Layout::Auto => Layout::Neato,
            other => other,
        }
    }

    /// Graphviz's name for the engine ([`Layout::Auto`] names `dot`:
    /// resolve it first).
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Auto | Layout::Dot => "dot",
            Layout::Neato => "neato",
            Layout::Fdp => "fdp",
            Layout::Sfdp => "sfdp",
            Layout::Circo => "circo",
            Layout::Twopi => "twopi",
        }
    }
}

/// Who lays out and draws the graph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Renderer {
    /// graphviz-pure, built in: nothing to install, same bytes everywhere.
    #[default]
    #[value(help = "Built-in graphviz-pure")]
    Pure,
    /// The installed Graphviz `dot`, run through graphviz-rust's `exec`.
    #[value(help = "The installed Graphviz `dot`")]
    System,
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Graphviz DOT text.
    #[value(help = "Graphviz DOT text")]
    Dot,
    /// SVG for the web: ids, classes, tooltips, source links.
    #[value(help = "SVG for the web")]
    Svg,
    /// PNG at 96 dpi.
    #[value(help = "PNG image")]
    Png,
    /// One self-contained interactive HTML page: the SVG with search,
    /// details, filters, a timeline, paths and the story ([`page`]).
    #[value(help = "Interactive HTML page (one offline file)")]
    Html,
}

/// How to draw a view.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Rank direction.
    pub rankdir: RankDir,
    /// Group entities into one box per kind.
    pub cluster_by_kind: bool,
    /// Number citations on the edges and list the sources under the diagram.
    pub footnotes: bool,
    /// Draw the legend (kinds and statuses).
    pub legend: bool,
    /// A line under the title saying what the view shows.
    pub subtitle: Option<String>,
    /// Entities and relationships drawn emphasized (a path's hops).
    pub highlight: Option<View>,
    /// Entities and relationships drawn greyed (a path's context).
    pub faded: Option<View>,
    /// The engine the DOT is written for: anything but `dot` (and
    /// [`Layout::Auto`], which [`render`] resolves) is named in the DOT with
    /// the overlap removal that engine needs.
    pub layout: Layout,
    /// A paragraph under the diagram (a declared view's caption).
    pub caption: Option<String>,
    /// Story annotations: each marked `[note N]` on its item, when the item
    /// is drawn, and listed under the diagram.
    pub notes: Vec<(Annotated, String)>,
}

impl Options {
    /// The defaults, with the legend on.
    pub fn new() -> Options {
        Options {
            legend: true,
            ..Options::default()
        }
    }
}

/// Why a diagram could not be made.
#[derive(Debug, Clone, PartialEq)]
pub enum RenderError {
    /// The layout engine failed.
    Layout(String),
    /// `--renderer system` was asked for and no `dot` is installed.
    SystemMissing,
    /// The installed `dot` failed.
    System(String),
    /// Turning the SVG into pixels failed.
    Raster(String),
    /// The SVG failed the safety check (never expected; refused all the same).
    Unsafe(String),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Layout(m) => write!(f, "graphviz-pure could not lay out the graph: {m}"),
            RenderError::SystemMissing => f.write_str(
                "`--renderer system` needs Graphviz's `dot` on the PATH, and none was found",
            ),
            RenderError::System(m) => write!(f, "Graphviz `dot` failed: {}", m.trim_end()),
            RenderError::Raster(m) => write!(f, "could not draw the PNG: {m}"),
            RenderError::Unsafe(m) => write!(f, "refusing to write an unsafe SVG: {m}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// The DOT of `view` written for the engine `layout` resolves to (see
/// [`Layout::resolve`]), and that engine: what [`render`] and `build` lay out.
pub fn dot_for(model: &Model, view: &View, opts: &Options, layout: Layout) -> (String, Layout) {
    let layout = layout.resolve(view.relationship_count());
    let opts = Options {
        layout,
        ..opts.clone()
    };
    (to_dot(model, view, &opts), layout)
}

/// Draws `view` in `format`.
pub fn render(
    model: &Model,
    view: &View,
    opts: &Options,
    format: Format,
    layout: Layout,
    renderer: Renderer,
) -> Result<Vec<u8>, RenderError> {
    let (dot, layout) = dot_for(model, view, opts, layout);
    match (format, renderer) {
        (Format::Dot, _) => Ok(dot.into_bytes()),
        (Format::Svg, Renderer::Pure) => svg::pure(&dot, layout).map(String::into_bytes),
        (Format::Svg, Renderer::System) => svg::system(&dot, layout).map(String::into_bytes),
        (Format::Png, Renderer::Pure) => png::from_svg(&svg::pure(&dot, layout)?),
        (Format::Png, Renderer::System) => png::system(&dot, layout),
        (Format::Html, renderer) => {
            let svg = match renderer {
                Renderer::Pure => svg::pure(&dot, layout)?,
                Renderer::System => svg::system(&dot, layout)?,
            };
            let diagram = page::Diagram::Drawn { svg, view, opts };
            Ok(page::page(model, &diagram).into_bytes())
        }
    }
}
