//! Arbitrary bytes as a dataset's JSON file, through the whole loader
//! (UTF-8 check, reader, validator, model) and the diagnostic printers:
//! diagnostics, never a panic. A valid input must also survive the
//! canonical JSON round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dir = casegraph_fuzz::dir_with("json", &[("data.json", data)]);
    let loaded = casegraph_fuzz::load_checked(dir.join("data.json"));
    if let Some(model) = &loaded.model {
        casegraph_fuzz::check_canonical_round_trip(model);
    }
});
