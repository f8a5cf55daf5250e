//! PNG: the checked SVG drawn by graphviz-pure-raster (resvg with bundled
//! Arimo/Tinos/Cousine fonts), so no system font or library is read and the
//! pixels are the same on every machine with the same math library.
//!
//! graphviz-pure-raster is graphviz-pure's own rasterizer: it sizes the
//! image as Graphviz does (96 dpi) and maps Graphviz's font names to fonts
//! with matching metrics, which a generic SVG rasterizer would not.

use super::{Layout, RenderError};
use graphviz_pure_raster::{RasterFormat, rasterize};

/// PNG from an SVG written by graphviz-pure.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, RenderError> {
    rasterize(svg, RasterFormat::Png, false)
        .map(|r| r.into_output())
        .map_err(|e| RenderError::Raster(e.to_string()))
}

/// PNG from DOT, by the installed Graphviz `dot` (cairo, system fonts).
pub fn system(dot: &str, layout: Layout) -> Result<Vec<u8>, RenderError> {
    super::svg::run_system(dot, layout, graphviz_rust::cmd::Format::Png)
}
