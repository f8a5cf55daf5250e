//! A view of the model as a Graphviz graph: a graphviz-rust AST
//! ([`dot_structures`]) printed by graphviz-rust's printer, never pasted
//! together from strings.
//!
//! graphviz-rust prints an `Id` exactly as stored, so the AST is only as safe
//! as the strings put into it. Every string that comes from the data goes
//! through [`quote`], one function with its own tests; attribute names and
//! the style constants are the only other text in the graph.
//!
//! The output is deterministic: entities and relationships are emitted
//! sorted by id, attributes in a fixed order, and nothing depends on hash
//! order or the clock.

use super::Layout;
use super::Options;
use super::footnotes::{self, Footnotes};
use super::legend::{Emphasis, legend};
use super::style::{self, INK};
use super::text;
use crate::format::{is_http_url, palette};
use crate::model::{Annotated, EntityRef, Model, RelRef, Status, When};
use crate::query::View;
use graphviz_rust::dot_structures::{
    Attribute, Edge, EdgeTy, Graph, GraphAttributes, Id, Node, NodeId, Stmt, Subgraph, Vertex,
};
use graphviz_rust::printer::{DotPrinter, PrinterContext};
use std::fmt::Write as _;

/// `s` as a DOT double-quoted string (an `escString`) whose value, as
/// Graphviz reads it, is exactly `s`.
///
/// - `"` becomes `\"`, so the string cannot be closed early (`"]; x -> y [`
///   stays text);
/// - `\` becomes `\\`, so data cannot form Graphviz escapes such as `\N`,
///   `\G` or `\l`, nor a backslash-newline line continuation;
/// - a newline becomes `\n`, Graphviz's centred line break;
/// - any other control character (tab, carriage return, …) becomes a space,
///   because Graphviz gives `\r` and raw tabs their own layout meaning.
///
/// Everything else — `<`, `{`, `;`, emoji, bidirectional controls such as
/// U+202E — is plain text inside a quoted DOT string and passes through.
/// The SVG writer escapes it for XML.
pub fn quote(s: &str) -> String {
    quote_with(s, "\\n")
}

/// Like [`quote`], but each line is left-justified (`\l`), the last one
/// included: for the caption under the diagram.
pub fn quote_left(s: &str) -> String {
    let mut q = quote_with(s, "\\l");
    q.insert_str(q.len() - 1, "\\l");
    q
}

fn quote_with(s: &str, line_break: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str(line_break),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The inverse of [`quote`]: the text of a quoted DOT string as Graphviz
/// reads it, or `None` if `s` is not a quoted string. `\l` and `\r` (left-
/// and right-justified line ends) read as line breaks like `\n`.
pub fn unquote(s: &str) -> Option<String> {
    let inner = s.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' | 'l' | 'r' => out.push('\n'),
            other => out.push(other),
        }
    }
    Some(out)
}

/// A `name="value"` attribute, the value quoted.
pub(super) fn attr(name: &str, value: &str) -> Attribute {
    Attribute(Id::Plain(name.to_owned()), Id::Escaped(quote(value)))
}

/// A safe SVG/HTML `id` from a model id: ids are validated slugs already,
/// but anything outside `[a-z0-9._-]` is replaced all the same, so an `id`
/// attribute can never carry markup whatever the loader accepts.
pub fn html_id(prefix: &str, id: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + id.len());
    out.push_str(prefix);
    out.extend(id.chars().map(|c| match c {
        'a'..='z' | '0'..='9' | '.' | '_' | '-' => c,
        _ => '_',
    }));
    out
}

/// Data text for a tooltip: see [`text::drawn`].
fn clean(s: &str) -> String {
    text::drawn(s)
}

/// Data text drawn on the diagram: shortened, then [`clean`]ed.
fn clean_short(s: &str) -> String {
    text::drawn(&text::shortened(s))
}

/// `label` with a note mark as its last line.
fn with_mark(label: String, mark: Option<String>) -> String {
    match mark {
        Some(m) => format!("{label}\n{m}"),
        None => label,
    }
}

/// The label of an entity's node: its name, wrapped at spaces.
pub fn entity_label(e: &EntityRef<'_>) -> String {
    style::wrap(&clean_short(e.name()))
}

/// The tooltip of an entity: name, kind, dates, description.
fn entity_tooltip(e: &EntityRef<'_>) -> String {
    let mut t = format!(
        "{} ({})",
        clean(e.name()),
        clean(&e.kind().replace('_', " "))
    );
    match (e.start(), e.end()) {
        (None, None) => {}
        (start, end) => {
            let _ = write!(t, "\n{}", When::Period { start, end });
        }
    }
    if let Some(d) = e.description() {
        let _ = write!(t, "\n{}", clean(d));
    }
    t
}

/// The label of a relationship's edge: the type (or given label), then the
/// date or period and the amount, then who disputes it, then footnote marks.
pub fn relationship_label(r: &RelRef<'_>, notes: Option<&Footnotes>) -> String {
    let mut lines = vec![style::wrap_at(
        &clean_short(&r.label()),
        style::EDGE_WRAP_AT,
    )];
    let mut facts = Vec::new();
    let when = r.when().to_string();
    if !when.is_empty() {
        facts.push(when);
    }
    if let Some(a) = r.amount() {
        facts.push(a.to_string());
    }
    if !facts.is_empty() {
        lines.push(facts.join(" · "));
    }
    if r.is_disputed() {
        let mut names: Vec<String> = r
            .disputes()
            .map(|d| clean_short(d.entity().name()))
            .collect();
        names.dedup();
        lines.push(format!("disputed by {}", names.join(", ")));
    }
    if let Some(marks) = notes.map(|n| n.marks(r)).filter(|m| !m.is_empty()) {
        lines.push(marks);
    }
    lines.join("\n")
}

/// The tooltip of a relationship: the claim, its status, and every citation
/// and dispute with its source, so the evidence is one hover away.
fn relationship_tooltip(model: &Model, r: &RelRef<'_>) -> String {
    let from = model.entity(r.from());
    let to = model.entity(r.to());
    let mut t = format!(
        "{} — {} → {}\n{}",
        clean(from.name()),
        clean(&r.label()),
        clean(to.name()),
        r.status()
    );
    let when = r.when().to_string();
    if !when.is_empty() {
        let _ = write!(t, " · {when}");
    }
    if let Some(a) = r.amount() {
        let _ = write!(t, " · {a}");
    }
    for (i, c) in r.evidence().enumerate() {
        let _ = write!(
            t,
            "\n[{}] {}",
            i + 1,
            clean(&footnotes::source_line(model, c.source().ix()))
        );
        if let Some(l) = c.locator() {
            let _ = write!(t, ", {}", clean(l));
        }
        if let Some(q) = c.quote() {
            let _ = write!(t, "\n    “{}”", clean(q));
        }
    }
    for d in r.disputes() {
        let _ = write!(
            t,
            "\ndisputed by {} — {}",
            clean(d.entity().name()),
            clean(&footnotes::source_line(model, d.source().ix()))
        );
        if let Some(q) = d.quote() {
            let _ = write!(t, "\n    “{}”", clean(q));
        }
    }
    t
}

/// The link of an edge: its first citation's source address, if it is a web
/// address. Nothing else in the diagram is a link. The model keeps only
/// addresses that pass the validator's [`is_http_url`], but the renderer
/// checks again with the same rule rather than trust it.
pub fn relationship_link<'a>(r: &RelRef<'a>) -> Option<&'a str> {
    r.evidence()
        .next()
        .and_then(|c| c.source().url())
        .filter(|u| is_http_url(u))
}

fn node_stmt(id: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Node(Node::new(NodeId(Id::Escaped(quote(id)), None), attributes))
}

fn edge_stmt(from: &str, to: &str, attributes: Vec<Attribute>) -> Stmt {
    Stmt::Edge(Edge {
        ty: EdgeTy::Pair(
            Vertex::N(NodeId(Id::Escaped(quote(from)), None)),
            Vertex::N(NodeId(Id::Escaped(quote(to)), None)),
        ),
        attributes,
    })
}

fn entity_stmt(e: &EntityRef<'_>, opts: &Options, story: &[(usize, Annotated, &str)]) -> Stmt {
    let k = style::kind_style(e.display_kind());
    let faded = opts.faded.as_ref().is_some_and(|f| f.has_entity(e.ix()));
    let mut node_style = String::from("filled");
    if !k.style.is_empty() {
        node_style.push(',');
        node_style.push_str(k.style);
    }
    let mut class = format!("entity kind-{}", k.kind);
    if faded {
        class.push_str(" context");
    }
    let mut attrs = vec![
        attr("id", &html_id("e-", e.id())),
        attr("class", &class),
        attr(
            "label",
            &with_mark(entity_label(e), note_mark(story, Annotated::Entity(e.ix()))),
        ),
        attr("tooltip", &entity_tooltip(e)),
        attr("shape", k.shape),
        attr("style", &node_style),
        attr(
            "fillcolor",
            if faded { palette::FADED_FILL } else { k.fill },
        ),
        attr("color", if faded { palette::FRAME } else { k.color }),
    ];
    if faded {
        attrs.push(attr("fontcolor", palette::FADED_TEXT));
    }
    if opts
        .highlight
        .as_ref()
        .is_some_and(|h| h.has_entity(e.ix()))
    {
        attrs.push(attr("penwidth", "3"));
    }
    node_stmt(e.id(), attrs)
}

fn relationship_stmt(
    model: &Model,
    r: &RelRef<'_>,
    opts: &Options,
    notes: &Footnotes,
    story: &[(usize, Annotated, &str)],
) -> Stmt {
    let s = style::status_style(r.status());
    let faded = opts
        .faded
        .as_ref()
        .is_some_and(|f| f.has_relationship(r.ix()));
    let highlighted = opts
        .highlight
        .as_ref()
        .is_some_and(|h| h.has_relationship(r.ix()));
    let mut class = format!("relationship status-{}", r.status());
    if r.is_disputed() {
        class.push_str(" disputed");
    }
    if faded {
        class.push_str(" context");
    }
    if highlighted {
        class.push_str(" path");
    }
    let mut width = s.penwidth;
    if r.is_disputed() {
        width += style::DISPUTED_EXTRA_WIDTH;
    }
    if highlighted {
        width += style::PATH_EXTRA_WIDTH;
    }
    let mut color = if faded {
        style::CONTEXT_LINE
    } else if highlighted {
        style::path_color(r.status())
    } else {
        s.color
    }
    .to_owned();
    if r.is_disputed() {
        color = style::disputed_color(&color);
    }
    let fontcolor = if faded {
        palette::FADED_LABEL
    } else if r.is_disputed() {
        style::ALARM
    } else {
        INK
    };
    let notes = opts.footnotes.then_some(notes);
    let tooltip = relationship_tooltip(model, r);
    // Context lines carry no label: around a hub there are dozens, and their
    // words would bury the path. Their claims are still in the tooltip.
    let mark = note_mark(story, Annotated::Relationship(r.ix()));
    let label = if faded {
        mark.unwrap_or_default()
    } else {
        with_mark(relationship_label(r, notes), mark)
    };
    let mut attrs = vec![
        attr("id", &html_id("r-", r.id())),
        attr("class", &class),
        attr("label", &label),
        attr("tooltip", &tooltip),
        // Graphviz would otherwise give the label its own text as tooltip.
        attr("labeltooltip", &tooltip),
        attr("style", s.style),
        attr("color", &color),
        attr("penwidth", &format!("{width:.1}")),
        attr("fontcolor", fontcolor),
    ];
    if r.is_disputed() {
        attrs.push(attr("arrowhead", style::DISPUTED_ARROWHEAD));
    }
    if !r.directed() {
        attrs.push(attr("dir", "none"));
    }
    if let Some(url) = relationship_link(r) {
        attrs.push(attr("URL", &text::link(url)));
        attrs.push(attr("target", "_blank"));
    }
    let from = model.entity(r.from()).id();
    let to = model.entity(r.to()).id();
    edge_stmt(from, to, attrs)
}

/// The longest caption or note drawn under a diagram, in characters.
const MAX_PARAGRAPH_CHARS: usize = 2000;
/// Where a caption or note wraps, in characters.
const PARAGRAPH_WIDTH: usize = 110;

/// The notes of `opts` whose item `view` draws, numbered from 1 in the
/// order written: (number, item, text).
fn story_notes<'o>(opts: &'o Options, view: &View) -> Vec<(usize, Annotated, &'o str)> {
    opts.notes
        .iter()
        .filter(|(about, _)| match *about {
            Annotated::Entity(e) => view.has_entity(e),
            Annotated::Relationship(r) => view.has_relationship(r),
        })
        .enumerate()
        .map(|(i, (about, text))| (i + 1, *about, text.as_str()))
        .collect()
}

/// `[note 1, 3]` for the notes on `item`, if any.
fn note_mark(story: &[(usize, Annotated, &str)], item: Annotated) -> Option<String> {
    let ns: Vec<String> = story
        .iter()
        .filter(|(_, about, _)| *about == item)
        .map(|(n, _, _)| n.to_string())
        .collect();
    (!ns.is_empty()).then(|| format!("[note {}]", ns.join(", ")))
}

/// The caption under the diagram: title, what the view shows, a declared
/// view's caption and notes, and with `--footnotes` the numbered sources,
/// as left-justified lines.
fn caption(model: &Model, opts: &Options, notes: &Footnotes, story: &[(usize, &str)]) -> String {
    let meta = model.dataset();
    let mut lines = vec![clean_short(meta.title.as_deref().unwrap_or(&meta.id))];
    if let Some(s) = &opts.subtitle {
        lines.push(clean_short(s));
    }
    // A caption and notes are paragraphs: wrapped, so the diagram does not
    // grow as wide as the longest of them.
    let paragraph = |s: &str| {
        style::wrap_at(
            &clean(&text::shortened_to(s, MAX_PARAGRAPH_CHARS)),
            PARAGRAPH_WIDTH,
        )
    };
    if let Some(c) = &opts.caption {
        lines.push(String::new());
        lines.extend(paragraph(c).lines().map(str::to_owned));
    }
    if !story.is_empty() {
        lines.push(String::new());
        lines.push("Notes".into());
        for (n, note) in story {
            lines.extend(
                paragraph(&format!("[note {n}] {note}"))
                    .lines()
                    .map(str::to_owned),
            );
        }
    }
    if opts.footnotes && !notes.is_empty() {
        lines.push(String::new());
        lines.push("Sources".into());
        lines.extend(
            notes
                .lines(model)
                .iter()
                .map(|l| clean(&text::shortened_to(l, text::MAX_FOOTNOTE_CHARS))),
        );
    }
    lines.join("\n")
}

/// The graph of `view`, styled, as graphviz-rust's AST.
pub fn graph(model: &Model, view: &View, opts: &Options) -> Graph {
    let mut entities: Vec<EntityRef<'_>> = model
        .entities()
        .filter(|e| view.has_entity(e.ix()))
        .collect();
    entities.sort_by(|a, b| a.id().cmp(b.id()));
    let mut rels: Vec<RelRef<'_>> = model
        .relationships()
        .filter(|r| {
            view.has_relationship(r.ix()) && view.has_entity(r.from()) && view.has_entity(r.to())
        })
        .collect();
    rels.sort_by(|a, b| a.id().cmp(b.id()));
    let notes = Footnotes::new(rels.iter());
    let story = story_notes(opts, view);
    let listed: Vec<(usize, &str)> = story.iter().map(|(n, _, t)| (*n, *t)).collect();

    let cap = caption(model, opts, &notes, &listed);
    let mut stmts = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
        attr("id", "casegraph"),
        attr("class", "casegraph"),
        attr("rankdir", opts.rankdir.as_str()),
        attr("fontname", style::FONT),
        attr("fontsize", "12"),
        Attribute(Id::Plain("label".into()), Id::Escaped(quote_left(&cap))),
        attr("labelloc", "b"),
        attr("labeljust", "l"),
        attr("bgcolor", "white"),
        attr("pad", "0.3"),
        attr("nodesep", "0.3"),
        attr("ranksep", "0.5"),
        attr("outputorder", "edgesfirst"),
    ]))];
    if !matches!(opts.layout, Layout::Dot | Layout::Auto) {
        // The spring engines place nodes on top of each other unless told
        // to remove overlaps; curved edges route around the nodes.
        stmts.push(Stmt::GAttribute(GraphAttributes::Graph(vec![
            attr("layout", opts.layout.as_str()),
            attr("overlap", "prism"),
            attr("sep", "+6"),
            attr("splines", "true"),
        ])));
    }
    stmts.extend([
        Stmt::GAttribute(GraphAttributes::Node(vec![
            attr("fontname", style::FONT),
            attr("fontsize", style::NODE_FONT_SIZE),
            attr("fontcolor", INK),
            attr("penwidth", "1.5"),
            attr("margin", "0.12,0.06"),
        ])),
        Stmt::GAttribute(GraphAttributes::Edge(vec![
            attr("fontname", style::FONT),
            attr("fontsize", style::EDGE_FONT_SIZE),
            attr("arrowsize", "0.8"),
        ])),
    ]);

    let mut kinds: Vec<&'static style::KindStyle> = Vec::new();
    for k in &style::KINDS {
        if entities.iter().any(|e| e.display_kind() == k.kind) {
            kinds.push(k);
        }
    }
    if opts.cluster_by_kind {
        for k in &kinds {
            let mut sub = vec![Stmt::GAttribute(GraphAttributes::Graph(vec![
                attr("id", &format!("cluster-{}", k.kind)),
                attr("class", &format!("cluster kind-{}", k.kind)),
                attr("label", k.legend),
                attr("style", "rounded,dashed"),
                attr("color", palette::FRAME),
                attr("fontcolor", palette::MUTED_TEXT),
            ]))];
            sub.extend(
                entities
                    .iter()
                    .filter(|e| e.display_kind() == k.kind)
                    .map(|e| entity_stmt(e, opts, &story)),
            );
            stmts.push(Stmt::Subgraph(Subgraph {
                id: Id::Escaped(quote(&format!("cluster_kind_{}", k.kind))),
                stmts: sub,
            }));
        }
    } else {
        stmts.extend(entities.iter().map(|e| entity_stmt(e, opts, &story)));
    }
    stmts.extend(
        rels.iter()
            .map(|r| relationship_stmt(model, r, opts, &notes, &story)),
    );
    if opts.legend {
        let statuses: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| rels.iter().any(|r| r.status() == *s))
            .collect();
        let disputed = rels.iter().any(RelRef::is_disputed);
        // A path diagram greys its context; a view may only highlight.
        let emphasis = match (&opts.highlight, &opts.faded) {
            (Some(_), Some(_)) => Emphasis::Path,
            (Some(_), None) => Emphasis::Highlight,
            (None, _) => Emphasis::None,
        };
        stmts.push(legend(&kinds, &statuses, disputed, emphasis));
    }
    Graph::DiGraph {
        id: Id::Escaped(quote(&model.dataset().id)),
        strict: false,
        stmts,
    }
}

/// Prints a graph as DOT text, one statement a line, ending in a newline.
pub fn print(graph: &Graph) -> String {
    let mut ctx = PrinterContext::default();
    let mut s = graph.print(&mut ctx);
    s.push('\n');
    s
}

/// The DOT text of `view`.
pub fn to_dot(model: &Model, view: &View, opts: &Options) -> String {
    print(&graph(model, view, opts))
}

#[cfg(test)]
mod tests {
    use super::super::legend::html_text;
    use super::*;

    #[test]
    fn html_text_leaves_no_markup_and_no_control_characters() {
        assert_eq!(html_text("plain"), "plain");
        assert_eq!(
            html_text(r#"<b>"Gala" & 'co'</b>"#),
            "&lt;b&gt;&quot;Gala&quot; &amp; &#39;co&#39;&lt;/b&gt;"
        );
        assert_eq!(html_text("a\nb\u{1b}[2J"), "a b [2J");
        // Already-escaped text is escaped again, so it is shown as written.
        assert_eq!(html_text("&amp;"), "&amp;amp;");
    }

    #[test]
    fn quote_escapes_what_dot_and_graphviz_would_read() {
        assert_eq!(quote("a"), r#""a""#);
        assert_eq!(quote(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quote(r"a\b"), r#""a\\b""#);
        assert_eq!(quote(r"\N\G\l"), r#""\\N\\G\\l""#);
        assert_eq!(quote("end\\"), r#""end\\""#);
        assert_eq!(quote("two\nlines"), r#""two\nlines""#);
        assert_eq!(quote("tab\there\r"), r#""tab here ""#);
        assert_eq!(quote(r#""]; x -> y ["#), r#""\"]; x -> y [""#);
        assert_eq!(
            quote("<b>{x}</b> \u{202e} 🕵️"),
            "\"<b>{x}</b> \u{202e} 🕵️\""
        );
    }

    #[test]
    fn unquote_inverts_quote() {
        for s in [
            "",
            "plain",
            r#"Jane "J.D." Doe \ Esq. {aka \"JD\"}"#,
            "Line1\nLine2",
            "\\",
            "\\\\\"",
            r#""]; x -> y ["#,
            "emoji 🕵️‍♀️ and \u{202e}rlo",
        ] {
            assert_eq!(unquote(&quote(s)).as_deref(), Some(s), "{s:?}");
        }
        assert_eq!(unquote("bare"), None);
        // `\l` line ends read back as line breaks, a final one included.
        assert_eq!(
            unquote(&quote_left("a\\n\nb")).as_deref(),
            Some("a\\n\nb\n")
        );
    }

    #[test]
    fn quoted_strings_survive_graphviz_rust_parser() {
        let nasty = r#"a "quoted" \ back\slash "]; x -> y [ <b> {}"#;
        let dot = format!("digraph {{ n [label={}] }}", quote(nasty));
        let g = graphviz_rust::parse(&dot).expect("parses");
        let Graph::DiGraph { stmts, .. } = g else {
            panic!("digraph")
        };
        let Stmt::Node(n) = &stmts[0] else {
            panic!("one node, got {stmts:?}")
        };
        assert_eq!(n.attributes.len(), 1);
        let Id::Escaped(v) = &n.attributes[0].1 else {
            panic!("quoted")
        };
        assert_eq!(unquote(v).as_deref(), Some(nasty));
    }

    #[test]
    fn only_web_urls_are_links() {
        assert!(is_http_url("https://example.com/a?b=%22c%22"));
        assert!(is_http_url("HTTP://example.com"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,<script>",
            "JaVaScRiPt:x",
            "ftp://example.com",
            "/relative",
            "https://exa mple.com",
            "https://example.com/\nx",
            "",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }

    #[test]
    fn html_ids_are_safe() {
        assert_eq!(
            html_id("e-", "netflix.paid.meta-2"),
            "e-netflix.paid.meta-2"
        );
        assert_eq!(html_id("r-", "a\"><script>"), "r-a___script_");
    }
}
