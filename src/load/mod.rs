//! Loading: the top of the pipeline's first half. Finds the dataset's
//! files, decodes them, feeds each to a reader ([`crate::read`]) whose
//! events go to the validator ([`crate::validate`]), and finishes the
//! validator into a [`Loaded`].
//!
//! Only this module knows both: the reader makes [`Event`]s and knows
//! nothing of the validator, and the validator takes events and knows
//! nothing else of the reader. A dataset is one file or a directory of
//! files; JSON is the one input format there is, and a CSV reader plugs in
//! beside it by file extension.

mod files;

use crate::diag::{Diagnostic, Rule, SourceFile, SourceFiles, Span};
use crate::model::Model;
use crate::read::{self, Event, Sink};
use crate::validate::Builder;
use files::{Decoded, dataset_id_from_name, default_dataset_id, read_path};
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
    let default_id = match &origin {
        Origin::Embedded => {
            feed(
                &mut files,
                &mut builder,
                EMBEDDED_NAME.into(),
                Decoded::new(EMBEDDED_JSON.as_bytes().to_vec()),
                &mut Counter::new(EMBEDDED_JSON.len() as u64, progress),
                options,
            );
            "netflix-facebook".to_owned()
        }
        Origin::Path(path) | Origin::LocalDir(path) => match read_path(path) {
            Ok(inputs) => {
                let total = inputs
                    .iter()
                    .map(|(_, b)| b.as_ref().map_or(0, Decoded::len))
                    .sum();
                let several = inputs.len() > 1;
                let mut counter = Counter::new(total, progress);
                for (name, bytes) in inputs {
                    let complete = match bytes {
                        Ok(bytes) => feed(
                            &mut files,
                            &mut builder,
                            name.clone(),
                            bytes,
                            &mut counter,
                            options,
                        ),
                        Err(d) => {
                            // One unreadable file: report it, read the others.
                            builder.push(*d);
                            builder.mark_incomplete();
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
    let (model, diagnostics) = builder.finish(&default_id);
    Loaded {
        model,
        diagnostics,
        files,
        origin,
        unread,
    }
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
    feed(
        &mut files,
        &mut builder,
        name.into(),
        Decoded::new(text.as_bytes().to_vec()),
        &mut Counter::new(text.len() as u64, &mut |_, _| {}),
        LoadOptions::default(),
    );
    let stem = name.rsplit('/').next().unwrap_or(name);
    let (model, diagnostics) = builder.finish(&dataset_id_from_name(stem));
    Loaded {
        model,
        diagnostics,
        files,
        origin: Origin::Path(name.into()),
        unread: Vec::new(),
    }
}

/// Reads one file's bytes into the builder, reporting encoding and syntax
/// errors. Returns whether the file was read to its end.
fn feed(
    files: &mut SourceFiles,
    builder: &mut Builder,
    name: String,
    decoded: Decoded,
    counter: &mut Counter<'_>,
    options: LoadOptions,
) -> bool {
    let size = decoded.len();
    let text = match decoded {
        Decoded::Text(t) => t,
        Decoded::NotUtf8(shown, bad) => {
            let file = files.add(SourceFile::new(name, shown));
            builder.push(
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
                .help("save the file as UTF-8"),
            );
            builder.mark_incomplete();
            counter.base += size;
            return false;
        }
    };
    let file = files.add(SourceFile::new(name, text));
    builder.set_file(file, &files.get(file).text);
    let text = &files.get(file).text;
    let mut sink = Tracked {
        builder: &mut *builder,
        counter: &mut *counter,
        records: 0,
    };
    let result = read::read(text, &mut sink, options.parse_threads);
    counter.base += size;
    (counter.report)(counter.base, counter.total);
    if let Err(m) = result {
        let mut d = Diagnostic::new(
            Rule::MalformedJson,
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
        builder.push(d);
        builder.mark_incomplete();
        return false;
    }
    true
}
