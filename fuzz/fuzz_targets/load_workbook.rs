//! A workbook (`.xlsx` or `.ods`) as a dataset, through the whole loader and
//! the diagnostic printers: diagnostics, never a panic; a valid workbook's
//! dataset survives its canonical JSON.
//!
//! Zip archives carry checksums, so mutated bytes rarely get past the zip
//! layer. The input is therefore one of two things:
//!
//! - an input that starts as a zip file does (`PK\x03\x04`) is the
//!   workbook file itself, `.ods` when it names OpenDocument's mime type,
//!   else `.xlsx`: what the zip and XML layers (calamine's) make of a
//!   damaged file. The seeds are real workbooks (LibreOffice's and
//!   casegraph's own), so mutations start from files that open;
//! - any other input is read with `arbitrary` as **sheets**: cells of
//!   every kind a workbook has (text, numbers, booleans, dates, formulas with a cached result, empty cells), under sheet names
//!   and headers drawn mostly from the format's own, written into a real
//!   `.xlsx` with rust_xlsxwriter and loaded: the reader's own rules
//!   (headers, cell kinds, continuation rows, dates, cell positions).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// Every header the format's three sheets know, and a property column.
const HEADERS: &[&str] = &[
    "id",
    "name",
    "kind",
    "aliases",
    "description",
    "url",
    "start",
    "end",
    "title",
    "publisher",
    "author",
    "published",
    "archived_url",
    "notes",
    "from",
    "to",
    "type",
    "label",
    "directed",
    "date",
    "status",
    "amount",
    "currency",
    "source",
    "locator",
    "quote",
    "disputed_by",
    "dispute_source",
    "dispute_quote",
    "properties.x",
    "properties.",
    "'properties.y ",
];

/// Words the format gives meaning to, so that rows can be valid.
const WORDS: &[&str] = &[
    "person",
    "organization",
    "confirmed",
    "reported",
    "alleged",
    "denied",
    "news",
    "court_filing",
    "USD",
    "EUR",
    "true",
    "false",
    "2019-03-17",
    "2018",
    "a;b\\;c",
    "'=1+1",
    "advised",
    "owns",
];

#[derive(Arbitrary, Debug)]
struct Sheet {
    name: SheetName,
    rows: Vec<Vec<Cell>>,
}

#[derive(Arbitrary, Debug)]
enum SheetName {
    Entities,
    Relationships,
    Sources,
    /// A known name in upper case (names are compared case-insensitively).
    Upper(u8),
    Other(String),
}

#[derive(Arbitrary, Debug)]
enum Cell {
    Empty,
    Header(u8),
    Word(u8),
    /// An id-like text (`e3`, `s1`), so references can resolve.
    Ref(bool, u8),
    Text(String),
    Number(f64),
    Int(i16),
    Bool(bool),
    Date(u16, u8, u8),
    Formula(String, String),
}

const SHEETS: [&str; 3] = ["entities", "relationships", "sources"];

/// The workbook these sheets make, or `None` where rust_xlsxwriter refuses
/// something (a sheet name Excel forbids, a name given twice…).
fn workbook(sheets: &[Sheet]) -> Option<Vec<u8>> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for sheet in sheets.iter().take(5) {
        let name = match &sheet.name {
            SheetName::Entities => SHEETS[0].to_owned(),
            SheetName::Relationships => SHEETS[1].to_owned(),
            SheetName::Sources => SHEETS[2].to_owned(),
            SheetName::Upper(i) => SHEETS[*i as usize % 3].to_uppercase(),
            SheetName::Other(s) => s.clone(),
        };
        let ws = book.add_worksheet();
        ws.set_name(&name).ok()?;
        for (r, row) in sheet.rows.iter().take(24).enumerate() {
            for (c, cell) in row.iter().take(24).enumerate() {
                let (r, c) = (r as u32, c as u16);
                let written = match cell {
                    Cell::Empty => continue,
                    Cell::Header(i) => ws
                        .write_string(r, c, HEADERS[*i as usize % HEADERS.len()])
                        .map(|_| ()),
                    Cell::Word(i) => ws
                        .write_string(r, c, WORDS[*i as usize % WORDS.len()])
                        .map(|_| ()),
                    Cell::Ref(source, n) => {
                        let id = format!("{}{}", if *source { "s" } else { "e" }, n % 8);
                        ws.write_string(r, c, id).map(|_| ())
                    }
                    Cell::Text(s) => ws.write_string(r, c, s).map(|_| ()),
                    Cell::Number(x) => ws.write_number(r, c, *x).map(|_| ()),
                    Cell::Int(n) => ws.write_number(r, c, f64::from(*n)).map(|_| ()),
                    Cell::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                    Cell::Date(y, m, d) => match ExcelDateTime::from_ymd(1900 + y % 300, *m, *d) {
                        Ok(dt) => ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ()),
                        Err(_) => continue,
                    },
                    Cell::Formula(f, result) => ws
                        .write_formula(r, c, Formula::new(format!("={f}")).set_result(result))
                        .map(|_| ()),
                };
                // A cell rust_xlsxwriter refuses (text past Excel's limit…) is left out.
                let _ = written;
            }
        }
    }
    book.save_to_buffer().ok()
}

fuzz_target!(|data: &[u8]| {
    let (name, bytes) = if data.starts_with(b"PK\x03\x04") {
        let ods = data.windows(25).any(|w| w == b"application/vnd.oasis.ope");
        (if ods { "case.ods" } else { "case.xlsx" }, data.to_vec())
    } else {
        let Ok(sheets) = Vec::<Sheet>::arbitrary_take_rest(arbitrary::Unstructured::new(data))
        else {
            return;
        };
        match workbook(&sheets) {
            Some(bytes) => ("case.xlsx", bytes),
            None => return,
        }
    };
    let dir = casegraph_fuzz::dir_with("workbook", &[(name, &bytes)]);
    // The workbook given directly as `--data`, as a user may.
    let loaded = casegraph_fuzz::load_checked(dir.join(name));
    if let Some(model) = &loaded.model {
        casegraph_fuzz::check_canonical_round_trip(model);
    }
});
