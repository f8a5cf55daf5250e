//! Work spread over the cores (reading a directory's files, the duplicate
//! pass, sampled betweenness) gives the same bytes on one core or many: a
//! dataset checked on a laptop and in CI must print the same diagnostics and
//! export the same files. So does reading a large file on two threads
//! (`CASEGRAPH_PARSE_THREADS=2`, README's Performance section).

use super::common::{command, show};
use serde_json::{Value, json};

use super::synth::synth_example;

/// A generated dataset split over five files the way people split one:
/// sources, entities in two halves (the second after the relationships
/// that point at it), relationships in two, with a few duplicated
/// relationships and one unknown entity, so there are diagnostics to order.
/// Returns the id that the unknown one replaced.
fn split_dataset(dir: &std::path::Path) -> String {
    let args = synth_example::Args {
        entities: 2_000,
        relationships: 6_000,
        seed: 3,
        out: String::new(),
    };
    let mut bytes = Vec::new();
    synth_example::write_dataset(&args, &mut bytes).expect("generated");
    let data: Value = serde_json::from_slice(&bytes).expect("valid JSON");
    let entities = data["entities"].as_array().expect("entities");
    let mut rels = data["relationships"]
        .as_array()
        .expect("relationships")
        .clone();
    // Repeats without ids: warned as duplicates of the originals.
    for i in [10, 500, 4_000] {
        let mut copy = rels[i].clone();
        copy.as_object_mut().expect("object").remove("id");
        rels.push(copy);
    }
    let mut bad = rels[0].clone();
    let replaced = bad["to"].as_str().expect("an id").to_owned();
    bad["id"] = json!("r-bad");
    bad["to"] = json!("nobody-here");
    rels.push(bad);
    let (e1, e2) = entities.split_at(entities.len() / 2);
    let (r1, r2) = rels.split_at(rels.len() / 2);
    let files = [
        ("1-sources.json", json!({"sources": data["sources"]})),
        ("2-entities.json", json!({"entities": e1})),
        ("3-links.json", json!({"relationships": r1})),
        ("4-links.json", json!({"relationships": r2})),
        ("5-entities.json", json!({"entities": e2})),
    ];
    for (name, value) in files {
        let text = serde_json::to_string_pretty(&value).expect("serialises");
        std::fs::write(dir.join(name), text).expect("writable");
    }
    replaced
}

/// `casegraph ARGS` run in `dir` with one environment variable set, as
/// the snapshot text of [`show`].
fn run_with(dir: &std::path::Path, (var, value): (&str, &str), args: &[&str]) -> String {
    let out = command(dir)
        .env(var, value)
        .args(args)
        .output()
        .expect("casegraph runs");
    show(&out)
}

/// One core, the baseline the other settings must match.
const ONE_CORE: (&str, &str) = ("RAYON_NUM_THREADS", "1");

/// Settings that spread the work: more cores for rayon, and each file of
/// more than 1 MiB read on two threads (src/load/pipeline.rs).
const SPREAD: [(&str, &str); 3] = [
    ("RAYON_NUM_THREADS", "2"),
    ("RAYON_NUM_THREADS", "4"),
    ("CASEGRAPH_PARSE_THREADS", "2"),
];

#[test]
fn a_directory_gives_the_same_output_on_one_core_or_many() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("case");
    std::fs::create_dir(&data).expect("dir");
    let replaced = split_dataset(&data);
    // The two-thread reader only takes files over 1 MiB: the links are.
    for name in ["3-links.json", "4-links.json"] {
        let size = std::fs::metadata(data.join(name)).expect("written").len();
        assert!(size > 1 << 20, "{name} is only {size} bytes");
    }
    let check = ["check", "--data", "case"];
    let one = run_with(dir.path(), ONE_CORE, &check);
    // The planted problems are reported, in file order.
    assert!(one.starts_with("status: 1"), "{one}");
    assert!(one.contains("nobody-here"), "{one}");
    assert_eq!(one.matches("repeats `").count(), 3, "{one}");
    for env in SPREAD {
        assert_eq!(one, run_with(dir.path(), env, &check), "{env:?}");
    }

    // Without the error, the export is the same bytes too.
    let links = data.join("4-links.json");
    let text = std::fs::read_to_string(&links).expect("readable");
    std::fs::write(&links, text.replace("nobody-here", &replaced)).expect("writable");
    let export = |env: (&str, &str), name: &str| {
        let shown = run_with(
            dir.path(),
            env,
            &["export", "--data", "case", "-f", "json", "-o", name],
        );
        assert!(shown.starts_with("status: 0"), "{shown}");
        std::fs::read(dir.path().join(name)).expect("exported")
    };
    let baseline = export(ONE_CORE, "one.json");
    for (i, env) in SPREAD.into_iter().enumerate() {
        assert!(
            baseline == export(env, &format!("spread-{i}.json")),
            "{env:?}: the export differs"
        );
    }
}
