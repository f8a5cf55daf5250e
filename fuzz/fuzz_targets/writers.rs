//! Every writer, fed an arbitrary *valid* dataset: a small structure built
//! by `arbitrary` whose strings may hold any Unicode scalar value, made
//! valid by construction (slug ids from indices, references to records that
//! exist, dates in range and in order). The dataset must load with no
//! error; then each writer runs, and its output must parse with a real
//! parser of its format:
//!
//! - canonical JSON: serde_json, and it loads back to the same bytes;
//! - node-link, Cytoscape: serde_json; FtM: serde_json, line by line;
//! - GraphML, GEXF, SVG: roxmltree;
//! - DOT (the whole graph's and each declared view's): graphviz-rust's parser;
//! - the CSV export: the csv crate, every row as wide as the header, and the
//!   directory loads back to the same canonical JSON, byte for byte;
//! - the XLSX export: loads back to the same sources, entities and relationships;
//! - the HTML page: its data island parses as JSON, and no string of the
//!   data ends a `<script>` early;
//! - PNG: the built-in rasteriser gives a PNG signature;
//! - Cypher: no parser here (FalkorDB is tests/readers' job): no panic only.
//!
//! Sizes are small (at most 8 entities, 12 relationships) so the built-in
//! layout (SVG, PNG, the page) costs milliseconds per input.
#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use casegraph::export::nodelink::LinksKey;
use casegraph::export::{Format, csv as csv_export, format};
use casegraph::query::View;
use casegraph::render::{self, Layout, Options, RankDir, page, png, svg};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

const MAX_ENTITIES: usize = 8;
const MAX_RELATIONSHIPS: usize = 12;
const MAX_SOURCES: usize = 4;
const MAX_VIEWS: usize = 2;

const ENTITY_KINDS: [&str; 8] = [
    "person",
    "organization",
    "government",
    "court_case",
    "product",
    "event",
    "document",
    "other",
];
const SOURCE_KINDS: [&str; 8] = [
    "news",
    "court_filing",
    "regulator_decision",
    "press_release",
    "statement",
    "report",
    "book",
    "other",
];
const STATUSES: [&str; 4] = ["confirmed", "reported", "alleged", "denied"];
const TYPES: [&str; 6] = [
    "board_member_of",
    "paid",
    "sued",
    "partner_of",
    "data_sharing_agreement_with",
    "x",
];

/// A date of any precision, always a real day (days 1–28).
#[derive(Arbitrary, Debug, Clone, Copy)]
struct Date {
    year: u16,
    month: u8,
    day: u8,
    precision: u8,
}

impl Date {
    /// (year, month, day) in range.
    fn full(self) -> (u16, u8, u8) {
        (
            1000 + self.year % 9000,
            1 + self.month % 12,
            1 + self.day % 28,
        )
    }
    fn text(self) -> String {
        let (y, m, d) = self.full();
        match self.precision % 3 {
            0 => format!("{y}"),
            1 => format!("{y}-{m:02}"),
            _ => format!("{y}-{m:02}-{d:02}"),
        }
    }
}

/// Two dates in order: the first day the start covers is never after the
/// last day the end covers, whatever their precisions.
fn period(a: Date, b: Date) -> (String, String) {
    if a.full() <= b.full() {
        (a.text(), b.text())
    } else {
        (b.text(), a.text())
    }
}

/// An `https:` URL whose host part is any text the format allows.
fn url(s: &str) -> String {
    let host: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let host = if host.is_empty() || host.starts_with(['/', '?', '#']) {
        format!("x{host}")
    } else {
        host
    };
    format!("https://{host}")
}

#[derive(Arbitrary, Debug)]
enum Scalar {
    Text(String),
    Int(i64),
    Big(u64),
    Float(f64),
    Bool(bool),
}

impl Scalar {
    fn json(&self) -> Value {
        match self {
            Scalar::Text(s) => json!(s),
            Scalar::Int(i) => json!(i),
            Scalar::Big(u) => json!(u),
            Scalar::Float(f) if f.is_finite() => json!(f),
            Scalar::Float(_) => json!(0.5),
            Scalar::Bool(b) => json!(b),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Property {
    One(Scalar),
    List(Vec<Scalar>),
}

fn properties(props: &[(String, Property)]) -> Option<Value> {
    if props.is_empty() {
        return None;
    }
    let mut map = Map::new();
    for (k, v) in props.iter().take(6) {
        let v = match v {
            Property::One(s) => s.json(),
            Property::List(l) => Value::Array(l.iter().take(4).map(Scalar::json).collect()),
        };
        map.insert(k.clone(), v);
    }
    Some(Value::Object(map))
}

#[derive(Arbitrary, Debug)]
struct Source {
    title: String,
    kind: Option<u8>,
    publisher: Option<String>,
    author: Option<String>,
    published: Option<Date>,
    url: Option<String>,
    archived_url: Option<String>,
    notes: Option<String>,
}

#[derive(Arbitrary, Debug)]
enum Kind {
    Known(u8),
    Any(String),
}

#[derive(Arbitrary, Debug)]
struct Entity {
    name: String,
    kind: Kind,
    aliases: Vec<String>,
    description: Option<String>,
    url: Option<String>,
    start: Option<Date>,
    end: Option<Date>,
    properties: Vec<(String, Property)>,
}

#[derive(Arbitrary, Debug)]
enum When {
    Never,
    On(Date),
    From(Date),
    Until(Date),
    Between(Date, Date),
}

#[derive(Arbitrary, Debug)]
struct Citation {
    source: u8,
    locator: Option<String>,
    quote: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct Dispute {
    entity: u8,
    source: u8,
    quote: Option<String>,
}

#[derive(Arbitrary, Debug)]
struct Relationship {
    explicit_id: bool,
    from: u8,
    to: u8,
    kind: u8,
    label: Option<String>,
    directed: Option<bool>,
    when: When,
    status: Option<u8>,
    amount: Option<(f64, [u8; 3])>,
    evidence: Vec<Citation>,
    disputed_by: Vec<Dispute>,
    properties: Vec<(String, Property)>,
}

#[derive(Arbitrary, Debug)]
struct Note {
    entity: u8,
    text: String,
}

#[derive(Arbitrary, Debug)]
struct ViewDecl {
    title: String,
    caption: Option<String>,
    focus: Option<(u8, u8)>,
    notes: Vec<Note>,
    footnotes: Option<bool>,
}

/// How the whole graph is drawn.
#[derive(Arbitrary, Debug)]
struct Drawing {
    rankdir: u8,
    cluster_by_kind: bool,
    footnotes: bool,
    legend: bool,
    subtitle: Option<String>,
    png: bool,
}

#[derive(Arbitrary, Debug)]
struct Dataset {
    title: Option<String>,
    description: Option<String>,
    license: Option<String>,
    sources: Vec<Source>,
    entities: Vec<Entity>,
    relationships: Vec<Relationship>,
    views: Vec<ViewDecl>,
    drawing: Drawing,
}

fn put(obj: &mut Map<String, Value>, key: &str, v: Option<impl Into<Value>>) {
    if let Some(v) = v {
        obj.insert(key.to_owned(), v.into());
    }
}

impl Dataset {
    /// The dataset as format v1 JSON, valid by construction.
    fn json(&self) -> Value {
        let ns = self.sources.len().clamp(1, MAX_SOURCES);
        let ne = self.entities.len().clamp(2, MAX_ENTITIES);
        let source_id = |i: u8| format!("s{}", usize::from(i) % ns);
        let entity_id = |i: u8| format!("e{}", usize::from(i) % ne);
        let empty = Source {
            title: String::new(),
            kind: None,
            publisher: None,
            author: None,
            published: None,
            url: None,
            archived_url: None,
            notes: None,
        };
        let sources: Vec<Value> = (0..ns)
            .map(|i| {
                let s = self.sources.get(i).unwrap_or(&empty);
                let mut o = Map::new();
                o.insert("id".into(), json!(format!("s{i}")));
                o.insert("title".into(), json!(s.title));
                put(
                    &mut o,
                    "kind",
                    s.kind.map(|k| SOURCE_KINDS[usize::from(k) % 8]),
                );
                put(&mut o, "publisher", s.publisher.clone());
                put(&mut o, "author", s.author.clone());
                put(&mut o, "published", s.published.map(Date::text));
                put(&mut o, "url", s.url.as_deref().map(url));
                put(&mut o, "archived_url", s.archived_url.as_deref().map(url));
                put(&mut o, "notes", s.notes.clone());
                Value::Object(o)
            })
            .collect();
        let entities: Vec<Value> = (0..ne)
            .map(|i| {
                let mut o = Map::new();
                o.insert("id".into(), json!(format!("e{i}")));
                match self.entities.get(i) {
                    None => {
                        o.insert("name".into(), json!(format!("Entity {i}")));
                        o.insert("kind".into(), json!("other"));
                    }
                    Some(e) => {
                        o.insert("name".into(), json!(e.name));
                        let kind = match &e.kind {
                            Kind::Known(k) => ENTITY_KINDS[usize::from(*k) % 8].to_owned(),
                            Kind::Any(s) => s.clone(),
                        };
                        o.insert("kind".into(), json!(kind));
                        if !e.aliases.is_empty() {
                            let aliases: Vec<&String> = e.aliases.iter().take(4).collect();
                            o.insert("aliases".into(), json!(aliases));
                        }
                        put(&mut o, "description", e.description.clone());
                        put(&mut o, "url", e.url.as_deref().map(url));
                        match (e.start, e.end) {
                            (Some(a), Some(b)) => {
                                let (a, b) = period(a, b);
                                o.insert("start".into(), json!(a));
                                o.insert("end".into(), json!(b));
                            }
                            (a, b) => {
                                put(&mut o, "start", a.map(Date::text));
                                put(&mut o, "end", b.map(Date::text));
                            }
                        }
                        put(&mut o, "properties", properties(&e.properties));
                    }
                }
                Value::Object(o)
            })
            .collect();
        let relationships: Vec<Value> = self
            .relationships
            .iter()
            .take(MAX_RELATIONSHIPS)
            .enumerate()
            .map(|(i, r)| {
                let from = usize::from(r.from) % ne;
                let mut to = usize::from(r.to) % ne;
                if to == from {
                    to = (from + 1) % ne;
                }
                let mut o = Map::new();
                if r.explicit_id {
                    o.insert("id".into(), json!(format!("r{i}")));
                }
                o.insert("from".into(), json!(format!("e{from}")));
                o.insert("to".into(), json!(format!("e{to}")));
                o.insert(
                    "type".into(),
                    json!(TYPES[usize::from(r.kind) % TYPES.len()]),
                );
                put(&mut o, "label", r.label.clone());
                put(&mut o, "directed", r.directed);
                match r.when {
                    When::Never => {}
                    When::On(d) => put(&mut o, "date", Some(d.text())),
                    When::From(d) => put(&mut o, "start", Some(d.text())),
                    When::Until(d) => put(&mut o, "end", Some(d.text())),
                    When::Between(a, b) => {
                        let (a, b) = period(a, b);
                        o.insert("start".into(), json!(a));
                        o.insert("end".into(), json!(b));
                    }
                }
                let disputes: Vec<Value> = r
                    .disputed_by
                    .iter()
                    .take(2)
                    .map(|d| {
                        let mut o = Map::new();
                        o.insert("entity".into(), json!(entity_id(d.entity)));
                        o.insert("source".into(), json!(source_id(d.source)));
                        put(&mut o, "quote", d.quote.clone());
                        Value::Object(o)
                    })
                    .collect();
                // A disputed claim cannot be confirmed (FORMAT.md).
                let status = r.status.map(|s| STATUSES[usize::from(s) % 4]);
                let status = match status {
                    Some("confirmed") if !disputes.is_empty() => Some("reported"),
                    s => s,
                };
                put(&mut o, "status", status);
                if let Some((value, code)) = r.amount {
                    let value = if value.is_finite() { value.abs() } else { 1.0 };
                    let currency: String = code.iter().map(|b| char::from(b'A' + b % 26)).collect();
                    o.insert(
                        "amount".into(),
                        json!({ "value": value, "currency": currency }),
                    );
                }
                let evidence: Vec<Value> = r
                    .evidence
                    .iter()
                    .take(3)
                    .map(|c| {
                        let mut o = Map::new();
                        o.insert("source".into(), json!(source_id(c.source)));
                        put(&mut o, "locator", c.locator.clone());
                        put(&mut o, "quote", c.quote.clone());
                        Value::Object(o)
                    })
                    .collect();
                if !evidence.is_empty() {
                    o.insert("evidence".into(), Value::Array(evidence));
                }
                if !disputes.is_empty() {
                    o.insert("disputed_by".into(), Value::Array(disputes));
                }
                put(&mut o, "properties", properties(&r.properties));
                Value::Object(o)
            })
            .collect();
        let views: Vec<Value> = self
            .views
            .iter()
            .take(MAX_VIEWS)
            .enumerate()
            .map(|(i, v)| {
                let mut o = Map::new();
                o.insert("id".into(), json!(format!("v{i}")));
                o.insert("title".into(), json!(v.title));
                put(&mut o, "caption", v.caption.clone());
                if let Some((focus, depth)) = v.focus {
                    o.insert("focus".into(), json!(entity_id(focus)));
                    o.insert("depth".into(), json!(1 + depth % 6));
                }
                let notes: Vec<Value> = v
                    .notes
                    .iter()
                    .take(2)
                    .map(|n| json!({ "entity": entity_id(n.entity), "text": n.text }))
                    .collect();
                if !notes.is_empty() {
                    o.insert("notes".into(), Value::Array(notes));
                }
                put(&mut o, "footnotes", v.footnotes);
                Value::Object(o)
            })
            .collect();
        let mut dataset = Map::new();
        dataset.insert("id".into(), json!("fuzz"));
        put(&mut dataset, "title", self.title.clone());
        put(&mut dataset, "description", self.description.clone());
        put(&mut dataset, "license", self.license.clone());
        let mut top = Map::new();
        top.insert("format".into(), json!("casegraph/1"));
        top.insert("dataset".into(), Value::Object(dataset));
        top.insert("sources".into(), Value::Array(sources));
        top.insert("entities".into(), Value::Array(entities));
        top.insert("relationships".into(), Value::Array(relationships));
        if !views.is_empty() {
            top.insert("views".into(), Value::Array(views));
        }
        Value::Object(top)
    }
}

fn xml(what: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what} is not UTF-8: {e}"));
    // The SVG names its DTD, as Graphviz's does: allowed, never fetched.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    if let Err(e) = roxmltree::Document::parse_with_options(text, options) {
        panic!("{what} is not well-formed XML: {e}\n{text}");
    }
}

fn json_doc(what: &str, bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes).unwrap_or_else(|e| {
        panic!(
            "{what} is not JSON: {e}\n{}",
            String::from_utf8_lossy(bytes)
        )
    })
}

fn dot(what: &str, text: &str) {
    if let Err(e) = graphviz_rust::parse(text) {
        panic!("{what}: graphviz-rust cannot parse the DOT: {e}\n{text}");
    }
}

/// Parses one file of the CSV export; returns its rows (header first).
/// A new empty directory for one input's files (in /dev/shm where it
/// exists: memory, not disk).
fn scratch_dir() -> std::path::PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let base = std::path::Path::new("/dev/shm");
    let base = if base.is_dir() {
        base.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = base.join(format!(
        "casegraph-fuzz-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

fn csv_rows(what: &str, bytes: &[u8]) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(false)
        .from_reader(bytes);
    reader
        .records()
        .map(|r| {
            r.unwrap_or_else(|e| panic!("{what}: {e}"))
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(data) = Dataset::arbitrary_take_rest(Unstructured::new(bytes)) else {
        return;
    };
    let text = serde_json::to_string_pretty(&data.json()).expect("JSON text");
    let loaded = casegraph::load_str("fuzz.json", &text);
    casegraph_fuzz::check_loaded(&loaded);
    let Some(model) = loaded.model else {
        let shown: Vec<String> = loaded
            .diagnostics
            .iter()
            .map(|d| casegraph::diag::render(d, &loaded.files, casegraph::diag::Palette::plain()))
            .collect();
        panic!("valid data refused:\n{}\n{text}", shown.join("\n"));
    };
    let all = View::all(&model);

    // The canonical JSON loads back to the same bytes.
    let canonical = casegraph::export::canonical_json(&model);
    json_doc("canonical JSON", canonical.as_bytes());
    let again = casegraph::load_str("fuzz.json", &canonical);
    assert_eq!(again.error_count(), 0, "{:#?}", again.diagnostics);
    assert_eq!(
        casegraph::export::canonical_json(&again.model.expect("a model")),
        canonical,
        "the canonical JSON changed on reloading"
    );

    // The single-file exports.
    for f in Format::ALL {
        if f == Format::Csv {
            continue;
        }
        for links in [LinksKey::Edges, LinksKey::Links] {
            if links == LinksKey::Links && f != Format::NodeLink {
                continue;
            }
            let mut out = Vec::new();
            format::write(&model, &all, f, links, &mut out).expect("writing to memory");
            let what = f.name();
            match f {
                Format::Json | Format::NodeLink | Format::Cytoscape => {
                    json_doc(what, &out);
                }
                Format::Graphml | Format::Gexf => xml(what, &out),
                Format::Ftm => {
                    let text = std::str::from_utf8(&out).expect("FtM is UTF-8");
                    for line in text.lines() {
                        json_doc("an FtM line", line.as_bytes());
                    }
                }
                Format::Cypher => {
                    std::str::from_utf8(&out).expect("Cypher is UTF-8");
                }
                Format::Xlsx => {
                    assert!(out.starts_with(b"PK"), "the workbook is a zip");
                }
                Format::Csv => unreachable!(),
            }
        }
    }

    // The CSV export: every file well-formed and rectangular, and the
    // directory loads back to the same canonical JSON, byte for byte. The
    // workbook loads back to the same sources, entities and relationships.
    let dir = scratch_dir();
    casegraph::export::format::write_dir(&model, &all, Format::Csv, &dir)
        .expect("writing the CSV export");
    for (name, _) in csv_export::FILES {
        let bytes = std::fs::read(dir.join(name)).expect("a file of the export");
        if name.ends_with(".csv") {
            csv_rows(name, &bytes);
        }
    }
    let from_csv = casegraph::load(casegraph::Origin::Path(dir.clone()));
    assert_eq!(
        from_csv.error_count(),
        0,
        "the CSV export: {:#?}",
        from_csv.diagnostics
    );
    assert_eq!(
        casegraph::export::canonical_json(&from_csv.model.expect("a model")),
        canonical,
        "the CSV export did not load back to the same dataset"
    );
    std::fs::remove_dir_all(&dir).ok();
    let dir = scratch_dir();
    let mut book = Vec::new();
    format::write(&model, &all, Format::Xlsx, LinksKey::Edges, &mut book)
        .expect("writing the workbook");
    std::fs::write(dir.join("case.xlsx"), &book).expect("writing the workbook");
    let from_book = casegraph::load(casegraph::Origin::Path(dir.join("case.xlsx")));
    assert_eq!(
        from_book.error_count(),
        0,
        "the XLSX export: {:#?}",
        from_book.diagnostics
    );
    let records = |m: &casegraph::Model| {
        let v = casegraph::export::json::canonical_value(m);
        [
            v["sources"].clone(),
            v["entities"].clone(),
            v["relationships"].clone(),
        ]
    };
    assert_eq!(
        records(&from_book.model.expect("a model")),
        records(&model),
        "the XLSX export did not load back to the same records"
    );
    std::fs::remove_dir_all(&dir).ok();

    // The drawing: DOT, SVG, PNG and the page.
    let d = &data.drawing;
    let mut opts = Options::new();
    opts.rankdir = match d.rankdir % 4 {
        0 => RankDir::LeftRight,
        1 => RankDir::TopBottom,
        2 => RankDir::RightLeft,
        _ => RankDir::BottomTop,
    };
    opts.cluster_by_kind = d.cluster_by_kind;
    opts.footnotes = d.footnotes;
    opts.legend = d.legend;
    opts.subtitle.clone_from(&d.subtitle);
    let (dot_text, layout) = render::dot_for(&model, &all, &opts, Layout::Auto);
    dot("the whole graph", &dot_text);
    let svg = svg::pure(&dot_text, layout).unwrap_or_else(|e| panic!("SVG: {e}\n{dot_text}"));
    xml("SVG", svg.as_bytes());
    if d.png {
        let png = png::from_svg(&svg).unwrap_or_else(|e| panic!("PNG: {e}"));
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    }
    let html = page::page(
        &model,
        &page::Diagram::Drawn {
            svg,
            view: &all,
            opts: &opts,
        },
    );
    // Only the page's own scripts: a string of the data never closes one.
    assert_eq!(html.matches("<script").count(), 2, "a <script> of the data");
    assert_eq!(
        html.matches("</script").count(),
        2,
        "a </script> of the data"
    );
    let island = html
        .split_once("id=\"casegraph-data\">")
        .and_then(|(_, rest)| rest.split_once("</script>"))
        .map(|(island, _)| island)
        .expect("the page's data island");
    json_doc("the page's data", island.as_bytes());

    // Each declared view's DOT, as `render --view` and `build` write it.
    for spec in model.views() {
        match render::views::prepare(&model, spec) {
            Ok((view, opts)) => {
                let (text, _) = render::dot_for(&model, &view, &opts, Layout::Auto);
                dot("a view", &text);
            }
            // A focus whose neighbourhood is one entity, say: refused with
            // a message, which is fine.
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
});
