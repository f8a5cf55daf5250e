//! Finding a dataset's files and decoding them: the first step of a load.

use crate::diag::{Diagnostic, Rule};
use crate::format::rules;
use crate::read::csv::Table;
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

/// The dataset id a file or directory name stands for: its stem (without
/// `.json`, `.xlsx` or `.ods`), as a slug.
pub(super) fn dataset_id_from_name(name: &str) -> String {
    let n = name.len();
    let stem = [".json", ".xlsx", ".ods"]
        .iter()
        .find_map(|ext| {
            let k = n.checked_sub(ext.len())?;
            (name.is_char_boundary(k) && name[k..].eq_ignore_ascii_case(ext)).then(|| &name[..k])
        })
        .unwrap_or(name);
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

/// A file's name, which reader reads it, and its contents, or why it
/// could not be read.
pub(super) type Input = (String, Kind, Result<Decoded, Box<Diagnostic>>);

/// Which reader a dataset file goes to, by its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `*.json`.
    Json,
    /// `entities.csv`, `relationships.csv`, `sources.csv`.
    Csv(Table),
    /// `*.xlsx`, or `*.ods` when `ods`.
    Workbook {
        /// An OpenDocument spreadsheet rather than an Excel workbook.
        ods: bool,
    },
}

/// What a file of a dataset directory is: one to read, one refused (with
/// why, and the help), or one that is not the dataset's (`None`).
fn kind_of(path: &Path) -> Option<Result<Kind, (String, &'static str)>> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    let name = path.file_name()?.to_string_lossy();
    Some(match ext.as_str() {
        "json" => Ok(Kind::Json),
        "xlsx" => Ok(Kind::Workbook { ods: false }),
        "ods" => Ok(Kind::Workbook { ods: true }),
        "csv" => match Table::from_name(&name) {
            Some(t) => Ok(Kind::Csv(t)),
            None => Err((
                "a `.csv` file not named `entities.csv`, `relationships.csv` or `sources.csv`"
                    .into(),
                "rename it after the table it holds, or move it out of the data directory; \
                 the other files were checked without it",
            )),
        },
        // Refused, not skipped: a curator's spreadsheet left out of the
        // dataset without a word reads as "0 entities".
        "tsv" | "xls" | "xlsb" => Err((
            format!("a `.{ext}` file, which casegraph does not read"),
            "save it as `.xlsx`, `.ods`, or CSV files named `entities.csv`, \
             `relationships.csv` and `sources.csv`; the other files were checked without it",
        )),
        _ => return None,
    })
}

/// The reader for a file given directly as `--data`: a workbook or one of
/// the three CSV files by its name, JSON otherwise.
fn kind_of_file(path: &Path) -> Kind {
    match kind_of(path) {
        Some(Ok(kind)) => kind,
        _ => Kind::Json,
    }
}

/// A file's bytes checked as UTF-8, with a leading BOM removed.
pub(super) enum Decoded {
    /// The text.
    Text(String),
    /// Not UTF-8: the text shown with replacement characters, the offset
    /// of the first invalid byte, and that byte.
    NotUtf8(String, usize, u8),
    /// A workbook's bytes, as read.
    Bytes(Vec<u8>),
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
                let byte = e.as_bytes()[bad];
                Decoded::NotUtf8(
                    String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    bad,
                    byte,
                )
            }
        }
    }

    /// The bytes of a file of kind `kind`: text for JSON and CSV.
    fn of(kind: Kind, bytes: Vec<u8>) -> Decoded {
        match kind {
            Kind::Workbook { .. } => Decoded::Bytes(bytes),
            Kind::Json | Kind::Csv(_) => Decoded::new(bytes),
        }
    }

    /// The bytes again (a workbook's are never decoded).
    pub(super) fn into_bytes(self) -> Vec<u8> {
        match self {
            Decoded::Text(t) | Decoded::NotUtf8(t, ..) => t.into_bytes(),
            Decoded::Bytes(b) => b,
        }
    }

    /// Size in bytes, for the progress bar.
    pub(super) fn len(&self) -> u64 {
        match self {
            Decoded::Text(t) | Decoded::NotUtf8(t, ..) => t.len() as u64,
            Decoded::Bytes(b) => b.len() as u64,
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

/// The files of a dataset path: the file itself, or a directory's dataset
/// files (`*.json` but `*.schema.json`, the three CSV files, workbooks) in
/// sorted name order (not recursive). A directory's file that cannot be
/// read is returned with its error, so the others are still read.
pub(super) fn read_path(path: &Path) -> Result<Vec<Input>, Box<Diagnostic>> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if !meta.is_dir() {
        check_regular(&meta).map_err(|e| io_error(path, &e))?;
        check_size(path, &meta)?;
        let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
        let kind = kind_of_file(path);
        return Ok(vec![(
            path.display().to_string(),
            kind,
            Ok(Decoded::of(kind, bytes)),
        )]);
    }
    // Each dataset file with why it cannot be read, if it cannot: a
    // dangling or looping link, or something that is not a regular file,
    // is reported like an unreadable file, never skipped in silence.
    type Problem = Option<(std::io::Error, &'static str)>;
    let mut names: Vec<(std::path::PathBuf, Kind, Problem)> = Vec::new();
    const BROKEN: &str = "a broken link or not a regular file: fix or remove it; the other files were checked \
         without it";
    for entry in std::fs::read_dir(path).map_err(|e| io_error(path, &e))? {
        let entry = entry.map_err(|e| io_error(path, &e))?;
        let p = entry.path();
        if is_schema_file(&p) {
            continue;
        }
        let kind = match kind_of(&p) {
            None => continue,
            Some(Ok(kind)) => kind,
            Some(Err((why, help))) => {
                if !std::fs::metadata(&p).is_ok_and(|m| m.is_dir()) {
                    names.push((p, Kind::Json, Some((std::io::Error::other(why), help))));
                }
                continue;
            }
        };
        match std::fs::metadata(&p) {
            // A directory named `*.json` is not one of the dataset's files.
            Ok(m) if m.is_dir() => {}
            Ok(m) => {
                let problem = check_regular(&m)
                    .err()
                    .or_else(|| check_size(&p, &m).err().map(|_| too_large_error()));
                names.push((p, kind, problem.map(|e| (e, BROKEN))));
            }
            Err(e) => names.push((p, kind, Some((e, BROKEN)))),
        }
    }
    names.sort_by(|a, b| a.0.cmp(&b.0));
    if names.is_empty() {
        return Err(Box::new(
            Diagnostic::new(
                Rule::Io,
                None,
                format!("`{}` holds no dataset files", path.display()),
            )
            .help(
                "point `--data` at a dataset file or a directory of them (`*.json`, \
                 `entities.csv`, `relationships.csv`, `sources.csv`, or an `.xlsx` or `.ods` workbook)",
            ),
        ));
    }
    // Reading and checking UTF-8 are independent per file: done on every
    // core, collected in name order, so what follows is the same.
    use rayon::prelude::*;
    Ok(names
        .into_par_iter()
        .map(|(p, kind, problem)| {
            let text = match problem {
                Some((e, help)) => Err(Box::new(io_error(&p, &e).help(help))),
                None => std::fs::read(&p)
                    .map(|b| Decoded::of(kind, b))
                    .map_err(|e| unreadable_file(&p, &e)),
            };
            (p.display().to_string(), kind, text)
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

/// What a byte that is not UTF-8 is in Windows-1252, the encoding Excel
/// and older Windows programs save CSV in: `é` for 0xE9.
pub(super) fn windows_1252(byte: u8) -> Option<char> {
    const HIGH: &str = "€\u{81}‚ƒ„…†‡ˆ‰Š‹Œ\u{8d}Ž\u{8f}\u{90}‘’“”•–—˜™š›œ\u{9d}žŸ";
    match byte {
        0x80..=0x9f => HIGH
            .chars()
            .nth(usize::from(byte - 0x80))
            .filter(|c| !c.is_control()),
        0xa0..=0xff => Some(char::from(byte)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dataset_ids_come_from_the_name_the_path_stands_for() {
        assert_eq!(dataset_id_from_name("X.JSON"), "x");
        assert_eq!(dataset_id_from_name("case.Json"), "case");
        assert_eq!(dataset_id_from_name("é.json"), "e");
        assert_eq!(dataset_id_from_name("Case.xlsx"), "case");
        assert_eq!(dataset_id_from_name("case.ods"), "case");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_named_as_windows_1252() {
        assert_eq!(windows_1252(0xe9), Some('é'));
        assert_eq!(windows_1252(0x80), Some('€'));
        assert_eq!(windows_1252(0x9f), Some('Ÿ'));
        assert_eq!(windows_1252(0x81), None);
        assert_eq!(windows_1252(b'a'), None);
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
