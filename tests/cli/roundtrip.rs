//! `casegraph build`: the canonical JSON reloads to the same model, and the
//! same data always gives the same bytes.

use crate::common::{run, show};

fn build_to(dir: &std::path::Path, data: &str) -> Vec<u8> {
    let out = run(&["build", "--data", data, "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let id = casegraph::load(casegraph::Origin::Path(data.into()))
        .model
        .unwrap()
        .dataset()
        .id
        .clone();
    std::fs::read(dir.join(format!("{id}.json"))).unwrap()
}

#[test]
fn canonical_json_round_trips_and_is_byte_stable() {
    for data in [
        "graph-data/netflix-facebook.json",
        "tests/data/hostile.json",
        "tests/data/small",
    ] {
        let a = tempfile::tempdir().unwrap();
        let b = tempfile::tempdir().unwrap();
        let first = build_to(a.path(), data);
        assert_eq!(first, build_to(b.path(), data), "{data}: two builds differ");
        // Reloading the canonical file gives the same canonical file again.
        let canonical = a.path().join("reloaded.json");
        std::fs::write(&canonical, &first).unwrap();
        let c = tempfile::tempdir().unwrap();
        let out = run(&[
            "build",
            "--data",
            canonical.to_str().unwrap(),
            "--out",
            c.path().to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0));
        // The build also writes the exports now: pick the canonical file.
        let again = std::fs::read_dir(c.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                let name = p.file_name().unwrap().to_string_lossy();
                name.ends_with(".json") && name.matches('.').count() == 1
            })
            .unwrap();
        assert_eq!(
            std::fs::read(again).unwrap(),
            first,
            "{data}: reload changed it"
        );
        // And the two models answer the same.
        let reloaded = run(&["stats", "--json", "--data", canonical.to_str().unwrap()]);
        let original = run(&["stats", "--json", "--data", data]);
        assert_eq!(reloaded.stdout, original.stdout, "{data}");
    }
}

#[test]
fn a_failed_build_leaves_the_output_directory_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "before").unwrap();
    let out = run(&[
        "build",
        "--data",
        "tests/data/invalid/unknown-entity.json",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["keep.txt"]);
}

/// Every file below `dir`, as sorted paths relative to it.
fn files_below(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_path_buf());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn committed_output_is_up_to_date() {
    let dir = crate::common::curated_build();
    let committed = crate::common::root().join("output");
    let fresh_names = files_below(dir);
    for name in &fresh_names {
        let fresh = std::fs::read(dir.join(name)).unwrap();
        let old = std::fs::read(committed.join(name)).unwrap_or_default();
        assert!(
            fresh == old,
            "output/{} is stale: run `cargo run --release -- build` and commit output/",
            name.display()
        );
    }
    assert_eq!(
        files_below(&committed),
        fresh_names,
        "output/ has files a build no longer writes"
    );
}
