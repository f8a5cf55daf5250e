//! Faults during `build` (Linux only): a build killed at every step, two
//! builds at once, a read-only or full output directory, an output path
//! under a file, data that changes while it is read, a data directory with
//! a symlink loop or a file that cannot be read; and, last, the limit on
//! the relationships a diagram lays out. After each, the output directory
//! is the old build or the new one, whole, and nothing casegraph stages
//! beside it is left; a failure exits 1 naming the path, never a panic.
//!
//! The kills use test-only hooks of `casegraph build` (src/cli/build.rs,
//! `on_event`): `CASEGRAPH_TEST_PAUSE_AT=STEP` makes it stop at a step for
//! the test to kill it there, `CASEGRAPH_TEST_STEP_DELAY_MS` slows every
//! step, `CASEGRAPH_TEST_NO_EXCHANGE` uses the two-rename fallback. The
//! mounts (a full disk, a read-only filesystem) need the right to mount a
//! tmpfs: without it those tests say so on stderr and pass without checking.

use crate::common::{root, show};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// The small dataset every build here writes (a build takes well under a second).
const STORY: &str = "tests/data/views/board-interlock.json";

/// Every file below `dir` with its bytes (the manifest included); an empty
/// map when `dir` does not exist.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// The names beside `out` that a build stages or locks there.
fn leftovers(out: &Path) -> Vec<String> {
    let prefix = format!(".{}.casegraph-", out.file_name().unwrap().to_string_lossy());
    let mut names: Vec<String> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix))
        .collect();
    names.sort();
    names
}

/// `casegraph build --data DATA --out OUT`, not started yet.
fn build_cmd(data: &Path, out: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_casegraph"));
    cmd.current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("CASEGRAPH_TEST_PAUSE_AT")
        .env_remove("CASEGRAPH_TEST_STEP_DELAY_MS")
        .env_remove("CASEGRAPH_TEST_NO_EXCHANGE")
        .args(["build", "--data"])
        .arg(data)
        .arg("--out")
        .arg(out);
    cmd
}

fn build(data: &Path, out: &Path) -> Output {
    build_cmd(data, out).output().unwrap()
}

/// Asserts a clean failure: exit 1, `path` named on stderr, no panic.
fn assert_fails_naming(out: &Output, path: &str) {
    let text = show(out);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(path), "`{path}` not named:\n{text}");
    assert!(!text.contains("panicked"), "{text}");
}

/// Two versions of the story, `a.json` and `b.json` (another dataset id and
/// one view fewer, so the two builds have different files), and the
/// contents of a clean build of each.
struct Versions {
    dir: tempfile::TempDir,
    a: PathBuf,
    b: PathBuf,
    built_a: BTreeMap<String, Vec<u8>>,
    built_b: BTreeMap<String, Vec<u8>>,
}

impl Versions {
    fn new() -> Versions {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(root().join(STORY)).unwrap();
        let a = dir.path().join("a.json");
        std::fs::write(&a, &text).unwrap();
        let mut data: serde_json::Value = serde_json::from_str(&text).unwrap();
        data["dataset"]["id"] = "interlock".into();
        data["views"].as_array_mut().unwrap().truncate(1);
        let b = dir.path().join("b.json");
        std::fs::write(&b, data.to_string()).unwrap();
        let reference = |data: &Path, name: &str| {
            let out = dir.path().join(name);
            let run = build(data, &out);
            assert_eq!(run.status.code(), Some(0), "{}", show(&run));
            contents(&out)
        };
        let built_a = reference(&a, "ref-a");
        let built_b = reference(&b, "ref-b");
        assert_ne!(built_a, built_b);
        Versions {
            dir,
            a,
            b,
            built_a,
            built_b,
        }
    }

    /// A fresh output directory holding the build of `a`.
    fn out_with_a(&self, name: &str) -> PathBuf {
        let out = self.dir.path().join(name);
        let run = build(&self.a, &out);
        assert_eq!(run.status.code(), Some(0), "{}", show(&run));
        assert_eq!(contents(&out), self.built_a);
        out
    }

    /// Which build `out` holds: "a", "b", or a panic naming what is there.
    fn which(&self, out: &Path) -> &'static str {
        let now = contents(out);
        if now == self.built_a {
            "a"
        } else if now == self.built_b {
            "b"
        } else {
            panic!(
                "`{}` is neither build: {:?}",
                out.display(),
                now.keys().collect::<Vec<_>>()
            )
        }
    }
}

/// Starts `cmd` with `CASEGRAPH_TEST_PAUSE_AT=step` and returns once it
/// says it paused there.
fn start_paused(mut cmd: Command, step: &str) -> Child {
    let mut child = cmd
        .env("CASEGRAPH_TEST_PAUSE_AT", step)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        let n = stderr.read_line(&mut line).unwrap();
        assert!(n > 0, "the build ended before pausing at {step}");
        if line.trim() == format!("casegraph-test: paused at {step}") {
            break;
        }
    }
    child
}

/// SIGKILL (what `Child::kill` sends on Unix), then reap.
fn kill(mut child: Child) {
    child.kill().unwrap();
    child.wait().unwrap();
}

#[test]
fn a_build_killed_at_any_step_leaves_the_old_build_or_the_new_one() {
    let v = Versions::new();
    let out = v.out_with_a("out");
    for (step, expected) in [
        ("locked", "a"),
        ("staging", "a"),
        ("file", "a"),
        ("carried", "a"),
        ("swap", "a"),
        ("swapped", "b"),
    ] {
        kill(start_paused(build_cmd(&v.b, &out), step));
        assert_eq!(v.which(&out), expected, "killed at {step}");
        // The next build removes what the killed one left, and succeeds.
        let again = build(&v.a, &out);
        assert_eq!(again.status.code(), Some(0), "{}", show(&again));
        assert_eq!(v.which(&out), "a");
        assert_eq!(
            leftovers(&out),
            Vec::<String>::new(),
            "after a kill at {step}"
        );
    }
    // Kills at moments nobody chose, with every step slowed to widen them.
    for delay_ms in [5, 15, 30, 45, 60, 80, 100, 130] {
        let mut cmd = build_cmd(&v.b, &out);
        let child = cmd
            .env("CASEGRAPH_TEST_STEP_DELAY_MS", "10")
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        kill(child);
        v.which(&out);
        assert_eq!(build(&v.a, &out).status.code(), Some(0));
        assert_eq!(leftovers(&out), Vec::<String>::new());
    }
}

#[test]
fn a_fallback_swap_killed_between_its_renames_is_put_back_by_the_next_build() {
    let v = Versions::new();
    let out = v.out_with_a("out");
    let mut cmd = build_cmd(&v.b, &out);
    cmd.env("CASEGRAPH_TEST_NO_EXCHANGE", "1");
    kill(start_paused(cmd, "aside"));
    // The moment the fallback cannot avoid: the old build is beside `out`.
    assert!(!out.exists());
    assert_eq!(leftovers(&out).len(), 3, "{:?}", leftovers(&out)); // lock, old, staging
    // The next build puts the old build back first: killed just after, `a`.
    kill(start_paused(build_cmd(&v.b, &out), "staging"));
    assert_eq!(v.which(&out), "a");
    let again = build_cmd(&v.b, &out)
        .env("CASEGRAPH_TEST_NO_EXCHANGE", "1")
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0), "{}", show(&again));
    assert_eq!(v.which(&out), "b");
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn two_builds_at_once_end_with_one_complete_build() {
    let v = Versions::new();
    let out = v.out_with_a("out");
    // One holds the lock; the other says it waits, then finishes after it.
    let first = start_paused(build_cmd(&v.b, &out), "file");
    let mut second = build_cmd(&v.a, &out)
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(second.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("waiting for it to finish") {
        line.clear();
        assert!(stderr.read_line(&mut line).unwrap() > 0, "no waiting note");
    }
    assert!(line.contains(".out.casegraph-lock"), "{line}");
    kill(first);
    assert!(second.wait().unwrap().success());
    assert_eq!(v.which(&out), "a");
    assert_eq!(leftovers(&out), Vec::<String>::new());
    // Started together, slowed so they overlap: both succeed, one wins.
    for _ in 0..3 {
        let spawn = |data: &Path| {
            build_cmd(data, &out)
                .env("CASEGRAPH_TEST_STEP_DELAY_MS", "10")
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        };
        let (mut x, mut y) = (spawn(&v.a), spawn(&v.b));
        assert!(x.wait().unwrap().success());
        assert!(y.wait().unwrap().success());
        v.which(&out);
        assert_eq!(leftovers(&out), Vec::<String>::new());
    }
}

#[test]
fn an_output_path_under_a_file_is_refused_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    let run = build(&root().join(STORY), &file.join("out"));
    assert_fails_naming(&run, &file.display().to_string());
    let run = build(&root().join(STORY), &file);
    assert_fails_naming(&run, &file.display().to_string());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_directory_casegraph_did_not_write_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("thesis.tex"), "mine").unwrap();
    let run = build(&root().join(STORY), dir.path());
    assert_fails_naming(&run, &dir.path().display().to_string());
    assert!(
        show(&run).contains("casegraph did not write it"),
        "{}",
        show(&run)
    );
    assert_eq!(contents(dir.path()).len(), 1);
}

/// The effective user id, from /proc (no libc in the tests).
fn euid() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Uid:")).unwrap();
    line.split_whitespace().nth(2).unwrap().parse().unwrap()
}

/// A tmpfs of `size` bytes mounted on `dir`, unmounted when dropped; `None`
/// (said on stderr) where this process may not mount.
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: u64, test: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Some(Tmpfs(dir.to_path_buf()))
        } else {
            eprintln!("SKIPPED {test}: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
            None
        }
    }

    fn remount(&self, options: &str) {
        let ok = Command::new("mount")
            .args(["-o", options])
            .arg(&self.0)
            .status()
            .unwrap();
        assert!(ok.success(), "remount {options}");
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_leaves_the_old_build_whole() {
    let v = Versions::new();
    // Room for one build (in 4 KiB pages, plus its directories) but not two.
    let pages: u64 = v
        .built_a
        .values()
        .map(|b| (b.len() as u64).div_ceil(4096))
        .sum();
    let size = (pages + 8) * 4096 * 3 / 2;
    let mount = v.dir.path().join("disk");
    let Some(_disk) = Tmpfs::mount(&mount, size, "a_full_disk_leaves_the_old_build_whole") else {
        return;
    };
    let out = mount.join("out");
    let first = build(&v.a, &out);
    assert_eq!(first.status.code(), Some(0), "{}", show(&first));
    let run = build(&v.b, &out);
    assert_fails_naming(&run, &out.display().to_string());
    assert!(
        show(&run).contains("No space left on device"),
        "{}",
        show(&run)
    );
    assert_eq!(v.which(&out), "a");
    assert_eq!(leftovers(&out), Vec::<String>::new());
    // On an empty full disk, no output directory at all.
    std::fs::remove_dir_all(&out).unwrap();
    let tiny = v.dir.path().join("tiny");
    let Some(_tiny) = Tmpfs::mount(&tiny, 16 * 1024, "a_full_disk_leaves_the_old_build_whole")
    else {
        return;
    };
    let run = build(&v.b, &tiny.join("out"));
    assert_fails_naming(&run, &tiny.join("out").display().to_string());
    assert_eq!(std::fs::read_dir(&tiny).unwrap().count(), 0);
}

#[test]
fn a_read_only_output_directory_is_refused_and_left_alone() {
    let v = Versions::new();
    if euid() != 0 {
        // An ordinary user: the permission bits are enough.
        use std::os::unix::fs::PermissionsExt;
        let out = v.out_with_a("out");
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o555)).unwrap();
        let run = build(&v.b, &out);
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert_fails_naming(&run, &out.display().to_string());
        assert_eq!(v.which(&out), "a");
        assert_eq!(leftovers(&out), Vec::<String>::new());
        return;
    }
    // Root writes through permission bits: a read-only filesystem instead.
    let mount = v.dir.path().join("ro");
    let Some(disk) = Tmpfs::mount(
        &mount,
        64 << 20,
        "a_read_only_output_directory_is_refused_and_left_alone",
    ) else {
        return;
    };
    let out = mount.join("out");
    assert_eq!(build(&v.a, &out).status.code(), Some(0));
    disk.remount("remount,ro");
    let run = build(&v.b, &out);
    assert_fails_naming(&run, &out.display().to_string());
    assert!(
        show(&run).contains("Read-only file system"),
        "{}",
        show(&run)
    );
    assert_eq!(v.which(&out), "a");
    disk.remount("remount,rw");
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn data_that_changes_while_it_is_read_gives_a_whole_build_or_a_clean_failure() {
    let v = Versions::new();
    let out = v.out_with_a("out");
    let data = v.dir.path().join("changing.json");
    let whole = std::fs::read(&v.a).unwrap();
    std::fs::write(&data, &whole).unwrap();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let (data, whole, stop) = (data.clone(), whole.clone(), stop.clone());
        std::thread::spawn(move || {
            let mut i = 0usize;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Rewritten in place: a reader may see it empty, cut, or whole.
                let cut = if i.is_multiple_of(2) {
                    whole.len()
                } else {
                    i * 7919 % whole.len()
                };
                std::fs::write(&data, &whole[..cut]).unwrap();
                // Whole for a while, cut for a moment: both kinds of read.
                let ms = if i.is_multiple_of(2) { 15 } else { 2 };
                std::thread::sleep(std::time::Duration::from_millis(ms));
                i += 1;
            }
            std::fs::write(&data, &whole).unwrap();
        })
    };
    let (mut built, mut refused) = (0, 0);
    for _ in 0..12 {
        let run = build(&data, &out);
        match run.status.code() {
            Some(0) => built += 1,
            _ => {
                assert_fails_naming(&run, "changing.json");
                refused += 1;
            }
        }
        // Built, the data was read whole: the build of `a` (its file names
        // come from the dataset id, so the same as `a`'s).
        assert_eq!(v.which(&out), "a");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    writer.join().unwrap();
    eprintln!("changing data: {built} builds, {refused} clean refusals");
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

#[test]
fn a_symlink_loop_or_an_unreadable_file_in_the_data_fails_naming_it() {
    let v = Versions::new();
    let out = v.out_with_a("out");
    let data = v.dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    std::fs::copy(&v.b, data.join("story.json")).unwrap();
    std::os::unix::fs::symlink("loop.json", data.join("loop.json")).unwrap();
    let run = build(&data, &out);
    assert_fails_naming(&run, "loop.json");
    assert_eq!(v.which(&out), "a");
    std::fs::remove_file(data.join("loop.json")).unwrap();
    // Unreadable: root reads any file, so a FIFO (which would block a
    // reader forever) stands in for it; an ordinary user also gets mode 000.
    let fifo = data.join("pipe.json");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let run = assert_cmd::Command::from_std(build_cmd(&data, &out))
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert_fails_naming(&run, "pipe.json");
    std::fs::remove_file(&fifo).unwrap();
    if euid() == 0 {
        eprintln!("SKIPPED the mode-000 file: root can read it (the FIFO above stands in)");
    } else {
        let secret = data.join("secret.json");
        std::fs::write(&secret, "{}").unwrap();
        std::fs::set_permissions(&secret, std::os::unix::fs::PermissionsExt::from_mode(0o000))
            .unwrap();
        assert_fails_naming(&build(&data, &out), "secret.json");
    }
    assert_eq!(v.which(&out), "a");
    assert_eq!(leftovers(&out), Vec::<String>::new());
}

/// Two entities and `n` relationships between them.
fn parallel_ties(dir: &Path, n: usize) -> PathBuf {
    let rels: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            serde_json::json!({"id": format!("r{i}"), "from": "a", "to": "b", "type": "knows",
                "date": format!("{}", 1000 + i), "evidence": [{"source": "s"}]})
        })
        .collect();
    let data = serde_json::json!({
        "format": "casegraph/1",
        "dataset": {"id": "ties", "title": "Ties"},
        "sources": [{"id": "s", "title": "S"}],
        "entities": [{"id": "a", "name": "A", "kind": "person"}, {"id": "b", "name": "B", "kind": "person"}],
        "relationships": rels,
    });
    let path = dir.join("ties.json");
    std::fs::write(&path, data.to_string()).unwrap();
    path
}

#[test]
fn thousands_of_relationships_between_two_entities_are_not_laid_out() {
    // 100,000 of them took the layout past 13 GB (benches/BENCHMARKS.md):
    // the drawing stops at render::MAX_RELATIONSHIPS, whatever the entities.
    let dir = tempfile::tempdir().unwrap();
    let data = parallel_ties(dir.path(), 2_001);
    let svg = dir.path().join("ties.svg");
    let run = crate::common::run(&[
        "render",
        "--data",
        data.to_str().unwrap(),
        "-o",
        svg.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2), "{}", show(&run));
    assert!(
        show(&run).contains("2001 relationships, more than 2000"),
        "{}",
        show(&run)
    );
    assert!(!svg.exists());
    let out = dir.path().join("out");
    let run = build(&data, &out);
    assert_eq!(run.status.code(), Some(0), "{}", show(&run));
    assert!(
        show(&run).contains("no diagram of the whole graph"),
        "{}",
        show(&run)
    );
    let files = contents(&out);
    assert!(files.contains_key("ties.graphml") && !files.contains_key("ties.svg"));
    // A declared view is drawn however many entities it has, but not past
    // the relationships either: the build fails naming it, and writes nothing.
    let mut with_view: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
    with_view["views"] =
        serde_json::json!([{"id": "all-ties", "title": "All", "focus": "a", "depth": 1}]);
    std::fs::write(&data, with_view.to_string()).unwrap();
    let before = contents(&out);
    let run = build(&data, &out);
    assert_eq!(run.status.code(), Some(1), "{}", show(&run));
    assert!(
        show(&run).contains("view `all-ties`: it selects 2001 relationships, more than the 2000"),
        "{}",
        show(&run)
    );
    assert_eq!(contents(&out), before);
}

#[test]
fn temporaries_an_older_casegraph_left_are_dropped_and_the_users_files_kept() {
    // Before the directory swap, a killed build could leave `.casegraph-XXXXXX`
    // files inside the output directory; nothing removed them.
    let v = Versions::new();
    let out = v.out_with_a("out");
    std::fs::write(out.join(".casegraph-Ab3dE9"), "half a file").unwrap();
    std::fs::write(out.join("board-interlock-csv/.casegraph-zz0001"), "half").unwrap();
    std::fs::write(out.join("notes.md"), "mine").unwrap();
    std::os::unix::fs::symlink("notes.md", out.join("notes-link")).unwrap();
    let run = build(&v.a, &out);
    assert_eq!(run.status.code(), Some(0), "{}", show(&run));
    let mut expected = v.built_a.clone();
    expected.insert("notes.md".into(), b"mine".to_vec());
    expected.insert("notes-link".into(), b"mine".to_vec()); // read through the link
    assert_eq!(contents(&out), expected);
    assert!(
        std::fs::symlink_metadata(out.join("notes-link"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}
