//! The floor that loading a CSV dataset is measured against
//! (benches/BENCHMARKS.md, issue #13 item 9):
//!
//! ```sh
//! cargo run --release --example csv_floor -- DIR   # DIR holds entities.csv, relationships.csv, sources.csv
//! ```
//!
//! Reads each of the three files whole, checks it is UTF-8 (as casegraph
//! must), and reads every record with the `csv` crate into one reused
//! `ByteRecord` (fields borrowed from the crate's buffer, nothing copied):
//! the least work any CSV loader does. It validates nothing and builds no
//! graph. Prints the number of records and fields, so the work is not
//! optimised away.

fn main() {
    let dir = std::env::args().nth(1).expect("usage: csv_floor DIR");
    let (mut records, mut fields) = (0u64, 0u64);
    for name in ["sources.csv", "entities.csv", "relationships.csv"] {
        let path = std::path::Path::new(&dir).join(name);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let text = std::str::from_utf8(&bytes).expect("UTF-8");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).expect("CSV") {
            records += 1;
            fields += record.len() as u64;
        }
    }
    println!("{records} records, {fields} fields");
}
