//! Arbitrary bytes as the three CSV files of a dataset directory, through
//! the whole loader and the diagnostic printers: diagnostics, never a panic.
//!
//! The input is split at each 0xFF byte (never part of UTF-8 text) into
//! `relationships.csv`, `entities.csv` and `sources.csv`, in that order; a
//! part the input does not reach is a file the directory does not have.
#![no_main]

use libfuzzer_sys::fuzz_target;

const FILES: [&str; 3] = ["relationships.csv", "entities.csv", "sources.csv"];

fuzz_target!(|data: &[u8]| {
    let files: Vec<(&str, &[u8])> = FILES.into_iter().zip(data.split(|&b| b == 0xFF)).collect();
    let dir = casegraph_fuzz::dir_with("csv", &files);
    let loaded = casegraph_fuzz::load_checked(dir);
    if let Some(model) = &loaded.model {
        casegraph_fuzz::check_canonical_round_trip(model);
    }
});
