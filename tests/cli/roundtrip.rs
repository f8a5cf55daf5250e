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

/// The datasets the spreadsheet round trips are proven on: the curated one
/// and the three whose strings try to break every format (whitespace-only
/// strings and an empty property name among them).
const SHEET_DATA: [&str; 4] = [
    "graph-data/netflix-facebook.json",
    "tests/data/hostile.json",
    "tests/data/hostile-cypher.json",
    "tests/data/hostile-page.json",
];

/// `casegraph export --format json --data DATA`: the canonical JSON.
fn canonical(data: &str) -> String {
    let out = run(&["export", "--format", "json", "--data", data]);
    assert_eq!(out.status.code(), Some(0), "{data}: {}", show(&out));
    String::from_utf8(out.stdout).unwrap()
}

/// JSON → CSV export → load gives the canonical JSON back byte for byte,
/// formula-neutralising apostrophes included (FORMAT.md, "CSV and
/// spreadsheets"; CSV-CONVENTIONS.md).
#[test]
fn the_csv_export_loads_back_to_the_same_canonical_json() {
    for data in SHEET_DATA {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("csv");
        let out = run(&[
            "export",
            "-f",
            "csv",
            "--data",
            data,
            "-o",
            csv.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{data}: {}", show(&out));
        let back = canonical(csv.to_str().unwrap());
        assert!(
            back == canonical(data),
            "{data}: the CSV export loads back differently"
        );
    }
}

/// JSON → XLSX export → load: the sources, entities and relationships are
/// the original's, byte for byte; with the `dataset.json` written beside
/// the workbook, the whole canonical JSON is.
#[test]
fn the_xlsx_export_loads_back_to_the_same_records() {
    for data in SHEET_DATA {
        let dir = tempfile::tempdir().unwrap();
        let book = dir.path().join("case.xlsx");
        let out = run(&[
            "export",
            "-f",
            "xlsx",
            "--data",
            data,
            "-o",
            book.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{data}: {}", show(&out));
        let original: serde_json::Value = serde_json::from_str(&canonical(data)).unwrap();
        let alone: serde_json::Value =
            serde_json::from_str(&canonical(book.to_str().unwrap())).unwrap();
        for key in ["sources", "entities", "relationships"] {
            let text = |v: &serde_json::Value| serde_json::to_string_pretty(&v[key]).unwrap();
            assert!(text(&alone) == text(&original), "{data}: {key} differ");
        }
        let whole = canonical(dir.path().to_str().unwrap());
        assert!(
            whole == canonical(data),
            "{data}: workbook + dataset.json differ"
        );
    }
}

/// The workbook is byte-deterministic: its document properties are fixed,
/// so two exports a second apart are the same file.
#[test]
fn the_xlsx_export_is_byte_identical_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    let export = |name: &str| {
        let path = dir.path().join(name);
        let out = run(&[
            "export",
            "-f",
            "xlsx",
            "--data",
            "tests/data/hostile.json",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        std::fs::read(path).unwrap()
    };
    let a = export("a.xlsx");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = export("b.xlsx");
    assert!(a == b, "two workbooks of the same data differ");
    assert!(a.starts_with(b"PK\x03\x04"), "a zip file");
}

/// A real office suite reads the workbook: LibreOffice converts the XLSX
/// export to ODS, and that file loads back to the same records. Skipped,
/// saying so, where LibreOffice is not installed.
#[test]
fn libreoffice_reads_the_xlsx_export() {
    let has_soffice = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_soffice {
        eprintln!("skipped: LibreOffice (`soffice`) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("case.xlsx");
    let data = "graph-data/netflix-facebook.json";
    let out = run(&[
        "export",
        "-f",
        "xlsx",
        "--data",
        data,
        "-o",
        book.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    // Its own profile directory, so a running LibreOffice does not take the job.
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let converted = std::process::Command::new("soffice")
        .args([&profile, "--headless", "--convert-to", "ods", "--outdir"])
        .arg(dir.path())
        .arg(&book)
        .output()
        .unwrap();
    let ods = dir.path().join("case.ods");
    assert!(
        ods.is_file(),
        "{}",
        String::from_utf8_lossy(&converted.stderr)
    );
    let original: serde_json::Value = serde_json::from_str(&canonical(data)).unwrap();
    let back: serde_json::Value = serde_json::from_str(&canonical(ods.to_str().unwrap())).unwrap();
    for key in ["sources", "entities", "relationships"] {
        let (a, b) = (
            original[key].as_array().unwrap(),
            back[key].as_array().unwrap(),
        );
        assert_eq!(a.len(), b.len(), "{key}: how many");
        if let Some((x, y)) = a.iter().zip(b).find(|(x, y)| x != y) {
            panic!("{key} differ after LibreOffice:\n{x}\n{y}");
        }
    }
}
