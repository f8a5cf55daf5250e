//! The interactive page (`render --format html`, `build` → `<dataset-id>.html`):
//! one self-contained HTML file that opens from `file://` with no network.
//!
//! Rust does everything that must agree with the command line: the diagram
//! is the SVG graphviz-pure draws for `render --format svg`, each node and
//! edge `<g>` given the page's hooks (`data-entity`, `data-relationship`,
//! `data-status`, a tab stop and an ARIA name); the data goes in as one
//! inline JSON document (never as code), with every declared view's
//! selection computed here by [`views::prepare`], so a story step shows
//! exactly what `build` draws for it. The script ([`SCRIPT`]) only reads
//! that JSON and toggles what is visible; it mirrors the command line's
//! search ranking, date rules and path rule, and says where in comments.
//!
//! Safety: every string from the data is escaped for where it lands ([`text`]
//! for HTML text, [`attr`] for attribute values, [`inline_json`] for the
//! JSON), and a Content-Security-Policy allows only the page's own inline
//! script and style, by their SHA-256 ([`csp`]), and `data:` images: nothing
//! is fetched from anywhere.

use super::svg;
use super::views;
use super::{Layout, Options, RenderError};
use crate::format::{is_http_url, palette};
use crate::model::{Annotated, Model, PartialDate, RelRef, When};
use crate::query::View;
use crate::query::path::{DEFAULT_MAX_HOPS, MAX_HOPS};
use serde_json::{Value, json};
use std::collections::HashMap;

/// The page's script: plain JavaScript, no library. `rules.js` (the command
/// line's search, filter and path rules, nothing of the page) comes first,
/// then `page.js` (the page itself), as one inline script.
pub const SCRIPT: &str = concat!(include_str!("rules.js"), include_str!("page.js"));
/// The page's stylesheet (screen and print).
pub const STYLE: &str = include_str!("page.css");

/// What the page's diagram area shows.
#[derive(Clone, Debug)]
pub enum Diagram<'a> {
    /// The SVG of `view` drawn with `opts` (from [`svg::pure`] or
    /// [`svg::system`]): the selection `render` was asked for.
    Drawn {
        /// The SVG, as the svg module finished and checked it.
        svg: String,
        /// What it draws.
        view: &'a View,
        /// How: its highlight and faded context are the page's initial marks.
        opts: &'a Options,
    },
    /// No diagram, and why (a graph past the drawable limit): the page
    /// still has search, the details panel, the filters and the timeline.
    None(String),
}

/// The page of `model` for `build`: the whole graph's diagram when it is
/// drawable ([`crate::render::MAX_ENTITIES`]), else the page without a
/// diagram, saying why. Never fails for the size of the graph.
///
/// # Errors
///
/// [`RenderError`] when graphviz-pure fails on a drawable graph.
pub fn for_build(model: &Model) -> Result<String, RenderError> {
    let n = model.entity_count();
    if n > super::MAX_ENTITIES {
        let why = format!(
            "No diagram: the graph has {n} entities, more than the {} a diagram can show. \
             Search, the filters and the timeline still cover all of it, and the story \
             steps list what each view selects.",
            super::MAX_ENTITIES
        );
        return Ok(page(model, &Diagram::None(why)));
    }
    let all = View::all(model);
    let opts = Options::new();
    let (dot, layout) = super::dot_for(model, &all, &opts, Layout::Auto);
    let svg = svg::pure(&dot, layout)?;
    Ok(page(
        model,
        &Diagram::Drawn {
            svg,
            view: &all,
            opts: &opts,
        },
    ))
}

/// The whole HTML page of `model` with `diagram`.
pub fn page(model: &Model, diagram: &Diagram<'_>) -> String {
    let meta = model.dataset();
    let title = meta.title.as_deref().unwrap_or(&meta.id);
    let (figure, base) = match diagram {
        Diagram::Drawn { svg, view, opts } => (
            format!(
                "<div id=\"diagram\" class=\"diagram\" tabindex=\"-1\">{}</div>",
                hooked_svg(model, svg)
            ),
            selection_json(model, view, opts),
        ),
        Diagram::None(why) => (
            format!(
                "<div id=\"diagram\" class=\"diagram none\"><p class=\"no-diagram\">{}</p></div>",
                text(why)
            ),
            Value::Null,
        ),
    };
    let data = data_json(model, base, matches!(diagram, Diagram::Drawn { .. }));
    let data = inline_json(&data);
    let mut html = String::with_capacity(figure.len() + data.len() + SCRIPT.len() + 16_384);
    html.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n",
        attr(&csp(SCRIPT, STYLE))
    ));
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    html.push_str(&format!("<title>{}</title>\n", text(title)));
    html.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    html.push_str(&format!("<header class=\"top\"><h1>{}</h1>", bdi(title)));
    if let Some(d) = &meta.description {
        html.push_str(&format!("<p class=\"description\">{}</p>", bdi(d)));
    }
    html.push_str("<div id=\"controls\" class=\"controls\"></div></header>\n");
    html.push_str("<main class=\"layout\">\n<section class=\"stage\" aria-label=\"Diagram\">\n");
    html.push_str("<div id=\"story\" class=\"story\" hidden></div>\n");
    html.push_str(&figure);
    html.push_str("\n<div id=\"timeline\" class=\"timeline\" aria-label=\"Timeline\"></div>\n");
    html.push_str("</section>\n");
    html.push_str(
        "<aside id=\"panel\" class=\"panel\" role=\"complementary\" aria-label=\"Details\">\
         <p class=\"hint\">Click an entity or a relationship, or search, to see its details \
         and evidence.</p></aside>\n</main>\n",
    );
    html.push_str(&sources_html(model));
    html.push_str(&format!(
        "<script type=\"application/json\" id=\"casegraph-data\">{data}</script>\n"
    ));
    html.push_str(&format!("<script>{SCRIPT}</script>\n</body>\n</html>\n"));
    html
}

/// The numbered list of sources under the page, folded on screen (the
/// panel shows each claim's own) and opened for print by the script: what
/// prints under the diagram, and what a reader without script still gets.
fn sources_html(model: &Model) -> String {
    let mut s = format!(
        "<footer class=\"sources\"><details id=\"sources\"><summary><h2>Sources ({})</h2>\
         </summary><ol>",
        model.source_count()
    );
    for src in model.sources() {
        s.push_str(&format!("<li id=\"source-{}\">", attr(src.id())));
        s.push_str(&format!("<cite>{}</cite>", bdi(src.title())));
        let mut meta = Vec::new();
        if let Some(p) = src.publisher() {
            meta.push(bdi(p));
        }
        if let Some(a) = src.author() {
            meta.push(bdi(a));
        }
        if let Some(d) = src.published() {
            meta.push(d.to_string());
        }
        if !meta.is_empty() {
            s.push_str(&format!(" — {}", meta.join(", ")));
        }
        if let Some(u) = src.url().filter(|u| is_http_url(u)) {
            s.push_str(&format!(
                " <a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{}</a>",
                attr(u),
                bdi(u)
            ));
        }
        s.push_str("</li>");
    }
    s.push_str("</ol></details></footer>\n");
    s
}

/// The SVG with the page's hooks on each entity's and relationship's `<g>`,
/// without what the page replaces: the XML prolog, the comments and
/// `<title>`s (DOT names), and the `<a>` wrappers with their tooltips and
/// links (the details panel shows every citation, and a click on a line
/// opens it rather than a source).
///
/// Graphviz writes each element's `id` (which [`super::dot::html_id`] made
/// from the model's id) as `<g id="…" class="node …">`, XML-escaped; the
/// ids are mapped back to the model here and the hooks added after the
/// class.
fn hooked_svg(model: &Model, svg: &str) -> String {
    let mut entities: HashMap<String, String> = HashMap::new();
    for e in model.entities() {
        let label = format!("{} ({})", e.name(), e.display_kind());
        entities
            .entry(super::dot::html_id("e-", e.id()))
            .or_insert_with(|| {
                format!(
                    " data-entity=\"{}\" tabindex=\"0\" role=\"button\" aria-label=\"{}\"",
                    attr(e.id()),
                    attr(&label)
                )
            });
    }
    let mut rels: HashMap<String, String> = HashMap::new();
    for r in model.relationships() {
        rels.entry(super::dot::html_id("r-", r.id()))
            .or_insert_with(|| {
                format!(
                    " data-relationship=\"{}\" data-status=\"{}\" tabindex=\"0\" role=\"button\" \
                     aria-label=\"{}\"",
                    attr(r.id()),
                    r.status(),
                    attr(&rel_sentence(model, &r))
                )
            });
    }
    let start = svg.find("<svg").unwrap_or(0);
    let mut out = String::with_capacity(svg.len());
    let mut rest = &svg[start..];
    // Comments (`<!-- a&#45;&gt;b -->`) and `<title>`s repeat the DOT
    // names (`ftc-&gt;meta`), which would show as tooltips: drop them.
    loop {
        let next_comment = rest.find("<!--");
        let next_title = rest.find("<title>");
        let next_a = find_a_tag(rest);
        let next_g = rest.find("<g id=\"");
        let Some(at) = [next_comment, next_title, next_a, next_g]
            .into_iter()
            .flatten()
            .min()
        else {
            break;
        };
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
        } else if rest.starts_with("<title>") {
            let end = rest.find("</title>").map_or(rest.len(), |e| e + 8);
            rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
        } else if rest.starts_with("</a>") {
            rest = rest[4..].strip_prefix('\n').unwrap_or(&rest[4..]);
        } else if rest.starts_with("<a ") || rest.starts_with("<a>") {
            // Graphviz escapes `>` in attribute values: the first one ends the tag.
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            rest = rest[end..].strip_prefix('\n').unwrap_or(&rest[end..]);
        } else {
            // `<g id="…"`: copy the tag up to its `>`, adding the hooks.
            let id_end = rest[7..].find('"').map_or(rest.len(), |e| e + 7);
            let id = unescape_id(&rest[7..id_end]);
            let tag_end = rest.find('>').map_or(rest.len(), |e| e);
            let hooks = entities.get(&id).or_else(|| rels.get(&id));
            out.push_str(&rest[..tag_end]);
            if let Some(h) = hooks {
                out.push_str(h);
            }
            rest = &rest[tag_end..];
        }
    }
    out.push_str(rest);
    // The page sizes the diagram (its viewBox is kept for pan and zoom).
    if let Some(svg_end) = out.find('>') {
        let head = out[..svg_end]
            .replacen(" width=\"", " data-width=\"", 1)
            .replacen(" height=\"", " data-height=\"", 1);
        out = format!(
            "{head} role=\"group\" aria-label=\"Diagram of the graph\"{}",
            &out[svg_end..]
        );
    }
    out
}

/// Where the next `<a …>` or `</a>` tag starts.
fn find_a_tag(s: &str) -> Option<usize> {
    let mut from = 0;
    let mut open = None;
    while let Some(at) = s[from..].find("<a").map(|i| i + from) {
        let after = &s[at + 2..];
        if after.starts_with(' ') || after.starts_with('>') {
            open = Some(at);
            break;
        }
        from = at + 2;
    }
    match (open, s.find("</a>")) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// An `id` as Graphviz escaped it, read back (`e&#45;netflix` → `e-netflix`).
/// [`super::dot::html_id`] leaves only `[a-z0-9._-]`, of which Graphviz
/// escapes `-` alone.
fn unescape_id(s: &str) -> String {
    s.replace("&#45;", "-")
}

/// `Netflix, Inc. — paid → Meta Platforms, Inc., alleged`: a relationship
/// as one sentence, for its ARIA name.
fn rel_sentence(model: &Model, r: &RelRef<'_>) -> String {
    let arrow = if r.directed() { "→" } else { "—" };
    format!(
        "{} — {} {arrow} {}, {}{}",
        model.entity(r.from()).name(),
        r.label(),
        model.entity(r.to()).name(),
        r.status(),
        if r.is_disputed() { ", disputed" } else { "" }
    )
}

/// `text` escaped for HTML text content.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if crate::render::text::push_stand_in(&mut out, c) => {}
            c => out.push(c),
        }
    }
    out
}

/// `s` as HTML text isolated from the text around it (`<bdi>`): a string
/// from the data may hold bidirectional controls (U+202E…) that would
/// otherwise reorder what follows it on the line.
pub fn bdi(s: &str) -> String {
    format!("<bdi>{}</bdi>", text(s))
}

/// `s` escaped for a double- or single-quoted HTML attribute value.
pub fn attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if crate::render::text::push_stand_in(&mut out, c) => {}
            c => out.push(c),
        }
    }
    out
}

/// JSON text that can sit inside `<script type="application/json">`: `<`,
/// `>` and `&` written as `\u003c`, `\u003e`, `\u0026` (so no `</script>`
/// or `<!--` can end or bend the element), and U+2028/U+2029 as `\u2028`,
/// `\u2029` (line terminators to older JavaScript parsers), DEL, C1
/// controls and noncharacters as `\u…` (HTML cannot carry them). Outside JSON
/// strings none of these characters occur, so the value is unchanged.
pub fn inline_json(value: &Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len() + 64);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            // DEL, C1 controls and noncharacters are raw in serde_json's
            // strings, and a parse error in an HTML file: escaped, they
            // read back the same.
            c if ('\u{7f}'..='\u{9f}').contains(&c) || crate::render::text::is_noncharacter(c) => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// `'sha256-…'`: a CSP source allowing exactly the inline element `body`.
pub fn csp_hash(body: &str) -> String {
    use base64::Engine;
    use sha2::Digest;
    let digest = sha2::Sha256::digest(body.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The page's Content-Security-Policy: nothing by default, the one inline
/// script and the one inline style by hash, `data:` images.
pub fn csp(script: &str, style: &str) -> String {
    format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; \
         base-uri 'none'; form-action 'none'",
        csp_hash(script),
        csp_hash(style)
    )
}

/// `[first day, last day]` a relationship is in force, as `YYYY-MM-DD`
/// (`null` where open), by the rule of `query::filter::in_force`: an event
/// from its date on, a period from its start's first day to its end's last.
/// ISO days compare as strings, which is all the page needs.
fn force(w: When) -> Value {
    let first = |d: PartialDate| Value::from(d.first_iso_day());
    let last = |d: PartialDate| Value::from(d.last_iso_day());
    match w {
        When::Undated => Value::Null,
        When::On(d) => json!([first(d), null]),
        When::Period { start, end } => {
            json!([
                start.map_or(Value::Null, first),
                end.map_or(Value::Null, last)
            ])
        }
    }
}

fn opt(s: Option<&str>) -> Value {
    s.map_or(Value::Null, Value::from)
}

fn date(d: Option<PartialDate>) -> Value {
    d.map_or(Value::Null, |d| Value::from(d.to_string()))
}

/// The ids of the entities and relationships a view draws (a relationship
/// when both its ends are drawn), in model order.
fn ids_of(model: &Model, view: &View) -> Value {
    let entities: Vec<&str> = model
        .entities()
        .filter(|e| view.has_entity(e.ix()))
        .map(|e| e.id())
        .collect();
    let rels: Vec<&str> = model
        .relationships()
        .filter(|r| {
            view.has_relationship(r.ix()) && view.has_entity(r.from()) && view.has_entity(r.to())
        })
        .map(|r| r.id())
        .collect();
    json!({"entities": entities, "relationships": rels})
}

/// A drawn selection: what it draws, what it highlights (`onPath` when
/// the highlight is a path's hops — a path diagram is the only one with a
/// faded context, [`super::path::path_diagram`]), what it fades, its notes.
fn selection_json(model: &Model, view: &View, opts: &Options) -> Value {
    let is_path = opts.faded.is_some();
    let empty = json!({"entities": [], "relationships": []});
    let highlight = opts
        .highlight
        .as_ref()
        .map_or_else(|| empty.clone(), |h| ids_of(model, h));
    let faded = opts
        .faded
        .as_ref()
        .map_or_else(|| empty.clone(), |f| ids_of(model, f));
    let notes: Vec<Value> = opts
        .notes
        .iter()
        .map(|(about, text)| match *about {
            Annotated::Entity(e) => json!({"entity": model.entity(e).id(), "text": text}),
            Annotated::Relationship(r) => {
                json!({"relationship": model.relationship(r).id(), "text": text})
            }
        })
        .collect();
    json!({
        "drawn": ids_of(model, view),
        "highlight": highlight,
        "isPath": is_path,
        "faded": faded,
        "subtitle": opts.subtitle,
        "caption": opts.caption,
        "notes": notes,
    })
}

/// Everything the script reads: the dataset, its entities, relationships
/// (citations resolved to their sources by index), sources, the views as
/// story steps with their selections, the palette and the path weights.
fn data_json(model: &Model, base: Value, has_diagram: bool) -> Value {
    let source_index: HashMap<&str, usize> = model
        .sources()
        .enumerate()
        .map(|(i, s)| (s.id(), i))
        .collect();
    let sources: Vec<Value> = model
        .sources()
        .map(|s| {
            json!({
                "id": s.id(),
                "title": s.title(),
                "kind": s.kind().as_str(),
                "publisher": opt(s.publisher()),
                "author": opt(s.author()),
                "published": date(s.published()),
                "url": opt(s.url().filter(|u| is_http_url(u))),
                "archived": opt(s.archived_url().filter(|u| is_http_url(u))),
            })
        })
        .collect();
    let entities: Vec<Value> = model
        .entities()
        .map(|e| {
            json!({
                "id": e.id(),
                "name": e.name(),
                "kind": e.display_kind(),
                "aliases": e.aliases().collect::<Vec<_>>(),
                "description": opt(e.description()),
                "start": date(e.start()),
                "end": date(e.end()),
                // Written as `show` writes it.
                "when": match (e.start(), e.end()) {
                    (None, None) => Value::Null,
                    (start, end) => When::Period { start, end }.to_string().into(),
                },
                "url": opt(e.url().filter(|u| is_http_url(u))),
                "properties": e.properties().map(|(k, v)| json!([k, v.to_string()])).collect::<Vec<_>>(),
            })
        })
        .collect();
    // `show`'s order of an entity's relationships (`query::relationships_of`:
    // type, then date, undated first, then id), as one rank per relationship.
    let mut order: Vec<RelRef<'_>> = model.relationships().collect();
    order.sort_by(|a, b| {
        (a.rel_type(), a.when().sort_key(), a.id()).cmp(&(
            b.rel_type(),
            b.when().sort_key(),
            b.id(),
        ))
    });
    let rank: HashMap<&str, usize> = order.iter().enumerate().map(|(i, r)| (r.id(), i)).collect();
    let relationships: Vec<Value> = model
        .relationships()
        .map(|r| {
            let w = r.when();
            let (d, start, end) = match w {
                When::Undated => (None, None, None),
                When::On(d) => (Some(d), None, None),
                When::Period { start, end } => (None, start, end),
            };
            json!({
                "id": r.id(),
                "from": model.entity(r.from()).id(),
                "to": model.entity(r.to()).id(),
                "type": r.rel_type(),
                "rank": rank.get(r.id()),
                "label": r.label(),
                "directed": r.directed(),
                "status": r.status().as_str(),
                "when": w.to_string(),
                "date": date(d),
                "start": date(start),
                "end": date(end),
                "force": force(w),
                "amount": r.amount().map(|a| a.to_string()),
                "disputes": r.disputes().map(|dp| json!({
                    "by": dp.entity().id(),
                    "source": source_index.get(dp.source().id()),
                    "quote": opt(dp.quote()),
                })).collect::<Vec<_>>(),
                "citations": r.evidence().map(|c| json!({
                    "source": source_index.get(c.source().id()),
                    "locator": opt(c.locator()),
                    "quote": opt(c.quote()),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let steps: Vec<Value> = model
        .views()
        .iter()
        .map(|spec| {
            let described = views::describe(model, spec);
            match views::prepare(model, spec) {
                Ok((view, opts)) => {
                    let mut v = selection_json(model, &view, &opts);
                    v["id"] = spec.id.clone().into();
                    v["title"] = spec.title.clone().into();
                    v["selects"] = described.into();
                    v
                }
                Err(e) => json!({
                    "id": spec.id,
                    "title": spec.title,
                    "caption": spec.caption,
                    "selects": described,
                    "error": e.message,
                }),
            }
        })
        .collect();
    let statuses: Vec<Value> = crate::model::Status::ALL
        .iter()
        .map(|s| {
            json!({
                "id": s.as_str(),
                "legend": s.line().legend,
                "dash": s.line().style,
                "color": s.line().color,
                "weight": s.weight(),
            })
        })
        .collect();
    let meta = model.dataset();
    json!({
        "dataset": {
            "id": meta.id,
            "title": meta.title,
            "description": meta.description,
            "url": opt(meta.url.as_deref().filter(|u| is_http_url(u))),
        },
        "hasDiagram": has_diagram,
        "base": base,
        "statuses": statuses,
        "disputedWeight": crate::format::DISPUTED_WEIGHT,
        "maxHops": DEFAULT_MAX_HOPS,
        "searchHops": MAX_HOPS,
        "palette": {
            "ink": palette::INK,
            "alarm": palette::ALARM,
            "path": palette::BLUE,
            "frame": palette::FRAME,
            "muted": palette::MUTED_TEXT,
            "faded": palette::FADED_FILL,
            "white": palette::WHITE,
        },
        "entities": entities,
        "relationships": relationships,
        "sources": sources,
        "views": steps,
    })
}

#[cfg(test)]
mod tests;
