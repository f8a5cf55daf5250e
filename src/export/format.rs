//! The export formats by name, for the command line and `build`.

use super::nodelink::LinksKey;
use crate::model::Model;
use crate::query::View;
use std::io::{self, Write};
use std::path::Path;

/// An export format (also the `--format` values of `casegraph export`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Format {
    /// casegraph's canonical JSON.
    #[value(help = "casegraph's canonical JSON (the whole dataset; no filters)")]
    Json,
    /// Node-link JSON (NetworkX, D3).
    #[value(help = "Node-link JSON for NetworkX's node_link_graph and D3")]
    NodeLink,
    /// Cytoscape JSON (`.cyjs`).
    #[value(help = "Cytoscape JSON (.cyjs) for Cytoscape.js and Cytoscape desktop")]
    Cytoscape,
    /// GraphML.
    #[value(help = "GraphML for Gephi, yEd, Cytoscape and NetworkX")]
    Graphml,
    /// GEXF 1.3 (Gephi).
    #[value(help = "GEXF 1.3 for Gephi, with a timeline")]
    Gexf,
    /// A directory of CSV files in casegraph's own layout.
    #[value(
        help = "casegraph's spreadsheet layout: entities.csv, relationships.csv, sources.csv and dataset.json; needs -o DIR"
    )]
    Csv,
    /// A workbook of the same three sheets.
    #[value(
        help = "A workbook (sheets entities, relationships, sources) and dataset.json beside it; needs -o FILE.xlsx"
    )]
    Xlsx,
    /// An openCypher script.
    #[value(help = "An idempotent openCypher script for Neo4j 5, FalkorDB, Memgraph")]
    Cypher,
    /// FollowTheMoney JSON lines.
    #[value(help = "FollowTheMoney JSON lines for Aleph")]
    Ftm,
}

impl Format {
    /// Every format, in the order of the README's table.
    pub const ALL: [Format; 9] = [
        Format::Json,
        Format::NodeLink,
        Format::Cytoscape,
        Format::Graphml,
        Format::Gexf,
        Format::Csv,
        Format::Xlsx,
        Format::Cypher,
        Format::Ftm,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::NodeLink => "node-link",
            Format::Cytoscape => "cytoscape",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
            Format::Cypher => "cypher",
            Format::Ftm => "ftm",
        }
    }

    /// What `build` appends to the dataset id: a file suffix, or `-csv` for
    /// the CSV directory.
    pub fn build_suffix(self) -> &'static str {
        match self {
            Format::Json => ".json",
            Format::NodeLink => ".node-link.json",
            Format::Cytoscape => ".cyjs",
            Format::Graphml => ".graphml",
            Format::Gexf => ".gexf",
            Format::Csv => "-csv",
            Format::Xlsx => ".xlsx",
            Format::Cypher => ".cypher",
            Format::Ftm => ".ftm.json",
        }
    }

    /// Whether the export is a directory rather than one file.
    pub fn is_directory(self) -> bool {
        self == Format::Csv
    }

    /// Whether the export is binary, so never written to standard output.
    pub fn is_binary(self) -> bool {
        self == Format::Xlsx
    }
}

/// Writes a single-file format to `out`. The canonical JSON ignores the view
/// (it is the whole dataset, by definition); CSV is a directory, see
/// [`write_dir`].
pub fn write(
    model: &Model,
    view: &View,
    format: Format,
    links: LinksKey,
    out: impl Write,
) -> io::Result<()> {
    match format {
        Format::Json => {
            let mut out = out;
            out.write_all(super::canonical_json(model).as_bytes())?;
            out.flush()
        }
        Format::NodeLink => super::nodelink::write(model, view, links, out),
        Format::Cytoscape => super::cytoscape::write(model, view, out),
        Format::Graphml => super::graphml::write(model, view, out),
        Format::Gexf => super::gexf::write(model, view, out),
        Format::Cypher => super::cypher::write(model, view, out),
        Format::Ftm => super::ftm::write(model, view, out),
        Format::Xlsx => super::xlsx::write(model, view, out),
        Format::Csv => Err(io::Error::other("the csv export is a directory")),
    }
}

/// Writes a directory format into `dir` (which must exist).
pub fn write_dir(model: &Model, view: &View, format: Format, dir: &Path) -> io::Result<()> {
    match format {
        Format::Csv => super::csv::write_dir(model, view, dir),
        other => Err(io::Error::other(format!(
            "`{}` is a single file",
            other.name()
        ))),
    }
}
