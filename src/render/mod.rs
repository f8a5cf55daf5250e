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

/// A Graphviz layout engine.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Layout {
    /// Layered (hierarchical).
    #[default]
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
    /// Graphviz's name for the engine.
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Dot => "dot",
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

/// Draws `view` in `format`.
pub fn render(
    model: &Model,
    view: &View,
    opts: &Options,
    format: Format,
    layout: Layout,
    renderer: Renderer,
) -> Result<Vec<u8>, RenderError> {
    let dot = to_dot(model, view, opts);
    match (format, renderer) {
        (Format::Dot, _) => Ok(dot.into_bytes()),
        (Format::Svg, Renderer::Pure) => svg::pure(&dot, layout).map(String::into_bytes),
        (Format::Svg, Renderer::System) => svg::system(&dot, layout).map(String::into_bytes),
        (Format::Png, Renderer::Pure) => png::from_svg(&svg::pure(&dot, layout)?),
        (Format::Png, Renderer::System) => png::system(&dot, layout),
    }
}
