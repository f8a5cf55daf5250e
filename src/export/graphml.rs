//! GraphML, read by Gephi, yEd, Cytoscape desktop and NetworkX's
//! `read_graphml`.
//!
//! Every attribute has a typed `<key>` (string, boolean, int, double); lists
//! and free-form properties, which GraphML cannot type, are JSON text. The
//! graph is directed with parallel edges, each edge's `id` its relationship
//! id (NetworkX uses it as the multigraph key); symmetric ties carry
//! `directed` = `false` as data, because NetworkX refuses `directed="false"`
//! edges in a directed graph. Every string goes through `xml::escape`.

use super::common::{
    Attr, AttrType, ENTITY_ATTRS, REL_ATTRS, attr_text, entities, entity_values, graph_values,
    rel_values, relationships,
};
use super::xml::escape;
use crate::model::Model;
use crate::query::View;
use serde_json::Value;
use std::io::{self, Write};

/// The GraphML type of an attribute of casegraph's.
fn attr_type(attr: Attr) -> &'static str {
    match attr.value_type() {
        AttrType::Boolean => "boolean",
        AttrType::Integer => "int",
        AttrType::Double => "double",
        AttrType::String => "string",
    }
}

/// Writes one `<data>` element per present attribute.
fn write_data(
    o: &mut impl Write,
    prefix: &str,
    attrs: Vec<(Attr, Option<Value>)>,
) -> io::Result<()> {
    for (k, v) in attrs {
        if let Some(v) = v {
            writeln!(
                o,
                "      <data key=\"{prefix}_{}\">{}</data>",
                k.name(),
                escape(&attr_text(v))
            )?;
        }
    }
    Ok(())
}

/// Writes the GraphML of `view` to `out`.
pub fn write(model: &Model, view: &View, mut out: impl Write) -> io::Result<()> {
    let o = &mut out;
    o.write_all(
        b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    )?;
    let graph = graph_values(model.dataset());
    for (k, _) in &graph {
        writeln!(
            o,
            "  <key id=\"g_{k}\" for=\"graph\" attr.name=\"{k}\" attr.type=\"string\"/>"
        )?;
    }
    for a in ENTITY_ATTRS {
        let k = a.name();
        writeln!(
            o,
            "  <key id=\"n_{k}\" for=\"node\" attr.name=\"{k}\" attr.type=\"{}\"/>",
            attr_type(a)
        )?;
    }
    for a in REL_ATTRS {
        let k = a.name();
        writeln!(
            o,
            "  <key id=\"e_{k}\" for=\"edge\" attr.name=\"{k}\" attr.type=\"{}\"/>",
            attr_type(a)
        )?;
    }
    o.write_all(b"  <graph id=\"G\" edgedefault=\"directed\">\n")?;
    for (k, v) in graph {
        if let Some(v) = v {
            writeln!(
                o,
                "    <data key=\"g_{k}\">{}</data>",
                escape(&attr_text(v))
            )?;
        }
    }
    for e in entities(model, view) {
        writeln!(o, "    <node id=\"{}\">", escape(e.id()))?;
        write_data(o, "n", entity_values(&e))?;
        o.write_all(b"    </node>\n")?;
    }
    for r in relationships(model, view) {
        writeln!(
            o,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\">",
            escape(r.id()),
            escape(model.entity(r.from()).id()),
            escape(model.entity(r.to()).id())
        )?;
        write_data(o, "e", rel_values(&r))?;
        o.write_all(b"    </edge>\n")?;
    }
    o.write_all(b"  </graph>\n</graphml>\n")?;
    out.flush()
}
