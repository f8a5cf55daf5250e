//! Node-link JSON, the shape NetworkX's `node_link_graph` and D3's force
//! layouts read.
//!
//! The graph is a directed multigraph: every relationship is an edge
//! `from` → `to` with `key` = its id, so parallel relationships survive.
//! Symmetric ties carry `"directed": false` as an attribute instead (NetworkX
//! has no mixed graphs). The edge list sits under `edges`, NetworkX 3.6's
//! default, or `links` for D3 and older NetworkX ([`LinksKey`]).
//!
//! Written element by element to an [`io::Write`](std::io::Write): a large
//! export holds one node or edge in memory at a time, never a second graph.

use super::common::{Attr, entities, entity_values, graph_values, rel_values, relationships};
use crate::model::Model;
use crate::query::View;
use serde_json::{Map, Value};
use std::io::{self, Write};

/// Which key holds the edge list (also `casegraph export --links-key`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum LinksKey {
    /// `edges`: NetworkX ≥ 3.6's default.
    #[default]
    #[value(help = "NetworkX 3.6's default")]
    Edges,
    /// `links`: D3, and NetworkX before 3.6.
    #[value(help = "D3, and NetworkX before 3.6")]
    Links,
}

impl LinksKey {
    /// The JSON key.
    pub fn as_str(self) -> &'static str {
        match self {
            LinksKey::Edges => "edges",
            LinksKey::Links => "links",
        }
    }
}

/// Puts `attrs` into `map` under their names, leaving out absent ones.
pub(crate) fn put_attrs(map: &mut Map<String, Value>, attrs: Vec<(Attr, Option<Value>)>) {
    for (k, v) in attrs {
        if let Some(v) = v {
            map.insert(k.name().to_owned(), v);
        }
    }
}

/// The graph-level attributes: the dataset's metadata.
pub(crate) fn graph_attrs(model: &Model) -> Value {
    let m: Map<String, Value> = graph_values(model.dataset())
        .into_iter()
        .filter_map(|(k, v)| Some((k.to_owned(), v?)))
        .collect();
    Value::Object(m)
}

/// Writes the node-link JSON of `view` to `out`.
pub fn write(model: &Model, view: &View, links: LinksKey, mut out: impl Write) -> io::Result<()> {
    let o = &mut out;
    o.write_all(b"{\n\"directed\": true,\n\"multigraph\": true,\n\"graph\": ")?;
    serde_json::to_writer(&mut *o, &graph_attrs(model))?;
    o.write_all(b",\n\"nodes\": [")?;
    for (i, e) in entities(model, view).enumerate() {
        let mut m = Map::new();
        // `id`, `source`, `target` and `key` are node-link's own keys.
        m.insert("id".into(), e.id().into());
        put_attrs(&mut m, entity_values(&e));
        o.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *o, &m)?;
    }
    write!(o, "\n],\n\"{}\": [", links.as_str())?;
    for (i, r) in relationships(model, view).enumerate() {
        let mut m = Map::new();
        m.insert("source".into(), model.entity(r.from()).id().into());
        m.insert("target".into(), model.entity(r.to()).id().into());
        m.insert("key".into(), r.id().into());
        put_attrs(&mut m, rel_values(&r));
        o.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *o, &m)?;
    }
    o.write_all(b"\n]\n}\n")?;
    out.flush()
}
