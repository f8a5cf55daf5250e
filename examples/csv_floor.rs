//! The floors that loading a CSV dataset is measured against
//! (benches/BENCHMARKS.md, issue #13 item 9):
//!
//! ```sh
//! cargo run --release --example csv_floor -- typed DIR   # DIR holds entities.csv, relationships.csv, sources.csv
//! cargo run --release --example csv_floor -- bytes DIR
//! ```
//!
//! Both read each of the three files whole and check it is UTF-8 (as
//! casegraph must). Neither validates anything or builds a graph.
//!
//! - `typed`, the floor of issue #13 item 9, the CSV counterpart of
//!   `floors typed`: the `csv` crate reads every record into a
//!   `StringRecord` that is kept, and serde deserialises each into a typed
//!   row of the format's columns whose strings borrow from that record
//!   (`Option<&str>` per column, an empty cell `None`), plus the row's
//!   non-empty `properties.NAME` cells as borrowed (name, text) pairs. The
//!   least work a loader that materialises records can do.
//! - `bytes`: every record into one reused `ByteRecord`, nothing kept, no
//!   column looked at: the least work any CSV reader does.
//!
//! Each prints the number of records and fields, so the work is not
//! optimised away.

use serde::Deserialize;

/// A row of `sources.csv`.
#[derive(Deserialize)]
#[allow(dead_code)]
struct SourceRow<'a> {
    id: Option<&'a str>,
    title: Option<&'a str>,
    kind: Option<&'a str>,
    publisher: Option<&'a str>,
    author: Option<&'a str>,
    published: Option<&'a str>,
    url: Option<&'a str>,
    archived_url: Option<&'a str>,
    notes: Option<&'a str>,
}

/// A row of `entities.csv`.
#[derive(Deserialize)]
#[allow(dead_code)]
struct EntityRow<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    kind: Option<&'a str>,
    aliases: Option<&'a str>,
    description: Option<&'a str>,
    url: Option<&'a str>,
    start: Option<&'a str>,
    end: Option<&'a str>,
}

/// A row of `relationships.csv`.
#[derive(Deserialize)]
#[allow(dead_code)]
struct RelationshipRow<'a> {
    id: Option<&'a str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    label: Option<&'a str>,
    directed: Option<&'a str>,
    date: Option<&'a str>,
    start: Option<&'a str>,
    end: Option<&'a str>,
    status: Option<&'a str>,
    amount: Option<&'a str>,
    currency: Option<&'a str>,
    source: Option<&'a str>,
    locator: Option<&'a str>,
    quote: Option<&'a str>,
    disputed_by: Option<&'a str>,
    dispute_source: Option<&'a str>,
    dispute_quote: Option<&'a str>,
}

/// A typed row and its non-empty property cells, all borrowed from its record.
#[allow(dead_code)]
struct Row<'a, T> {
    columns: T,
    properties: Vec<(&'a str, &'a str)>,
}

fn read(dir: &str, name: &str) -> String {
    let path = std::path::Path::new(dir).join(name);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8(bytes).expect("UTF-8")
}

/// Reads one file into kept records, then each record into a typed row.
fn typed<'r, T: Deserialize<'r>>(
    headers: &'r csv::StringRecord,
    records: &'r [csv::StringRecord],
) -> Vec<Row<'r, T>> {
    let property_columns: Vec<(usize, &str)> = headers
        .iter()
        .enumerate()
        .filter_map(|(i, h)| h.strip_prefix("properties.").map(|name| (i, name)))
        .collect();
    records
        .iter()
        .map(|record| Row {
            columns: record.deserialize(Some(headers)).expect("row"),
            properties: property_columns
                .iter()
                .filter_map(|&(i, name)| record.get(i).filter(|c| !c.is_empty()).map(|c| (name, c)))
                .collect(),
        })
        .collect()
}

fn load(dir: &str, name: &str) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let text = read(dir, name);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().expect("header").clone();
    let records = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("CSV");
    (headers, records)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(mode), Some(dir)) = (args.next(), args.next()) else {
        panic!("usage: csv_floor typed|bytes DIR");
    };
    let (mut records, mut fields) = (0usize, 0usize);
    match mode.as_str() {
        "typed" => {
            let (sh, sr) = load(&dir, "sources.csv");
            let (eh, er) = load(&dir, "entities.csv");
            let (rh, rr) = load(&dir, "relationships.csv");
            let sources = typed::<SourceRow>(&sh, &sr);
            let entities = typed::<EntityRow>(&eh, &er);
            let relationships = typed::<RelationshipRow>(&rh, &rr);
            records = sources.len() + entities.len() + relationships.len();
            fields = sources.iter().map(|r| r.properties.len()).sum::<usize>()
                + entities.iter().map(|r| r.properties.len()).sum::<usize>()
                + relationships
                    .iter()
                    .map(|r| r.properties.len())
                    .sum::<usize>();
            println!("{records} rows, {fields} property cells");
        }
        "bytes" => {
            for name in ["sources.csv", "entities.csv", "relationships.csv"] {
                let text = read(&dir, name);
                let mut reader = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(text.as_bytes());
                let mut record = csv::ByteRecord::new();
                while reader.read_byte_record(&mut record).expect("CSV") {
                    records += 1;
                    fields += record.len();
                }
            }
            println!("{records} records, {fields} fields");
        }
        _ => panic!("usage: csv_floor typed|bytes DIR"),
    }
}
