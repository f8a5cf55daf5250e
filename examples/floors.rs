//! The parsing floors that `casegraph check` is measured against
//! (benches/BENCHMARKS.md):
//!
//! ```sh
//! cargo run --release --example floors -- ignored FILE   # serde_json into IgnoredAny
//! cargo run --release --example floors -- typed FILE     # serde_json into typed structs, strings borrowed
//! ```
//!
//! Both read the whole file, check it is UTF-8 (as casegraph must), and parse
//! it. `typed` keeps every record in a `Vec` of structs whose strings borrow
//! from the file text: the least work a loader that materialises records can
//! do. Neither validates anything or builds a graph.

use serde::Deserialize;
use serde::de::IgnoredAny;
use std::borrow::Cow;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct File<'a> {
    #[serde(borrow)]
    format: Option<Cow<'a, str>>,
    dataset: Option<IgnoredAny>,
    #[serde(borrow, default)]
    sources: Vec<Source<'a>>,
    #[serde(borrow, default)]
    entities: Vec<Entity<'a>>,
    #[serde(borrow, default)]
    relationships: Vec<Relationship<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Source<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    title: Cow<'a, str>,
    #[serde(borrow)]
    kind: Option<Cow<'a, str>>,
    #[serde(borrow)]
    publisher: Option<Cow<'a, str>>,
    #[serde(borrow)]
    author: Option<Cow<'a, str>>,
    #[serde(borrow)]
    published: Option<Cow<'a, str>>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    archived_url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    notes: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Entity<'a> {
    #[serde(borrow)]
    id: Cow<'a, str>,
    #[serde(borrow)]
    name: Cow<'a, str>,
    #[serde(borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow, default)]
    aliases: Vec<Cow<'a, str>>,
    #[serde(borrow)]
    description: Option<Cow<'a, str>>,
    #[serde(borrow)]
    url: Option<Cow<'a, str>>,
    #[serde(borrow)]
    start: Option<Cow<'a, str>>,
    #[serde(borrow)]
    end: Option<Cow<'a, str>>,
    properties: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Relationship<'a> {
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    from: Cow<'a, str>,
    #[serde(borrow)]
    to: Cow<'a, str>,
    #[serde(borrow, rename = "type")]
    rel_type: Cow<'a, str>,
    #[serde(borrow)]
    label: Option<Cow<'a, str>>,
    directed: Option<bool>,
    #[serde(borrow)]
    date: Option<Cow<'a, str>>,
    #[serde(borrow)]
    start: Option<Cow<'a, str>>,
    #[serde(borrow)]
    end: Option<Cow<'a, str>>,
    #[serde(borrow)]
    status: Option<Cow<'a, str>>,
    #[serde(borrow)]
    amount: Option<Amount<'a>>,
    #[serde(borrow, default)]
    evidence: Vec<Citation<'a>>,
    #[serde(borrow, default)]
    disputed_by: Vec<Dispute<'a>>,
    properties: Option<serde_json::Map<String, serde_json::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Amount<'a> {
    value: f64,
    #[serde(borrow)]
    currency: Cow<'a, str>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Citation<'a> {
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    locator: Option<Cow<'a, str>>,
    #[serde(borrow)]
    quote: Option<Cow<'a, str>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Dispute<'a> {
    #[serde(borrow)]
    entity: Cow<'a, str>,
    #[serde(borrow)]
    source: Cow<'a, str>,
    #[serde(borrow)]
    quote: Option<Cow<'a, str>>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [mode, path] = &args[..] else {
        eprintln!("usage: floors (ignored|typed) FILE");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).expect("readable file");
    let text = String::from_utf8(bytes).expect("UTF-8");
    match mode.as_str() {
        "ignored" => {
            let _: IgnoredAny = serde_json::from_str(&text).expect("valid JSON");
            println!("ok");
        }
        "typed" => {
            let file: File<'_> = serde_json::from_str(&text).expect("a dataset file");
            println!(
                "{} sources, {} entities, {} relationships",
                file.sources.len(),
                file.entities.len(),
                file.relationships.len()
            );
        }
        other => {
            eprintln!("unknown mode `{other}`");
            std::process::exit(2);
        }
    }
}
