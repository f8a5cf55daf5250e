//! How the diagram looks, and why: every visual choice carries meaning.
//!
//! - **Entity kind** is shown twice, by shape *and* by fill colour, so the
//!   diagram still reads in greyscale print and for colour-blind readers.
//! - **Status** is shown by the line itself — thick solid (confirmed), thin
//!   grey solid (reported), dashed (alleged), dotted red (denied) — so a
//!   reader can tell the strength of a claim without reading any label.
//! - **Disputes** get a second, independent mark: a red "disputed by …" line
//!   in the label, a bar across the arrowhead and a heavier stroke.
//!
//! The kinds, the status lines and every colour come from the format's
//! tables ([`crate::format::vocab`], [`crate::format::palette`]), which the
//! exports read too; this module adds what only a diagram needs.

use crate::format::{ENTITY_KINDS, EntityKind, Status, StatusLine, palette};

/// The font of every label. `Helvetica` is what Graphviz's built-in metric
/// tables measure with, and graphviz-pure's rasterizer draws it with the
/// bundled Arimo (same metrics), so text fits its box in SVG and PNG alike.
pub const FONT: &str = "Helvetica";
/// Node label size in points: legible at 100 % zoom.
pub const NODE_FONT_SIZE: &str = "12";
/// Edge label size in points.
pub const EDGE_FONT_SIZE: &str = "10";
/// Near-black for text and confirmed lines.
pub const INK: &str = palette::INK;
/// Reserved for denial and dispute, nothing else.
pub const ALARM: &str = palette::ALARM;
/// Wrap node names longer than this many characters at spaces.
pub const WRAP_AT: usize = 22;
/// Wrap edge labels longer than this (they have room along the edge).
pub const EDGE_WRAP_AT: usize = 30;

/// How one entity kind is drawn: the format's kind table.
pub type KindStyle = EntityKind;
/// The drawing of every kind FORMAT.md names, in legend order.
pub const KINDS: [KindStyle; 8] = ENTITY_KINDS;

/// The style of a kind as `display_kind` names it (`other` for anything unknown).
pub fn kind_style(display_kind: &str) -> &'static KindStyle {
    EntityKind::of(display_kind)
}

/// How one status is drawn: the format's status lines.
pub type StatusStyle = StatusLine;
/// Line style per status, strongest first.
pub const STATUSES: [StatusStyle; 4] = crate::format::vocab::STATUS_LINES;

/// The line of a status.
pub fn status_style(status: Status) -> &'static StatusStyle {
    status.line()
}

/// A disputed edge is drawn as a double line (Graphviz draws one parallel
/// line per colour in a `:`-separated list; `invis` is the gap), in its
/// status's dash pattern: visible at any zoom, and independent of colour.
pub fn disputed_color(color: &str) -> String {
    format!("{color}:invis:{color}")
}

/// The hops of a drawn path (see [`path_color`]).
pub const PATH_LINE: &str = palette::BLUE;
/// A reported hop of a drawn path, lighter as reported lines are everywhere else.
pub const PATH_LINE_LIGHT: &str = palette::SKY;
/// Extra width of a path's hops, so the path reads before anything else.
pub const PATH_EXTRA_WIDTH: f32 = 1.5;
/// The line of a context relationship around a path: pale, behind the path.
pub const CONTEXT_LINE: &str = palette::CONTEXT_LINE;

/// The colour of a path's hop: blue, light for a reported claim, but a
/// denied claim stays red — being on the path does not make it less denied.
/// The dash pattern of the status is kept, so the strength still reads.
pub fn path_color(status: Status) -> &'static str {
    match status {
        Status::Reported => PATH_LINE_LIGHT,
        Status::Denied => ALARM,
        _ => PATH_LINE,
    }
}

/// Arrowhead of a disputed edge: a bar before the arrow, read as "contested".
pub const DISPUTED_ARROWHEAD: &str = "normaltee";
/// Extra width added to a disputed edge's line.
pub const DISPUTED_EXTRA_WIDTH: f32 = 0.3;

/// Splits a long name over lines at spaces, at most [`WRAP_AT`] characters a
/// line where the words allow; a word longer than that stays whole (names
/// are never cut). Keeps the diagram compact without hiding anything.
pub fn wrap(text: &str) -> String {
    wrap_at(text, WRAP_AT)
}

/// [`wrap`] at `width` characters.
pub fn wrap_at(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut line_len = 0;
    for (i, word) in text.split(' ').enumerate() {
        let n = word.chars().count();
        if i > 0 {
            if line_len > 0 && line_len + 1 + n > width {
                out.push('\n');
                line_len = 0;
            } else {
                out.push(' ');
                line_len += 1;
            }
        }
        out.push_str(word);
        line_len += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_never_cuts_a_word() {
        assert_eq!(wrap("Netflix, Inc."), "Netflix, Inc.");
        assert_eq!(
            wrap("U.S. District Court for the Northern District of California"),
            "U.S. District Court\nfor the Northern\nDistrict of California"
        );
        let long = "x".repeat(5000);
        assert_eq!(wrap(&long), long);
        assert_eq!(wrap(&format!("a {long} b")), format!("a\n{long}\nb"));
    }
}
