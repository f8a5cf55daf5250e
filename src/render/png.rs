//! PNG: the checked SVG drawn by graphviz-pure-raster (resvg with bundled
//! Arimo/Tinos/Cousine fonts), so no system font or library is read and the
//! pixels are the same on every machine with the same math library.
//!
//! graphviz-pure-raster is graphviz-pure's own rasterizer: it sizes the
//! image as Graphviz does (96 dpi) and maps Graphviz's font names to fonts
//! with matching metrics, which a generic SVG rasterizer would not.

use super::{Layout, RenderError};
use graphviz_pure_raster::{RasterFormat, rasterize};

/// The largest image drawn, in pixels: about 200 MB of memory while it is
/// drawn. A larger drawing is scaled down to fit (the SVG keeps every
/// detail), so no dataset makes a PNG that cannot be opened.
pub const MAX_PIXELS: f64 = 50_000_000.0;
/// The longest side of an image, in pixels (many viewers stop at 32 767).
pub const MAX_SIDE: f64 = 30_000.0;

/// PNG from an SVG written by graphviz-pure, at most [`MAX_PIXELS`] large.
pub fn from_svg(svg: &str) -> Result<Vec<u8>, RenderError> {
    let svg = fit(svg);
    rasterize(&svg, RasterFormat::Png, false)
        .map(graphviz_pure_raster::Rendered::into_output)
        .map_err(|e| RenderError::Raster(e.to_string()))
}

/// `svg` with its root's `width` and `height` (Graphviz writes them in `pt`,
/// drawn at 96 dpi: 4/3 px each) scaled down so the image fits
/// [`MAX_PIXELS`] and [`MAX_SIDE`]; the `viewBox` stays, so the drawing is
/// scaled, not cut. Unchanged when it fits or the sizes cannot be read.
fn fit(svg: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let Some(root_end) = svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|e| at + e))
    else {
        return Cow::Borrowed(svg);
    };
    let size = |name: &str| -> Option<(usize, usize, f64)> {
        let key = format!(" {name}=\"");
        let start = svg[..root_end].find(&key)? + key.len();
        let len = svg[start..root_end].find("pt\"")?;
        Some((start, start + len, svg[start..start + len].parse().ok()?))
    };
    let (Some(w), Some(h)) = (size("width"), size("height")) else {
        return Cow::Borrowed(svg);
    };
    let (px_w, px_h) = (w.2 * 4.0 / 3.0, h.2 * 4.0 / 3.0);
    let factor = (MAX_SIDE / px_w)
        .min(MAX_SIDE / px_h)
        .min((MAX_PIXELS / (px_w * px_h)).sqrt());
    if factor.is_nan() || factor >= 1.0 {
        return Cow::Borrowed(svg);
    }
    let (first, second) = if w.0 < h.0 { (w, h) } else { (h, w) };
    let mut out = String::with_capacity(svg.len());
    out.push_str(&svg[..first.0]);
    out.push_str(&format!("{:.2}", first.2 * factor));
    out.push_str(&svg[first.1..second.0]);
    out.push_str(&format!("{:.2}", second.2 * factor));
    out.push_str(&svg[second.1..]);
    Cow::Owned(out)
}

/// PNG from DOT, by the installed Graphviz `dot` (cairo, system fonts).
pub fn system(dot: &str, layout: Layout) -> Result<Vec<u8>, RenderError> {
    super::svg::run_system(dot, layout, graphviz_rust::cmd::Format::Png)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huge_drawing_is_scaled_to_fit_and_a_small_one_is_left_alone() {
        let small = r#"<svg width="62pt" height="116pt" viewBox="0.00 0.00 62.00 116.00"></svg>"#;
        assert_eq!(fit(small), small);
        let wide = r#"<svg width="750000pt" height="300pt" viewBox="0 0 750000 300"></svg>"#;
        let fitted = fit(wide);
        assert!(fitted.contains(r#"width="22500.00pt""#), "{fitted}");
        assert!(fitted.contains(r#"height="9.00pt""#), "{fitted}");
        assert!(fitted.contains(r#"viewBox="0 0 750000 300""#));
        let png = from_svg(wide).unwrap();
        // The PNG header's width and height (big-endian, bytes 16..24).
        let w = u32::from_be_bytes(png[16..20].try_into().unwrap());
        let h = u32::from_be_bytes(png[20..24].try_into().unwrap());
        assert!(f64::from(w) <= MAX_SIDE && f64::from(w) * f64::from(h) <= MAX_PIXELS);
    }
}
