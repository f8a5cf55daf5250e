//! A directory of CSV files for spreadsheets, Kumu and Gephi's import:
//! `entities.csv`, `relationships.csv` (Gephi's edge table: `Source`,
//! `Target`, `Id`, `Label` …) and `citations.csv`, one row per citation.
//!
//! RFC 4180 through the `csv` crate (quoting when a cell needs it, CRLF
//! line ends). Lists and free-form properties are JSON text.
//!
//! Formula injection: a spreadsheet runs a cell that begins with `=`, `+`,
//! `-`, `@`, tab or carriage return as a formula. Such a cell is written
//! with a `'` in front (OWASP's advice), which spreadsheets show as text.
//! A cell that already begins with `'` gets one too, so the rule can be
//! undone exactly: drop one leading `'` from a cell that begins with `'`.

use super::common::{
    Attr, ENTITY_ATTRS, REL_ATTRS, attr_text, entities, entity_values, rel_values, relationships,
};
use super::values::{citation_field, source_field};
use crate::format::Key;
use crate::format::fields::{CitationKey, EntityKey, RelationshipKey, SourceKey};
use crate::model::{CitationRef, Model};
use crate::query::View;
use serde_json::Value;
use std::borrow::Cow;
use std::io::{self, Write};
use std::path::Path;

/// The writer of one file of the export.
pub type Part = fn(&Model, &View, &mut dyn Write) -> io::Result<()>;

/// The files of the export and their writers, in the order written: the
/// directory export and `build` both go through this list.
pub const FILES: [(&str, Part); 3] = [
    ("entities.csv", |m, v, o| write_entities(m, v, o)),
    ("relationships.csv", |m, v, o| write_relationships(m, v, o)),
    ("citations.csv", |m, v, o| write_citations(m, v, o)),
];

/// A cell made safe to open in a spreadsheet (see the module doc).
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    match cell.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Undoes [`neutralize`].
pub fn unneutralize(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

fn writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out)
}

fn row<W: Write>(w: &mut ::csv::Writer<W>, cells: &[Cow<'_, str>]) -> io::Result<()> {
    w.write_record(cells.iter().map(|c| neutralize(c).into_owned()))
        .map_err(io::Error::other)
}

/// An attribute as a cell: empty when absent, else [`attr_text`].
fn attr_cell(v: Option<Value>) -> Cow<'static, str> {
    Cow::Owned(v.map(attr_text).unwrap_or_default())
}

/// Writes `entities.csv`: id, then the attributes every graph export
/// carries (`ENTITY_ATTRS`): name, kind, aliases (JSON list), description,
/// url, start, end, properties (JSON object).
pub fn write_entities(model: &Model, view: &View, out: impl Write) -> io::Result<()> {
    let mut w = writer(out);
    let head: Vec<Cow<'_, str>> = std::iter::once(EntityKey::Id.key())
        .chain(ENTITY_ATTRS.iter().map(|a| a.name()))
        .map(Cow::Borrowed)
        .collect();
    row(&mut w, &head)?;
    for e in entities(model, view) {
        let cells: Vec<Cow<'_, str>> = std::iter::once(e.id().into())
            .chain(entity_values(&e).into_iter().map(|(_, v)| attr_cell(v)))
            .collect();
        row(&mut w, &cells)?;
    }
    w.flush()
}

/// Whether a relationship attribute ([`REL_ATTRS`]) has its own column in
/// `relationships.csv`: all but `label`, which is Gephi's `Label`, and
/// `sources`, which `citations.csv` lists row by row.
fn rel_column(attr: Attr) -> bool {
    !matches!(attr, Attr::Rel(RelationshipKey::Label) | Attr::Sources)
}

/// Writes `relationships.csv`: the edge table, `Source`/`Target`/`Id`/`Label`
/// named as Gephi's import expects, then the attributes every graph export
/// carries (`REL_ATTRS`, see `rel_column`): type, directed, status,
/// dates, amount, currency, citation count, disputed_by (JSON list of entity
/// ids), properties (JSON object).
pub fn write_relationships(model: &Model, view: &View, out: impl Write) -> io::Result<()> {
    let mut w = writer(out);
    let head: Vec<Cow<'_, str>> = ["Source", "Target", "Id", "Label"]
        .into_iter()
        .chain(
            REL_ATTRS
                .into_iter()
                .filter(|&a| rel_column(a))
                .map(Attr::name),
        )
        .map(Cow::Borrowed)
        .collect();
    row(&mut w, &head)?;
    for r in relationships(model, view) {
        let cells: Vec<Cow<'_, str>> = [
            model.entity(r.from()).id().into(),
            model.entity(r.to()).id().into(),
            r.id().into(),
            r.label(),
        ]
        .into_iter()
        .chain(
            rel_values(&r)
                .into_iter()
                .filter(|&(a, _)| rel_column(a))
                .map(|(_, v)| attr_cell(v)),
        )
        .collect();
        row(&mut w, &cells)?;
    }
    w.flush()
}

/// A column of `citations.csv` after the relationship id.
#[derive(Clone, Copy)]
enum CitationColumn {
    /// A field of the citation.
    Citation(CitationKey),
    /// A field of the source it cites.
    Source(SourceKey),
}

/// The columns of `citations.csv` after `relationship`: the source cited,
/// its title, kind, publisher, date and addresses, then where in it and
/// its words.
const CITATION_COLUMNS: [CitationColumn; 9] = [
    CitationColumn::Citation(CitationKey::Source),
    CitationColumn::Source(SourceKey::Title),
    CitationColumn::Source(SourceKey::Kind),
    CitationColumn::Source(SourceKey::Publisher),
    CitationColumn::Source(SourceKey::Published),
    CitationColumn::Source(SourceKey::Url),
    CitationColumn::Source(SourceKey::ArchivedUrl),
    CitationColumn::Citation(CitationKey::Locator),
    CitationColumn::Citation(CitationKey::Quote),
];

impl CitationColumn {
    fn name(self) -> &'static str {
        match self {
            CitationColumn::Citation(k) => k.key(),
            CitationColumn::Source(k) => k.key(),
        }
    }

    fn cell(self, c: &CitationRef<'_>) -> Cow<'static, str> {
        let v = match self {
            CitationColumn::Citation(k) => citation_field(c, k),
            CitationColumn::Source(k) => source_field(&c.source(), k),
        };
        attr_cell(v)
    }
}

/// Writes `citations.csv`: one row per citation of a relationship in the
/// view, with the source's title, publisher, date and address
/// (`CITATION_COLUMNS`).
pub fn write_citations(model: &Model, view: &View, out: impl Write) -> io::Result<()> {
    let mut w = writer(out);
    // `relationship` (the relationship's id) is this file's own column.
    let head: Vec<Cow<'_, str>> = std::iter::once("relationship")
        .chain(CITATION_COLUMNS.map(CitationColumn::name))
        .map(Cow::Borrowed)
        .collect();
    row(&mut w, &head)?;
    for r in relationships(model, view) {
        for c in r.evidence() {
            let cells: Vec<Cow<'_, str>> = std::iter::once(r.id().into())
                .chain(CITATION_COLUMNS.map(|col| col.cell(&c)))
                .collect();
            row(&mut w, &cells)?;
        }
    }
    w.flush()
}

/// Writes the three files into `dir` (which must exist).
pub fn write_dir(model: &Model, view: &View, dir: &Path) -> io::Result<()> {
    for (name, part) in FILES {
        let file = std::fs::File::create(dir.join(name))?;
        part(model, view, &mut io::BufWriter::new(file))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn formula_starts_are_neutralised() {
        for s in ["=1+1", "+A1", "-2", "@SUM(A1)", "\tx", "\rx", "'quoted"] {
            assert_eq!(neutralize(s), format!("'{s}"));
        }
        assert_eq!(neutralize("plain"), "plain");
        assert_eq!(neutralize(""), "");
    }

    proptest! {
        /// Neutralising never leaves a formula start and is undone exactly.
        #[test]
        fn neutralize_is_safe_and_reversible(s in any::<String>()) {
            let n = neutralize(&s);
            prop_assert!(!matches!(n.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')));
            prop_assert_eq!(unneutralize(&n), s.as_str());
        }

        /// A row written through the csv crate reads back cell for cell.
        #[test]
        fn cells_round_trip_through_rfc4180(cells in proptest::collection::vec(any::<String>(), 1..5)) {
            let mut buf = Vec::new();
            {
                let mut w = writer(&mut buf);
                let cow: Vec<Cow<'_, str>> = cells.iter().map(|c| Cow::Borrowed(c.as_str())).collect();
                row(&mut w, &cow).unwrap();
                w.flush().unwrap();
            }
            let mut r = ::csv::ReaderBuilder::new().has_headers(false).from_reader(&buf[..]);
            let rec = r.records().next().unwrap().unwrap();
            let back: Vec<&str> = rec.iter().map(unneutralize).collect();
            prop_assert_eq!(back, cells.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }
}
