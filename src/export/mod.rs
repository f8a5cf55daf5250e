//! Writing the model out: the canonical JSON, and the formats other tools
//! read (one module per format, each a streaming writer over a view).

pub(crate) mod common;
pub mod csv;
pub mod cypher;
pub mod cytoscape;
pub mod format;
pub mod ftm;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod nodelink;
pub(crate) mod values;
pub mod xlsx;
pub(crate) mod xml;

pub use format::Format;
pub use json::canonical_json;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, renamed over the target only once it is complete, so a reader
/// (or a failed run) never sees a partial file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    stage(path, bytes)?.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Writes `bytes` to a complete temporary file beside `path`, to be renamed
/// into place later ([`tempfile::NamedTempFile::persist`]); dropping it
/// instead deletes it. `build` stages every file before renaming any, so a
/// failure leaves the output directory as it was.
pub fn stage(path: &Path, bytes: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    stage_with(path, |out| out.write_all(bytes))
}

/// Like [`stage`], the contents streamed by `body` instead of made first.
pub fn stage_with(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<&File>) -> std::io::Result<()>,
) -> std::io::Result<tempfile::NamedTempFile> {
    // Readable like any file the user writes (tempfile's default is owner-only).
    let mut builder = tempfile::Builder::new();
    builder.prefix(".casegraph-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let tmp = builder.tempfile_in(parent_dir(path))?;
    {
        let mut out = BufWriter::new(tmp.as_file());
        body(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Writes into a temporary directory beside `path`, then swaps it in: an
/// existing directory is first renamed aside and removed only once the new
/// one is in place, so a failure leaves either the old or the new export.
pub fn write_dir_atomic(
    path: &Path,
    body: impl FnOnce(&Path) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = tempfile::Builder::new()
        .prefix(".casegraph-export")
        .tempdir_in(parent_dir(path))?;
    #[cfg(unix)]
    std::fs::set_permissions(
        tmp.path(),
        std::os::unix::fs::PermissionsExt::from_mode(0o755),
    )?;
    body(tmp.path())?;
    let tmp = tmp.keep();
    if path.exists() {
        let old = tempfile::Builder::new()
            .prefix(".casegraph-old")
            .tempdir_in(parent_dir(path))?
            .keep();
        std::fs::rename(path, old.join("export"))?;
        std::fs::rename(&tmp, path)?;
        std::fs::remove_dir_all(&old)?;
    } else {
        std::fs::rename(&tmp, path)?;
    }
    Ok(())
}

/// The directory a new file or directory at `path` is made in.
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}
