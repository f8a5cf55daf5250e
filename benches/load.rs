//! In-process benchmarks: load (parse + validate + build the graph) and
//! stats, on the S/M/L datasets of benches/BENCHMARKS.md, each in the
//! generator's two shapes (`default`, the shapes of real data, and
//! `explicit-ids`; see examples/synth/shape.rs).
//!
//! ```sh
//! cargo bench --bench load              # S and M (and L with CASEGRAPH_BENCH_L=1)
//! ```
//!
//! A plain harness (`harness = false`), not criterion: each case takes from
//! a tenth of a second to tens of seconds and allocates up to gigabytes, so
//! criterion's hundreds of samples and outlier statistics would take hours
//! and measure little more than a median of a few runs does. The numbers
//! that the targets are judged on are whole-process ones (time and peak
//! memory of the `casegraph` binary); benches/compare.sh measures those.
//! This harness is for profiling and for quick before/after comparisons.
//!
//! Run as a test (`cargo test --all-targets`, no `--bench` argument), it
//! runs every case once on a tiny dataset, so the benchmarks cannot rot.
//!
//! After the whole-load cases, each size also times, on the loaded model
//! (the work after loading only): 100 `path` queries between the fixed
//! pairs of `synth::bench_pairs` (the issue's target is under 50 ms each on
//! L, found or not), a node-link export, and the `render --focus` SVG of
//! `synth::focus_index`'s entity: the same questions benches/compare.sh
//! asks the whole process.

#[path = "../examples/synth.rs"]
#[allow(dead_code)]
mod synth;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One benchmark: a name and what it runs on a loaded text.
struct Case {
    name: &'static str,
    run: fn(&str, &str),
}

fn cases() -> Vec<Case> {
    vec![
        Case {
            name: "load",
            run: |name, text| {
                let loaded = casegraph::load_str(name, text);
                assert_eq!(loaded.error_count(), 0);
                std::hint::black_box(loaded);
            },
        },
        Case {
            name: "load+stats",
            run: |name, text| {
                let loaded = casegraph::load_str(name, text);
                let model = loaded.model.expect("valid data");
                std::hint::black_box(casegraph::query::stats::stats(&model));
            },
        },
    ]
}

/// The seed of every benchmark dataset (benches/compare.sh uses the same).
const SEED: u64 = 1;

/// The generator's shapes, by the names `synth --shape` takes.
static SHAPES: [(&str, synth::Shape); 2] = [
    ("default", synth::Shape::DEFAULT),
    ("explicit-ids", synth::Shape::EXPLICIT_IDS),
];

/// The dataset file for a size and shape, generated on first use; named as
/// benches/compare.sh names it, so either reuses the other's files.
fn dataset(
    dir: &Path,
    label: &str,
    shape: (&str, &synth::Shape),
    entities: u64,
    relationships: u64,
) -> PathBuf {
    let path = match shape.0 {
        "explicit-ids" => dir.join(format!("{label}.json")),
        name => dir.join(format!("{label}.{name}.json")),
    };
    if !path.exists() {
        std::fs::create_dir_all(dir).expect("bench data directory");
        let args = synth::Args {
            entities,
            relationships,
            seed: SEED,
            out: String::new(),
        };
        let file = std::fs::File::create(&path).expect("writable bench data");
        synth::write_shaped(&args, shape.1, file).expect("generated");
    }
    path
}

/// 100 shortest-path queries between fixed, spread-out pairs of entities
/// (some have no path within 6 hops: the small components), each timed
/// alone. The pairs are [`synth::bench_pairs`], by id: the same that
/// `synth --pairs-out` writes for `casegraph path --pairs` in
/// benches/compare.sh. Returns the times and how many found a path.
fn path_queries(model: &casegraph::Model, seed: u64) -> (Vec<Duration>, usize) {
    use casegraph::query::path::{PathQuery, paths};
    let view = casegraph::query::View::all(model);
    let id = |i: u64| {
        model
            .entity_by_id(&synth::entity_id(seed, i))
            .expect("a generated id")
    };
    let mut times = Vec::with_capacity(100);
    let mut found = 0;
    for (from, to) in synth::bench_pairs(model.entity_count() as u64) {
        let q = PathQuery::new(id(from), id(to));
        let start = Instant::now();
        let answer = paths(model, &view, &q);
        times.push(start.elapsed());
        found += usize::from(answer.is_ok_and(|p| !p.paths.is_empty()));
    }
    (times, found)
}

/// The node-link export of the whole model, written to memory.
fn export_node_link(model: &casegraph::Model) -> usize {
    let view = casegraph::query::View::all(model);
    let mut out = Vec::new();
    casegraph::export::nodelink::write(model, &view, Default::default(), &mut out)
        .expect("writing to memory cannot fail");
    out.len()
}

/// The SVG `render --focus ENTITY --depth 1` draws, for the benchmarks'
/// focus entity.
fn render_focus(model: &casegraph::Model, seed: u64) -> usize {
    use casegraph::render::{Format, Layout, Options, Renderer, render};
    let center = model
        .entity_by_id(&synth::entity_id(
            seed,
            synth::focus_index(model.entity_count() as u64),
        ))
        .expect("a generated id");
    let mut view = casegraph::query::View::all(model);
    view.focus(model, center, 1);
    let svg = render(
        model,
        &view,
        &Options::new(),
        Format::Svg,
        Layout::Dot,
        Renderer::Pure,
    )
    .expect("the focus diagram renders");
    svg.len()
}

/// Times `work` `runs` times on the loaded model; the median.
fn time_on_model(runs: usize, mut work: impl FnMut() -> usize) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(work());
                start.elapsed()
            })
            .collect(),
    )
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let benchmarking = std::env::args().any(|a| a == "--bench");
    if !benchmarking {
        // Test mode: each case once on a tiny dataset of each shape.
        for (_, shape) in &SHAPES {
            let mut text = Vec::new();
            let args = synth::Args {
                entities: 200,
                relationships: 600,
                seed: SEED,
                out: String::new(),
            };
            synth::write_shaped(&args, shape, &mut text).expect("generated");
            let text = String::from_utf8(text).expect("UTF-8");
            for case in cases() {
                (case.run)("tiny.json", &text);
            }
            let model = casegraph::load_str("tiny.json", &text)
                .model
                .expect("valid");
            let (times, _) = path_queries(&model, SEED);
            assert_eq!(times.len(), 100);
            assert!(export_node_link(&model) > 0);
            assert!(render_focus(&model, SEED) > 0);
        }
        println!(
            "bench smoke test: {} cases, the path queries, the export and the focus diagram ran",
            cases().len()
        );
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let mut sizes = vec![("s", 10_000, 30_000, 10), ("m", 100_000, 300_000, 5)];
    if std::env::var_os("CASEGRAPH_BENCH_L").is_some() {
        sizes.push(("l", 1_000_000, 3_000_000, 1));
    }
    for ((size, entities, relationships, runs), &(shape_name, ref shape)) in sizes
        .into_iter()
        .flat_map(|size| SHAPES.iter().map(move |shape| (size, shape)))
    {
        let label = format!("{size} {shape_name}");
        let path = dataset(&dir, size, (shape_name, shape), entities, relationships);
        let text = std::fs::read_to_string(&path).expect("readable");
        let name = path.display().to_string();
        for case in cases() {
            let times: Vec<Duration> = (0..runs)
                .map(|_| {
                    let start = Instant::now();
                    (case.run)(&name, &text);
                    start.elapsed()
                })
                .collect();
            println!(
                "{label} ({} MB) {:<12} median {:>8.3} s of {runs}",
                text.len() / 1_000_000,
                case.name,
                median(times).as_secs_f64()
            );
        }
        let model = casegraph::load_str(&name, &text).model.expect("valid data");
        let (times, found) = path_queries(&model, SEED);
        let max = times.iter().max().copied().unwrap_or_default();
        println!(
            "{label} path queries: 100 ({found} found), median {:.3} ms, max {:.3} ms",
            median(times).as_secs_f64() * 1e3,
            max.as_secs_f64() * 1e3
        );
        let export = time_on_model(runs, || export_node_link(&model));
        println!(
            "{label} export node-link (after loading): median {:.3} s of {runs}",
            export.as_secs_f64()
        );
        let focus = time_on_model(runs, || render_focus(&model, SEED));
        println!(
            "{label} render --focus svg (after loading): median {:.3} s of {runs}",
            focus.as_secs_f64()
        );
    }
}
