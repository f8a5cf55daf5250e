//! The benchmark generator (`examples/synth.rs`): what it writes is a valid
//! dataset in every shape, the default shape has the features of real data
//! it claims, and the same seed always gives the same bytes. Small sizes
//! only: benchmarks measure, tests check.

#[path = "../../examples/synth.rs"]
#[allow(dead_code)]
pub(super) mod synth_example;

use serde_json::Value;
use synth_example::{Args, Ends, Shape, write_dataset, write_graph, write_shaped};

/// What `write` (one of the generator's writers) writes for these sizes and seed.
fn generate_with(
    entities: u64,
    relationships: u64,
    seed: u64,
    write: impl FnOnce(&Args, &mut Vec<u8>) -> std::io::Result<()>,
) -> Vec<u8> {
    let args = Args {
        entities,
        relationships,
        seed,
        out: String::new(),
    };
    let mut out = Vec::new();
    write(&args, &mut out).expect("writing to memory cannot fail");
    out
}

/// A dataset of the explicit-ids shape (the one the other tests' snapshots
/// were made from).
pub(super) fn generate(entities: u64, relationships: u64, seed: u64) -> Vec<u8> {
    generate_with(entities, relationships, seed, |a, o| write_dataset(a, o))
}

/// A dataset of `shape`.
fn generate_shaped(entities: u64, relationships: u64, seed: u64, shape: &Shape) -> Vec<u8> {
    generate_with(entities, relationships, seed, |a, o| {
        write_shaped(a, shape, o)
    })
}

/// A graph to draw (`synth --ends uniform` or `--ends hub-heavy`) of the
/// default shape.
fn generate_graph(entities: u64, relationships: u64, seed: u64, ends: Ends) -> Vec<u8> {
    generate_with(entities, relationships, seed, |a, o| {
        write_graph(a, &Shape::DEFAULT, ends, o)
    })
}

/// `casegraph check` on `bytes` through the binary: exit status and output.
fn check(bytes: &[u8]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("synth.json");
    std::fs::write(&data, bytes).unwrap();
    let out = crate::common::run(&["check", "--deny-warnings", "--data", data.to_str().unwrap()]);
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code(), shown)
}

#[test]
fn both_shapes_pass_check_without_errors_or_warnings() {
    for shape in [Shape::DEFAULT, Shape::EXPLICIT_IDS] {
        let (code, shown) = check(&generate_shaped(2_000, 6_000, 5, &shape));
        assert_eq!(code, Some(0), "{shape:?}: {shown}");
    }
}

#[test]
fn the_graphs_to_draw_pass_check_without_errors_or_warnings() {
    // `check --deny-warnings`: no self-loop, duplicate or bad citation,
    // and no entity in no relationship (an orphan is a warning).
    for ends in [Ends::Uniform, Ends::HubHeavy] {
        let bytes = generate_graph(200, 600, 3, ends);
        let (code, shown) = check(&bytes);
        assert_eq!(code, Some(0), "{ends:?}: {shown}");
    }
}

#[test]
fn hub_heavy_graphs_have_hubs_and_uniform_ones_do_not() {
    let top_degrees = |ends| {
        let bytes = generate_graph(200, 600, 3, ends);
        let model = casegraph::load_str("draw.json", std::str::from_utf8(&bytes).unwrap())
            .model
            .expect("a model");
        assert_eq!(model.entity_count(), 200);
        assert_eq!(model.relationship_count(), 600);
        casegraph::query::stats::stats(&model).top_degree[0].degree
    };
    // The mean degree is 6. Uniform ends: the maximum of 200 draws of
    // about Poisson(6) stays under 20. Pareto: entity 0 is one end of
    // about half of the relationships.
    let uniform = top_degrees(Ends::Uniform);
    assert!(uniform < 20, "uniform: top degree {uniform}");
    let hub = top_degrees(Ends::HubHeavy);
    assert!(hub > 200, "hub-heavy: top degree {hub}");
}

#[test]
fn the_default_shape_has_what_real_data_has() {
    let bytes = generate_shaped(2_000, 6_000, 5, &Shape::DEFAULT);
    let data: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    let rels = data["relationships"].as_array().unwrap();
    let entities = data["entities"].as_array().unwrap();
    let sources = data["sources"].as_array().unwrap();
    let share = |n: usize, of: usize| n * 100 / of;
    let with =
        |records: &[Value], key: &str| records.iter().filter(|r| r.get(key).is_some()).count();

    let no_id = rels.len() - with(rels, "id");
    assert!(
        (70..=80).contains(&share(no_id, rels.len())),
        "{no_id} without id"
    );
    assert!((15..=25).contains(&share(with(rels, "label"), rels.len())));
    assert!((25..=35).contains(&share(with(rels, "properties"), rels.len())));
    // Properties of every kind of scalar, and lists of them.
    let values: Vec<&Value> = rels
        .iter()
        .chain(entities)
        .filter_map(|r| r.get("properties"))
        .flat_map(|p| p.as_object().unwrap().values())
        .collect();
    assert!(values.iter().any(|v| v.is_boolean()));
    assert!(values.iter().any(|v| v.is_f64()));
    assert!(values.iter().any(|v| v.is_u64()));
    assert!(values.iter().any(|v| v.is_string()));
    assert!(values.iter().any(|v| v.is_array()));
    // Undirected ties, several citations, locators.
    assert!(rels.iter().any(|r| r["directed"] == false));
    let citations = |r: &Value| r["evidence"].as_array().map_or(0, Vec::len);
    assert!(rels.iter().any(|r| citations(r) >= 3));
    // Repeats of the same ends and type without ids: default ids with `.2`.
    let model = casegraph::load_str("synth.json", std::str::from_utf8(&bytes).unwrap())
        .model
        .expect("a model");
    assert_eq!(model.relationship_count(), 6_000);
    let repeated = rels.iter().filter(|r| r.get("id").is_none()).find(|r| {
        let id = format!(
            "{}.{}.{}.2",
            r["from"].as_str().unwrap(),
            r["type"].as_str().unwrap(),
            r["to"].as_str().unwrap()
        );
        model.relationship_by_id(&id).is_some()
    });
    assert!(repeated.is_some(), "no default id with a .2 suffix");
    // The optional fields of entities and sources.
    for key in [
        "description",
        "aliases",
        "url",
        "start",
        "end",
        "properties",
    ] {
        assert!(with(entities, key) > 0, "no entity with {key}");
    }
    for key in ["author", "archived_url", "notes"] {
        assert!(with(sources, key) > 0, "no source with {key}");
    }
    // Escapes: ~2 % of strings, each of the four kinds; non-ASCII names.
    let text = std::str::from_utf8(&bytes).unwrap();
    for escape in ["\\\"", "\\\\", "\\n", "\\u00e9"] {
        assert!(text.contains(escape), "no {escape}");
    }
    // Quotes are ASCII words, so any of these came from an escape.
    let quotes: Vec<&str> = rels
        .iter()
        .flat_map(|r| r["evidence"].as_array().unwrap())
        .filter_map(|c| c["quote"].as_str())
        .collect();
    let escaped = quotes
        .iter()
        .filter(|q| q.contains(['"', '\\', '\n', 'é']))
        .count();
    let per_mille = escaped * 1000 / quotes.len();
    assert!(
        (10..=30).contains(&per_mille),
        "{escaped} of {} quotes",
        quotes.len()
    );
    let non_ascii = entities
        .iter()
        .filter(|e| !e["name"].as_str().unwrap().is_ascii())
        .count();
    assert!(
        (5..=15).contains(&share(non_ascii, entities.len())),
        "{non_ascii} non-ASCII names"
    );
}

#[test]
fn the_explicit_ids_shape_has_ids_and_none_of_the_extras() {
    let bytes = generate_shaped(1_000, 3_000, 7, &Shape::EXPLICIT_IDS);
    assert_eq!(bytes, generate(1_000, 3_000, 7));
    let data: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    let rels = data["relationships"].as_array().unwrap();
    assert!(rels.iter().all(|r| r.get("id").is_some()));
    assert!(
        rels.iter()
            .all(|r| r.get("label").is_none() && r.get("properties").is_none())
    );
    assert!(!bytes.contains(&b'\\'), "no escapes");
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
    for shape in [Shape::DEFAULT, Shape::EXPLICIT_IDS] {
        let a = generate_shaped(300, 900, 1, &shape);
        assert_eq!(a, generate_shaped(300, 900, 1, &shape));
        assert_ne!(a, generate_shaped(300, 900, 2, &shape));
    }
    for ends in [Ends::Uniform, Ends::HubHeavy] {
        let a = generate_graph(100, 300, 1, ends);
        assert_eq!(a, generate_graph(100, 300, 1, ends));
        assert_ne!(a, generate_graph(100, 300, 2, ends));
    }
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
