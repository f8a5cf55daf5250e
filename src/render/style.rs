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
//! Colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
//! Design"), which stays distinguishable under the common colour-vision
//! deficiencies. Fills are light tints so black text on them keeps a high
//! contrast; the full-strength colour is used for the border.

use crate::model::Status;

/// The font of every label. `Helvetica` is what Graphviz's built-in metric
/// tables measure with, and graphviz-pure's rasterizer draws it with the
/// bundled Arimo (same metrics), so text fits its box in SVG and PNG alike.
pub const FONT: &str = "Helvetica";
/// Node label size in points: legible at 100 % zoom.
pub const NODE_FONT_SIZE: &str = "12";
/// Edge label size in points.
pub const EDGE_FONT_SIZE: &str = "10";
/// Near-black for text and confirmed lines (pure black is harsh next to tints).
pub const INK: &str = "#222222";
/// Okabe–Ito vermillion: reserved for denial and dispute, nothing else.
pub const ALARM: &str = "#D55E00";
/// Wrap node names longer than this many characters at spaces.
pub const WRAP_AT: usize = 22;
/// Wrap edge labels longer than this (they have room along the edge).
pub const EDGE_WRAP_AT: usize = 30;

/// How one entity kind is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KindStyle {
    /// The kind word (`person`, `court_case`, …).
    pub kind: &'static str,
    /// The legend's wording.
    pub legend: &'static str,
    /// Graphviz shape.
    pub shape: &'static str,
    /// Extra Graphviz style words besides `filled`.
    pub style: &'static str,
    /// Fill: a light tint of the border colour.
    pub fill: &'static str,
    /// Border: an Okabe–Ito colour.
    pub border: &'static str,
}

/// The drawing of every kind FORMAT.md names, in legend order. Any other
/// kind is drawn as `other` (see `EntityRef::display_kind`).
pub const KINDS: [KindStyle; 8] = [
    KindStyle {
        kind: "person",
        legend: "person",
        shape: "ellipse",
        style: "",
        fill: "#FBE3B3",
        border: "#E69F00",
    },
    KindStyle {
        kind: "organization",
        legend: "organization",
        shape: "box",
        style: "rounded",
        fill: "#C2DDF0",
        border: "#0072B2",
    },
    KindStyle {
        kind: "government",
        legend: "government body",
        shape: "house",
        style: "",
        fill: "#B3E2D5",
        border: "#009E73",
    },
    KindStyle {
        kind: "court_case",
        legend: "court case",
        shape: "octagon",
        style: "",
        fill: "#F0D7E5",
        border: "#CC79A7",
    },
    KindStyle {
        kind: "product",
        legend: "product",
        shape: "box3d",
        style: "",
        fill: "#D5ECFA",
        border: "#56B4E9",
    },
    KindStyle {
        kind: "event",
        legend: "event",
        shape: "hexagon",
        style: "",
        fill: "#FAF6C4",
        border: "#B8AE00",
    },
    KindStyle {
        kind: "document",
        legend: "document",
        shape: "note",
        style: "",
        fill: "#F2F2F2",
        border: "#777777",
    },
    KindStyle {
        kind: "other",
        legend: "other",
        shape: "ellipse",
        style: "dashed",
        fill: "#FFFFFF",
        border: "#777777",
    },
];

/// The style of a kind as `display_kind` names it (`other` for anything unknown).
pub fn kind_style(display_kind: &str) -> &'static KindStyle {
    KINDS
        .iter()
        .find(|k| k.kind == display_kind)
        .unwrap_or(&KINDS[KINDS.len() - 1])
}

/// How one status is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusStyle {
    /// The status.
    pub status: Status,
    /// The legend's wording.
    pub legend: &'static str,
    /// Graphviz edge style.
    pub style: &'static str,
    /// Line colour.
    pub color: &'static str,
    /// Line width in points.
    pub penwidth: &'static str,
}

/// Line style per status, strongest first. The four differ in dash pattern
/// *and* weight or colour, so no single cue has to carry the difference.
pub const STATUSES: [StatusStyle; 4] = [
    StatusStyle {
        status: Status::Confirmed,
        legend: "confirmed",
        style: "solid",
        color: INK,
        penwidth: "2.2",
    },
    StatusStyle {
        status: Status::Reported,
        legend: "reported",
        style: "solid",
        color: "#8C8C8C",
        penwidth: "1.3",
    },
    StatusStyle {
        status: Status::Alleged,
        legend: "alleged",
        style: "dashed",
        color: "#3D3D3D",
        penwidth: "1.5",
    },
    StatusStyle {
        status: Status::Denied,
        legend: "denied",
        style: "dotted",
        color: ALARM,
        penwidth: "2.2",
    },
];

/// The line of a status.
pub fn status_style(status: Status) -> &'static StatusStyle {
    // STATUSES lists every status in `Status::ALL` order.
    &STATUSES[Status::ALL.iter().position(|s| *s == status).unwrap_or(0)]
}

/// A disputed edge is drawn as a double line (Graphviz draws one parallel
/// line per colour in a `:`-separated list; `invis` is the gap), in its
/// status's dash pattern: visible at any zoom, and independent of colour.
pub fn disputed_color(color: &str) -> String {
    format!("{color}:invis:{color}")
}

/// Okabe–Ito blue: the hops of a drawn path (see [`path_color`]).
pub const PATH_LINE: &str = "#0072B2";
/// Okabe–Ito sky blue: a reported hop of a drawn path, lighter as reported
/// lines are everywhere else.
pub const PATH_LINE_LIGHT: &str = "#56B4E9";
/// Extra width of a path's hops, so the path reads before anything else.
pub const PATH_EXTRA_WIDTH: f32 = 1.5;
/// The line of a context relationship around a path: pale, behind the path.
pub const CONTEXT_LINE: &str = "#C8C8C8";

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
    fn every_status_has_a_distinct_line() {
        for (i, a) in STATUSES.iter().enumerate() {
            assert_eq!(a.status, Status::ALL[i]);
            for b in &STATUSES[i + 1..] {
                assert_ne!(
                    (a.style, a.color, a.penwidth),
                    (b.style, b.color, b.penwidth)
                );
            }
        }
    }

    #[test]
    fn every_known_kind_has_a_distinct_shape_and_fill() {
        for (i, a) in KINDS.iter().enumerate() {
            assert_eq!(a.kind, crate::model::KNOWN_ENTITY_KINDS[i]);
            for b in &KINDS[i + 1..] {
                assert_ne!((a.shape, a.style), (b.shape, b.style));
                assert_ne!(a.fill, b.fill);
            }
        }
        assert_eq!(kind_style("spaceship").kind, "other");
    }

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
