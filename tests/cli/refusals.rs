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
