//! Writing the model out: the canonical JSON, and the formats other tools
//! read (one module per format, each a streaming writer over a view).

pub mod common;
pub mod csv;
pub mod cypher;
pub mod cytoscape;
pub mod format;
pub mod ftm;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod nodelink;
pub mod xml;

pub use format::Format;
pub use json::canonical_json;

use std::io::Write;
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
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // Readable like any file the user writes (tempfile's default is owner-only).
    let mut builder = tempfile::Builder::new();
    builder.prefix(".casegraph-");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut tmp = builder.tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}
