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
//!
//! Every string is a [`Str`]: borrowed from the text unless it holds an
//! escape (serde's own `Cow` borrows only as a bare field, never inside an
//! `Option` or a `Vec`, which would make the floor pay an allocation per
//! optional string that a careful loader does not). Properties are read
//! into a list of borrowed keys and scalar values ([`Properties`]), not
//! into `serde_json::Value`s, for the same reason.

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// A string of the file: borrowed when it has no escape, owned when it has.
#[allow(dead_code)]
struct Str<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(s)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(s.to_owned())))
            }
        }
        d.deserialize_str(V)
    }
}

/// A property value: a scalar or a list of scalars.
#[allow(dead_code)]
enum Prop<'a> {
    Bool(bool),
    Number(f64),
    Str(Str<'a>),
    List(Vec<Prop<'a>>),
}

impl<'de: 'a, 'a> Deserialize<'de> for Prop<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Prop<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, number, boolean or list of them")
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Prop<'de>, E> {
                Ok(Prop::Bool(b))
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Prop<'de>, E> {
                Ok(Prop::Number(n as f64))
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Prop<'de>, E> {
                Ok(Prop::Number(n as f64))
            }
            fn visit_f64<E: de::Error>(self, n: f64) -> Result<Prop<'de>, E> {
                Ok(Prop::Number(n))
            }
            fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Prop<'de>, E> {
                Ok(Prop::Str(Str(Cow::Borrowed(s))))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Prop<'de>, E> {
                Ok(Prop::Str(Str(Cow::Owned(s.to_owned()))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Prop<'de>, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Prop::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

/// An entity's or a relationship's `properties`, in file order.
#[allow(dead_code)]
struct Properties<'a>(Vec<(Str<'a>, Prop<'a>)>);

impl<'de: 'a, 'a> Deserialize<'de> for Properties<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Properties<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Properties<'de>, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Properties(entries))
            }
        }
        d.deserialize_map(V)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct File<'a> {
    #[serde(borrow)]
    format: Option<Str<'a>>,
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
    id: Str<'a>,
    #[serde(borrow)]
    title: Str<'a>,
    #[serde(borrow)]
    kind: Option<Str<'a>>,
    #[serde(borrow)]
    publisher: Option<Str<'a>>,
    #[serde(borrow)]
    author: Option<Str<'a>>,
    #[serde(borrow)]
    published: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
    #[serde(borrow)]
    archived_url: Option<Str<'a>>,
    #[serde(borrow)]
    notes: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Entity<'a> {
    #[serde(borrow)]
    id: Str<'a>,
    #[serde(borrow)]
    name: Str<'a>,
    #[serde(borrow)]
    kind: Str<'a>,
    #[serde(borrow, default)]
    aliases: Vec<Str<'a>>,
    #[serde(borrow)]
    description: Option<Str<'a>>,
    #[serde(borrow)]
    url: Option<Str<'a>>,
    #[serde(borrow)]
    start: Option<Str<'a>>,
    #[serde(borrow)]
    end: Option<Str<'a>>,
    #[serde(borrow)]
    properties: Option<Properties<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Relationship<'a> {
    #[serde(borrow)]
    id: Option<Str<'a>>,
    #[serde(borrow)]
    from: Str<'a>,
    #[serde(borrow)]
    to: Str<'a>,
    #[serde(borrow, rename = "type")]
    rel_type: Str<'a>,
    #[serde(borrow)]
    label: Option<Str<'a>>,
    directed: Option<bool>,
    #[serde(borrow)]
    date: Option<Str<'a>>,
    #[serde(borrow)]
    start: Option<Str<'a>>,
    #[serde(borrow)]
    end: Option<Str<'a>>,
    #[serde(borrow)]
    status: Option<Str<'a>>,
    #[serde(borrow)]
    amount: Option<Amount<'a>>,
    #[serde(borrow, default)]
    evidence: Vec<Citation<'a>>,
    #[serde(borrow, default)]
    disputed_by: Vec<Dispute<'a>>,
    #[serde(borrow)]
    properties: Option<Properties<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Amount<'a> {
    value: f64,
    #[serde(borrow)]
    currency: Str<'a>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Citation<'a> {
    #[serde(borrow)]
    source: Str<'a>,
    #[serde(borrow)]
    locator: Option<Str<'a>>,
    #[serde(borrow)]
    quote: Option<Str<'a>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Dispute<'a> {
    #[serde(borrow)]
    entity: Str<'a>,
    #[serde(borrow)]
    source: Str<'a>,
    #[serde(borrow)]
    quote: Option<Str<'a>>,
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
