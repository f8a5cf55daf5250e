//! The legend drawn in every diagram: one node whose HTML-like label lists
//! the entity kinds and line styles the diagram uses, so a reader never
//! needs the README to read it.

use super::dot::{attr, quote};
use super::style::{self, INK};
use crate::format::palette;
use crate::model::Status;
use graphviz_rust::dot_structures::{Attribute, Id, Node, NodeId, Stmt};

/// `s` as text inside an HTML-like label: `&`, `<`, `>`, `"` and `'` become
/// entities, and control characters spaces. The legend's words are constants
/// today, but this is the one door into an HTML label all the same.
pub(super) fn html_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A line sample for the legend: a cell whose middle carries a border drawn
/// like the edges of `sides` (`T`, or `TB` for the disputed double line).
fn line_sample(style: &str, color: &str, border: u8, sides: &str) -> String {
    // Two stacked cells so the line sits at the height of the text, not
    // under it: the upper one empty, the lower one with a top border.
    format!(
        "<TD><TABLE BORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">\
         <TR><TD WIDTH=\"40\" HEIGHT=\"{top}\" FIXEDSIZE=\"TRUE\"></TD></TR>\
         <TR><TD WIDTH=\"40\" HEIGHT=\"{low}\" FIXEDSIZE=\"TRUE\" SIDES=\"{sides}\" \
         BORDER=\"{border}\" STYLE=\"{style}\" COLOR=\"{color}\"></TD></TR></TABLE></TD>",
        top = if sides == "T" { 8 } else { 6 },
        low = if sides == "T" { 7 } else { 5 },
        style = html_text(style),
        color = html_text(color),
    )
}

/// What the blue lines of a diagram mean, for its legend.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Emphasis {
    /// Nothing is drawn emphasised.
    None,
    /// A path, over its greyed context.
    Path,
    /// A view's `highlight`, without context.
    Highlight,
}

/// The legend: one node whose HTML-like label is a small table — the entity
/// kinds drawn, each with its fill and border, beside the line of each
/// status drawn, the disputed mark when a drawn claim is disputed, and in a
/// path diagram what the blue and grey lines mean. Only
/// what the view shows is listed, so a small view gets a small legend.
pub(super) fn legend(
    kinds: &[&'static style::KindStyle],
    statuses: &[Status],
    disputed: bool,
    emphasis: Emphasis,
) -> Stmt {
    let text = |s: &str, color: &str| {
        format!(
            "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD>",
            html_text(color),
            html_text(s)
        )
    };
    let mut kind_cells: Vec<String> = kinds
        .iter()
        .map(|k| {
            format!(
                "<TD WIDTH=\"22\" HEIGHT=\"13\" FIXEDSIZE=\"TRUE\" BGCOLOR=\"{}\" COLOR=\"{}\" \
                 BORDER=\"1\"{}></TD>{}",
                html_text(k.fill),
                html_text(k.color),
                if k.style.contains("rounded") {
                    " STYLE=\"rounded\""
                } else {
                    ""
                },
                text(k.legend, INK)
            )
        })
        .collect();
    let mut line_cells: Vec<String> = style::STATUSES
        .iter()
        .filter(|s| statuses.contains(&s.status))
        .map(|s| {
            // Cell borders are whole points: the heavy lines get 2, the light one 1.
            let border = if s.heavy { 2 } else { 1 };
            format!(
                "{}{}",
                line_sample(s.style, s.color, border, "T"),
                text(s.legend, INK)
            )
        })
        .collect();
    if disputed {
        line_cells.push(format!(
            "{}{}",
            line_sample("solid", palette::REPORTED_LINE, 1, "TB"),
            text("disputed (double line)", style::ALARM)
        ));
    }
    if emphasis == Emphasis::Highlight {
        line_cells.push(format!(
            "{}{}",
            line_sample("solid", style::PATH_LINE, 3, "T"),
            text("highlighted (blue)", INK)
        ));
    }
    if emphasis == Emphasis::Path {
        line_cells.push(format!(
            "{}{}",
            line_sample("solid", style::PATH_LINE, 3, "T"),
            text("the path (blue)", INK)
        ));
        line_cells.push(format!(
            "{}{}",
            line_sample("solid", style::CONTEXT_LINE, 2, "T"),
            text("around it (grey)", INK)
        ));
    }
    let rows = kind_cells.len().max(line_cells.len());
    kind_cells.resize(rows, "<TD></TD><TD></TD>".into());
    line_cells.resize(rows, "<TD></TD><TD></TD>".into());
    let mut html = format!(
        "<<TABLE BORDER=\"1\" COLOR=\"{}\" STYLE=\"rounded\" CELLBORDER=\"0\" \
         CELLSPACING=\"2\" CELLPADDING=\"2\" BGCOLOR=\"white\">",
        palette::FRAME
    );
    for (k, l) in kind_cells.iter().zip(&line_cells) {
        // A spacer cell keeps the two columns apart.
        html.push_str(&format!("<TR>{k}<TD WIDTH=\"10\"></TD>{l}</TR>"));
    }
    html.push_str("</TABLE>>");
    Stmt::Node(Node::new(
        NodeId(Id::Escaped(quote("legend")), None),
        vec![
            attr("id", "legend"),
            attr("class", "legend"),
            attr("tooltip", "Legend"),
            attr("shape", "plain"),
            attr("fontsize", "10"),
            Attribute(Id::Plain("label".into()), Id::Html(html)),
        ],
    ))
}
