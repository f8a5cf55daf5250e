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
        // What loads, writes out canonically and loads back the same.
        let canonical = casegraph::export::canonical_json(model);
        let again = casegraph::load_str("data.json", &canonical);
        assert_eq!(again.error_count(), 0, "{:#?}", again.diagnostics);
        let model2 = again.model.expect("no error, so a model");
        assert_eq!(casegraph::export::canonical_json(&model2), canonical);
    }
});
