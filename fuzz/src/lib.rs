//! What the fuzz targets share: putting fuzzed bytes where the loader reads
//! them, and the checks every load must pass whatever its input.

use casegraph::diag::{self, JsonDiagnostic, Palette};
use casegraph::{Loaded, Origin};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A directory of this process's own, made once: each input's files are
/// written here, over the last input's. In memory (`/dev/shm`) where there
/// is one, so an execution costs no disk write.
///
/// libFuzzer ends the process with `exit`, which drops no static, so the
/// directory is named after the process id and each new process first
/// removes those of processes that are gone.
pub fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = Path::new("/dev/shm");
        let base = if shm.is_dir() {
            shm.to_owned()
        } else {
            std::env::temp_dir()
        };
        remove_stale(&base);
        let dir = base.join(format!("{PREFIX}{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir(&dir).expect("a scratch directory");
        dir
    })
}

const PREFIX: &str = "casegraph-fuzz-";

/// Removes the scratch directories of processes that no longer run (where
/// `/proc` says which run).
fn remove_stale(base: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.strip_prefix(PREFIX)) else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !proc.join(pid).exists() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Writes `files` (name, bytes) into a fresh directory `name` of the
/// scratch directory, and returns its path: files of an earlier input that
/// this one lacks are gone.
pub fn dir_with(name: &str, files: &[(&str, &[u8])]) -> PathBuf {
    let dir = scratch().join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir(&dir).expect("create the dataset directory");
    for (file, bytes) in files {
        std::fs::write(dir.join(file), bytes).expect("write a dataset file");
    }
    dir
}

/// The checks every load passes, valid input or not: a model exactly when
/// there is no error, and every diagnostic shown (as `check` prints it, and
/// as `check --json` does) without a panic, naming a place inside its file.
pub fn check_loaded(loaded: &Loaded) {
    assert_eq!(
        loaded.model.is_some(),
        loaded.error_count() == 0,
        "a model exactly when there is no error"
    );
    for d in &loaded.diagnostics {
        let shown = diag::render(d, &loaded.files, Palette::plain());
        assert!(!shown.is_empty());
        let json = serde_json::to_string(&JsonDiagnostic::new(d, &loaded.files))
            .expect("a diagnostic as JSON");
        serde_json::from_str::<serde_json::Value>(&json).expect("the JSON diagnostic parses");
        if let Some(span) = &d.span {
            let file = loaded.files.get(span.file);
            assert!(
                span.offset <= file.text.len(),
                "span {span:?} past the end of `{}` ({} bytes): {}",
                file.shown_name(),
                file.text.len(),
                d.message
            );
        }
    }
}

/// Loads the dataset at `path` and checks the result ([`check_loaded`]).
pub fn load_checked(path: PathBuf) -> Loaded {
    let loaded = casegraph::load(Origin::Path(path));
    check_loaded(&loaded);
    loaded
}

/// What loads writes out as canonical JSON and loads back to the same
/// bytes, with no diagnostic of error.
pub fn check_canonical_round_trip(model: &casegraph::Model) {
    let canonical = casegraph::export::canonical_json(model);
    let again = casegraph::load_str("canonical.json", &canonical);
    assert_eq!(again.error_count(), 0, "{:#?}", again.diagnostics);
    let model2 = again.model.expect("no error, so a model");
    assert_eq!(casegraph::export::canonical_json(&model2), canonical);
}
