//! The benchmark generator (`examples/synth.rs`): what it writes is a valid
//! dataset, and the same seed always gives the same bytes. Small sizes only:
//! benchmarks measure, tests check.

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
pub(super) mod synth_example;

use synth_example::{Args, write_dataset};

pub(super) fn generate(entities: u64, relationships: u64, seed: u64) -> Vec<u8> {
    let args = Args {
        entities,
        relationships,
        seed,
        out: String::new(),
    };
    let mut out = Vec::new();
    write_dataset(&args, &mut out).expect("writing to memory cannot fail");
    out
}

#[test]
fn generated_dataset_passes_check_without_errors_or_warnings() {
    let bytes = generate(1_000, 3_000, 7);
    let text = String::from_utf8(bytes).expect("UTF-8");
    let loaded = casegraph::load_str("synth.json", &text);
    let shown: Vec<_> = loaded.diagnostics.iter().map(|d| &d.message).collect();
    assert!(loaded.diagnostics.is_empty(), "{shown:#?}");
    let model = loaded.model.expect("a model");
    assert_eq!(model.entity_count(), 1_000);
    assert_eq!(model.relationship_count(), 3_000);
    assert_eq!(model.source_count(), 60);
    let stats = casegraph::query::stats::stats(&model);
    // One giant component, plus small ones.
    assert!(
        stats.component_sizes[0] >= 950,
        "{:?}",
        stats.component_sizes
    );
    assert!(stats.components > 1);
    // All four statuses and some disputes.
    assert!(
        stats.by_status.iter().all(|c| c.count > 0),
        "{:?}",
        stats.by_status
    );
    assert!(stats.disputed > 0);
    assert_eq!(stats.by_type.len(), 20);
    // Heavy-tailed degrees: the best-connected entity has far more than the mean (6).
    assert!(stats.top_degree[0].degree > 60, "{:?}", stats.top_degree[0]);
}

#[test]
fn same_seed_same_bytes_other_seed_other_bytes() {
    let a = generate(300, 900, 1);
    assert_eq!(a, generate(300, 900, 1));
    assert_ne!(a, generate(300, 900, 2));
}

#[test]
fn the_benchmark_pairs_are_a_valid_pairs_file_for_their_dataset() {
    use synth_example::{bench_pairs, entity_id, write_bench_pairs};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data.json");
    let pairs = dir.path().join("pairs.tsv");
    std::fs::write(&data, generate(1_000, 3_000, 1)).unwrap();
    write_bench_pairs(1, 1_000, std::fs::File::create(&pairs).unwrap()).unwrap();
    let out = crate::common::run(&[
        "path",
        "--pairs",
        pairs.to_str().unwrap(),
        "--json",
        "--data",
        data.to_str().unwrap(),
    ]);
    // 1 when some pair has no path (the small components), never a bad
    // line: at 1000 entities pair 50 would be one entity twice, unadjusted.
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{err}");
    assert!(!err.contains("error["), "{err}");
    let answers = crate::common::json(&out);
    let answers = answers.as_array().unwrap();
    assert_eq!(answers.len(), 100);
    for (answer, (from, to)) in answers.iter().zip(bench_pairs(1_000)) {
        assert_eq!(answer["from"]["id"], entity_id(1, from));
        assert_eq!(answer["to"]["id"], entity_id(1, to));
    }
}
