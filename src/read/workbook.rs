//! Workbooks (`.xlsx`, `.ods`): `calamine` reads the sheets, and each of
//! the format's sheets (`entities`, `relationships`, `sources`, names
//! compared case-insensitively) is written out as CSV text, one line per
//! sheet row, which the CSV reader ([`super::csv`]) then reads like a file.
//!
//! Why a text: a diagnostic shows the row it is about with a caret under
//! the cell, as for JSON and CSV, and the text is what it shows; the
//! [`SheetPlace`] maps its positions back to the sheet's rows and columns
//! (`case.xlsx:relationships!D14`). Cells become text the way the format
//! says: a date cell `YYYY-MM-DD`, a whole number without a decimal point
//! (so `2013` in a date column is a year), a boolean `true`/`false`, a
//! formula its cached value.

use super::csv::Table;
use crate::diag::SheetPlace;
use calamine::{Data, Reader};

/// One of the format's sheets, written out as CSV text.
#[derive(Debug)]
pub struct Sheet {
    /// Which table it is.
    pub table: Table,
    /// The text the CSV reader reads.
    pub text: String,
    /// Where the text's positions are in the sheet (`book` left empty).
    pub place: SheetPlace,
}

/// What a workbook holds for the format.
#[derive(Debug)]
pub struct Book {
    /// The format's sheets, in the workbook's order.
    pub sheets: Vec<Sheet>,
    /// The names of the other sheets, which are not read.
    pub ignored: Vec<String>,
}

/// Reads a workbook's bytes; `ods` says which of the two formats it is
/// (from the file's extension). The error is a sentence on why it cannot
/// be read.
///
/// A damaged file can make calamine panic (0.27 indexes its shared-string
/// table with the cell's number unchecked: found by `fuzz/`'s
/// `load_workbook`; 0.32 checks it, but pulls in zip 4, whose flate2
/// backend changes every PNG `build` writes). Such a panic is caught and
/// becomes this error, so a damaged workbook is an error naming the file,
/// like any other, never a crash.
pub fn read(bytes: Vec<u8>, ods: bool) -> Result<Book, String> {
    quietly_caught(|| read_unguarded(bytes, ods)).unwrap_or_else(|why| {
        Err(format!(
            "damaged: the spreadsheet reader stopped on it ({why})"
        ))
    })
}

thread_local! {
    /// Set while [`quietly_caught`] runs: the panic hook stays silent.
    static CATCHING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f`, turning a panic inside it into `Err` with the panic's message.
/// The panic hook prints nothing for it (the default hook would print
/// "thread panicked at …" on the user's terminal, for an error reported
/// properly); any other panic is printed by the hook that was there before.
fn quietly_caught<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.with(std::cell::Cell::get) {
                before(info);
            }
        }));
    });
    CATCHING.with(|c| c.set(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    CATCHING.with(|c| c.set(false));
    result.map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "an internal error".to_owned())
    })
}

fn read_unguarded(bytes: Vec<u8>, ods: bool) -> Result<Book, String> {
    let cursor = std::io::Cursor::new(bytes);
    if ods {
        let book: calamine::Ods<_> = calamine::open_workbook_from_rs(cursor)
            .map_err(|e| format!("not a readable OpenDocument spreadsheet ({e})"))?;
        sheets(book, false)
    } else {
        let book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(cursor)
            .map_err(|e| format!("not a readable Excel workbook ({e})"))?;
        sheets(book, true)
    }
}

/// The format's sheets of `book`; `xlsx` says its strings carry Excel's
/// `_xHHHH_` escapes (see [`unescape_xlsx`]).
fn sheets<R: Reader<std::io::Cursor<Vec<u8>>>>(mut book: R, xlsx: bool) -> Result<Book, String>
where
    R::Error: std::fmt::Display,
{
    let mut out = Book {
        sheets: Vec::new(),
        ignored: Vec::new(),
    };
    let mut seen = Vec::new();
    for name in book.sheet_names() {
        let table = Table::from_name(&name).filter(|t| !seen.contains(t));
        let Some(table) = table else {
            out.ignored.push(name);
            continue;
        };
        seen.push(table);
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("its sheet `{name}` cannot be read ({e})"))?;
        // Formulas only to find booleans: LibreOffice keeps a boolean as
        // the number 0 or 1 with the formula `=FALSE()` or `=TRUE()`.
        let formulas = book.worksheet_formula(&name).ok();
        let (text, lines, first_col) = write_out(&range, formulas.as_ref(), xlsx);
        out.sheets.push(Sheet {
            table,
            text,
            place: SheetPlace {
                book: String::new(),
                sheet: name,
                lines,
                first_col,
            },
        });
    }
    Ok(out)
}

/// The sheet as CSV text, each line's offset and sheet row, and the sheet
/// column of the first field.
fn write_out(
    range: &calamine::Range<Data>,
    formulas: Option<&calamine::Range<String>>,
    xlsx: bool,
) -> (String, Vec<(u32, u32)>, u32) {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let boolean = |r: usize, c: usize| -> Option<bool> {
        let f = formulas?.get_value((row0 + r as u32, col0 + c as u32))?;
        let f = f.trim_start_matches("of:").trim_start_matches('=');
        match f.to_ascii_uppercase().as_str() {
            "TRUE()" => Some(true),
            "FALSE()" => Some(false),
            _ => None,
        }
    };
    let mut text = String::new();
    let mut lines = Vec::with_capacity(range.height());
    for (i, row) in range.rows().enumerate() {
        lines.push((text.len() as u32, row0 + i as u32 + 1));
        let used = row
            .iter()
            .rposition(|d| *d != Data::Empty)
            .map_or(0, |n| n + 1);
        for (j, data) in row[..used].iter().enumerate() {
            if j > 0 {
                text.push(',');
            }
            let cell = match (data, boolean(i, j)) {
                (Data::Float(_) | Data::Int(_) | Data::Bool(_), Some(b)) => b.to_string(),
                (Data::String(s), _) if xlsx => unescape_xlsx(s),
                _ => cell_text(data),
            };
            push_field(&mut text, &cell);
        }
        text.push('\n');
    }
    (text, lines, col0)
}

/// An Excel string with its `_xHHHH_` escapes decoded. XML 1.0 cannot
/// carry most control characters, so Excel, and rust_xlsxwriter after it,
/// writes U+0001 as `_x0001_` and a literal `_x0001_` as `_x005F_x0001_`;
/// calamine hands the escapes over as written. Decoded once, left to
/// right, as Excel reads them (an escape naming no character stays as it is).
fn unescape_xlsx(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find("_x") {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let decoded = tail
            .get(2..6)
            .filter(|hex| {
                hex.bytes().all(|b| b.is_ascii_hexdigit()) && tail.as_bytes().get(6) == Some(&b'_')
            })
            .and_then(|hex| u32::from_str_radix(hex, 16).ok())
            .and_then(char::from_u32);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &tail[7..];
            }
            None => {
                out.push_str("_x");
                rest = &tail[2..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A cell's value as the text the CSV reader reads.
fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Bool(b) => b.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number(*f),
        Data::DateTime(dt) => excel_date(dt.as_f64()),
        // ODS writes dates as ISO 8601: the date part is kept.
        Data::DateTimeIso(s) => s.split('T').next().unwrap_or(s).to_owned(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// The `YYYY-MM-DD` of an Excel date serial (days since 1899-12-30, the
/// 1900 date system that Excel and LibreOffice write; the time of day is
/// dropped). Serials below 61 are one more day off, for Excel's 29
/// February 1900 that never was.
fn excel_date(serial: f64) -> String {
    let days = serial.floor() as i64 + i64::from(serial < 61.0);
    // Days from 1970-01-01, then the civil date (H. Hinnant's algorithm).
    let z = days - 25_569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A number as JSON writes it: whole numbers without a decimal point.
fn number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        (f as i64).to_string()
    } else {
        serde_json::Number::from_f64(f).map_or_else(|| f.to_string(), |n| n.to_string())
    }
}

/// Appends `s` as one RFC 4180 field, quoted when it must be.
fn push_field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A workbook whose cell names a shared string that does not exist
    /// made calamine 0.27 panic (found by `fuzz/`'s `load_workbook`).
    #[test]
    fn a_workbook_that_makes_calamine_panic_is_an_error() {
        let bytes = include_bytes!("../../fuzz/regressions/load_workbook/shared-string-index.xlsx");
        let err = read(bytes.to_vec(), false).expect_err("a damaged workbook");
        assert!(err.starts_with("damaged: "), "{err}");
        assert!(err.contains("index out of bounds"), "{err}");
        // The guard is not left on: a later panic elsewhere still panics.
        assert!(std::panic::catch_unwind(|| panic!("elsewhere")).is_err());
        assert!(!CATCHING.with(std::cell::Cell::get));
    }

    #[test]
    fn numbers_read_as_json_writes_them() {
        assert_eq!(number(2013.0), "2013");
        assert_eq!(number(1.5), "1.5");
        assert_eq!(number(-3.0), "-3");
        assert_eq!(number(87_000_000.0), "87000000");
    }

    #[test]
    fn excel_serials_are_calendar_dates() {
        assert_eq!(excel_date(43_176.0), "2018-03-17");
        assert_eq!(excel_date(43_176.75), "2018-03-17");
        assert_eq!(excel_date(1.0), "1900-01-01");
        assert_eq!(excel_date(61.0), "1900-03-01");
        assert_eq!(excel_date(25_569.0), "1970-01-01");
        assert_eq!(excel_date(2_958_465.0), "9999-12-31");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let mut s = String::new();
        push_field(&mut s, "a, \"b\"\nc");
        s.push(',');
        push_field(&mut s, "plain");
        assert_eq!(s, "\"a, \"\"b\"\"\nc\",plain");
    }

    #[test]
    fn excel_escapes_are_decoded_once() {
        assert_eq!(unescape_xlsx("a_x0000_b"), "a\u{0}b");
        assert_eq!(unescape_xlsx("_x005F_x0001_"), "_x0001_");
        assert_eq!(unescape_xlsx("_x12_ _xZZZZ_ _x"), "_x12_ _xZZZZ_ _x");
        assert_eq!(unescape_xlsx("\u{e9}_x0009_\u{e9}"), "\u{e9}\t\u{e9}");
    }
}
