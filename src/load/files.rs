//! Finding a dataset's files and decoding them: the first step of a load.

use crate::diag::{Diagnostic, Rule};
use crate::format::rules;
use std::path::Path;

/// The dataset id from the path's last component: `.`, `./` and `..` name
/// the directory they stand for, so the path is resolved first.
pub(super) fn default_dataset_id(path: &Path) -> String {
    let full = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_owned());
    let name = full
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dataset_id_from_name(&name)
}

/// The dataset id a file or directory name stands for: its stem, as a slug.
pub(super) fn dataset_id_from_name(name: &str) -> String {
    let n = name.len();
    let stem =
        if n >= 5 && name.is_char_boundary(n - 5) && name[n - 5..].eq_ignore_ascii_case(".json") {
            &name[..n - 5]
        } else {
            name
        };
    let id = rules::slugify(stem);
    if id.is_empty() { "dataset".into() } else { id }
}

/// A path that cannot be read.
pub(super) fn io_error(path: &Path, e: &std::io::Error) -> Box<Diagnostic> {
    Box::new(
        Diagnostic::new(
            Rule::Io,
            None,
            format!("cannot read `{}`: {e}", path.display()),
        )
        .help("pass an existing file or directory with `--data PATH`"),
    )
}

/// A file of a dataset directory that cannot be read: [`io_error`], with a
/// help that says the other files were still checked.
fn unreadable_file(path: &Path, e: &std::io::Error) -> Box<Diagnostic> {
    let d = *io_error(path, e);
    Box::new(d.help("check the file's permissions; the other files were checked without it"))
}

/// A file's name and its text, or why it could not be read.
pub(super) type Input = (String, Result<Decoded, Box<Diagnostic>>);

/// A file's bytes checked as UTF-8, with a leading BOM removed.
pub(super) enum Decoded {
    /// The text.
    Text(String),
    /// Not UTF-8: the text shown with replacement characters, and the
    /// offset of the first invalid byte.
    NotUtf8(String, usize),
}

impl Decoded {
    pub(super) fn new(mut bytes: Vec<u8>) -> Decoded {
        // The BOM goes before anything else, so every position, the invalid
        // byte's included, is counted from the same place.
        if bytes.starts_with(b"\xef\xbb\xbf") {
            bytes.drain(..3);
        }
        match String::from_utf8(bytes) {
            Ok(t) => Decoded::Text(t),
            Err(e) => {
                let bad = e.utf8_error().valid_up_to();
                Decoded::NotUtf8(String::from_utf8_lossy(e.as_bytes()).into_owned(), bad)
            }
        }
    }

    /// Size in bytes, for the progress bar.
    pub(super) fn len(&self) -> u64 {
        match self {
            Decoded::Text(t) | Decoded::NotUtf8(t, _) => t.len() as u64,
        }
    }
}

/// Whether `path` is a JSON Schema for editors (`casegraph.schema.json`,
/// which `casegraph init` writes beside the data), not a dataset file.
fn is_schema_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| {
        n.to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(".schema.json")
    })
}

/// The files of a dataset path: the file itself, or a directory's `*.json`
/// files in sorted name order (not recursive). A directory's file that
/// cannot be read is returned with its error, so the others are still read.
pub(super) fn read_path(path: &Path) -> Result<Vec<Input>, Box<Diagnostic>> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if !meta.is_dir() {
        check_regular(&meta).map_err(|e| io_error(path, &e))?;
        check_size(path, &meta)?;
        let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
        return Ok(vec![(path.display().to_string(), Ok(Decoded::new(bytes)))]);
    }
    // Each `*.json` entry with why it cannot be read, if it cannot: a
    // dangling or looping link, or something that is not a regular file,
    // is reported like an unreadable file, never skipped in silence.
    let mut names: Vec<(std::path::PathBuf, Option<(std::io::Error, &str)>)> = Vec::new();
    const BROKEN: &str = "a broken link or not a regular file: fix or remove it; the other files were checked \
         without it";
    for entry in std::fs::read_dir(path).map_err(|e| io_error(path, &e))? {
        let entry = entry.map_err(|e| io_error(path, &e))?;
        let p = entry.path();
        let ext = p
            .extension()
            .map(|x| x.to_string_lossy().to_ascii_lowercase());
        if let Some(sheet @ ("csv" | "tsv" | "xlsx" | "ods")) = ext.as_deref() {
            // Refused, not skipped: a curator's spreadsheet left out of the
            // dataset without a word reads as "0 entities".
            let e = std::io::Error::other(format!(
                "a `.{sheet}` file, which this version of casegraph does not read"
            ));
            let help = "move it out of the data directory, or write its rows as the JSON \
                        format of graph-data/README.md; the other files were checked without it";
            names.push((p, Some((e, help))));
            continue;
        }
        if ext.as_deref() != Some("json") || is_schema_file(&p) {
            continue;
        }
        match std::fs::metadata(&p) {
            // A directory named `*.json` is not one of the dataset's files.
            Ok(m) if m.is_dir() => {}
            Ok(m) => {
                let problem = check_regular(&m)
                    .err()
                    .or_else(|| check_size(&p, &m).err().map(|_| too_large_error()));
                names.push((p, problem.map(|e| (e, BROKEN))));
            }
            Err(e) => names.push((p, Some((e, BROKEN)))),
        }
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    if names.is_empty() {
        return Err(Box::new(
            Diagnostic::new(
                Rule::Io,
                None,
                format!("`{}` holds no `*.json` dataset files", path.display()),
            )
            .help("point `--data` at a dataset file or a directory of them"),
        ));
    }
    // Reading and checking UTF-8 are independent per file: done on every
    // core, collected in name order, so what follows is the same.
    use rayon::prelude::*;
    Ok(names
        .into_par_iter()
        .map(|(p, problem)| {
            let text = match problem {
                Some((e, help)) => Err(Box::new(io_error(&p, &e).help(help))),
                None => std::fs::read(&p)
                    .map(Decoded::new)
                    .map_err(|e| unreadable_file(&p, &e)),
            };
            (p.display().to_string(), text)
        })
        .collect())
}

/// The most bytes one file may hold: the model's text arena addresses
/// 4 GiB, so a larger file could never load, and reading it first would
/// only exhaust memory.
pub(super) const MAX_FILE_BYTES: u64 = 4 << 30;

/// Refuses what is not a regular file: a FIFO would wait for a writer
/// forever, and `/dev/zero` would be read until memory runs out.
fn check_regular(meta: &std::fs::Metadata) -> std::io::Result<()> {
    if meta.is_file() {
        Ok(())
    } else {
        Err(std::io::Error::other(
            "not a regular file (a device, FIFO or socket)",
        ))
    }
}

fn too_large_error() -> std::io::Error {
    std::io::Error::other("larger than 4 GiB, the most one dataset can hold")
}

/// Refuses a file larger than [`MAX_FILE_BYTES`] before reading it.
fn check_size(path: &Path, meta: &std::fs::Metadata) -> Result<(), Box<Diagnostic>> {
    if meta.len() <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Box::new(
        Diagnostic::new(
            Rule::ResourceLimit,
            None,
            format!(
                "`{}` is {} bytes, more than one dataset can hold (4 GiB)",
                path.display(),
                meta.len()
            ),
        )
        .help("split it into smaller datasets"),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_ids_come_from_the_name_the_path_stands_for() {
        assert_eq!(dataset_id_from_name("X.JSON"), "x");
        assert_eq!(dataset_id_from_name("case.Json"), "case");
        assert_eq!(dataset_id_from_name("é.json"), "e");
        let here = std::env::current_dir().unwrap();
        let name = |p: &Path| dataset_id_from_name(&p.file_name().unwrap().to_string_lossy());
        assert_eq!(default_dataset_id(Path::new(".")), name(&here));
        assert_eq!(default_dataset_id(Path::new("./")), name(&here));
        assert_eq!(
            default_dataset_id(Path::new("..")),
            name(here.parent().unwrap())
        );
    }

    #[test]
    fn an_unreadable_file_of_a_directory_says_the_others_were_checked() {
        let e = std::io::Error::other("permission denied");
        let d = unreadable_file(Path::new("case/a.json"), &e);
        assert_eq!(d.rule, Rule::Io);
        assert_eq!(d.span, None);
        assert_eq!(d.message, "cannot read `case/a.json`: permission denied");
        assert_eq!(
            d.help.as_deref(),
            Some("check the file's permissions; the other files were checked without it")
        );
    }
}
