//! casegraph's own spreadsheet layout (FORMAT.md, "CSV and spreadsheets"):
//! `entities.csv`, `relationships.csv` and `sources.csv`, whose columns are
//! the format's keys, plus `dataset.json` holding the dataset block and the
//! views, so that the directory given as `--data` is the whole dataset again.
//! The workbook export ([`super::xlsx`]) writes the same [`Table`]s as sheets.
//!
//! The columns come from the format's tables ([`crate::format::fields`]):
//! one per key, except that a relationship's `amount` is two columns
//! (`amount`, `currency`), its citations are `source`, `locator`, `quote`
//! and its disputes `disputed_by`, `dispute_source`, `dispute_quote` (one of
//! each per row: a relationship with more is repeated on rows with the same
//! `id`, holding only those cells), and free-form properties are one column
//! `properties.NAME` per name. Lists (`aliases`) are `;`-separated, with
//! `\;` and `\\` for a literal semicolon and backslash.
//!
//! Formula injection: a spreadsheet runs a cell that begins with `=`, `+`,
//! `-`, `@`, tab or carriage return as a formula. Such a cell is written
//! with a `'` in front (OWASP's advice), which spreadsheets show as text.
//! A cell that already begins with `'` gets one too, and so does a property
//! string that would read back as a number, a boolean or a list, so the rule
//! is undone exactly: the reader drops one leading `'` and takes the rest as
//! text.
//!
//! RFC 4180 through the `csv` crate: `\n` line ends, no byte-order mark, a
//! cell quoted only when it needs to be.

use super::common::{entity_order, relationship_order};
use super::json::{canonical_value, natural_key};
use super::values::{
    amount_field, citation_field, dispute_field, entity_field, relationship_field, source_field,
};
use crate::format::fields::{
    AmountKey, CitationKey, DisputeKey, EntityKey, RelationshipKey, SourceKey, TopKey,
};
use crate::format::{Field, Key, ValueKind};
use crate::model::{EntityIx, EntityRef, Model, PropertyValue, RelRef, SourceRef};
use crate::query::View;
use serde_json::{Number, Value};
use std::borrow::Cow;
use std::collections::{BTreeSet, HashSet};
use std::io::{self, Write};
use std::path::Path;

/// The writer of one file of the export.
pub type Part = fn(&Model, &View, &mut dyn Write) -> io::Result<()>;

/// The file beside the sheets that holds the dataset block and the views.
pub const DATASET_FILE: &str = "dataset.json";

/// The files of the export and their writers, in the order written: the
/// directory export and `build` both go through this list.
pub const FILES: [(&str, Part); 4] = [
    ("entities.csv", |m, v, o| write_table(&entities(m, v), o)),
    ("relationships.csv", |m, v, o| {
        write_table(&relationships(m, v), o)
    }),
    ("sources.csv", |m, v, o| write_table(&sources(m, v), o)),
    (DATASET_FILE, |m, v, o| write_dataset(m, v, o)),
];

/// One cell of the layout. Numbers and booleans stay typed so that the
/// workbook writer can write them as number and boolean cells; text is
/// already neutralised (see the module doc), so the CSV and the workbook
/// hold the same text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// No value: the key is absent.
    Empty,
    /// Text, as written in the file.
    Text(String),
    /// A number (`amount`, a numeric property), as written in JSON.
    Number(Number),
    /// `true` or `false`.
    Bool(bool),
}

impl Cell {
    /// The cell as CSV text.
    pub fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Empty => Cow::Borrowed(""),
            Cell::Text(s) => Cow::Borrowed(s),
            Cell::Number(n) => Cow::Owned(n.to_string()),
            Cell::Bool(b) => Cow::Borrowed(if *b { "true" } else { "false" }),
        }
    }
}

/// What receives a table's rows, one at a time.
type RowSink<'s> = dyn FnMut(Vec<Cell>) -> io::Result<()> + 's;

/// What makes a table's rows, handing each to a [`RowSink`].
type Rows<'a> = Box<dyn Fn(&mut RowSink<'_>) -> io::Result<()> + 'a>;

/// One sheet: its name (the file's name without `.csv`), its header and its
/// rows, made one record at a time.
pub struct Table<'a> {
    /// `entities`, `relationships` or `sources`.
    pub name: &'static str,
    /// The column names.
    pub header: Vec<String>,
    /// What each column holds, from the format's tables: whether a record
    /// must fill it, its meaning, and the kind of value its cells hold.
    pub about: Vec<(bool, String, ValueKind)>,
    /// Each record's rows (a relationship may take several).
    records: Rows<'a>,
}

impl Table<'_> {
    /// Calls `row` with every row, in the canonical order.
    pub fn for_each_row(&self, mut row: impl FnMut(Vec<Cell>) -> io::Result<()>) -> io::Result<()> {
        (self.records)(&mut row)
    }
}

/// A cell made safe to open in a spreadsheet (see the module doc).
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    let first = cell.as_bytes().first();
    // A space or tab at either end would be trimmed as padding on reading:
    // the apostrophe keeps it (the reader trims nothing after one).
    let padded =
        matches!(first, Some(b' ')) || matches!(cell.as_bytes().last(), Some(b' ' | b'\t'));
    match first {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r' | b'\'') => Cow::Owned(format!("'{cell}")),
        _ if padded => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Undoes [`neutralize`].
pub fn unneutralize(cell: &str) -> &str {
    cell.strip_prefix('\'').unwrap_or(cell)
}

/// A string value as a cell: neutralised, and an empty string as a lone
/// `'` (an empty cell is an absent key).
fn text_cell(s: &str) -> Cell {
    if s.is_empty() {
        return Cell::Text("'".into());
    }
    Cell::Text(neutralize(s).into_owned())
}

/// A `properties.NAME` string as a cell: also guarded when it would read
/// back as a number, `true`/`false` or a JSON array (CSV-CONVENTIONS rule 4).
fn property_text_cell(s: &str) -> Cell {
    let typed = |t: &str| {
        matches!(
            serde_json::from_str::<Value>(t),
            Ok(Value::Number(_) | Value::Bool(_) | Value::Array(_))
        )
    };
    if typed(s) || typed(s.trim()) {
        return Cell::Text(format!("'{s}"));
    }
    text_cell(s)
}

/// A list as one cell: `;`-separated, `\;` and `\\` escaped, neutralised
/// as a whole (the reader drops the `'` before splitting).
fn list_cell(items: &[Value]) -> Cell {
    if items.is_empty() {
        return Cell::Empty;
    }
    let joined: Vec<String> = items
        .iter()
        .map(|v| {
            let s = v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            s.replace('\\', "\\\\").replace(';', "\\;")
        })
        .collect();
    let cell = joined.join(";");
    // An empty item, or one with spaces at its ends, would be dropped or
    // trimmed on reading: after a leading apostrophe the reader keeps
    // every item as written.
    let padded = |s: &String| s.is_empty() || s.trim() != s.as_str();
    if joined.iter().any(padded) {
        return Cell::Text(format!("'{cell}"));
    }
    Cell::Text(neutralize(&cell).into_owned())
}

/// A value of a format field as a cell.
fn value_cell(v: Option<Value>) -> Cell {
    match v {
        None | Some(Value::Null) => Cell::Empty,
        Some(Value::String(s)) => text_cell(&s),
        Some(Value::Number(n)) => Cell::Number(n),
        Some(Value::Bool(b)) => Cell::Bool(b),
        Some(Value::Array(items)) => list_cell(&items),
        // No field left for a cell holds an object (amounts and properties
        // have their own columns); JSON text keeps it whole if one does.
        Some(other @ Value::Object(_)) => text_cell(&other.to_string()),
    }
}

/// A property value as a cell.
fn property_cell(v: Option<&PropertyValue<'_>>) -> Cell {
    match v.map(PropertyValue::to_json) {
        None | Some(Value::Null) => Cell::Empty,
        Some(Value::String(s)) => property_text_cell(&s),
        Some(Value::Number(n)) => Cell::Number(n),
        Some(Value::Bool(b)) => Cell::Bool(b),
        // `[…]` starts no formula and reads back as the list.
        Some(list) => Cell::Text(list.to_string()),
    }
}

/// The header of a `properties.NAME` column: with a leading apostrophe
/// when NAME ends in a space or tab, which the reader would otherwise trim
/// as padding (nothing after a leading apostrophe is trimmed).
fn property_header(name: &str) -> String {
    let header = format!("{}.{name}", EntityKey::Properties.key());
    if name.ends_with([' ', '\t']) {
        format!("'{header}")
    } else {
        header
    }
}

/// A column of a record kind without nested objects (sources, entities):
/// a field, or one free-form property.
enum Column<K> {
    Field(K),
    Property(String),
}

/// The columns of a record kind: its keys in table order, `properties`
/// spread into one column per name in `names` (sorted).
fn columns<K: Key>(names: &BTreeSet<&str>) -> Vec<Column<K>> {
    K::ALL
        .iter()
        .flat_map(|&k| match k.field().value {
            ValueKind::Properties => names
                .iter()
                .map(|n| Column::Property((*n).to_owned()))
                .collect(),
            _ => vec![Column::Field(k)],
        })
        .collect()
}

fn header<K: Key>(cols: &[Column<K>]) -> Vec<String> {
    cols.iter()
        .map(|c| match c {
            Column::Field(k) => k.key().to_owned(),
            Column::Property(n) => property_header(n),
        })
        .collect()
}

/// What a free-form property column holds.
const PROPERTY_ABOUT: &str = "A free-form property, named after `properties.`: text, a \
                              number, `true`/`false` or a JSON list.";

/// What a field's column holds (see [`Table::about`]).
fn field_about(f: &Field) -> (bool, String, ValueKind) {
    (f.required, f.description().to_owned(), f.value)
}

fn about<K: Key>(cols: &[Column<K>]) -> Vec<(bool, String, ValueKind)> {
    cols.iter()
        .map(|c| match c {
            Column::Field(k) => field_about(k.field()),
            Column::Property(_) => (false, PROPERTY_ABOUT.to_owned(), ValueKind::Properties),
        })
        .collect()
}

/// "Citations: the source cited." from the two fields' descriptions.
fn nested_about(parent: &Field, child: &Field) -> String {
    let p = parent.description().trim_end_matches('.');
    let c = child.description();
    let mut chars = c.chars();
    let first = chars.next().map(|f| f.to_lowercase().collect::<String>());
    format!("{p}: {}{}", first.unwrap_or_default(), chars.as_str())
}

/// Whether `view` is the whole dataset (then every source and the views
/// are written too).
fn is_whole(model: &Model, view: &View) -> bool {
    view.entities.count_ones(..) == model.entity_count()
        && view.relationship_count() == model.relationship_count()
}

/// The relationships written, in the canonical order (natural order of ids).
fn rel_order<'a>(model: &'a Model, view: &View) -> Vec<RelRef<'a>> {
    let mut rels: Vec<RelRef<'a>> = relationship_order(model, view)
        .into_iter()
        .map(|ix| model.relationship(ix))
        .collect();
    rels.sort_by(|a, b| natural_key(a.id()).cmp(&natural_key(b.id())));
    rels
}

/// The entities written, sorted by id: the view's, and those its
/// relationships' disputes name, so a filtered export still loads.
fn entity_list<'a>(model: &'a Model, view: &View) -> Vec<EntityRef<'a>> {
    let mut ixs: Vec<EntityIx> = entity_order(model, view);
    if !is_whole(model, view) {
        let mut seen: HashSet<EntityIx> = ixs.iter().copied().collect();
        for r in rel_order(model, view) {
            for d in r.disputes() {
                if seen.insert(d.entity().ix()) {
                    ixs.push(d.entity().ix());
                }
            }
        }
    }
    let mut list: Vec<EntityRef<'a>> = ixs.into_iter().map(|ix| model.entity(ix)).collect();
    list.sort_by_key(EntityRef::id);
    list
}

/// The sources written, sorted by id: every source for the whole dataset,
/// else those the written relationships cite or dispute with.
fn source_list<'a>(model: &'a Model, view: &View) -> Vec<SourceRef<'a>> {
    let mut list: Vec<SourceRef<'a>> = if is_whole(model, view) {
        model.sources().collect()
    } else {
        let mut seen = HashSet::new();
        let mut list = Vec::new();
        for r in rel_order(model, view) {
            let cited = r
                .evidence()
                .map(|c| c.source())
                .chain(r.disputes().map(|d| d.source()));
            for s in cited {
                if seen.insert(s.id()) {
                    list.push(s);
                }
            }
        }
        list
    };
    list.sort_by_key(SourceRef::id);
    list
}

/// The `sources` sheet.
pub fn sources<'a>(model: &'a Model, view: &View) -> Table<'a> {
    let cols: Vec<Column<SourceKey>> = columns(&BTreeSet::new());
    let list = source_list(model, view);
    Table {
        name: "sources",
        header: header(&cols),
        about: about(&cols),
        records: Box::new(move |row| {
            for s in &list {
                row(cols
                    .iter()
                    .map(|c| match c {
                        Column::Field(k) => value_cell(source_field(s, *k)),
                        // Sources have no free-form properties.
                        Column::Property(_) => Cell::Empty,
                    })
                    .collect())?;
            }
            Ok(())
        }),
    }
}

/// The `entities` sheet.
pub fn entities<'a>(model: &'a Model, view: &View) -> Table<'a> {
    let list = entity_list(model, view);
    let names: BTreeSet<&'a str> = list
        .iter()
        .flat_map(|e| e.properties().map(|(k, _)| k))
        .collect();
    let cols: Vec<Column<EntityKey>> = columns(&names);
    Table {
        name: "entities",
        header: header(&cols),
        about: about(&cols),
        records: Box::new(move |row| {
            for e in &list {
                let props: Vec<(&str, PropertyValue<'_>)> = e.properties().collect();
                row(cols
                    .iter()
                    .map(|c| match c {
                        Column::Field(k) => value_cell(entity_field(e, *k)),
                        Column::Property(n) => {
                            property_cell(props.iter().find(|(k, _)| k == n).map(|(_, v)| v))
                        }
                    })
                    .collect())?;
            }
            Ok(())
        }),
    }
}

/// A column of `relationships`: the record's fields, with `amount`,
/// `evidence`, `disputed_by` and `properties` spread over several.
enum RelColumn {
    Field(RelationshipKey),
    Amount(AmountKey),
    Citation(CitationKey),
    Dispute(DisputeKey),
    Property(String),
}

impl RelColumn {
    /// The column's header (CSV-CONVENTIONS rule 2).
    fn header(&self) -> String {
        match self {
            RelColumn::Field(k) => k.key().to_owned(),
            // `amount` holds the value, `currency` its code.
            RelColumn::Amount(AmountKey::Value) => RelationshipKey::Amount.key().to_owned(),
            RelColumn::Amount(k) => k.key().to_owned(),
            RelColumn::Citation(k) => k.key().to_owned(),
            // `disputed_by` holds the entity, `dispute_source`, `dispute_quote` the rest.
            RelColumn::Dispute(DisputeKey::Entity) => RelationshipKey::DisputedBy.key().to_owned(),
            RelColumn::Dispute(k) => format!("dispute_{}", k.key()),
            RelColumn::Property(n) => property_header(n),
        }
    }

    /// Whether a record must fill it, what it holds, and its kind of value.
    fn about(&self) -> (bool, String, ValueKind) {
        let nested = |parent: RelationshipKey, child: &Field| {
            (false, nested_about(parent.field(), child), child.value)
        };
        match self {
            RelColumn::Field(k) => field_about(k.field()),
            RelColumn::Amount(k) => nested(RelationshipKey::Amount, k.field()),
            RelColumn::Citation(k) => nested(RelationshipKey::Evidence, k.field()),
            RelColumn::Dispute(k) => nested(RelationshipKey::DisputedBy, k.field()),
            RelColumn::Property(_) => (false, PROPERTY_ABOUT.to_owned(), ValueKind::Properties),
        }
    }

    /// Whether a continuation row (the second citation or dispute on) fills it.
    fn repeats(&self) -> bool {
        matches!(
            self,
            RelColumn::Field(RelationshipKey::Id) | RelColumn::Citation(_) | RelColumn::Dispute(_)
        )
    }
}

/// The columns of `relationships`, in the table's order.
fn rel_columns(names: &BTreeSet<&str>) -> Vec<RelColumn> {
    RelationshipKey::ALL
        .iter()
        .flat_map(|&k| match k {
            RelationshipKey::Amount => AmountKey::ALL
                .iter()
                .map(|&a| RelColumn::Amount(a))
                .collect(),
            RelationshipKey::Evidence => CitationKey::ALL
                .iter()
                .map(|&c| RelColumn::Citation(c))
                .collect(),
            RelationshipKey::DisputedBy => DisputeKey::ALL
                .iter()
                .map(|&d| RelColumn::Dispute(d))
                .collect(),
            RelationshipKey::Properties => names
                .iter()
                .map(|n| RelColumn::Property((*n).to_owned()))
                .collect(),
            k => vec![RelColumn::Field(k)],
        })
        .collect::<Vec<_>>()
}

/// The rows of one relationship: max(citations, disputes, 1) of them, the
/// first with every cell, the others with the id and their citation and
/// dispute only (CSV-CONVENTIONS rule 3).
fn rel_rows(model: &Model, r: &RelRef<'_>, cols: &[RelColumn]) -> Vec<Vec<Cell>> {
    let evidence: Vec<_> = r.evidence().collect();
    let disputes: Vec<_> = r.disputes().collect();
    let props: Vec<(&str, PropertyValue<'_>)> = r.properties().collect();
    let n = evidence.len().max(disputes.len()).max(1);
    (0..n)
        .map(|i| {
            cols.iter()
                .map(|c| {
                    if i > 0 && !c.repeats() {
                        return Cell::Empty;
                    }
                    match c {
                        // The id is always written (canonical JSON spells out
                        // default ids), but for one too long to be written,
                        // which the reader makes again when it is alone.
                        RelColumn::Field(RelationshipKey::Id)
                            if n == 1 && r.id().len() > crate::format::MAX_ID_LEN =>
                        {
                            Cell::Empty
                        }
                        RelColumn::Field(k) => value_cell(relationship_field(model, r, *k)),
                        RelColumn::Amount(k) => {
                            value_cell(r.amount().and_then(|a| amount_field(&a, *k)))
                        }
                        RelColumn::Citation(k) => {
                            value_cell(evidence.get(i).and_then(|c| citation_field(c, *k)))
                        }
                        RelColumn::Dispute(k) => {
                            value_cell(disputes.get(i).and_then(|d| dispute_field(d, *k)))
                        }
                        RelColumn::Property(name) => {
                            property_cell(props.iter().find(|(k, _)| k == name).map(|(_, v)| v))
                        }
                    }
                })
                .collect()
        })
        .collect()
}

/// The `relationships` sheet.
pub fn relationships<'a>(model: &'a Model, view: &View) -> Table<'a> {
    let list = rel_order(model, view);
    let names: BTreeSet<&'a str> = list
        .iter()
        .flat_map(|r| r.properties().map(|(k, _)| k))
        .collect();
    let cols = rel_columns(&names);
    Table {
        name: "relationships",
        header: cols.iter().map(RelColumn::header).collect(),
        about: cols.iter().map(RelColumn::about).collect(),
        records: Box::new(move |row| {
            for r in &list {
                for cells in rel_rows(model, r, &cols) {
                    row(cells)?;
                }
            }
            Ok(())
        }),
    }
}

/// The three sheets, in the order a workbook holds them.
pub fn tables<'a>(model: &'a Model, view: &View) -> [Table<'a>; 3] {
    [
        entities(model, view),
        relationships(model, view),
        sources(model, view),
    ]
}

fn writer<W: Write>(out: W) -> ::csv::Writer<W> {
    ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// Writes one table as CSV.
pub fn write_table(table: &Table<'_>, out: impl Write) -> io::Result<()> {
    let mut w = writer(out);
    w.write_record(&table.header).map_err(io::Error::other)?;
    table.for_each_row(|cells| {
        w.write_record(cells.iter().map(|c| c.text().into_owned()))
            .map_err(io::Error::other)
    })?;
    w.flush()
}

/// The `dataset.json` beside the sheets: the canonical JSON's `format`,
/// `dataset` and `views` (the views only for the whole dataset: a filtered
/// export may not hold what they name).
///
/// # Panics
///
/// Never: a `serde_json::Value` always serializes.
pub fn dataset_json(model: &Model, view: &View) -> String {
    let whole = is_whole(model, view);
    let mut value = canonical_value(model);
    if let Value::Object(map) = &mut value {
        map.retain(|k, _| match TopKey::from_key(k) {
            Some(TopKey::Format | TopKey::Dataset) => true,
            Some(TopKey::Views) => whole,
            _ => false,
        });
    }
    let mut s = serde_json::to_string_pretty(&value).expect("a JSON value always serializes");
    s.push('\n');
    s
}

/// Writes `dataset.json` (see [`dataset_json`]).
pub fn write_dataset(model: &Model, view: &View, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(dataset_json(model, view).as_bytes())?;
    out.flush()
}

/// Writes the four files into `dir` (which must exist).
pub fn write_dir(model: &Model, view: &View, dir: &Path) -> io::Result<()> {
    for (name, part) in FILES {
        let file = std::fs::File::create(dir.join(name))?;
        let mut out = io::BufWriter::new(file);
        part(model, view, &mut out)?;
        out.flush()?;
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

    #[test]
    fn property_strings_that_read_as_other_types_are_guarded() {
        for s in ["12", "1.5", "true", "false", "[1]", " 7 ", "-3", ""] {
            let Cell::Text(t) = property_text_cell(s) else {
                panic!("{s:?} is text")
            };
            assert_eq!(t, format!("'{s}"), "{s:?}");
        }
        assert_eq!(property_text_cell("Panama"), Cell::Text("Panama".into()));
        assert_eq!(property_text_cell("null"), Cell::Text("null".into()));
    }

    #[test]
    fn lists_escape_their_separator() {
        let items = [Value::from("a;b"), Value::from("c\\d"), Value::from("=e")];
        assert_eq!(list_cell(&items), Cell::Text("a\\;b;c\\\\d;=e".into()));
        assert_eq!(
            list_cell(&[Value::from("=x"), Value::from("y")]),
            Cell::Text("'=x;y".into())
        );
        assert_eq!(list_cell(&[]), Cell::Empty);
    }

    #[test]
    fn headers_follow_the_conventions() {
        let cols = rel_columns(&["weight"].into_iter().collect());
        let header: Vec<String> = cols.iter().map(RelColumn::header).collect();
        assert_eq!(
            header,
            [
                "id",
                "from",
                "to",
                "type",
                "label",
                "directed",
                "date",
                "start",
                "end",
                "status",
                "amount",
                "currency",
                "source",
                "locator",
                "quote",
                "disputed_by",
                "dispute_source",
                "dispute_quote",
                "properties.weight",
            ]
        );
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
                let row: Vec<String> = cells.iter().map(|c| neutralize(c).into_owned()).collect();
                w.write_record(&row).unwrap();
                w.flush().unwrap();
            }
            let mut r = ::csv::ReaderBuilder::new().has_headers(false).from_reader(&buf[..]);
            let rec = r.records().next().unwrap().unwrap();
            let back: Vec<&str> = rec.iter().map(unneutralize).collect();
            prop_assert_eq!(back, cells.iter().map(String::as_str).collect::<Vec<_>>());
        }
    }
}
