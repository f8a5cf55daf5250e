//! The workbook export: one `.xlsx` file with the sheets `entities`,
//! `relationships` and `sources`, holding the same header and rows as the
//! CSV files ([`super::csv::Table`]), written with `rust_xlsxwriter`.
//!
//! Every text cell is a string cell (ids too, so `2013` stays text and no
//! spreadsheet turns a leading zero or a long number into something else),
//! numbers are number cells where a spreadsheet holds them exactly, and
//! `directed` and boolean properties are the text `true` or `false`, as in
//! the CSV files (see `write_cell` for why not boolean cells). The header row is
//! bold and frozen, and each column is as wide as its longest line (within
//! bounds). The workbook's creation time is fixed (the dataset's `updated`
//! date, else 2000-01-01), so the same data always gives the same bytes.

use super::csv::{Cell, Table, tables};
use crate::model::Model;
use crate::query::View;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::io::{self, Write};

/// The narrowest and widest a column is made, in characters.
const WIDTH: (usize, usize) = (6, 60);

/// Whole numbers below this are number cells: a double holds them exactly,
/// and a spreadsheet shows (and a reader writes back) all their digits
/// rather than an exponent.
const MAX_EXACT: u64 = 1_000_000_000_000_000;

/// Writes the workbook of `view` to `out`.
pub fn write(model: &Model, view: &View, mut out: impl Write) -> io::Result<()> {
    let bytes = workbook(model, view).map_err(|e| io::Error::other(e.to_string()))?;
    out.write_all(&bytes)?;
    out.flush()
}

/// The workbook of `view`, as bytes.
pub fn workbook(model: &Model, view: &View) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_creation_datetime(&created(model)?));
    let bold = Format::new().set_bold();
    for table in tables(model, view) {
        let sheet = book.add_worksheet();
        write_sheet(sheet, &table, &bold)?;
    }
    book.save_to_buffer()
}

/// The creation time written: the dataset's `updated` day, else 2000-01-01.
fn created(model: &Model) -> Result<ExcelDateTime, XlsxError> {
    match model.dataset().updated {
        Some(d) => ExcelDateTime::from_ymd(d.year(), d.month().unwrap_or(1), d.day().unwrap_or(1)),
        None => ExcelDateTime::from_ymd(2000, 1, 1),
    }
}

fn write_sheet(sheet: &mut Worksheet, table: &Table<'_>, bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name(table.name)?;
    let mut widths: Vec<usize> = table.header.iter().map(|h| width(h)).collect();
    for (col, h) in table.header.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, h, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut row = 0u32;
    let mut failed = None;
    table
        .for_each_row(|cells| {
            row += 1;
            for (col, cell) in cells.iter().enumerate() {
                if let Err(e) = write_cell(sheet, row, col as u16, cell) {
                    failed = Some(e);
                    return Err(io::Error::other("cell"));
                }
                widths[col] = widths[col].max(width(&cell.text()));
            }
            Ok(())
        })
        .map_err(|e| failed.take().unwrap_or(XlsxError::IoError(e)))?;
    for (col, w) in widths.into_iter().enumerate() {
        sheet.set_column_width(col as u16, w.clamp(WIDTH.0, WIDTH.1) as f64 + 1.0)?;
    }
    Ok(())
}

/// How wide a cell's text is: its longest line, in characters.
fn width(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

fn write_cell(sheet: &mut Worksheet, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            sheet.write_string(row, col, s)?;
        }
        // As the text `true`/`false`, not a boolean cell: LibreOffice saves a
        // boolean cell as the formula `=FALSE()` with the number 0, which
        // then reads back as a number.
        Cell::Bool(_) => {
            sheet.write_string(row, col, cell.text())?;
        }
        Cell::Number(n) => match exact(n) {
            Some(x) => {
                sheet.write_number(row, col, x)?;
            }
            // Kept as its JSON text, which reads back as that number.
            None => {
                sheet.write_string(row, col, n.to_string())?;
            }
        },
    }
    Ok(())
}

/// `n` as a double when a number cell gives it back as written: a whole
/// number below 10^15, or a number with a fractional part. A whole number
/// written with a decimal point or an exponent (`5.0`, `1e20`) is not: the
/// cell could not tell it from `5`.
fn exact(n: &serde_json::Number) -> Option<f64> {
    if let Some(u) = n.as_u64() {
        return (u < MAX_EXACT).then_some(u as f64);
    }
    if let Some(i) = n.as_i64() {
        return (i.unsigned_abs() < MAX_EXACT).then_some(i as f64);
    }
    n.as_f64().filter(|x| x.fract() != 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_numbers_a_cell_gives_back_are_number_cells() {
        let num = |s: &str| serde_json::from_str::<serde_json::Number>(s).unwrap();
        assert_eq!(exact(&num("87000000")), Some(87_000_000.0));
        assert_eq!(exact(&num("1.5")), Some(1.5));
        assert_eq!(exact(&num("-3")), Some(-3.0));
        assert_eq!(exact(&num("999999999999999")), Some(999_999_999_999_999.0));
        assert_eq!(exact(&num("1000000000000000")), None);
        assert_eq!(exact(&num("9007199254740993")), None);
        assert_eq!(exact(&num("5.0")), None);
        assert_eq!(exact(&num("1e20")), None);
    }

    #[test]
    fn widths_count_characters_of_the_longest_line() {
        assert_eq!(width("ab\nabcd"), 4);
        assert_eq!(width("é🕵"), 2);
        assert_eq!(width(""), 0);
    }
}
