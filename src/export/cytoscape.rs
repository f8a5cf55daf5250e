//! Cytoscape JSON (`.cyjs`), read by Cytoscape.js (`cy.json(…)` or
//! `cytoscape({ elements })`), Cytoscape desktop and NetworkX's
//! `cytoscape_graph`.
//!
//! Nodes and edges carry the same fields as the node-link export under
//! `data`; `classes` name the kind (`person`, …), the status and `disputed`,
//! so a stylesheet can select `.person` or `.alleged`. Edges keep their
//! relationship id as both `id` (Cytoscape's) and `key` (NetworkX's multigraph
//! key). Written element by element, like every export.

use super::common::{entities, entity_values, rel_values, relationships};
use super::nodelink::{graph_attrs, put_attrs};
use crate::format::Key;
use crate::format::fields::{DatasetKey, TopKey};
use crate::model::Model;
use crate::query::View;
use serde_json::{Map, Value};
use std::io::{self, Write};

/// Writes the Cytoscape JSON of `view` to `out`.
pub fn write(model: &Model, view: &View, mut out: impl Write) -> io::Result<()> {
    let o = &mut out;
    o.write_all(
        b"{\n\"format_version\": \"1.0\",\n\"generated_by\": \"casegraph\",\n\"target_cytoscapejs_version\": \"~3\",\n\"directed\": true,\n\"multigraph\": true,\n\"data\": ",
    )?;
    let mut data = graph_attrs(model);
    if let Value::Object(m) = &mut data {
        // Cytoscape desktop names the network after `data.name`.
        let name = m
            .get(DatasetKey::Title.key())
            .or_else(|| m.get(TopKey::Dataset.key()))
            .cloned();
        if let Some(name) = name {
            m.insert("name".into(), name);
        }
    }
    serde_json::to_writer(&mut *o, &data)?;
    o.write_all(b",\n\"elements\": {\n\"nodes\": [")?;
    for (i, e) in entities(model, view).enumerate() {
        // `id`, `source`, `target` (and `name` above) are Cytoscape's own
        // keys, `value` and `key` NetworkX's.
        let mut d = Map::new();
        d.insert("id".into(), e.id().into());
        // NetworkX's `cytoscape_graph` takes the node from `value`.
        d.insert("value".into(), e.id().into());
        put_attrs(&mut d, entity_values(&e));
        let mut el = Map::new();
        el.insert("data".into(), Value::Object(d));
        el.insert("classes".into(), e.display_kind().into());
        o.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *o, &el)?;
    }
    o.write_all(b"\n],\n\"edges\": [")?;
    for (i, r) in relationships(model, view).enumerate() {
        let mut d = Map::new();
        d.insert("id".into(), r.id().into());
        d.insert("source".into(), model.entity(r.from()).id().into());
        d.insert("target".into(), model.entity(r.to()).id().into());
        d.insert("key".into(), r.id().into());
        put_attrs(&mut d, rel_values(&r));
        let mut classes = r.status().as_str().to_owned();
        if r.is_disputed() {
            classes.push_str(" disputed");
        }
        if !r.directed() {
            classes.push_str(" undirected");
        }
        let mut el = Map::new();
        el.insert("data".into(), Value::Object(d));
        el.insert("classes".into(), classes.into());
        o.write_all(if i == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *o, &el)?;
    }
    o.write_all(b"\n]\n}\n}\n")?;
    out.flush()
}
