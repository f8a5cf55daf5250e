//! Putting a build in place: the whole output directory is made beside the
//! old one and swapped in with one atomic operation, so a reader — or a
//! build killed at any moment — sees the old build or the new one, never a
//! mix, and a failed build leaves the old one untouched.
//!
//! For an output directory `DIR`, everything casegraph keeps is beside it,
//! in `DIR`'s parent, and named after it:
//!
//! - `.DIR.casegraph-lock`: the lock that makes concurrent builds into
//!   `DIR` wait for each other (removed when a build ends);
//! - `.DIR.casegraph-staging-PID`: the new build while it is written; after
//!   the swap it holds the old build until that is removed;
//! - `.DIR.casegraph-old-PID`: the old build during the two-rename fallback.
//!
//! A build that was killed leaves some of these; the next build into `DIR`
//! (holding the lock, so none of them can be another build's) removes them,
//! and puts an `-old-` directory back in place when `DIR` itself is missing
//! (a fallback swap killed between its two renames).
//!
//! The swap is `renameat2(RENAME_EXCHANGE)` on Linux. Elsewhere, or on a
//! filesystem without it, it is two renames (`DIR` aside, the new build in):
//! between them `DIR` does not exist for a moment, which the next build
//! repairs as above.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The list, in the output directory, of the files casegraph wrote there.
/// Its presence is what makes a non-empty directory casegraph's to replace.
pub const MANIFEST: &str = ".casegraph-manifest";

/// Why a build could not be put in place. The old build, if any, is still
/// there, whole.
#[derive(Debug)]
pub struct SwapError {
    /// What went wrong, naming the path.
    pub message: String,
    /// What to do about it, when there is something to say.
    pub help: Option<String>,
}

impl SwapError {
    fn io(what: &str, path: &Path, e: &io::Error) -> SwapError {
        SwapError {
            message: format!("cannot {what} `{}`: {e}", path.display()),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> SwapError {
        self.help = Some(help.into());
        self
    }
}

impl std::fmt::Display for SwapError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for SwapError {}

/// What happened on the way, for the caller to show (the library prints
/// nothing) or, in tests, to pause at.
#[derive(Debug)]
pub enum Event<'a> {
    /// Another build into the same directory holds the lock; this one
    /// waits for it.
    Waiting {
        /// The lock file.
        lock: &'a Path,
    },
    /// A step was reached: `locked`, `staging`, `file` (after each file
    /// written), `carried`, `swap` (just before it), `aside` (between the
    /// fallback's two renames), `swapped`, `done`.
    Step(&'static str),
    /// Something was cleaned up or could not be; the build itself is fine.
    Note(String),
}

/// Writes `files` (relative path, bytes) and `manifest` (the text of
/// [`MANIFEST`]) as the new contents of `out`, replacing what an earlier
/// build wrote there. Files in `out` that the old manifest does not list
/// (the user's own) are kept, hard-linked (or copied) into the new build.
///
/// `out` must be missing, empty, or a directory casegraph wrote (it has a
/// manifest); anything else is refused. `exchange: false` uses the
/// two-rename fallback even where the atomic exchange exists (for tests).
///
/// # Errors
///
/// [`SwapError`] naming the path that failed; `out` is then as it was.
pub fn put_in_place(
    out: &Path,
    files: &[(PathBuf, Vec<u8>)],
    manifest: &str,
    exchange: bool,
    events: &mut dyn FnMut(Event<'_>),
) -> Result<(), SwapError> {
    let place = Place::of(out)?;
    let lock = place.lock(events)?;
    events(Event::Step("locked"));
    place.recover(events);
    let old = place.check_old()?;
    let staging = Staging::create(&place, old.as_ref().map(|o| &o.meta))?;
    events(Event::Step("staging"));
    for (name, bytes) in files {
        staging
            .write(name, bytes)
            .map_err(|e| SwapError::io("write", &out.join(name), &e))?;
        events(Event::Step("file"));
    }
    if let Some(old) = &old {
        carry_over(&place.real, &staging.path, &old.listed)?;
    }
    events(Event::Step("carried"));
    staging
        .write(Path::new(MANIFEST), manifest.as_bytes())
        .map_err(|e| SwapError::io("write", &out.join(MANIFEST), &e))?;
    sync_dir(&staging.path).map_err(|e| SwapError::io("write", &staging.path, &e))?;
    events(Event::Step("swap"));
    place.swap(staging, old.is_some(), exchange, events)?;
    // The renames themselves on disk; a failure here loses nothing.
    let _ = sync_dir(&place.parent);
    drop(lock);
    events(Event::Step("done"));
    Ok(())
}

/// Where a build goes: the path as given (for messages), the real
/// directory (symlinks resolved), its parent and its file name.
struct Place<'a> {
    shown: &'a Path,
    real: PathBuf,
    parent: PathBuf,
    name: String,
}

/// The old build: its directory's metadata (the new one gets its
/// permissions) and the paths its manifest lists (not carried over).
struct Old {
    meta: fs::Metadata,
    listed: Vec<String>,
}

impl<'a> Place<'a> {
    fn of(out: &'a Path) -> Result<Place<'a>, SwapError> {
        // A symlink to a directory: the directory is what gets replaced.
        let real = match fs::symlink_metadata(out) {
            Ok(m) if m.file_type().is_symlink() => {
                fs::canonicalize(out).map_err(|e| SwapError::io("follow the symlink", out, &e))?
            }
            _ => out.to_path_buf(),
        };
        // `.`, `..`, `x/..`: name the directory by its real path.
        let real = match real.file_name() {
            Some(_) => real,
            None => fs::canonicalize(&real).map_err(|e| SwapError::io("open", out, &e))?,
        };
        let Some(name) = real.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            return Err(SwapError {
                message: format!(
                    "cannot build into `{}`: it has no parent directory",
                    out.display()
                ),
                help: Some("choose a directory below it with `--out`".into()),
            });
        };
        let parent = match real.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // An output path under a file: name the file, not the error code.
        if let Some(file) = parent
            .ancestors()
            .find(|a| fs::symlink_metadata(a).is_ok())
            .filter(|a| !a.is_dir())
        {
            return Err(SwapError {
                message: format!(
                    "cannot build into `{}`: `{}` is a file, not a directory",
                    out.display(),
                    file.display()
                ),
                help: Some("choose another directory with `--out`".into()),
            });
        }
        fs::create_dir_all(&parent).map_err(|e| SwapError::io("create", &parent, &e))?;
        Ok(Place {
            shown: out,
            real,
            parent,
            name,
        })
    }

    /// A sibling of the output directory, `.NAME.casegraph-WHAT`.
    fn sibling(&self, what: &str) -> PathBuf {
        self.parent.join(format!(".{}.casegraph-{what}", self.name))
    }

    /// Takes the build lock, waiting for another build that holds it.
    fn lock(&self, events: &mut dyn FnMut(Event<'_>)) -> Result<Lock, SwapError> {
        let path = self.sibling("lock");
        let mut announced = false;
        loop {
            let file = fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| {
                    SwapError::io("create the lock", &path, &e).help(format!(
                        "`build` writes the new build beside `{}` and swaps it in: it needs to \
                         write in `{}`",
                        self.shown.display(),
                        self.parent.display()
                    ))
                })?;
            match file.try_lock() {
                Ok(()) => {}
                Err(fs::TryLockError::WouldBlock) => {
                    if !announced {
                        events(Event::Waiting { lock: &path });
                        announced = true;
                    }
                    file.lock().map_err(|e| SwapError::io("lock", &path, &e))?;
                }
                Err(fs::TryLockError::Error(e)) => return Err(SwapError::io("lock", &path, &e)),
            }
            // The build that held it may have removed the file before
            // letting go: a lock on a removed file guards nothing.
            if same_file(&file, &path) {
                return Ok(Lock { file, path });
            }
        }
    }

    /// Removes what killed builds left beside the output directory, after
    /// putting an old build back where the output directory is missing.
    fn recover(&self, events: &mut dyn FnMut(Event<'_>)) {
        let prefix = format!(".{}.casegraph-", self.name);
        let Ok(entries) = fs::read_dir(&self.parent) else {
            return;
        };
        let mut leftovers: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter(|e| {
                e.file_name().to_str().is_some_and(|n| {
                    n.strip_prefix(&prefix).is_some_and(|rest| {
                        rest.starts_with("staging-") || rest.starts_with("old-")
                    })
                })
            })
            .map(|e| e.path())
            .collect();
        leftovers.sort();
        if fs::symlink_metadata(&self.real).is_err()
            && let Some(i) = leftovers.iter().position(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{prefix}old-")))
            })
        {
            let old = leftovers.remove(i);
            if fs::rename(&old, &self.real).is_ok() {
                events(Event::Note(format!(
                    "put back the build that an interrupted build had moved to `{}`",
                    old.display()
                )));
            }
        }
        for left in leftovers {
            match fs::remove_dir_all(&left) {
                Ok(()) => events(Event::Note(format!(
                    "removed `{}`, left by an interrupted build",
                    left.display()
                ))),
                Err(e) => events(Event::Note(format!(
                    "cannot remove `{}`, left by an interrupted build: {e}",
                    left.display()
                ))),
            }
        }
    }

    /// The old build, if `out` exists: refused unless it is a writable
    /// directory that is empty or has a manifest.
    fn check_old(&self) -> Result<Option<Old>, SwapError> {
        let shown = self.shown;
        let meta = match fs::metadata(&self.real) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(SwapError::io("open", shown, &e)),
        };
        if !meta.is_dir() {
            return Err(SwapError {
                message: format!(
                    "cannot build into `{}`: it is not a directory",
                    shown.display()
                ),
                help: Some("choose a directory with `--out`".into()),
            });
        }
        if let Err(e) = writable(&self.real) {
            return Err(SwapError::io("write into", shown, &e)
                .help("make it writable, or choose another directory with `--out`"));
        }
        let manifest = match fs::read_to_string(self.real.join(MANIFEST)) {
            Ok(text) => Some(text),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(SwapError::io("read", &shown.join(MANIFEST), &e)),
        };
        let manifest = match manifest {
            Some(m) => m,
            None => {
                let mut entries =
                    fs::read_dir(&self.real).map_err(|e| SwapError::io("read", shown, &e))?;
                if entries.next().is_some() {
                    return Err(SwapError {
                        message: format!(
                            "refusing to build into `{}`: it is not empty, and casegraph did not \
                             write it (it has no `{MANIFEST}`)",
                            shown.display()
                        ),
                        help: Some(
                            "`build` replaces its output directory as a whole: choose a new or \
                             empty directory with `--out`, or move the files out of this one"
                                .into(),
                        ),
                    });
                }
                String::new()
            }
        };
        Ok(Some(Old {
            meta,
            listed: listed(&manifest).map(str::to_owned).collect(),
        }))
    }

    /// Swaps the staged build in and removes the old one.
    fn swap(
        &self,
        staging: Staging,
        replace: bool,
        try_exchange: bool,
        events: &mut dyn FnMut(Event<'_>),
    ) -> Result<(), SwapError> {
        let fail = |e: &io::Error| SwapError {
            message: format!(
                "cannot put the new build `{}` in place of `{}`: {e}",
                staging.path.display(),
                self.shown.display()
            ),
            help: Some(
                "if it is a mount point, build into a directory inside it with `--out`".into(),
            ),
        };
        if !replace {
            fs::rename(&staging.path, &self.real).map_err(|e| fail(&e))?;
            staging.disarm();
            events(Event::Step("swapped"));
            return Ok(());
        }
        let exchanged = if try_exchange {
            exchange(&staging.path, &self.real)
        } else {
            Ok(false)
        };
        match exchanged {
            Ok(true) => {
                // The staging directory now holds the old build.
                events(Event::Step("swapped"));
                let old = staging.disarm();
                remove_old(&old, events);
                return Ok(());
            }
            Ok(false) => {}
            Err(e) => return Err(fail(&e)),
        }
        // The fallback: the old build aside, the new one in, the old one
        // back if that fails; a kill in between is repaired by `recover`.
        let aside = self.sibling(&format!("old-{}", std::process::id()));
        fs::rename(&self.real, &aside).map_err(|e| fail(&e))?;
        events(Event::Step("aside"));
        if let Err(e) = fs::rename(&staging.path, &self.real) {
            let _ = fs::rename(&aside, &self.real);
            return Err(fail(&e));
        }
        staging.disarm();
        events(Event::Step("swapped"));
        remove_old(&aside, events);
        Ok(())
    }
}

fn remove_old(old: &Path, events: &mut dyn FnMut(Event<'_>)) {
    if let Err(e) = fs::remove_dir_all(old) {
        events(Event::Note(format!(
            "cannot remove the previous build in `{}` ({e}); the next build removes it",
            old.display()
        )));
    }
}

/// Exchanges two directories atomically: `Ok(false)` when the platform or
/// the filesystem cannot, and nothing was changed.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(Errno::INVAL | Errno::NOSYS | Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// Exchanges two directories atomically: not available here.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

/// Whether the current user may write into `dir` (a read-only directory
/// or filesystem is refused before anything is staged).
#[cfg(target_os = "linux")]
fn writable(dir: &Path) -> io::Result<()> {
    rustix::fs::access(dir, rustix::fs::Access::WRITE_OK).map_err(io::Error::from)
}

/// Whether the current user may write into `dir` (approximately: no write
/// bit at all; the swap itself reports the rest).
#[cfg(not(target_os = "linux"))]
fn writable(dir: &Path) -> io::Result<()> {
    if fs::metadata(dir)?.permissions().readonly() {
        Err(io::Error::from(io::ErrorKind::PermissionDenied))
    } else {
        Ok(())
    }
}

/// Whether the open `file` is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Whether the open `file` is still the one at `path`: elsewhere the lock
/// file is never removed, so it always is.
#[cfg(not(unix))]
fn same_file(_: &fs::File, _: &Path) -> bool {
    true
}

/// The build lock, released (and its file removed) when dropped.
struct Lock {
    file: fs::File,
    path: PathBuf,
}

impl Drop for Lock {
    fn drop(&mut self) {
        // Removed while still held, so no one locks a file about to go.
        #[cfg(unix)]
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// The staging directory, removed when dropped unless disarmed (by a swap).
struct Staging {
    path: PathBuf,
    armed: bool,
}

impl Staging {
    fn create(place: &Place<'_>, like: Option<&fs::Metadata>) -> Result<Staging, SwapError> {
        let path = place.sibling(&format!("staging-{}", std::process::id()));
        fs::create_dir(&path).map_err(|e| SwapError::io("create", &path, &e))?;
        let staging = Staging { path, armed: true };
        if let Some(meta) = like {
            fs::set_permissions(&staging.path, meta.permissions())
                .map_err(|e| SwapError::io("create", &staging.path, &e))?;
        }
        Ok(staging)
    }

    /// Writes one file of the build, creating its directories.
    fn write(&self, name: &Path, bytes: &[u8]) -> io::Result<()> {
        let path = self.path.join(name);
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let mut file = fs::File::create(&path)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    /// The path, no longer removed on drop.
    fn disarm(mut self) -> PathBuf {
        self.armed = false;
        std::mem::take(&mut self.path)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.armed {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}

/// Makes the directory's entries durable before it is renamed.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The manifest of `files`: a comment, then one relative path a line, sorted.
pub fn manifest_text(files: &[(PathBuf, Vec<u8>)]) -> String {
    let mut s = String::from(
        "# Written by `casegraph build`: the files below are its own, and the next build\n\
         # removes those it no longer writes. Files not listed here are never touched.\n",
    );
    let mut names: Vec<String> = files
        .iter()
        .map(|(n, _)| n.to_string_lossy().replace('\\', "/"))
        .collect();
    names.sort();
    for n in names {
        s.push_str(&n);
        s.push('\n');
    }
    s
}

/// The paths a manifest lists. A line that is not a plain relative path
/// (absolute, with `..`, empty) is ignored: the manifest is a file in the
/// user's directory, and a hand-edited one must not make a build drop
/// anything outside it.
pub fn listed(manifest: &str) -> impl Iterator<Item = &str> {
    manifest.lines().filter(|l| {
        !l.is_empty()
            && !l.starts_with('#')
            && !l.starts_with('/')
            && !l.contains('\\')
            && l.split('/')
                .all(|part| !part.is_empty() && part != ".." && part != ".")
    })
}

/// A temporary file that a build of casegraph before the directory swap
/// left when killed (`.casegraph-` and six random characters): not the
/// user's, so not carried over.
fn is_old_temporary(name: &str) -> bool {
    name.strip_prefix(".casegraph-")
        .is_some_and(|r| r.len() == 6 && r.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Links (or copies) into `new` every entry of `old` that is the user's:
/// not the manifest, not a path it lists, not a directory that holds only
/// such paths. A user's file where the new build writes one is replaced by
/// it (as a file written over); a directory of the user's in its way, or
/// a file where the build needs a directory, is refused.
fn carry_over(old: &Path, new: &Path, listed: &[String]) -> Result<(), SwapError> {
    let listed: std::collections::HashSet<&str> = listed.iter().map(String::as_str).collect();
    // The directories casegraph's files are in: walked into, not carried whole.
    let ours: std::collections::HashSet<String> = listed
        .iter()
        .flat_map(|p| {
            p.match_indices('/')
                .map(|(i, _)| p[..i].to_owned())
                .collect::<Vec<_>>()
        })
        .collect();
    let mut stack = vec![String::new()];
    while let Some(rel) = stack.pop() {
        let dir = old.join(&rel);
        let entries = fs::read_dir(&dir).map_err(|e| SwapError::io("read", &dir, &e))?;
        for entry in entries {
            let entry = entry.map_err(|e| SwapError::io("read", &dir, &e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel_path = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            if (rel.is_empty() && name == MANIFEST)
                || listed.contains(rel_path.as_str())
                || is_old_temporary(&name)
            {
                continue;
            }
            let from = entry.path();
            let to = new.join(&rel_path);
            let kind = entry
                .file_type()
                .map_err(|e| SwapError::io("read", &from, &e))?;
            if kind.is_dir() && ours.contains(&rel_path) {
                stack.push(rel_path);
                continue;
            }
            let in_the_way = || SwapError {
                message: format!(
                    "cannot build into `{}`: `{}` is in the way of a file the build writes",
                    old.display(),
                    from.display()
                ),
                help: Some("move it out of the output directory".into()),
            };
            match fs::symlink_metadata(&to) {
                Ok(m) if m.is_dir() || kind.is_dir() => return Err(in_the_way()),
                Ok(_) => continue, // the build's file replaces the user's
                Err(_) => {}
            }
            if let Some(parent) = to.parent() {
                make_dirs_like(old, new, parent)
                    .map_err(|e| SwapError::io("create", parent, &e))?;
            }
            carry(&from, &to, kind).map_err(|e| SwapError::io("keep", &from, &e))?;
        }
    }
    Ok(())
}

/// Creates `dir` (inside `new`) and its missing parents, each with the
/// permissions of the same directory in `old`.
fn make_dirs_like(old: &Path, new: &Path, dir: &Path) -> io::Result<()> {
    if dir.exists() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        make_dirs_like(old, new, parent)?;
    }
    fs::create_dir(dir)?;
    if let Ok(rel) = dir.strip_prefix(new)
        && let Ok(meta) = fs::metadata(old.join(rel))
    {
        fs::set_permissions(dir, meta.permissions())?;
    }
    Ok(())
}

/// One entry of the user's: a directory copied entry by entry, a symlink
/// recreated, anything else hard-linked (copied where it cannot be).
fn carry(from: &Path, to: &Path, kind: fs::FileType) -> io::Result<()> {
    if kind.is_dir() {
        fs::create_dir(to)?;
        fs::set_permissions(to, fs::metadata(from)?.permissions())?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            carry(
                &entry.path(),
                &to.join(entry.file_name()),
                entry.file_type()?,
            )?;
        }
        return Ok(());
    }
    #[cfg(unix)]
    if kind.is_symlink() {
        return std::os::unix::fs::symlink(fs::read_link(from)?, to);
    }
    if fs::hard_link(from, to).is_ok() {
        return Ok(());
    }
    fs::copy(from, to).map(|_| ())
}
