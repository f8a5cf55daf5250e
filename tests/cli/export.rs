//! `casegraph export`: small exports as snapshots (reviewed by hand), usage
//! errors, filters and focus, determinism, atomic writes, and `build`.

use crate::common::{json, run, show};

const SMALL: &str = "tests/data/small";
const DATA: &str = "graph-data/netflix-facebook.json";

#[test]
fn small_exports_snapshot() {
    for format in ["node-link", "cytoscape", "graphml", "gexf", "cypher", "ftm"] {
        let out = run(&["export", "--format", format, "--data", SMALL]);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        insta::assert_snapshot!(format!("export-small-{format}"), show(&out));
    }
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("csv");
    let out = run(&[
        "export",
        "-f",
        "csv",
        "--data",
        SMALL,
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let mut all = String::new();
    for name in [
        "entities.csv",
        "relationships.csv",
        "sources.csv",
        "dataset.json",
    ] {
        all.push_str(&format!("--- {name}\n"));
        all.push_str(
            &std::fs::read_to_string(csv.join(name))
                .unwrap()
                .replace("\r\n", "⏎\n"),
        );
    }
    insta::assert_snapshot!("export-small-csv", all);
}

/// The CSV layout of CSV-CONVENTIONS.md on the strings that break it: a
/// relationship with two citations is two rows with one id, the second
/// holding only the id and its citation; formula starts, a leading `'`,
/// and property strings that would read as numbers get a `'`; lists are
/// `;`-separated with `\;` and `\\`; `\n` line ends, no byte-order mark.
#[test]
fn the_csv_layout_neutralises_escapes_and_repeats_rows() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("csv");
    let out = run(&[
        "export",
        "-f",
        "csv",
        "--data",
        "tests/data/hostile.json",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let read = |name: &str| std::fs::read_to_string(csv.join(name)).unwrap();
    for name in ["entities.csv", "relationships.csv", "sources.csv"] {
        let text = read(name);
        assert!(
            !text.starts_with('\u{feff}') && !text.contains("\r\n"),
            "{name}"
        );
    }
    let entities = read("entities.csv");
    let mut r = ::csv::Reader::from_reader(entities.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let cell = |id: &str, col: &str| {
        let c = header.iter().position(|h| h == col).unwrap();
        rows.iter().find(|r| r[0] == id).unwrap()[c].clone()
    };
    assert_eq!(
        cell("memo-7", "name"),
        "'=HYPERLINK(\"https://evil.example/?a=1&b=2\",\"Memo 7\")"
    );
    assert_eq!(cell("memo-7", "aliases"), "'=1+1;Memo \"7\"");
    assert_eq!(
        cell("jane-doe", "aliases"),
        "J. \"Backslash\" D\\\\oe;Line1\nLine2;-JD"
    );
    assert_eq!(cell("jane-doe", "properties.age"), "54");
    assert_eq!(cell("jane-doe", "properties.verified"), "true");
    assert_eq!(
        cell("jane-doe", "properties.tags"),
        r#"["a,b","c;d","e\\;f","\"g\""]"#
    );
    assert_eq!(cell("sea-witch", "properties.tonnage"), "51234.5");
    let relationships = read("relationships.csv");
    let mut r = ::csv::Reader::from_reader(relationships.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(&header[..4], ["id", "from", "to", "type"]);
    let rows: Vec<Vec<String>> = r
        .records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect();
    let source = header.iter().position(|h| h == "source").unwrap();
    // A relationship with two citations: two rows, the second one holding
    // the id and the citation only.
    let twice: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| rows.iter().filter(|o| o[0] == r[0]).count() == 2)
        .collect();
    assert_eq!(twice.len(), 2, "{rows:?}");
    assert!(!twice[0][1].is_empty() && twice[1][1].is_empty());
    assert!(!twice[1][source].is_empty());
    let filled: Vec<usize> = (0..header.len())
        .filter(|&c| !twice[1][c].is_empty())
        .collect();
    assert!(
        filled
            .iter()
            .all(|&c| c == 0 || ["source", "locator", "quote"].contains(&header[c].as_str())),
        "{:?}",
        filled.iter().map(|&c| &header[c]).collect::<Vec<_>>()
    );
}

#[test]
fn csv_needs_a_directory_and_json_takes_no_filters() {
    let out = run(&["export", "--format", "csv", "--data", SMALL]);
    insta::assert_snapshot!(show(&out), @r"
    status: 2
    --- stderr
    error: `--format csv` writes a directory: give it with `-o DIR`
    ");
    let out = run(&[
        "export", "--format", "json", "--types", "paid", "--data", SMALL,
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    // A workbook is binary and has `dataset.json` beside it: never stdout.
    let out = run(&["export", "--format", "xlsx", "--data", SMALL]);
    insta::assert_snapshot!(show(&out), @r"
    status: 2
    --- stderr
    error: `--format xlsx` writes a workbook and `dataset.json` beside it: give the workbook with `-o FILE.xlsx`
    ");
}

/// The workbook export writes the workbook and `dataset.json` beside it,
/// and a filtered export holds what its relationships need to load: the
/// sources they cite, the entities that dispute them, and no views.
#[test]
fn the_xlsx_export_writes_its_dataset_file_beside_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let book = dir.path().join("case.xlsx");
    let out = run(&[
        "export",
        "-f",
        "xlsx",
        "--data",
        DATA,
        "-o",
        book.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["case.xlsx", "dataset.json"]);
    let dataset: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("dataset.json")).unwrap()).unwrap();
    assert_eq!(dataset["dataset"]["id"], "netflix-facebook");
    assert!(!dataset["views"].as_array().unwrap().is_empty());
    assert!(dataset.get("entities").is_none());

    let csv = dir.path().join("csv");
    let out = run(&[
        "export",
        "-f",
        "csv",
        "--types",
        "gave_message_access_to",
        "--data",
        DATA,
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let dataset = std::fs::read_to_string(csv.join("dataset.json")).unwrap();
    assert!(!dataset.contains("\"views\""), "{dataset}");
    let column = |file: &str, name: &str| -> std::collections::BTreeSet<String> {
        let mut r = ::csv::Reader::from_path(csv.join(file)).unwrap();
        let at = r.headers().unwrap().iter().position(|h| h == name).unwrap();
        r.records()
            .map(|rec| rec.unwrap()[at].to_owned())
            .filter(|c| !c.is_empty())
            .collect()
    };
    let cited: std::collections::BTreeSet<String> = column("relationships.csv", "source")
        .into_iter()
        .chain(column("relationships.csv", "dispute_source"))
        .collect();
    assert!(!cited.is_empty());
    assert_eq!(column("sources.csv", "id"), cited, "only the sources cited");
}

#[test]
fn filters_and_focus_select_the_view() {
    let v = json(&run(&[
        "export",
        "-f",
        "node-link",
        "--types",
        "paid,fined",
        "--data",
        DATA,
    ]));
    let edges = v["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    assert!(
        edges
            .iter()
            .all(|e| e["type"] == "paid" || e["type"] == "fined")
    );
    // Entities the filter leaves unconnected are left out.
    let ends: std::collections::BTreeSet<_> = edges
        .iter()
        .flat_map(|e| [e["source"].as_str().unwrap(), e["target"].as_str().unwrap()])
        .collect();
    let nodes: std::collections::BTreeSet<_> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["id"].as_str().unwrap())
        .collect();
    assert_eq!(ends, nodes);

    let v = json(&run(&[
        "export",
        "-f",
        "cytoscape",
        "--focus",
        "Reed Hastings",
        "--depth",
        "1",
        "--data",
        DATA,
    ]));
    let edges = v["elements"]["edges"].as_array().unwrap();
    assert!(!edges.is_empty());
    let ids: Vec<_> = v["elements"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["data"]["id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&"reed-hastings".to_owned()) && ids.contains(&"netflix".to_owned()));
    assert!(!ids.contains(&"klein-v-meta".to_owned()), "{ids:?}");

    let out = run(&[
        "export",
        "-f",
        "gexf",
        "--focus",
        "nobody-at-all",
        "--data",
        DATA,
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let out = run(&["export", "-f", "gexf", "--depth", "2", "--data", DATA]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "--depth needs --focus: {}",
        show(&out)
    );
}

#[test]
fn output_is_deterministic_and_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["node-link", "cytoscape", "graphml", "gexf", "cypher", "ftm"] {
        let a = run(&["export", "-f", format, "--data", DATA]);
        let b = run(&["export", "-f", format, "--data", DATA]);
        assert_eq!(a.stdout, b.stdout, "{format} differs between runs");
        // -o writes the same bytes, over an existing file.
        let path = dir.path().join(format!("out.{format}"));
        std::fs::write(&path, "old").unwrap();
        let out = run(&[
            "export",
            "-f",
            format,
            "--data",
            DATA,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        assert_eq!(std::fs::read(&path).unwrap(), a.stdout, "{format}");
    }
    // A CSV directory replaces the old one whole, stray files and all.
    let csv = dir.path().join("csv");
    std::fs::create_dir(&csv).unwrap();
    std::fs::write(csv.join("stale.csv"), "old").unwrap();
    let out = run(&[
        "export",
        "-f",
        "csv",
        "--data",
        DATA,
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", show(&out));
    let mut names: Vec<_> = std::fs::read_dir(&csv)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "dataset.json",
            "entities.csv",
            "relationships.csv",
            "sources.csv"
        ]
    );
    // Nothing temporary is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn build_writes_every_export() {
    let dir = crate::common::curated_build();
    for name in [
        "netflix-facebook.json",
        "netflix-facebook.node-link.json",
        "netflix-facebook.cyjs",
        "netflix-facebook.graphml",
        "netflix-facebook.gexf",
        "netflix-facebook.cypher",
        "netflix-facebook.ftm.json",
        "netflix-facebook-csv/entities.csv",
        "netflix-facebook-csv/relationships.csv",
        "netflix-facebook-csv/sources.csv",
        "netflix-facebook-csv/dataset.json",
        "netflix-facebook.xlsx",
    ] {
        assert!(dir.join(name).is_file(), "{name} missing");
    }
    // The build's exports are the command's exports of the whole dataset.
    let cli = run(&["export", "-f", "graphml", "--data", DATA]);
    assert_eq!(
        std::fs::read(dir.join("netflix-facebook.graphml")).unwrap(),
        cli.stdout
    );
}

/// On a terminal, an export that takes more than a second counts the bytes
/// it has written on stderr, and erases the counter when done; `--quiet` and
/// `--json` leave stderr alone. `script` gives the command a terminal, and a
/// reader that drains the pipe only after 1.5 s holds the export back that
/// long (it blocks once the pipe's 64 KiB are full, well before the first
/// report at 1 MiB).
#[test]
fn a_slow_export_counts_its_bytes_on_a_terminal_unless_quiet() {
    let has_script = std::process::Command::new("script")
        .args(["-qec", "true", "/dev/null"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: util-linux `script` (a terminal for the command) is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("big.json");
    std::fs::write(&data, crate::synth::generate(2_000, 6_000, 3)).unwrap();
    let on_terminal = |flag: &str| {
        let command = format!(
            "'{}' {flag} export -f node-link --data '{}' | (sleep 1.5; wc -c)",
            assert_cmd::cargo::cargo_bin("casegraph").display(),
            data.display()
        );
        let out = std::process::Command::new("script")
            .args(["-qec", &command, "/dev/null"])
            .output()
            .unwrap();
        let shown = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(out.status.success(), "{command}: {shown}");
        // The whole export went through the pipe, over 1 MiB of it (`wc`
        // prints the count at the end, after the erased counter if any).
        let last = shown.trim_end();
        let digits = last.len() - last.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        let bytes: u64 = last[last.len() - digits..].parse().expect(&shown);
        assert!(bytes > 1 << 20, "{command}: {shown}");
        shown
    };
    let shown = on_terminal("");
    let at = shown.rfind("exporting").expect("a byte counter");
    assert!(shown[at..].contains(" MiB ("), "{shown:?}");
    assert!(shown[at..].contains("\r\u{1b}[2K"), "erased: {shown:?}");
    for flag in ["--quiet", "--json"] {
        let shown = on_terminal(flag);
        assert!(!shown.contains("exporting"), "{flag}: {shown:?}");
    }
}

/// The filter flags that no other test runs through the binary, each
/// checked against what it promises, worked out here from the unfiltered
/// export: the view keeps exactly those relationships, and some but not all.
#[test]
fn each_remaining_filter_flag_keeps_exactly_what_it_names() {
    let edges = |filter: &[&str]| -> Vec<serde_json::Value> {
        let mut args = vec!["export", "-f", "node-link", "--data", DATA];
        args.extend_from_slice(filter);
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{filter:?}: {}", show(&out));
        json(&out)["edges"].as_array().unwrap().clone()
    };
    let whole = json(&run(&["export", "-f", "node-link", "--data", DATA]));
    let all = whole["edges"].as_array().unwrap();
    let keys = |edges: &[serde_json::Value]| -> Vec<String> {
        edges
            .iter()
            .map(|e| e["key"].as_str().unwrap().to_owned())
            .collect()
    };
    let kind = |id: &serde_json::Value| -> String {
        whole["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == *id)
            .unwrap()["kind"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    // In force as the README says: a `date` from that day on, a period from
    // `start` to `end`, open where one is missing. Years suffice: the
    // bounds below are whole years.
    let year = |d: &serde_json::Value| d.as_str().map(|d| d[..4].parse::<i32>().unwrap());
    let in_force_2012_to_2014 = |e: &serde_json::Value| {
        let (from, to) = match year(&e["date"]) {
            Some(y) => (Some(y), None),
            None => (year(&e["start"]), year(&e["end"])),
        };
        from.is_none_or(|y| y <= 2014) && to.is_none_or(|y| y >= 2012)
    };
    type Keeps<'a> = &'a dyn Fn(&serde_json::Value) -> bool;
    let cases: [(&[&str], Keeps); 5] = [
        (&["--exclude-types", "fined,paid"], &|e| {
            e["type"] != "fined" && e["type"] != "paid"
        }),
        (&["--status", "alleged,denied"], &|e| {
            e["status"] == "alleged" || e["status"] == "denied"
        }),
        (&["--no-disputed"], &|e| {
            e["disputed_by"].as_array().unwrap().is_empty()
        }),
        // Both ends must be of a kind asked for.
        (&["--kinds", "person,organization"], &|e| {
            [&e["source"], &e["target"]]
                .iter()
                .all(|end| ["person", "organization"].contains(&kind(end).as_str()))
        }),
        // Undated relationships are kept: nothing says they were not in force.
        (&["--between", "2012", "2014"], &in_force_2012_to_2014),
    ];
    for (filter, keep) in cases {
        let want: Vec<_> = all.iter().filter(|e| keep(e)).cloned().collect();
        assert!(
            !want.is_empty() && want.len() < all.len(),
            "{filter:?} should select some relationships, not all"
        );
        assert_eq!(keys(&edges(filter)), keys(&want), "{filter:?}");
    }
}
