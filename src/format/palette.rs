//! Every colour casegraph draws with, in one place: the diagrams, the
//! legend, the GEXF and Cytoscape exports (and, later, the HTML page) all
//! take their colours from here, so a Gephi user sees the diagram's colours.
//!
//! The hues are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
//! Design"), which stays distinguishable under the common colour-vision
//! deficiencies. Fills are light tints so black text on them keeps a high
//! contrast; the full-strength colour is used for borders and exports.

/// Near-black for text and confirmed lines (pure black is harsh next to tints).
pub const INK: &str = "#222222";
/// Okabe–Ito vermillion: reserved for denial and dispute, nothing else.
pub const ALARM: &str = "#D55E00";
/// Okabe–Ito orange: people.
pub const ORANGE: &str = "#E69F00";
/// Okabe–Ito blue: organisations, and the hops of a drawn path.
pub const BLUE: &str = "#0072B2";
/// Okabe–Ito bluish green: government bodies.
pub const GREEN: &str = "#009E73";
/// Okabe–Ito reddish purple: court cases.
pub const PURPLE: &str = "#CC79A7";
/// Okabe–Ito sky blue: products, and a reported hop of a path.
pub const SKY: &str = "#56B4E9";
/// Okabe–Ito yellow, darkened so a border on white stays visible: events.
pub const OLIVE: &str = "#B8AE00";
/// Mid grey: documents and anything of another kind.
pub const GREY: &str = "#777777";

/// Light tint of [`ORANGE`].
pub const ORANGE_TINT: &str = "#FBE3B3";
/// Light tint of [`BLUE`].
pub const BLUE_TINT: &str = "#C2DDF0";
/// Light tint of [`GREEN`].
pub const GREEN_TINT: &str = "#B3E2D5";
/// Light tint of [`PURPLE`].
pub const PURPLE_TINT: &str = "#F0D7E5";
/// Light tint of [`SKY`].
pub const SKY_TINT: &str = "#D5ECFA";
/// Light tint of [`OLIVE`].
pub const OLIVE_TINT: &str = "#FAF6C4";
/// Light tint of [`GREY`].
pub const GREY_TINT: &str = "#F2F2F2";
/// Plain white (the fill of `other`, the legend's background).
pub const WHITE: &str = "#FFFFFF";

/// The line of a reported claim: lighter than a confirmed one.
pub const REPORTED_LINE: &str = "#8C8C8C";
/// The line of an alleged claim: dark, but dashed.
pub const ALLEGED_LINE: &str = "#3D3D3D";
/// The line of a context relationship around a path: pale, behind the path.
pub const CONTEXT_LINE: &str = "#C8C8C8";
/// Fill of an entity drawn as context (faded).
pub const FADED_FILL: &str = "#F4F4F4";
/// Borders of faded entities, clusters and the legend.
pub const FRAME: &str = "#BBBBBB";
/// Text of a faded entity.
pub const FADED_TEXT: &str = "#888888";
/// Text of a faded relationship's label.
pub const FADED_LABEL: &str = "#999999";
/// Cluster titles.
pub const MUTED_TEXT: &str = "#555555";

/// `#RRGGBB` as its three channels (`None` for anything else).
pub fn rgb(hex: &str) -> Option<(u8, u8, u8)> {
    let h = hex.strip_prefix('#')?;
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let channel = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((channel(0)?, channel(2)?, channel(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rgb_reads_the_palette() {
        assert_eq!(rgb(BLUE), Some((0x00, 0x72, 0xB2)));
        assert_eq!(rgb("#12345"), None);
        assert_eq!(rgb("123456"), None);
        assert_eq!(rgb("#GG0000"), None);
    }
}
