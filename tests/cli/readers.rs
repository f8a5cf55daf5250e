//! Every export proven by the tool that reads it: NetworkX, Cytoscape.js,
//! graphology, followthemoney and FalkorDB load what `casegraph export`
//! wrote, for the curated dataset, the hostile-strings one and the one of
//! names that break Cypher engines, and must see the same graph: counts,
//! ids, attributes, strings unchanged, hop counts.
//!
//! The readers are installed by `tests/run` (a Python virtual environment in
//! `target/venv`, Node packages in `tests/readers/node_modules`). When they
//! are missing these tests fail, saying how to install them; set
//! `CASEGRAPH_SKIP_READERS=1` to skip them on purpose, loudly.

use crate::common::{root, run, show};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

const DATASETS: [&str; 3] = [
    "graph-data/netflix-facebook.json",
    "tests/data/hostile.json",
    "tests/data/hostile-cypher.json",
];

/// The entities and relationships each dataset of [`DATASETS`] holds, as
/// counted by hand: FalkorDB must hold exactly these after each run of the
/// script (a statement it refuses drops a whole batch).
const COUNTS: [(u64, u64); 3] = [(38, 70), (11, 11), (18, 25)];

/// The files a reader script expects, and the `export` arguments that make them.
const FILES: [(&str, &[&str]); 9] = [
    ("canonical.json", &["--format", "json"]),
    ("graph.node-link.json", &["--format", "node-link"]),
    (
        "graph.links.json",
        &["--format", "node-link", "--links-key", "links"],
    ),
    ("graph.cyjs", &["--format", "cytoscape"]),
    ("graph.graphml", &["--format", "graphml"]),
    ("graph.gexf", &["--format", "gexf"]),
    ("graph.cypher", &["--format", "cypher"]),
    ("graph.ftm.json", &["--format", "ftm"]),
    ("graph-csv", &["--format", "csv"]),
];

/// The Python of the readers' virtual environment (also `schema.rs`'s validator).
pub(crate) fn python() -> PathBuf {
    root().join("target/venv/bin/python")
}

/// Whether the readers are installed; panics with the fix when they are not
/// (unless skipping was asked for, which is printed).
pub(crate) fn readers_installed(what: &str) -> bool {
    let ok = match what {
        "node" => root()
            .join("tests/readers/node_modules/graphology-gexf")
            .exists(),
        _ => python().exists(),
    };
    if ok {
        return true;
    }
    if std::env::var_os("CASEGRAPH_SKIP_READERS").is_some() {
        eprintln!("SKIPPED: the {what} readers are not installed (CASEGRAPH_SKIP_READERS is set)");
        return false;
    }
    panic!("the {what} readers are not installed: run tests/run, which installs them");
}

/// Hop counts between a fixed spread of entity pairs, as `casegraph path
/// --json` answers them (fewest hops, either direction; `null` when there is
/// no path within 6 hops), for the readers to compare with their own.
fn hop_pairs(data: &str) -> serde_json::Value {
    let loaded = casegraph::load(casegraph::Origin::choose(Some(&root().join(data))));
    let model = loaded.model.expect("dataset is valid");
    let mut ids: Vec<String> = model.entities().map(|e| e.id().to_owned()).collect();
    ids.sort();
    let hops = |from: &str, to: &str| -> Option<u64> {
        let out = crate::common::run(&["path", from, to, "--json", "--data", data]);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("path --json");
        match out.status.code() {
            Some(0) => v["paths"][0]["hops"].as_u64(),
            Some(1) => None,
            other => panic!("path {from} {to} exited {other:?}"),
        }
    };
    let n = ids.len();
    let mut pairs = Vec::new();
    // A fixed spread of pairs; FalkorDB searches at most 6 hops, so longer
    // ones are left out (none are expected in these small datasets).
    for step in 1..n {
        for i in (0..n).step_by(step.max(3)) {
            let j = (i + step * 5 + 1) % n;
            if i == j || pairs.len() == 20 {
                continue;
            }
            let h = hops(&ids[i], &ids[j]);
            if h.is_some_and(|h| h > 6) {
                continue;
            }
            pairs.push(serde_json::json!([ids[i], ids[j], h]));
        }
    }
    assert!(pairs.len() >= n.min(10), "too few pairs: {}", pairs.len());
    serde_json::Value::Array(pairs)
}

/// The exports of `DATASETS[index]` in every format, made once for all the
/// readers: they only read them (the followthemoney reader writes its
/// validated copy beside them, under a name no other reader reads). Kept
/// under Cargo's temporary directory for integration tests, remade at each
/// run.
fn exports(index: usize) -> &'static Path {
    static DIRS: [OnceLock<PathBuf>; DATASETS.len()] = [const { OnceLock::new() }; DATASETS.len()];
    DIRS[index].get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("readers")
            .join(index.to_string());
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("old exports removed");
        }
        std::fs::create_dir_all(&dir).expect("exports directory");
        export_all(DATASETS[index], &dir);
        write_expected(index, &dir);
        dir
    })
}

/// Exports `data` in every format into `dir`.
fn export_all(data: &str, dir: &Path) {
    for (file, args) in FILES {
        let out_path = dir.join(file);
        let mut argv = vec![
            "export",
            "--data",
            data,
            "-o",
            out_path.to_str().expect("utf-8"),
        ];
        argv.extend_from_slice(args);
        let out = run(&argv);
        assert_eq!(out.status.code(), Some(0), "{argv:?}: {}", show(&out));
    }
    std::fs::write(dir.join("hops.json"), hop_pairs(data).to_string()).expect("write hops");
}

/// Writes `expect.json`, the counts the readers must find, beside the exports.
fn write_expected(index: usize, dir: &Path) {
    let (entities, relationships) = COUNTS[index];
    let expect = serde_json::json!({"entities": entities, "relationships": relationships});
    std::fs::write(dir.join("expect.json"), expect.to_string()).expect("write expect.json");
}

/// Runs a reader and asserts it found no mismatch; returns what it said.
fn read(cmd: &mut Command, dir: &Path) -> String {
    let out = cmd
        .arg(dir)
        .current_dir(root())
        .output()
        .expect("reader starts");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{cmd:?} failed:\n{said}");
    said
}

fn python_reader(reader: &str) {
    if !readers_installed("python") {
        return;
    }
    for (index, data) in DATASETS.iter().enumerate() {
        let said = read(
            Command::new(python()).args(["tests/readers/readers.py", reader]),
            exports(index),
        );
        println!("{data}: {said}");
    }
}

#[test]
fn networkx_loads_node_link_graphml_gexf_and_cytoscape_as_the_same_graph() {
    python_reader("networkx");
}

#[test]
fn python_csv_reads_the_csv_directory_without_formulas() {
    python_reader("csv");
}

#[test]
fn followthemoney_validates_every_entity() {
    python_reader("ftm");
}

#[test]
fn falkordb_runs_the_cypher_script_idempotently() {
    python_reader("falkordb");
}

#[test]
fn cytoscape_js_and_graphology_load_cyjs_gexf_and_graphml() {
    if !readers_installed("node") {
        return;
    }
    for (index, data) in DATASETS.iter().enumerate() {
        let said = read(
            Command::new("node").arg("tests/readers/readers.js"),
            exports(index),
        );
        println!("{data}: {said}");
    }
}
