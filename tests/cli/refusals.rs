//! Small refusals that must be clean (issue #15 item 7): a write that fails
//! is a failure, JSON reaches a script unchanged, and a file name that no
//! format has is refused before anything is written.

use crate::common::{command, root, run, run_in, show};
use std::process::Stdio;

#[test]
fn check_json_on_a_full_disk_fails() {
    let Ok(full) = std::fs::File::create("/dev/full") else {
        eprintln!("skipped: this system has no /dev/full");
        return;
    };
    let mut cmd = std::process::Command::new(command(&root()).get_program());
    let out = cmd
        .current_dir(root())
        .args(["--json", "check"])
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("No space left"));
}

#[test]
fn json_keeps_del_and_c1_controls() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.json");
    let json = serde_json::json!({
        "sources": [{ "id": "s", "title": "S" }],
        "entities": [{ "id": "a", "name": "A\u{7f}B\u{85}C", "kind": "person" },
                     { "id": "b", "name": "B", "kind": "person" }],
        "relationships": [{ "from": "a", "to": "b", "type": "knows", "evidence": [{ "source": "s" }] }]
    });
    std::fs::write(&data, json.to_string()).unwrap();
    let out = run_in(
        dir.path(),
        &["--data", data.to_str().unwrap(), "--json", "search", "a"],
    );
    assert!(out.status.success(), "{}", show(&out));
    let v = crate::common::json(&out);
    assert_eq!(v[0]["name"], "A\u{7f}B\u{85}C", "{v}");
}

#[test]
fn render_refuses_an_extension_no_format_has() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["render", "-o", "graph.pdf"]);
    assert_eq!(out.status.code(), Some(2), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`.pdf`") && err.contains(".svg"), "{err}");
    assert!(!dir.path().join("graph.pdf").exists());
    // The extension still picks the format where it names one.
    let out = run(&["render", "-o", dir.path().join("g.SVG").to_str().unwrap()]);
    assert!(out.status.success(), "{}", show(&out));
    assert!(
        std::fs::read_to_string(dir.path().join("g.SVG"))
            .unwrap()
            .contains("<svg")
    );
}

#[test]
fn data_that_is_not_a_regular_file_is_refused_not_read_forever() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut paths = vec![];
    if made.is_ok_and(|s| s.success()) {
        paths.push(fifo.to_str().unwrap().to_owned());
    } else {
        eprintln!("skipped the FIFO: no mkfifo");
    }
    if std::path::Path::new("/dev/zero").exists() {
        paths.push("/dev/zero".into());
    }
    for p in &paths {
        let out = command(dir.path())
            .args(["--data", p, "check"])
            .timeout(std::time::Duration::from_secs(20))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{p}: {}", show(&out));
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("not a regular file"),
            "{}",
            show(&out)
        );
    }
}

#[cfg(unix)]
#[test]
fn broken_and_looping_links_in_a_data_directory_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("case");
    std::fs::create_dir(&data).unwrap();
    std::fs::copy(
        root().join("tests/data/small/small.json"),
        data.join("a.json"),
    )
    .or_else(|_| {
        std::fs::copy(
            root().join("graph-data/netflix-facebook.json"),
            data.join("a.json"),
        )
    })
    .unwrap();
    std::os::unix::fs::symlink(dir.path().join("nowhere.json"), data.join("dangling.json"))
        .unwrap();
    std::os::unix::fs::symlink(data.join("loop.json"), data.join("loop.json")).unwrap();
    let out = run_in(dir.path(), &["--data", "case", "check"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    for name in ["dangling.json", "loop.json"] {
        assert!(
            err.contains(&format!("error[io]: cannot read `case/{name}`")),
            "{err}"
        );
    }
    assert!(err.contains("a broken link or not a regular file"), "{err}");
}

#[test]
fn the_built_in_dataset_is_never_used_silently() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(dir.path(), &["show", "netflix"]);
    assert!(out.status.success(), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("note: using the built-in Netflix–Facebook dataset"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    for quiet in [["--quiet", "show"], ["--json", "show"]] {
        let out = run_in(dir.path(), &[quiet[0], quiet[1], "netflix"]);
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{}",
            show(&out)
        );
    }
    // CASEGRAPH_DATA names a dataset like --data does.
    let data = root().join("tests/data/small");
    let out = command(dir.path())
        .env("CASEGRAPH_DATA", &data)
        .args(["check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", show(&out));
    assert!(out.stderr.is_empty(), "{}", show(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&data.display().to_string()));
}

#[test]
fn spreadsheets_in_a_data_directory_are_not_skipped_silently() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("case");
    std::fs::create_dir(&data).unwrap();
    std::fs::copy(
        root().join("graph-data/netflix-facebook.json"),
        data.join("a.json"),
    )
    .unwrap();
    // The format's CSV files are read (tests/cli/sheets.rs); any other
    // spreadsheet file is refused, never skipped.
    std::fs::write(data.join("people.csv"), "id,name,kind\nx,X,person\n").unwrap();
    std::fs::write(data.join("links.tsv"), "from\tto\n").unwrap();
    let out = run_in(dir.path(), &["--data", "case", "check"]);
    assert_eq!(out.status.code(), Some(1), "{}", show(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot read `case/people.csv`: a `.csv` file not named"),
        "{err}"
    );
    assert!(
        err.contains("cannot read `case/links.tsv`: a `.tsv` file"),
        "{err}"
    );
}
