//! The interactive page in a real browser (issue #12): the tests under
//! `tests/browser/` drive Debian's Chromium headless with playwright-core,
//! on the page `casegraph build` writes for the curated dataset and the one
//! `casegraph render --format html` writes for `tests/data/hostile-page.json`.
//! They run this test binary's `casegraph`, so they test the code under test,
//! and write the pages under Cargo's temporary directory and a screenshot per
//! test under `target/browser-screenshots/`.
//!
//! Chromium and playwright-core are installed by `tests/run` (`apt-get install
//! chromium`, `npm ci` in `tests/browser`). When they are missing these tests
//! fail, saying how to install them; set `CASEGRAPH_SKIP_BROWSER=1` to skip
//! them on purpose, loudly.

use crate::common::root;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The most one test file may take; past it node is killed and the test
/// fails (the suite takes well under a minute per file on 2 cores).
const TIME_LIMIT: Duration = Duration::from_mins(5);

/// The browser the tests drive (`CASEGRAPH_CHROMIUM` overrides it).
fn chromium() -> PathBuf {
    std::env::var_os("CASEGRAPH_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

/// Whether Chromium, node and playwright-core are there; panics with the fix
/// when one is not (unless skipping was asked for, which is printed).
fn browser_installed() -> bool {
    let node = Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    let playwright = root().join("tests/browser/node_modules/playwright-core");
    let missing: Vec<String> = [
        (!chromium().exists()).then(|| format!("Chromium ({})", chromium().display())),
        (!node).then(|| "node".to_owned()),
        (!playwright.exists()).then(|| "playwright-core (tests/browser/node_modules)".to_owned()),
    ]
    .into_iter()
    .flatten()
    .collect();
    if missing.is_empty() {
        return true;
    }
    let missing = missing.join(", ");
    if std::env::var_os("CASEGRAPH_SKIP_BROWSER").is_some() {
        eprintln!("SKIPPED: {missing} not installed (CASEGRAPH_SKIP_BROWSER is set)");
        return false;
    }
    panic!("{missing} not installed: run tests/run, which installs them");
}

/// Runs one test file of `tests/browser/` with node's test runner, killing
/// it past [`TIME_LIMIT`]; fails with its report unless every test passed.
fn node_test(file: &str) {
    if !browser_installed() {
        return;
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out).expect("browser test directory");
    // Output to files, not pipes: a full pipe would block node while this
    // thread only polls for its exit.
    let log_path = out.join(format!("{file}.log"));
    let log = std::fs::File::create(&log_path).expect("log file");
    let mut child = Command::new("node")
        .args(["--test", "--test-reporter=spec", "--test-concurrency=1"])
        .arg(Path::new("tests/browser").join(file))
        .current_dir(root())
        .env("CASEGRAPH_BIN", env!("CARGO_BIN_EXE_casegraph"))
        .env("CASEGRAPH_BROWSER_OUT", &out)
        .env("CASEGRAPH_CHROMIUM", chromium())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("log file"))
        .stderr(log)
        .spawn()
        .expect("node starts");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for node") {
            break Some(status);
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let report = std::fs::read_to_string(&log_path).unwrap_or_default();
    match status {
        Some(s) if s.success() => println!("{report}"),
        Some(s) => panic!("tests/browser/{file} failed ({s}):\n{report}"),
        None => panic!("tests/browser/{file} took over {TIME_LIMIT:?} and was killed:\n{report}"),
    }
}

#[test]
fn the_curated_page_does_what_issue_12_says_in_chromium() {
    node_test("curated.test.mjs");
}

#[test]
fn the_hostile_page_runs_no_script_and_shows_every_string_as_text_in_chromium() {
    node_test("hostile.test.mjs");
}
