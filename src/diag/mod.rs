//! Diagnostics: what is wrong with a dataset, and exactly where.
//!
//! Positions are byte offsets inside; they become 1-based line and column
//! (counted in characters) only when a diagnostic is shown, so a large
//! dataset pays for line numbers only for the problems actually printed.

use serde::Serialize;
use std::fmt::{self, Write as _};

/// Errors stop the run; warnings do not (unless `--deny-warnings`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The dataset is invalid: nothing is written.
    Error,
    /// Suspicious but valid.
    Warning,
}

macro_rules! rules {
    ($($variant:ident = $code:literal, $severity:ident, $doc:literal;)*) => {
        /// Every rule of FORMAT.md's Diagnostics section (plus I/O problems).
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum Rule {
            $(#[doc = $doc] $variant,)*
        }

        impl Rule {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The short code shown as `error[code]`.
            pub fn code(self) -> &'static str {
                match self { $(Rule::$variant => $code,)* }
            }

            /// Whether breaking it is an error or a warning.
            pub fn severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$severity,)* }
            }

            /// One line on what the rule is.
            pub fn description(self) -> &'static str {
                match self { $(Rule::$variant => $doc,)* }
            }
        }
    };
}

rules! {
    Io = "io", Error, "the dataset could not be read";
    MalformedJson = "malformed-json", Error, "the file is not well-formed JSON (or not UTF-8, empty, or nested deeper than 64 levels)";
    WrongType = "wrong-type", Error, "a value has the wrong JSON type";
    MissingKey = "missing-key", Error, "a required key is missing";
    UnknownKey = "unknown-key", Error, "a key the format does not define";
    BadId = "bad-id", Error, "an id that is not a slug of at most 128 characters";
    DuplicateId = "duplicate-id", Error, "two records with the same id";
    UnknownEntity = "unknown-entity", Error, "a reference to an entity that does not exist";
    UnknownSource = "unknown-source", Error, "a reference to a source that does not exist";
    UnknownRelationship = "unknown-relationship", Error, "a view names a relationship that does not exist";
    BadDate = "bad-date", Error, "a date that is not YYYY, YYYY-MM or YYYY-MM-DD";
    EndBeforeStart = "end-before-start", Error, "a period that ends before it starts";
    DateWithPeriod = "date-with-period", Error, "`date` together with `start` or `end`";
    SelfLoop = "self-loop", Error, "a relationship from an entity to itself";
    UnknownStatus = "unknown-status", Error, "a status other than confirmed, reported, alleged, denied";
    BadType = "bad-type", Error, "a relationship type that is not snake_case";
    UnknownSourceKind = "unknown-source-kind", Error, "a source kind the format does not define";
    NegativeAmount = "negative-amount", Error, "an amount below zero";
    BadCurrency = "bad-currency", Error, "a currency that is not three capital letters";
    BadUrl = "bad-url", Error, "a URL that is not http: or https:";
    ConfirmedDisputed = "confirmed-disputed", Error, "a confirmed relationship with `disputed_by`";
    DuplicateDataset = "duplicate-dataset", Error, "a second `dataset` block in a directory";
    BadFormat = "bad-format", Error, "a `format` other than casegraph/1";
    BadProperty = "bad-property", Error, "a property that is null or a nested object";
    BadView = "bad-view", Error, "a view that cannot be drawn as written (both focus and path, a number out of range, …)";
    ResourceLimit = "resource-limit", Error, "the dataset is larger than casegraph can hold";
    NoEvidence = "no-evidence", Warning, "a relationship without evidence";
    OrphanEntity = "orphan-entity", Warning, "an entity in no relationship";
    UncitedSource = "uncited-source", Warning, "a source never cited";
    DuplicateRelationship = "duplicate-relationship", Warning, "two relationships with the same ends, type and dates";
    UnknownKind = "unknown-kind", Warning, "an entity kind the format does not name that looks like one it does (a synonym or a misspelling)";
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Index of a file in [`SourceFiles`].
pub type FileId = u32;

/// A place in a file: byte offset and length of the offending text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Span {
    /// The file.
    pub file: FileId,
    /// Byte offset of the start.
    pub offset: usize,
    /// Length in bytes (at least 1 when shown).
    pub len: usize,
}

/// One problem found in a dataset.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// Error or warning (a warning becomes an error under `--deny-warnings`).
    pub severity: Severity,
    /// The rule broken.
    pub rule: Rule,
    /// Where; `None` for problems with no position (an unreadable path).
    pub span: Option<Span>,
    /// What is wrong, lowercase, names in backticks.
    pub message: String,
    /// A short label drawn under the offending text.
    pub label: Option<String>,
    /// The value to write instead (closest id, key, status…), if any.
    pub suggestion: Option<String>,
    /// How to fix it, when more than the suggestion is needed.
    pub help: Option<String>,
    /// Another place that matters (the first definition of a duplicate).
    pub related: Option<(Span, String)>,
}

impl Diagnostic {
    /// A new diagnostic at `span` with the rule's own severity.
    pub fn new(rule: Rule, span: Option<Span>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: rule.severity(),
            rule,
            span,
            message: message.into(),
            label: None,
            suggestion: None,
            help: None,
            related: None,
        }
    }

    /// Adds a label under the offending text.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a suggested replacement value.
    #[must_use]
    pub fn suggest(mut self, suggestion: Option<String>) -> Self {
        self.suggestion = suggestion;
        self
    }

    /// Adds a help line.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Points at another relevant place.
    #[must_use]
    pub fn related(mut self, span: Span, note: impl Into<String>) -> Self {
        self.related = Some((span, note.into()));
        self
    }

    /// The help line shown: the explicit help, or "did you mean …?".
    pub fn help_text(&self) -> Option<String> {
        match (&self.help, &self.suggestion) {
            (Some(h), Some(s)) => Some(format!("did you mean `{s}`? {h}")),
            (Some(h), None) => Some(h.clone()),
            (None, Some(s)) => Some(format!("did you mean `{s}`?")),
            (None, None) => None,
        }
    }
}

/// A file as loaded, kept for showing diagnostics.
#[derive(Debug)]
pub struct SourceFile {
    /// The name shown (a path as the user gave it, or `<embedded>/…`).
    pub name: String,
    /// The text (for a file that is not UTF-8, bad bytes replaced by U+FFFD).
    /// Shared with the model, whose strings point into it.
    pub text: std::sync::Arc<String>,
    line_starts: std::sync::OnceLock<Vec<usize>>,
    /// The last (line index, offset, column) computed, for [`SourceFile::line_col`].
    last_col: std::sync::Mutex<Option<(usize, usize, usize)>>,
    /// For a CSV file or a workbook's sheet: its columns and rows, so a
    /// position is named by its cell.
    cells: Option<Cells>,
}

/// The cells of a CSV file or of a workbook sheet (whose text is the sheet
/// written out as CSV): what names a position by its column, and for a
/// sheet by its cell reference (`relationships!D14`).
#[derive(Debug, Clone, Default)]
pub struct Cells {
    /// The header row's names, by field index.
    pub header: Vec<String>,
    /// Byte offset where each row (record) starts, in order, header first.
    pub rows: Vec<u32>,
    /// Set for a workbook sheet.
    pub sheet: Option<SheetPlace>,
}

/// Where a workbook sheet's text came from.
#[derive(Debug, Clone, Default)]
pub struct SheetPlace {
    /// The workbook's path, as shown (`case.xlsx`).
    pub book: String,
    /// The sheet's name, as written in the workbook.
    pub sheet: String,
    /// For each line of the text: its offset and the 1-based sheet row it shows.
    pub lines: Vec<(u32, u32)>,
    /// 0-based sheet column of the text's first field.
    pub first_col: u32,
}

/// Just past the raw RFC 4180 field that starts at `start` (not counting
/// the `,` after it): a quoted field ends after its closing quote (a
/// doubled `""` is inside it), an unquoted one at the next `,` or line end.
/// The CSV reader finds each cell's position with it, and [`SourceFile`]
/// finds the column of a position.
pub fn csv_field_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    if bytes.get(i) == Some(&b'"') {
        i += 1;
        while i < bytes.len() {
            if bytes[i] == b'"' {
                if bytes.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                i += 1;
                break;
            }
            i += 1;
        }
    }
    while i < bytes.len() && !matches!(bytes[i], b',' | b'\n' | b'\r') {
        i += 1;
    }
    i
}

/// `A`, `B`, … `Z`, `AA`: a 0-based column as a spreadsheet names it.
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

impl SourceFile {
    /// A file with its name and text.
    pub fn new(name: String, text: String) -> SourceFile {
        SourceFile {
            name,
            text: std::sync::Arc::new(text),
            line_starts: std::sync::OnceLock::new(),
            last_col: std::sync::Mutex::new(None),
            cells: None,
        }
    }

    /// Names positions of this file by their cells from now on.
    pub fn set_cells(&mut self, cells: Cells) {
        self.cells = Some(cells);
    }

    /// The field index of `offset` in its row, and the row's index, when
    /// this file is a table of cells.
    fn field_at(&self, cells: &Cells, offset: usize) -> Option<(usize, usize)> {
        let offset = offset.min(u32::MAX as usize) as u32;
        let row = cells
            .rows
            .partition_point(|&s| s <= offset)
            .checked_sub(1)?;
        let bytes = self.text.as_bytes();
        let (mut start, offset) = (cells.rows[row] as usize, offset as usize);
        let mut field = 0;
        loop {
            let end = csv_field_end(bytes, start);
            if offset <= end || bytes.get(end) != Some(&b',') {
                return Some((row, field));
            }
            start = end + 1;
            field += 1;
        }
    }

    /// Whether this file is a table of cells (a CSV file or a sheet).
    pub fn is_table(&self) -> bool {
        self.cells.is_some()
    }

    /// The cell under `header` in the row that `offset` is in: its start
    /// and raw length (0 when empty). `None` when there is no such column.
    pub fn cell_in_row(&self, offset: usize, header: &str) -> Option<(usize, usize)> {
        let cells = self.cells.as_ref()?;
        let field = cells.header.iter().position(|h| h == header)?;
        let (row, _) = self.field_at(cells, offset)?;
        let bytes = self.text.as_bytes();
        let mut start = cells.rows[row] as usize;
        for _ in 0..field {
            let end = csv_field_end(bytes, start);
            if bytes.get(end) != Some(&b',') {
                // The row ends before the column: point past its last cell.
                return Some((end, 0));
            }
            start = end + 1;
        }
        Some((start, csv_field_end(bytes, start) - start))
    }

    /// The header of the column `offset` is in, for a CSV file or sheet.
    pub fn column_name(&self, offset: usize) -> Option<&str> {
        let cells = self.cells.as_ref()?;
        let (_, field) = self.field_at(cells, offset)?;
        cells
            .header
            .get(field)
            .map(String::as_str)
            .filter(|h| !h.is_empty())
    }

    /// For a workbook sheet: the sheet's name, the cell reference (`D14`),
    /// its 1-based row and column.
    pub fn sheet_cell(&self, offset: usize) -> Option<(&str, String, usize, usize)> {
        let cells = self.cells.as_ref()?;
        let sheet = cells.sheet.as_ref()?;
        // A sheet not read yet has no rows: its first cell.
        let field = self.field_at(cells, offset).map_or(0, |(_, f)| f);
        let at = offset.min(u32::MAX as usize) as u32;
        let line = sheet
            .lines
            .partition_point(|&(s, _)| s <= at)
            .checked_sub(1);
        let row = line.map_or(1, |l| sheet.lines[l].1 as usize);
        let col = sheet.first_col + field as u32;
        Some((
            &sheet.sheet,
            format!("{}{row}", column_letters(col)),
            row,
            col as usize + 1,
        ))
    }

    /// The name shown for this file: a workbook's path for its sheets.
    pub fn shown_name(&self) -> &str {
        match self.cells.as_ref().and_then(|c| c.sheet.as_ref()) {
            Some(sheet) => &sheet.book,
            None => &self.name,
        }
    }

    /// Where `offset` is, as a diagnostic names it: `file:line:column`, or
    /// `case.xlsx:relationships!D14` in a workbook; a CSV file's or sheet's
    /// column header follows (`` (column `to`) ``).
    pub fn place(&self, offset: usize) -> String {
        let mut out = match self.sheet_cell(offset) {
            Some((sheet, cell, ..)) => format!("{}:{sheet}!{cell}", self.shown_name()),
            None => {
                let (line, col) = self.line_col(offset);
                format!("{}:{line}:{col}", self.name)
            }
        };
        if let Some(h) = self.column_name(offset) {
            let _ = write!(out, " (column `{h}`)");
        }
        out
    }

    /// The line number shown in a snippet's gutter: the sheet row in a
    /// workbook, the file's line otherwise.
    fn gutter_line(&self, offset: usize) -> usize {
        match self.sheet_cell(offset) {
            Some((_, _, row, _)) => row,
            None => self.line_col(offset).0,
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    ///
    /// Columns are counted from the last position asked for when it is on the
    /// same line and before this one, so reporting many problems on one long
    /// (minified) line stays linear instead of recounting the line each time.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let mut last = self
            .last_col
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (from, col0) = match *last {
            Some((l, o, c)) if l == line && o <= offset => (o, c),
            _ => (starts[line], 1),
        };
        let col = col0 + self.text[from..offset].chars().count();
        *last = Some((line, offset, col));
        (line + 1, col)
    }

    /// The text around a span on its line: up to [`WINDOW`] characters
    /// before, the span itself (cut at the line's end and at `WINDOW`
    /// characters), and up to `WINDOW` after, with `…` where the line goes on.
    /// Works in bytes around the offset, so a 1 GB one-line file costs no more
    /// than a short one.
    fn window(&self, offset: usize, len: usize) -> (String, &str, String) {
        let text = &self.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let line_start = starts[line];
        let line_end = starts.get(line + 1).map_or(text.len(), |e| e - 1);
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        let line_end = line_start + line_text.len();
        let offset = offset.min(line_end);
        let before_all = &text[line_start..offset];
        let cut = before_all
            .char_indices()
            .rev()
            .nth(WINDOW - 1)
            .map_or(0, |(i, _)| i);
        let mut before = String::new();
        if cut > 0 {
            before.push('…');
        }
        before.push_str(&before_all[cut..]);
        let rest = &text[offset..line_end];
        let at_end = rest
            .char_indices()
            .nth(len.min(WINDOW))
            .map_or(rest.len(), |(i, _)| i);
        let at_end = floor_char_boundary(rest, at_end.min(len.max(1)).min(rest.len()));
        let at = &rest[..at_end];
        let after_all = &rest[at_end..];
        let after_end = after_all
            .char_indices()
            .nth(WINDOW)
            .map_or(after_all.len(), |(i, _)| i);
        let mut after = after_all[..after_end].to_owned();
        if after_end < after_all.len() {
            after.push('…');
        }
        (before, at, after)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Text from the data made safe for a terminal: control characters and
/// bidirectional overrides are shown as `\u{…}` escapes (tabs as a space),
/// so a name cannot move the cursor, clear the screen or reorder the line.
pub fn printable(s: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char =
        |c: char| c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\t' => out.push(' '),
            c if unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The files of a dataset, by [`FileId`].
#[derive(Debug, Default)]
pub struct SourceFiles {
    files: Vec<SourceFile>,
}

impl SourceFiles {
    /// Adds a file and returns its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.files.push(file);
        (self.files.len() - 1) as FileId
    }

    /// The file with this id.
    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id as usize]
    }

    /// The file with this id, to give it its [`Cells`].
    pub fn get_mut(&mut self, id: FileId) -> &mut SourceFile {
        &mut self.files[id as usize]
    }

    /// Number of files.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// True when there are no files.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// `file:line:column` of a span (see [`SourceFile::place`]).
    pub fn location(&self, span: Span) -> String {
        self.get(span.file).place(span.offset)
    }
}

/// Colours for [`render`]; all plain when colour is off.
#[derive(Clone, Copy, Debug, Default)]
pub struct Palette {
    error: anstyle::Style,
    warning: anstyle::Style,
    accent: anstyle::Style,
    bold: anstyle::Style,
}

impl Palette {
    /// Colours as rustc and ruff use them.
    pub fn colored() -> Palette {
        use anstyle::{AnsiColor, Style};
        Palette {
            error: Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            warning: Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
            accent: Style::new().bold().fg_color(Some(AnsiColor::Blue.into())),
            bold: Style::new().bold(),
        }
    }

    /// No colour.
    pub fn plain() -> Palette {
        Palette::default()
    }
}

/// How many characters of a long line to show on each side of the problem,
/// so a minified file or a 50 MB string never floods the terminal.
const WINDOW: usize = 60;

/// Renders a diagnostic the way rustc, ruff and just do:
///
/// ```text
/// error[unknown-entity]: relationship `x` points to unknown entity `metaa`
///   --> graph-data/netflix-facebook.json:42:17
///    |
/// 42 |       "to": "metaa",
///    |             ^^^^^^^ no entity has this id
///    = help: did you mean `meta`?
/// ```
pub fn render(diag: &Diagnostic, files: &SourceFiles, palette: Palette) -> String {
    draw(
        &Drawn {
            severity: diag.severity,
            code: diag.rule.code(),
            message: &diag.message,
            span: diag.span,
            label: diag.label.as_deref(),
            related: diag.related.as_ref(),
            help: diag.help_text(),
        },
        files,
        palette,
    )
}

/// An error in an input file other than the dataset (a `path --pairs`
/// file). It is drawn exactly like a [`Diagnostic`], but its rule is a code
/// of its own: the dataset's [`Rule`]s are the format's catalogue, which
/// `check` and the format specification list in full.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    /// The rule broken, as shown in `error[code]`.
    pub code: &'static str,
    /// Where.
    pub span: Span,
    /// What is wrong, lowercase, names in backticks.
    pub message: String,
    /// A short label drawn under the offending text.
    pub label: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl InputError {
    /// Renders it the way [`render`] renders a diagnostic.
    pub fn render(&self, files: &SourceFiles, palette: Palette) -> String {
        draw(
            &Drawn {
                severity: Severity::Error,
                code: self.code,
                message: &self.message,
                span: Some(self.span),
                label: Some(&self.label),
                related: None,
                help: self.help.clone(),
            },
            files,
            palette,
        )
    }
}

/// What [`draw`] shows, borrowed from a [`Diagnostic`] or an [`InputError`].
struct Drawn<'a> {
    severity: Severity,
    code: &'a str,
    message: &'a str,
    span: Option<Span>,
    label: Option<&'a str>,
    related: Option<&'a (Span, String)>,
    help: Option<String>,
}

fn draw(diag: &Drawn<'_>, files: &SourceFiles, palette: Palette) -> String {
    let mut out = String::new();
    let (level, style) = match diag.severity {
        Severity::Error => ("error", palette.error),
        Severity::Warning => ("warning", palette.warning),
    };
    let bold = palette.bold;
    let accent = palette.accent;
    let _ = writeln!(
        out,
        "{style}{level}[{}]{style:#}{bold}: {}{bold:#}",
        diag.code,
        printable(diag.message)
    );
    let mut gutter = 1;
    if let Some(span) = diag.span {
        let file = files.get(span.file);
        let line = file.gutter_line(span.offset);
        gutter = line.to_string().len();
        let pad = " ".repeat(gutter);
        let _ = writeln!(
            out,
            "{pad}{accent}-->{accent:#} {}",
            file.place(span.offset)
        );
        if !file.text.is_empty() {
            let (before, at, after) = file.window(span.offset, span.len.max(1));
            let (before, at, after) = (printable(&before), printable(at), printable(&after));
            let caret_at = before.chars().count();
            let width = at.chars().count().max(1);
            let _ = writeln!(out, "{pad} {accent}|{accent:#}");
            let _ = writeln!(out, "{accent}{line} |{accent:#} {before}{at}{after}");
            let label = diag.label.map(printable).unwrap_or_default();
            let _ = writeln!(
                out,
                "{pad} {accent}|{accent:#} {}{style}{}{}{style:#}",
                " ".repeat(caret_at),
                "^".repeat(width),
                if label.is_empty() {
                    String::new()
                } else {
                    format!(" {label}")
                }
            );
        }
    }
    let pad = " ".repeat(gutter);
    if let Some((span, note)) = diag.related {
        let _ = writeln!(
            out,
            "{pad} {accent}={accent:#} {bold}note{bold:#}: {} at {}",
            printable(note),
            files.location(*span)
        );
    }
    if let Some(help) = &diag.help {
        let help = printable(help);
        let _ = writeln!(out, "{pad} {accent}={accent:#} {bold}help{bold:#}: {help}");
    }
    out
}

/// The machine-readable form of a diagnostic (`--json`).
#[derive(Serialize, Debug)]
pub struct JsonDiagnostic {
    /// `error` or `warning`.
    pub severity: Severity,
    /// The rule's code.
    pub rule: &'static str,
    /// The file, as named in the human output.
    pub file: Option<String>,
    /// 1-based line.
    pub line: Option<usize>,
    /// 1-based column, in characters (in a workbook: the sheet's column).
    pub column: Option<usize>,
    /// A CSV file's or sheet's column header.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<String>,
    /// A workbook's sheet.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// A workbook's cell reference (`D14`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// What is wrong.
    pub message: String,
    /// The value to write instead, if any.
    pub suggestion: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl JsonDiagnostic {
    /// The JSON form of `diag`.
    pub fn new(diag: &Diagnostic, files: &SourceFiles) -> JsonDiagnostic {
        let (mut file, mut line, mut column) = (None, None, None);
        let (mut header, mut sheet, mut cell) = (None, None, None);
        if let Some(span) = diag.span {
            let f = files.get(span.file);
            file = Some(f.shown_name().to_owned());
            header = f.column_name(span.offset).map(str::to_owned);
            if let Some((s, c, row, col)) = f.sheet_cell(span.offset) {
                (sheet, cell) = (Some(s.to_owned()), Some(c));
                (line, column) = (Some(row), Some(col));
            } else {
                let (l, c) = f.line_col(span.offset);
                (line, column) = (Some(l), Some(c));
            }
        }
        JsonDiagnostic {
            severity: diag.severity,
            rule: diag.rule.code(),
            file,
            line,
            column,
            header,
            sheet,
            cell,
            message: diag.message.clone(),
            suggestion: diag.suggestion.clone(),
            help: diag.help_text(),
        }
    }
}

/// The closest candidate to `wrong`, if one is close enough to be a typo:
/// at most 1 edit for names up to 3 characters, 2 up to 8, 3 beyond.
/// Candidates whose length alone rules them out are skipped before any edit
/// distance is computed, so a suggestion among a million ids stays cheap.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let wrong_lower = wrong.to_lowercase();
    let len = wrong_lower.chars().count();
    let limit = match len {
        0..=3 => 1,
        4..=8 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c.len().abs_diff(wrong_lower.len()) > limit * 4 {
            continue; // even a byte-level bound shows it is too far
        }
        let d = if c.bytes().any(|b| b.is_ascii_uppercase()) || !c.is_ascii() {
            strsim::damerau_levenshtein(&wrong_lower, &c.to_lowercase())
        } else {
            strsim::damerau_levenshtein(&wrong_lower, c)
        };
        if d <= limit && best.is_none_or(|(bd, bc)| (d, c) < (bd, bc)) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_owned())
}

#[cfg(test)]
mod tests;
