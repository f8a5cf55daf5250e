//! Loading: the top of the pipeline's first half. Finds the dataset's
//! files, decodes them, feeds each to a reader ([`crate::read`]) whose
//! events go to the validator ([`crate::validate`]), and finishes the
//! validator into a [`Loaded`].
//!
//! Only this module knows both: the reader makes [`Event`]s and knows
//! nothing of the validator, and the validator takes events and knows
//! nothing else of the reader. A dataset is one file or a directory of
//! files: JSON, the three CSV files and workbooks, each going to its
//! reader by its name (`files::Kind`), all into the one validator.

mod files;

use crate::diag::{Cells, Diagnostic, Rule, SourceFile, SourceFiles, Span};
use crate::model::Model;
use crate::read::{self, Event, Malformed, Sink};
use crate::validate::Builder;
use files::{Decoded, Kind, dataset_id_from_name, default_dataset_id, read_path};
use std::fmt;
use std::path::{Path, PathBuf};

/// The curated dataset, compiled in so every command works anywhere.
pub const EMBEDDED_JSON: &str = include_str!("../../graph-data/netflix-facebook.json");
/// The name the embedded dataset's file is shown under.
pub const EMBEDDED_NAME: &str = "<embedded>/netflix-facebook.json";

/// Where a dataset came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// `--data PATH`.
    Path(PathBuf),
    /// `./graph-data/` in the working directory.
    LocalDir(PathBuf),
    /// The curated dataset compiled into the binary.
    Embedded,
}

impl Origin {
    /// `--data PATH` if given, else `./graph-data/` if present, else the embedded dataset.
    pub fn choose(data: Option<&Path>) -> Origin {
        match data {
            Some(p) => Origin::Path(p.to_owned()),
            None => {
                let local = Path::new("graph-data");
                if local.is_dir() {
                    Origin::LocalDir(local.to_owned())
                } else {
                    Origin::Embedded
                }
            }
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Path(p) => write!(f, "{}", p.display()),
            Origin::LocalDir(p) => write!(f, "{} (found in the current directory)", p.display()),
            Origin::Embedded => f.write_str("the embedded Netflix–Facebook dataset"),
        }
    }
}

/// The result of loading: the model when there were no errors, every
/// diagnostic, and the files (to show diagnostics against).
#[derive(Debug)]
pub struct Loaded {
    /// The validated model; `None` when any error was found.
    pub model: Option<Model>,
    /// Errors first, then warnings, each in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The files read.
    pub files: SourceFiles,
    /// Where the data came from.
    pub origin: Origin,
    /// Files of a several-file dataset that could not be read in full
    /// (unreadable, not UTF-8, malformed JSON): checks that need the whole
    /// dataset's ids were skipped because of them (see [`Builder::finish`]).
    pub unread: Vec<String>,
    /// Sheets of a workbook that are not the format's, and were not read:
    /// (workbook, sheet).
    pub ignored_sheets: Vec<(String, String)>,
}

impl Loaded {
    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == crate::diag::Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }
}

/// How to load: choices that change how fast, never what comes out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadOptions {
    /// Threads to parse a large file on: 1 (the default), or 2 to read and
    /// validate at once (see [`crate::read::read`]; the CLI sets it from
    /// `CASEGRAPH_PARSE_THREADS`).
    pub parse_threads: usize,
}

impl Default for LoadOptions {
    fn default() -> LoadOptions {
        LoadOptions { parse_threads: 1 }
    }
}

/// Loads the dataset at `origin`.
pub fn load(origin: Origin) -> Loaded {
    load_with_progress(origin, LoadOptions::default(), &mut |_, _| {})
}

/// Loads the dataset at `origin`, telling `progress` now and then how many
/// bytes of how many have been parsed (for a progress bar on large loads).
pub fn load_with_progress(
    origin: Origin,
    options: LoadOptions,
    progress: &mut dyn FnMut(u64, u64),
) -> Loaded {
    let mut files = SourceFiles::default();
    let mut builder = Builder::new();
    let mut unread = Vec::new();
    let mut ignored_sheets = Vec::new();
    let default_id = match &origin {
        Origin::Embedded => {
            let mut into = Into {
                files: &mut files,
                builder: &mut builder,
                counter: &mut Counter::new(EMBEDDED_JSON.len() as u64, progress),
                options,
                ignored_sheets: &mut ignored_sheets,
            };
            into.feed(
                EMBEDDED_NAME.into(),
                Kind::Json,
                Decoded::new(EMBEDDED_JSON.as_bytes().to_vec()),
            );
            "netflix-facebook".to_owned()
        }
        Origin::Path(path) | Origin::LocalDir(path) => match read_path(path) {
            Ok(inputs) => {
                let total = inputs
                    .iter()
                    .map(|(_, _, b)| b.as_ref().map_or(0, Decoded::len))
                    .sum();
                let several = inputs.len() > 1;
                let mut counter = Counter::new(total, progress);
                let mut into = Into {
                    files: &mut files,
                    builder: &mut builder,
                    counter: &mut counter,
                    options,
                    ignored_sheets: &mut ignored_sheets,
                };
                for (name, kind, bytes) in inputs {
                    let complete = match bytes {
                        Ok(bytes) => into.feed(name.clone(), kind, bytes),
                        Err(d) => {
                            // One unreadable file: report it, read the others.
                            into.builder.push(*d);
                            into.builder.mark_incomplete();
                            false
                        }
                    };
                    if !complete && several {
                        unread.push(name);
                    }
                }
                default_dataset_id(path)
            }
            Err(d) => {
                builder.push(*d);
                "dataset".to_owned()
            }
        },
    };
    let (model, mut diagnostics) = builder.finish(&default_id);
    for d in &mut diagnostics {
        in_cells(d, &files);
    }
    Loaded {
        model,
        diagnostics,
        files,
        origin,
        unread,
        ignored_sheets,
    }
}

/// Words a diagnostic about a row of a CSV file or sheet for cells: the
/// validator says what a record lacks at the record (the row's start) and
/// in JSON's words; in a table the place to show is the empty cell of that
/// column, and the fix is to fill it in.
fn in_cells(d: &mut Diagnostic, files: &SourceFiles) {
    let Some(span) = &mut d.span else { return };
    let file = files.get(span.file);
    if !file.is_table() {
        return;
    }
    let key = match d.rule {
        // The label is "`name` is required": the key is its first word.
        Rule::MissingKey => d
            .label
            .as_deref()
            .and_then(|l| l.split('`').nth(1))
            .map(str::to_owned),
        Rule::NoEvidence => Some("source".to_owned()),
        _ => None,
    };
    let Some(key) = key else { return };
    // Keys of a citation, dispute or amount are columns of their own names.
    let column = match (key.as_str(), d.message.as_str()) {
        ("entity", m) if m.starts_with("a dispute") => "disputed_by",
        ("source", m) if m.starts_with("a dispute") => "dispute_source",
        ("value", _) => "amount",
        (k, _) => k,
    }
    .to_owned();
    match file.cell_in_row(span.offset, &column) {
        Some((offset, len)) => {
            (span.offset, span.len) = (offset, len.max(1));
            d.label = Some(format!("this `{column}` cell is empty"));
        }
        None => d.label = Some(format!("there is no `{column}` column")),
    }
    d.help = Some(match d.rule {
        Rule::NoEvidence => {
            "give the row a `source` (a source's id), and a `locator` and `quote` if you can; \
             for more citations, give the relationship an `id` and repeat the row"
                .to_owned()
        }
        _ => format!("fill in the row's `{column}` cell"),
    });
}

/// Turns record positions into calls of a progress callback.
struct Counter<'p> {
    total: u64,
    /// Bytes of the files before the current one.
    base: u64,
    report: &'p mut dyn FnMut(u64, u64),
}

impl<'p> Counter<'p> {
    fn new(total: u64, report: &'p mut dyn FnMut(u64, u64)) -> Counter<'p> {
        Counter {
            total,
            base: 0,
            report,
        }
    }
}

/// Passes events on to the builder, reporting progress every few thousand
/// records.
struct Tracked<'a, 'p> {
    builder: &'a mut Builder,
    counter: &'a mut Counter<'p>,
    records: u32,
}

impl<'a> Sink<'a> for Tracked<'_, '_> {
    fn event(&mut self, event: &Event<'a>) {
        if let Event::Record(_, node) = event {
            // Often enough for a smooth bar, rarely enough to cost nothing.
            self.records = self.records.wrapping_add(1);
            if self.records.is_multiple_of(4096) {
                let c = &mut *self.counter;
                (c.report)(c.base + node.pos as u64, c.total);
            }
        }
        self.builder.event(event);
    }
}

/// Loads a dataset from text in memory (tests, benchmarks, other front ends).
pub fn load_str(name: &str, text: &str) -> Loaded {
    let mut files = SourceFiles::default();
    let mut builder = Builder::new();
    let mut ignored_sheets = Vec::new();
    Into {
        files: &mut files,
        builder: &mut builder,
        counter: &mut Counter::new(text.len() as u64, &mut |_, _| {}),
        options: LoadOptions::default(),
        ignored_sheets: &mut ignored_sheets,
    }
    .feed(
        name.into(),
        Kind::Json,
        Decoded::new(text.as_bytes().to_vec()),
    );
    let stem = name.rsplit('/').next().unwrap_or(name);
    let (model, diagnostics) = builder.finish(&dataset_id_from_name(stem));
    Loaded {
        model,
        diagnostics,
        files,
        origin: Origin::Path(name.into()),
        unread: Vec::new(),
        ignored_sheets,
    }
}

/// A reader of one text: the cells of a table, or why the text could not
/// be read to its end (the rule it breaks, and where).
type ReadText<'r> =
    dyn for<'a> FnMut(&'a str, &mut dyn Sink<'a>) -> Result<Option<Cells>, (Rule, Malformed)> + 'r;

/// Where a load's files go: the files shown in diagnostics, the
/// validator, the progress bar.
struct Into<'l, 'p> {
    files: &'l mut SourceFiles,
    builder: &'l mut Builder,
    counter: &'l mut Counter<'p>,
    options: LoadOptions,
    ignored_sheets: &'l mut Vec<(String, String)>,
}

impl Into<'_, '_> {
    /// Reads one file's bytes into the builder with the reader of its
    /// `kind`, reporting encoding and syntax errors. Returns whether the
    /// file was read to its end.
    fn feed(&mut self, name: String, kind: Kind, decoded: Decoded) -> bool {
        let size = decoded.len();
        let complete = match (kind, decoded) {
            (Kind::Workbook { ods }, decoded) => self.workbook(name, decoded.into_bytes(), ods),
            // Not made by `read_path`, which decodes the text of text kinds.
            (_, Decoded::Bytes(bytes)) => return self.feed(name, kind, Decoded::new(bytes)),
            (_, Decoded::NotUtf8(shown, bad, byte)) => {
                let file = self.files.add(SourceFile::new(name, shown));
                let help = match (kind, files::windows_1252(byte)) {
                    (Kind::Csv(_), Some(c)) => format!(
                        "byte 0x{byte:X} is `{c}` in Windows-1252, the encoding Excel saves CSV in by \
                         default: re-save the file as UTF-8 (Excel: \"CSV UTF-8\"; LibreOffice: \
                         character set \"Unicode (UTF-8)\")"
                    ),
                    (Kind::Csv(_), None) => "re-save the file as UTF-8".to_owned(),
                    _ => "save the file as UTF-8".to_owned(),
                };
                self.builder.push(
                    Diagnostic::new(
                        Rule::MalformedJson,
                        Some(Span {
                            file,
                            offset: bad,
                            len: 1,
                        }),
                        "the file is not valid UTF-8",
                    )
                    .label("invalid byte")
                    .help(help),
                );
                self.builder.mark_incomplete();
                false
            }
            (Kind::Json, Decoded::Text(text)) => {
                let threads = self.options.parse_threads;
                self.text(name, text, None, &mut |text, sink| {
                    read::read(text, sink, threads)
                        .map(|()| None)
                        .map_err(|m| (Rule::MalformedJson, m))
                })
            }
            (Kind::Csv(table), Decoded::Text(text)) => {
                let shown = name.clone();
                self.text(name, text, None, &mut |text, sink| {
                    read::csv::read(text, table, &shown, sink).map(Some)
                })
            }
        };
        self.counter.base += size;
        (self.counter.report)(self.counter.base, self.counter.total);
        complete
    }

    /// Reads a workbook's sheets, each as a file of its own.
    fn workbook(&mut self, name: String, bytes: Vec<u8>, ods: bool) -> bool {
        let book = match read::workbook::read(bytes, ods) {
            Ok(book) => book,
            Err(why) => {
                self.builder.push(
                    Diagnostic::new(Rule::Io, None, format!("cannot read `{name}`: {why}"))
                        .help("save it again from the spreadsheet program as .xlsx or .ods"),
                );
                self.builder.mark_incomplete();
                return false;
            }
        };
        for sheet in book.ignored {
            self.ignored_sheets.push((name.clone(), sheet));
        }
        if book.sheets.is_empty() {
            self.builder.push(
                Diagnostic::new(
                    Rule::Io,
                    None,
                    format!("`{name}` has no sheet named `entities`, `relationships` or `sources`"),
                )
                .help("name the sheets after the tables they hold (FORMAT.md, \"CSV and spreadsheets\")"),
            );
            return true;
        }
        let mut complete = true;
        for sheet in book.sheets {
            // A sheet left empty holds no records (a new case without
            // sources yet): unlike an empty CSV file, nobody saved it so.
            if sheet.text.trim().is_empty() {
                continue;
            }
            let mut place = sheet.place;
            place.book.clone_from(&name);
            let shown = format!("{name}:{}", place.sheet);
            let table = sheet.table;
            complete &= self.text(shown.clone(), sheet.text, Some(place), &mut |text, sink| {
                read::csv::read(text, table, &shown, sink).map(Some)
            });
        }
        complete
    }

    /// Reads one text with `read`, whose cells (for CSV) name its positions.
    fn text(
        &mut self,
        name: String,
        text: String,
        sheet: Option<crate::diag::SheetPlace>,
        read: &mut ReadText<'_>,
    ) -> bool {
        let file = self.files.add(SourceFile::new(name, text));
        let text = std::sync::Arc::clone(&self.files.get(file).text);
        self.builder.set_file(file, &text);
        if let Some(place) = &sheet {
            // Until the reader is done, diagnostics name sheet cells
            // without the header.
            self.files.get_mut(file).set_cells(Cells {
                sheet: Some(place.clone()),
                ..Cells::default()
            });
        }
        let mut sink = Tracked {
            builder: &mut *self.builder,
            counter: &mut *self.counter,
            records: 0,
        };
        let result = read(&text, &mut sink);
        match result {
            Ok(cells) => {
                if let Some(mut cells) = cells {
                    cells.sheet = sheet;
                    self.files.get_mut(file).set_cells(cells);
                }
                true
            }
            Err((rule, m)) => {
                let mut d = Diagnostic::new(
                    rule,
                    Some(Span {
                        file,
                        offset: m.offset,
                        len: 1,
                    }),
                    m.message,
                )
                .label("here");
                if let Some(h) = m.help {
                    d = d.help(h);
                }
                self.builder.push(d);
                self.builder.mark_incomplete();
                false
            }
        }
    }
}
