//! The format's second reader: `entities.csv`, `relationships.csv` and
//! `sources.csv` (FORMAT.md, "CSV and spreadsheets"), and a workbook's
//! sheets once [`super::workbook`] has written them out as CSV text.
//!
//! The `csv` crate splits the records (RFC 4180: quotes, doubled quotes,
//! newlines inside quotes, `\r\n`); each cell's byte position comes from
//! the record's start and [`csv_field_end`], so a cell without a doubled
//! quote is a slice of the file, and a diagnostic points at it. Each row
//! becomes a [`Node`] object shaped like the JSON record, with the columns
//! read from the same field tables ([`crate::format::fields`]): a citation
//! under `evidence`, a dispute under `disputed_by`, `amount` and `currency`
//! as the `amount` object, `properties.NAME` under `properties`. The
//! validator then checks it with the rules it checks JSON with; what only
//! a reader can see (a header it does not know, a repeated row that
//! contradicts its first one) goes to the sink as an [`Event::Problem`].

use super::{Event, Malformed, Node, Section, Sink, Val};
use crate::diag::{Cells, Diagnostic, Rule, Span, closest, csv_field_end};
use crate::format::fields::{
    AmountKey, CitationKey, DisputeKey, EntityKey, Field, Key, RelationshipKey, SourceKey,
    ValueKind,
};
use rows::Rows;
use std::borrow::Cow;
use values::value;

mod rows;
mod values;

/// Which of the three files a CSV text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    /// `sources.csv`, the `sources` sheet.
    Sources,
    /// `entities.csv`, the `entities` sheet.
    Entities,
    /// `relationships.csv`, the `relationships` sheet.
    Relationships,
}

impl Table {
    /// Every table, in the order a workbook's sheets are looked for.
    pub const ALL: [Table; 3] = [Table::Sources, Table::Entities, Table::Relationships];

    /// The table a file or sheet name stands for (`entities.csv`,
    /// `Entities`), compared case-insensitively.
    pub fn from_name(name: &str) -> Option<Table> {
        let stem = name
            .len()
            .checked_sub(4)
            .filter(|&n| name.is_char_boundary(n) && name[n..].eq_ignore_ascii_case(".csv"))
            .map_or(name, |n| &name[..n]);
        Table::ALL
            .into_iter()
            .find(|t| t.name().eq_ignore_ascii_case(stem))
    }

    /// `entities`, `relationships`, `sources`.
    pub fn name(self) -> &'static str {
        match self {
            Table::Sources => "sources",
            Table::Entities => "entities",
            Table::Relationships => "relationships",
        }
    }

    fn section(self) -> Section {
        match self {
            Table::Sources => Section::Sources,
            Table::Entities => Section::Entities,
            Table::Relationships => Section::Relationships,
        }
    }

    /// The columns this table may have, by header name (besides
    /// `properties.NAME`): the record's keys, with the relationship's
    /// objects spread over columns as the format says.
    fn columns(self) -> Vec<(&'static str, Col<'static>)> {
        fn plain<K: Key>(out: &mut Vec<(&'static str, Col<'static>)>, key: K) {
            let field = key.field();
            if field.value != ValueKind::Properties {
                out.push((field.key, Col::Key(field)));
            }
        }
        let mut out = Vec::new();
        match self {
            Table::Sources => SourceKey::ALL.iter().for_each(|&k| plain(&mut out, k)),
            Table::Entities => EntityKey::ALL.iter().for_each(|&k| plain(&mut out, k)),
            Table::Relationships => {
                for &k in RelationshipKey::ALL {
                    match k {
                        RelationshipKey::Amount => out.extend([
                            ("amount", Col::Amount(AmountKey::Value)),
                            ("currency", Col::Amount(AmountKey::Currency)),
                        ]),
                        RelationshipKey::Evidence => out.extend([
                            ("source", Col::Cite(CitationKey::Source)),
                            ("locator", Col::Cite(CitationKey::Locator)),
                            ("quote", Col::Cite(CitationKey::Quote)),
                        ]),
                        RelationshipKey::DisputedBy => out.extend([
                            ("disputed_by", Col::Dispute(DisputeKey::Entity)),
                            ("dispute_source", Col::Dispute(DisputeKey::Source)),
                            ("dispute_quote", Col::Dispute(DisputeKey::Quote)),
                        ]),
                        k => plain(&mut out, k),
                    }
                }
            }
        }
        out
    }

    /// Whether the record has `properties`.
    fn has_properties(self) -> bool {
        match self {
            Table::Sources => SourceKey::ALL
                .iter()
                .any(|k| k.field().value == ValueKind::Properties),
            Table::Entities | Table::Relationships => true,
        }
    }

    /// The columns a first row must have, for the help of a missing header.
    fn example_header(self) -> &'static str {
        match self {
            Table::Sources => "id,title,kind,url",
            Table::Entities => "id,name,kind",
            Table::Relationships => "id,from,to,type,source",
        }
    }
}

/// What a column holds.
#[derive(Clone, Debug, PartialEq)]
enum Col<'a> {
    /// Unknown or repeated (reported once, at its header): its cells are skipped.
    Skip,
    /// A key of the record itself.
    Key(&'static Field),
    /// `properties.NAME`.
    Property(Cow<'a, str>),
    /// `amount` (the value) or `currency`.
    Amount(AmountKey),
    /// `source`, `locator`, `quote`: the row's citation.
    Cite(CitationKey),
    /// `disputed_by`, `dispute_source`, `dispute_quote`: the row's dispute.
    Dispute(DisputeKey),
}

impl Col<'_> {
    /// Whether the cells hold ids, so that spaces trimmed around one are
    /// worth a warning (a curator may have typed an id twice, once with
    /// a trailing space).
    fn holds_ids(&self) -> bool {
        match self {
            Col::Key(f) => matches!(
                f.value,
                ValueKind::Slug | ValueKind::EntityId | ValueKind::SourceId
            ),
            Col::Cite(k) => *k == CitationKey::Source,
            Col::Dispute(k) => matches!(k, DisputeKey::Entity | DisputeKey::Source),
            _ => false,
        }
    }

    /// Whether a repeated row adds this cell (citations and disputes)
    /// rather than repeating its first row's.
    fn adds(&self) -> bool {
        matches!(self, Col::Cite(_) | Col::Dispute(_))
    }
}

/// One cell: its text (trimmed; a slice of the file when it can be) and
/// where it is.
#[derive(Clone, Debug)]
struct Cell<'a> {
    text: Cow<'a, str>,
    pos: usize,
    end: usize,
    /// Spaces or tabs were trimmed from around it.
    trimmed: bool,
}

impl<'a> Cell<'a> {
    fn str_node(&self, text: Cow<'a, str>) -> Node<'a> {
        Node {
            pos: self.pos,
            end: self.end,
            val: Val::Str(text),
        }
    }
}

/// The column headers of a file, as read from its first row.
struct Header<'a> {
    cols: Vec<Col<'a>>,
    /// The relationship `id` column's index, if there is one.
    id_col: Option<usize>,
    names: Vec<String>,
    /// Where each header cell is.
    spans: Vec<(usize, usize)>,
}

/// Reads one CSV text (a whole file, BOM removed, or a sheet written out
/// by [`super::workbook`]) of `table` into `sink`: one [`Event::Record`]
/// per row, or per run of rows with the same relationship `id`. `name` is
/// the file's name, for messages. Returns the cells, for diagnostics to
/// name positions by their column; or, when the file cannot be read as a
/// table of the format (empty, no header row, a required column missing),
/// the rule that says so and where.
pub fn read<'a>(
    text: &'a str,
    table: Table,
    name: &str,
    sink: &mut dyn Sink<'a>,
) -> Result<Cells, (Rule, Malformed)> {
    let bytes = text.as_bytes();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    let mut cells: Vec<Option<Cell<'a>>> = Vec::new();
    let mut layout = Cells::default();
    let mut header: Option<Header<'a>> = None;
    let mut rows = Rows::new(table);
    let mut reported_extra = false;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // The text is UTF-8 and flexible rows are allowed: only an
                // I/O error of an in-memory reader could get here.
                let offset = e
                    .position()
                    .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
                return Err((
                    Rule::MalformedJson,
                    Malformed {
                        offset,
                        message: format!("cannot read the CSV: {e}"),
                        help: None,
                    },
                ));
            }
        }
        // The csv crate's position is just past the previous record's
        // terminator: blank lines and the `\n` of a `\r\n` may come first
        // (a record itself never starts with a line end: a quoted one
        // starts with its quote).
        let mut start = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let end = split(text, start, &record, &mut cells).map_err(|at| {
            (
                Rule::MalformedJson,
                Malformed {
                    offset: at,
                    message: "this quoted cell is never closed: it runs to the end of the file".into(),
                    help: Some(
                        "add the closing `\"`; a `\"` inside a quoted cell is written twice (`\"\"`)"
                            .into(),
                    ),
                },
            )
        })?;
        if cells.iter().all(Option::is_none) {
            continue; // a blank row
        }
        layout.rows.push(u32::try_from(start).unwrap_or(u32::MAX));
        let Some(h) = &header else {
            let h = read_header(table, name, &cells, start, sink)?;
            layout.header.clone_from(&h.names);
            header = Some(h);
            continue;
        };
        if !reported_extra
            && let Some((i, c)) = cells
                .iter()
                .enumerate()
                .skip(h.cols.len())
                .find_map(|(i, c)| c.as_ref().map(|c| (i, c)))
        {
            reported_extra = true;
            sink.event(&Event::Problem(
                Diagnostic::new(
                    Rule::UnknownKey,
                    Some(span(c.pos, c.end)),
                    format!(
                        "a cell in column {} of `{name}`, which has no header (the header row has {} columns)",
                        i + 1,
                        h.cols.len()
                    ),
                )
                .label("no column header above this cell")
                .help("add a header for this column, or remove the cell (this row's extra cells are ignored, and so are later rows')"),
            ));
        }
        rows.row(h, &mut cells, (start, end), sink);
    }
    if header.is_none() {
        return Err((
            Rule::MalformedJson,
            Malformed {
                offset: 0,
                message: format!("`{name}` is empty"),
                help: Some(format!(
                    "a CSV file or sheet of the format starts with a header row naming its columns, such as `{}`",
                    table.example_header()
                )),
            },
        ));
    }
    rows.flush(sink);
    Ok(layout)
}

fn span(pos: usize, end: usize) -> Span {
    Span {
        file: 0,
        offset: pos,
        len: end.saturating_sub(pos).max(1),
    }
}

/// The warning for an id that had spaces around it (the cell is the
/// trimmed one).
fn trimmed_id(cell: &Cell<'_>) -> Diagnostic {
    let mut d = Diagnostic::new(
        Rule::BadId,
        Some(span(cell.pos, cell.end)),
        format!("spaces around the id `{}` were removed", cell.text),
    )
    .label("read without the spaces around it")
    .help("remove the spaces from the cell: an id is compared exactly");
    d.severity = crate::diag::Severity::Warning;
    d
}

/// Where the raw field at `at` whose content is `field` ends: worked out
/// from the content's length (an unquoted field is its content; a quoted
/// one adds its two quotes and one per doubled quote), checked against the
/// byte that must follow, and only scanned for when that check fails (text
/// after a closing quote, which the csv crate keeps in the field).
fn field_end(bytes: &[u8], at: usize, field: &[u8]) -> usize {
    let end = if bytes.get(at) == Some(&b'"') {
        at + 2 + field.len() + field.iter().filter(|&&b| b == b'"').count()
    } else {
        at + field.len()
    };
    let ends_field = matches!(bytes.get(end), None | Some(b',' | b'\n' | b'\r'));
    if ends_field && (bytes.get(at) != Some(&b'"') || bytes.get(end - 1) == Some(&b'"')) {
        end
    } else {
        csv_field_end(bytes, at)
    }
}

/// Whether the quoted field at `at` has no closing quote: the csv crate
/// then reads the rest of the file into it.
fn unclosed(bytes: &[u8], at: usize) -> bool {
    let mut i = at + 1;
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'"', Some(b'"')) => i += 2,
            (b'"', _) => return false,
            _ => i += 1,
        }
    }
    true
}

/// Splits the record starting at `start` into trimmed cells (`None` for
/// an empty one); returns where the record ends (before its line end), or
/// `Err` with the offset of a quote that is never closed.
fn split<'a>(
    text: &'a str,
    start: usize,
    record: &csv::ByteRecord,
    cells: &mut Vec<Option<Cell<'a>>>,
) -> Result<usize, usize> {
    let bytes = text.as_bytes();
    cells.clear();
    let (mut at, mut record_end) = (start, start);
    for field in record {
        let end = field_end(bytes, at, field);
        if end == bytes.len() && bytes.get(at) == Some(&b'"') && unclosed(bytes, at) {
            return Err(at);
        }
        record_end = end;
        // Unquoted, the cell is its raw text; quoted without a doubled
        // quote, the text between the quotes; else the csv crate's copy.
        // Either way the cell's span is its raw text, quotes included.
        let (raw, inner): (Cow<'a, str>, usize) = if bytes.get(at) != Some(&b'"') {
            (Cow::Borrowed(&text[at..end]), at)
        } else if end >= at + 2 && bytes[end - 1] == b'"' && field.len() == end - at - 2 {
            (Cow::Borrowed(&text[at + 1..end - 1]), at + 1)
        } else {
            (String::from_utf8_lossy(field).into_owned().into(), at)
        };
        let is_space = |c: char| c == ' ' || c == '\t';
        let first_last = (raw.as_bytes().first(), raw.as_bytes().last());
        let padded = matches!(
            first_last,
            (Some(b' ' | b'\t'), _) | (_, Some(b' ' | b'\t'))
        );
        cells.push(if raw.is_empty() {
            None
        } else if !padded {
            Some(Cell {
                text: raw,
                pos: at,
                end,
                trimmed: false,
            })
        } else if raw.trim_matches(is_space).is_empty() {
            None
        } else {
            let lead = raw.len() - raw.trim_start_matches(is_space).len();
            // After a leading apostrophe the text is kept as written, its
            // end spaces too: that is how a string with spaces around it
            // (` a `, written `' a `) is told from padding.
            let trim = |s: &str| -> usize {
                let s = s.trim_start_matches(is_space);
                if s.starts_with('\'') {
                    s.len()
                } else {
                    s.trim_end_matches(is_space).len()
                }
            };
            let text = match raw {
                Cow::Borrowed(s) => Cow::Borrowed(&s[lead..lead + trim(s)]),
                Cow::Owned(s) => Cow::Owned(s[lead..lead + trim(&s)].to_owned()),
            };
            // In a copy (a doubled quote) the offsets within are not the
            // file's: the whole raw cell is pointed at.
            let (pos, end) = if inner == at && bytes.get(at) == Some(&b'"') {
                (at, end)
            } else {
                (inner + lead, inner + lead + text.len())
            };
            Some(Cell {
                text,
                pos,
                end,
                trimmed: true,
            })
        });
        at = end + 1;
    }
    Ok(record_end)
}

/// Reads the header row: each cell's column, with unknown and repeated
/// headers reported once here, at their cells.
fn read_header<'a>(
    table: Table,
    name: &str,
    cells: &[Option<Cell<'a>>],
    start: usize,
    sink: &mut dyn Sink<'a>,
) -> Result<Header<'a>, (Rule, Malformed)> {
    let known = table.columns();
    let mut header = Header {
        id_col: None,
        cols: Vec::with_capacity(cells.len()),
        names: Vec::with_capacity(cells.len()),
        spans: Vec::with_capacity(cells.len()),
    };
    let lookup = |cell: &Cell<'a>| -> Option<Col<'a>> {
        let h: &str = &cell.text;
        if let Some((_, c)) = known.iter().find(|(k, _)| *k == h) {
            return Some(c.clone());
        }
        const PREFIX: &str = "properties.";
        // `properties.` alone is the property whose name is empty: valid
        // in JSON, so a CSV export can carry it too. A leading apostrophe
        // keeps the spaces a name ends with (`'properties.x `).
        let quoted = usize::from(h.starts_with('\'') && h[1..].starts_with(PREFIX));
        if !table.has_properties() || !h[quoted..].starts_with(PREFIX) {
            return None;
        }
        let skip = quoted + PREFIX.len();
        Some(Col::Property(match &cell.text {
            Cow::Borrowed(s) => Cow::Borrowed(&s[skip..]),
            Cow::Owned(s) => Cow::Owned(s[skip..].to_owned()),
        }))
    };
    if !cells.iter().flatten().any(|c| lookup(c).is_some()) {
        let first: Vec<&str> = cells.iter().flatten().map(|c| c.text.as_ref()).collect();
        return Err((
            Rule::MalformedJson,
            Malformed {
                offset: start,
                message: format!(
                    "`{name}` has no header row: its first row (`{}`) names no column of the format",
                    first.join(",")
                ),
                help: Some(format!(
                    "add a first row naming the columns, such as `{}`",
                    table.example_header()
                )),
            },
        ));
    }
    for cell in cells {
        let Some(cell) = cell else {
            header.cols.push(Col::Skip);
            header.names.push(String::new());
            header.spans.push((start, start));
            continue;
        };
        let h: &str = &cell.text;
        let first = header.names.iter().position(|n| n == h);
        let col = match (lookup(cell), first) {
            (Some(_), Some(i)) => {
                let (p, e) = header.spans[i];
                sink.event(&Event::Problem(
                    Diagnostic::new(
                        Rule::MalformedJson,
                        Some(span(cell.pos, cell.end)),
                        format!("column `{h}` appears twice in `{name}`"),
                    )
                    .label("repeated header")
                    .related(span(p, e), "the first is")
                    .help("keep one of the two columns (this one is ignored)"),
                ));
                Col::Skip
            }
            (Some(col), None) => col,
            (None, _) => {
                let suggestion = closest(h, known.iter().map(|(k, _)| *k));
                let mut d = Diagnostic::new(
                    Rule::UnknownKey,
                    Some(span(cell.pos, cell.end)),
                    format!("unknown column `{h}` in `{name}`"),
                )
                .label(format!("not a column of {}", table.name()))
                .suggest(suggestion.clone());
                if suggestion.is_none() {
                    let all: Vec<&str> = known.iter().map(|(k, _)| *k).collect();
                    let props = if table.has_properties() {
                        ", and `properties.NAME` for a property"
                    } else {
                        ""
                    };
                    d = d.help(format!(
                        "the columns of {} are: {}{props}; the cells of this one were ignored",
                        table.name(),
                        all.join(", ")
                    ));
                } else {
                    d = d.help("the cells of this column were ignored");
                }
                sink.event(&Event::Problem(d));
                Col::Skip
            }
        };
        header.cols.push(col);
        header.names.push(h.to_owned());
        header.spans.push((cell.pos, cell.end));
    }
    // A required column missing would make every row an error: it is one
    // error, and the rows are not read.
    let missing: Vec<&str> = known
        .iter()
        .filter_map(|(k, c)| match c {
            Col::Key(f) if f.required && !header.cols.contains(c) => Some(*k),
            _ => None,
        })
        .collect();
    if table == Table::Relationships {
        header.id_col = header
            .cols
            .iter()
            .position(|c| matches!(c, Col::Key(f) if f.key == RelationshipKey::Id.key()));
    }
    if let Some(first) = missing.first() {
        let all: Vec<String> = missing.iter().map(|k| format!("`{k}`")).collect();
        return Err((
            Rule::MissingKey,
            Malformed {
                offset: start,
                message: format!(
                    "`{name}` has no {} column{}",
                    all.join(", "),
                    if all.len() > 1 { "s" } else { "" }
                ),
                help: Some(format!(
                    "every row of {} needs a `{first}`: add the column to the header row (its rows were not read)",
                    table.name()
                )),
            },
        ));
    }
    Ok(header)
}

#[cfg(test)]
mod tests;
