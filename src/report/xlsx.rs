//! The report as an Excel workbook: a "Scorecard" sheet and an objectives
//! sheet, both built from the typed tables of [`crate::report`].
//!
//! Numbers are written as numbers (a `Decimal` becomes an `f64` only here, at
//! the cell), dates and instants as Excel dates with a date format, text as
//! text: a note starting with `=` stays a string, since it is never written as
//! a formula. Every sheet has a bold frozen header row, an autofilter and
//! column widths fitted to what the column holds.

use cruscotto_engine::Lang;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use crate::report::{objective_table, scorecard_table, Cell, Report, Shape, Table};

/// Why a workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WorkbookError(#[from] XlsxError);

impl WorkbookError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::It => format!("Impossibile creare il file Excel: {}", self.0),
            Lang::En => format!("The Excel file could not be created: {}", self.0),
        }
    }
}

/// The cell formats of one workbook.
struct Formats {
    header: Format,
    text: Format,
    level: Format,
    weight: Format,
    date: Format,
    instant: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        // Excel shows number formats in the reader's own locale; only the date
        // order is a choice, made for the language the report was asked in.
        let (date, instant) = match lang {
            Lang::It => ("dd/mm/yyyy", "dd/mm/yyyy hh:mm"),
            Lang::En => ("yyyy-mm-dd", "yyyy-mm-dd hh:mm"),
        };
        let top = || Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
            text: top().set_text_wrap(),
            level: top().set_num_format("0.00"),
            weight: top().set_num_format("0.##"),
            date: top().set_num_format(date),
            instant: top().set_num_format(instant),
        }
    }
}

fn width(shape: Shape) -> f64 {
    match shape {
        Shape::Code => 10.0,
        Shape::Name => 20.0,
        Shape::Long => 50.0,
        Shape::Weight => 11.0,
        Shape::Level => 10.0,
        Shape::Date => 14.0,
        Shape::Instant => 17.0,
    }
}

fn excel_date(d: chrono::NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let year = u16::try_from(d.year()).map_err(|_| XlsxError::DateTimeRangeError(d.to_string()))?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

fn write_table(
    sheet: &mut Worksheet,
    table: &Table,
    formats: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(table.title)?;
    for (col, (title, shape)) in table.columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &formats.header)?;
        sheet.set_column_width(col, width(*shape))?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            let shape = table.columns.get(col as usize).map(|(_, s)| *s);
            match cell {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string_with_format(r, col, s, &formats.text)?;
                }
                Cell::Number(d) => {
                    let format = if shape == Some(Shape::Level) {
                        &formats.level
                    } else {
                        &formats.weight
                    };
                    // The one place a Decimal becomes a float: Excel has no other number.
                    let n = d.to_f64().unwrap_or(f64::NAN);
                    sheet.write_number_with_format(r, col, n, format)?;
                }
                Cell::Date(d) => {
                    sheet.write_datetime_with_format(r, col, excel_date(*d)?, &formats.date)?;
                }
                Cell::Instant(t) => {
                    use chrono::Timelike;
                    let dt = excel_date(t.date())?.and_hms(
                        t.hour() as u16,
                        t.minute() as u8,
                        t.second(),
                    )?;
                    sheet.write_datetime_with_format(r, col, dt, &formats.instant)?;
                }
                Cell::Bool(b) => {
                    // TRUE/FALSE would show in English whatever the report's language.
                    let text = match (lang, b) {
                        (Lang::It, true) => "sì",
                        (Lang::En, true) => "yes",
                        (_, false) => "no",
                    };
                    sheet.write_string_with_format(r, col, text, &formats.text)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = table.columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    Ok(())
}

/// The report as the bytes of an `.xlsx` file, with sheet and column titles in `lang`.
pub fn workbook(report: &Report, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    let mut book = Workbook::new();
    let title = format!("{} {}", report.plan_title, report.year);
    let created = excel_date(report.date)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_author("Cruscotto")
            .set_creation_datetime(&created),
    );
    let formats = Formats::new(lang);
    for table in [scorecard_table(report, lang), objective_table(report, lang)] {
        let sheet = book.add_worksheet();
        write_table(sheet, &table, &formats, lang)?;
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;
    use crate::report::tests::sample;

    /// The files of an xlsx archive, read back with the zip crate the writer uses.
    fn unzip(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).expect("entry");
                let mut text = String::new();
                file.read_to_string(&mut text).expect("utf-8 xml");
                (file.name().expect("entry name").to_string(), text)
            })
            .collect()
    }

    #[test]
    fn the_workbook_has_a_scorecard_and_an_objectives_sheet_in_the_ui_language() {
        let files = unzip(&workbook(&sample(None), Lang::It).expect("workbook"));
        let book = &files["xl/workbook.xml"];
        assert!(book.contains(r#"<sheet name="Scorecard""#), "{book}");
        assert!(book.contains(r#"<sheet name="Obiettivi""#), "{book}");
        let en = unzip(&workbook(&sample(None), Lang::En).expect("workbook"));
        assert!(en["xl/workbook.xml"].contains(r#"<sheet name="Objectives""#));
        assert!(en["xl/sharedStrings.xml"].contains("<t>Updated by</t>"));
    }

    #[test]
    fn numbers_are_numbers_and_text_with_an_equals_sign_is_never_a_formula() {
        let files = unzip(&workbook(&sample(Some("ARUO")), Lang::It).expect("workbook"));
        let strings = &files["xl/sharedStrings.xml"];
        assert!(strings.contains("=HYPERLINK("), "the note is kept as text");
        let objectives = &files["xl/worksheets/sheet2.xml"];
        assert!(!objectives.contains("<f>"), "no cell is a formula");
        // ARUO's programmazione-pta: weight 15 and level 3 as numbers.
        assert!(objectives.contains("<v>15</v>"), "{objectives}");
        assert!(objectives.contains("<v>3</v>"), "{objectives}");
    }

    #[test]
    fn the_header_row_is_frozen_and_filterable() {
        let files = unzip(&workbook(&sample(None), Lang::It).expect("workbook"));
        for sheet in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            let xml = &files[sheet];
            assert!(xml.contains(r#"ySplit="1""#), "{sheet} frozen");
            assert!(xml.contains("<autoFilter"), "{sheet} filter");
            assert!(xml.contains("<cols>"), "{sheet} widths");
        }
    }

    #[test]
    fn update_stamps_are_dates_with_a_date_format() {
        let files = unzip(&workbook(&sample(Some("ARUO")), Lang::It).expect("workbook"));
        // 2026-11-20 09:30 UTC is Excel serial 46346.395833...
        let objectives = &files["xl/worksheets/sheet2.xml"];
        assert!(objectives.contains("<v>46346.39583"), "{objectives}");
        assert!(files["xl/styles.xml"].contains("dd/mm/yyyy hh:mm"));
    }
}
