//! Running the binary and turning its output into snapshot text.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::OnceLock;

/// The repository root: commands run from here so paths in messages are
/// relative (`tests/data/…`) and the same on every machine.
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `casegraph` command, to be run from `dir`, without colour: for a
/// test that sets more of its environment before running it.
pub(crate) fn command(dir: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("casegraph").expect("binary built");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    cmd
}

/// `casegraph ARGS` run from `dir`, without colour.
pub(crate) fn run_in(dir: &Path, args: &[&str]) -> Output {
    command(dir).args(args).output().expect("casegraph runs")
}

/// `casegraph ARGS` run from the repository root.
pub(crate) fn run(args: &[&str]) -> Output {
    run_in(&root(), args)
}

/// Exit status, stdout and stderr together, as one snapshot text.
pub(crate) fn show(out: &Output) -> String {
    let mut s = format!("status: {}\n", out.status.code().unwrap_or(-1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !stdout.is_empty() {
        s.push_str("--- stdout\n");
        s.push_str(&stdout);
    }
    if !stderr.is_empty() {
        s.push_str("--- stderr\n");
        s.push_str(&stderr);
    }
    s
}

/// Parses stdout as JSON.
pub(crate) fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

/// What `casegraph build --data graph-data` writes, built once per test run
/// for the tests that read it (they only read it): under Cargo's temporary
/// directory for integration tests, remade at each run.
pub(crate) fn curated_build() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-graph-data");
        if dir.exists() {
            std::fs::remove_dir_all(&dir).expect("old build removed");
        }
        let out = run(&[
            "build",
            "--data",
            "graph-data",
            "--out",
            dir.to_str().expect("UTF-8"),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", show(&out));
        dir
    })
}
