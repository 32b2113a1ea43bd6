//! The report as an Excel workbook: a "Scorecard" sheet, an objectives
//! sheet and the Relazione's two (results and gaps, distribution by level),
//! all built from the typed tables of [`crate::report`].
//!
//! Two halves, in two wasm modules. The app turns a report into a [`Book`]
//! ([`book`]: every cell typed, every label in the report's language), which
//! travels as JSON to the XLSX module (`src/bin/cruscotto-xlsx.rs`, loaded on
//! first use by `crate::io::xlsx_module`), where [`write`] makes the file with
//! rust_xlsxwriter. The app itself never links the writer.
//!
//! Numbers are written as numbers (a `Decimal` becomes an `f64` only here, at
//! the cell), dates and instants as Excel dates with a date format, text as
//! text: a note starting with `=` stays a string, since it is never written as
//! a formula. Every sheet has a bold frozen header row, an autofilter and
//! column widths fitted to what the column holds.

use crate::i18n::*;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use serde::{Deserialize, Serialize};

use crate::report::{
    objective_table, registry_table, relazione, scorecard_table, yes_no, Cell, Report, Shape, Table,
};

/// Why a workbook could not be made: the writer's reason, or the XLSX module
/// could not be loaded (offline before the app was installed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkbookError(pub String);

impl WorkbookError {
    pub fn message(&self, lang: Lang) -> String {
        td_string!(lang.locale(), messages.workbook_failed, reason = &self.0).to_string()
    }
}

/// A date as year, month, day.
pub type Ymd = (i32, u32, u32);

/// A workbook to write: what the app sends to the XLSX module.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Book {
    /// The document's title property.
    pub title: String,
    /// The document's creation date (the report's date).
    pub created: Ymd,
    /// Excel number formats for dates and instants, in the report's language.
    pub date_format: String,
    pub instant_format: String,
    pub sheets: Vec<Sheet>,
}

/// One worksheet: a header row, then the rows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    /// Each column's title and width (characters).
    pub columns: Vec<(String, f64)>,
    pub rows: Vec<Vec<XCell>>,
}

/// One cell as the XLSX module writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum XCell {
    Empty,
    Text(String),
    /// A level, shown with two decimals.
    Level(f64),
    /// A weight or a measured value, shown with the decimals it has.
    Number(f64),
    Date(Ymd),
    /// A date and a time (hours, minutes, seconds).
    Instant(Ymd, (u16, u8, f64)),
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

fn ymd(d: chrono::NaiveDate) -> Ymd {
    use chrono::Datelike;
    (d.year(), d.month(), d.day())
}

fn sheet(table: &Table, lang: Lang) -> Sheet {
    let shapes: Vec<Shape> = table.columns.iter().map(|(_, s)| *s).collect();
    Sheet {
        name: table.title.to_string(),
        columns: table
            .columns
            .iter()
            .map(|(title, shape)| (title.to_string(), width(*shape)))
            .collect(),
        rows: table
            .rows
            .iter()
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(col, cell)| match cell {
                        Cell::Empty => XCell::Empty,
                        Cell::Text(s) => XCell::Text(s.clone()),
                        Cell::Number(d) => {
                            // The one place a Decimal becomes a float: Excel has no other number.
                            let n = d.to_f64().unwrap_or(f64::NAN);
                            if shapes.get(col) == Some(&Shape::Level) {
                                XCell::Level(n)
                            } else {
                                XCell::Number(n)
                            }
                        }
                        Cell::Date(d) => XCell::Date(ymd(*d)),
                        Cell::Instant(t) => {
                            use chrono::Timelike;
                            XCell::Instant(
                                ymd(t.date()),
                                (t.hour() as u16, t.minute() as u8, f64::from(t.second())),
                            )
                        }
                        // TRUE/FALSE would show in English whatever the report's language.
                        Cell::Bool(b) => XCell::Text(yes_no(*b, lang).to_string()),
                    })
                    .collect()
            })
            .collect(),
    }
}

/// The report as a [`Book`], with sheet and column titles in `lang`.
pub fn book(report: &Report, lang: Lang) -> Book {
    // Excel shows number formats in the reader's own locale; only the date
    // order is a choice, made for the language the report was asked in.
    let (date, instant) = match lang {
        Lang::It => ("dd/mm/yyyy", "dd/mm/yyyy hh:mm"),
        Lang::En => ("yyyy-mm-dd", "yyyy-mm-dd hh:mm"),
    };
    Book {
        title: format!("{} {}", report.plan_title, report.year),
        created: ymd(report.date),
        date_format: date.to_string(),
        instant_format: instant.to_string(),
        sheets: [
            scorecard_table(report, lang),
            objective_table(report, lang),
            relazione::relazione_table(report, lang),
            relazione::distribution_table(report, lang),
        ]
        .into_iter()
        // The registry of revisions, for a plan changed after adoption.
        .chain((!report.revisions.is_empty()).then(|| registry_table(report, lang)))
        .collect::<Vec<_>>()
        .iter()
        .map(|t| sheet(t, lang))
        .collect(),
    }
}

/// The plan as the template workbook ("il modello", the Allegato's layout:
/// `cruscotto_engine::allegato::template_sheets`), for the XLSX module.
pub fn template_book(plan: &cruscotto_engine::Plan, today: chrono::NaiveDate) -> Book {
    use cruscotto_engine::allegato::{template_sheets, Cell as SheetCell};
    let cell = |c: &SheetCell| match c {
        SheetCell::Empty => XCell::Empty,
        SheetCell::Text(t) => XCell::Text(t.clone()),
        SheetCell::Number(n) => n
            .parse()
            .map_or_else(|_| XCell::Text(n.clone()), XCell::Number),
        SheetCell::Date(d) => XCell::Date(ymd(*d)),
    };
    Book {
        title: format!("{} — modello", plan.title),
        created: ymd(today),
        date_format: "dd/mm/yyyy".into(),
        instant_format: "dd/mm/yyyy hh:mm".into(),
        sheets: template_sheets(plan)
            .iter()
            .map(|s| Sheet {
                name: s.name.clone(),
                columns: s
                    .rows
                    .first()
                    .map(|h| {
                        h.iter()
                            .enumerate()
                            .map(|(i, c)| {
                                let title = match c {
                                    SheetCell::Text(t) => t.clone(),
                                    _ => String::new(),
                                };
                                (title, if i < 12 { 28.0 } else { 16.0 })
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                rows: s
                    .rows
                    .iter()
                    .skip(1)
                    .map(|r| r.iter().map(cell).collect())
                    .collect(),
            })
            .collect(),
    }
}

/// The cell formats of one workbook.
struct Formats {
    header: Format,
    text: Format,
    level: Format,
    number: Format,
    date: Format,
    instant: Format,
}

impl Formats {
    fn new(book: &Book) -> Formats {
        let top = || Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(rust_xlsxwriter::FormatAlign::Top),
            text: top().set_text_wrap(),
            level: top().set_num_format("0.00"),
            // "General": 25 and 3.5 as they are ("0.##" showed "25,").
            number: top().set_num_format("General"),
            date: top().set_num_format(&book.date_format),
            instant: top().set_num_format(&book.instant_format),
        }
    }
}

fn excel_date((year, month, day): Ymd) -> Result<ExcelDateTime, XlsxError> {
    let range = || XlsxError::DateTimeRangeError(format!("{year}-{month}-{day}"));
    let year = u16::try_from(year).map_err(|_| range())?;
    let month = u8::try_from(month).map_err(|_| range())?;
    let day = u8::try_from(day).map_err(|_| range())?;
    ExcelDateTime::from_ymd(year, month, day)
}

fn write_sheet(sheet: &mut Worksheet, table: &Sheet, formats: &Formats) -> Result<(), XlsxError> {
    sheet.set_name(&table.name)?;
    for (col, (title, width)) in table.columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, title, &formats.header)?;
        sheet.set_column_width(col, *width)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        let r = r as u32 + 1;
        for (col, cell) in row.iter().enumerate() {
            let col = col as u16;
            match cell {
                XCell::Empty => {}
                XCell::Text(s) => {
                    sheet.write_string_with_format(r, col, s, &formats.text)?;
                }
                XCell::Level(n) => {
                    sheet.write_number_with_format(r, col, *n, &formats.level)?;
                }
                XCell::Number(n) => {
                    sheet.write_number_with_format(r, col, *n, &formats.number)?;
                }
                XCell::Date(d) => {
                    sheet.write_datetime_with_format(r, col, excel_date(*d)?, &formats.date)?;
                }
                XCell::Instant(d, (hour, minute, second)) => {
                    let dt = excel_date(*d)?.and_hms(*hour, *minute, *second)?;
                    sheet.write_datetime_with_format(r, col, dt, &formats.instant)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_col = table.columns.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_col)?;
    Ok(())
}

/// The bytes of an `.xlsx` file holding `book`: what the XLSX module runs.
pub fn write(book: &Book) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let created = excel_date(book.created)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(&book.title)
            .set_author("Cruscotto")
            .set_creation_datetime(&created),
    );
    let formats = Formats::new(book);
    for table in &book.sheets {
        let sheet = workbook.add_worksheet();
        write_sheet(sheet, table, &formats)?;
    }
    workbook.save_to_buffer()
}

/// The report as the bytes of an `.xlsx` file, in one go (natively: the app
/// sends the [`Book`] to the XLSX module instead).
pub fn workbook(report: &Report, lang: Lang) -> Result<Vec<u8>, WorkbookError> {
    write(&book(report, lang)).map_err(|e| WorkbookError(e.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_template_the_app_writes_reads_back_into_the_same_plan() {
        let plan = cruscotto_engine::default_snapshot().plan;
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 4).expect("a date");
        let bytes = write(&template_book(&plan, day)).expect("written");
        let sheets = cruscotto_engine::allegato::read_xlsx(&bytes).expect("read");
        let back = cruscotto_engine::allegato::plan_from_sheets(&sheets, &plan).expect("a plan");
        assert_eq!(back, plan);
    }

    use std::io::{Cursor, Read};

    use super::*;
    use crate::report::tests::sample;

    #[test]
    fn a_failed_workbook_gives_the_reason_in_both_languages() {
        let e = WorkbookError("offline".into());
        assert_eq!(
            e.message(Lang::It),
            "Impossibile creare il file Excel: offline"
        );
        assert_eq!(
            e.message(Lang::En),
            "The Excel file could not be created: offline"
        );
    }

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
        assert!(
            book.contains(r#"<sheet name="Risultati e scostamenti""#),
            "{book}"
        );
        assert!(
            book.contains(r#"<sheet name="Distribuzione per livello""#),
            "{book}"
        );
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
        for sheet in [
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
            "xl/worksheets/sheet3.xml",
            "xl/worksheets/sheet4.xml",
        ] {
            let xml = &files[sheet];
            assert!(xml.contains(r#"ySplit="1""#), "{sheet} frozen");
            assert!(xml.contains("<autoFilter"), "{sheet} filter");
            assert!(xml.contains("<cols>"), "{sheet} widths");
        }
    }

    #[test]
    fn update_stamps_are_dates_with_a_date_format() {
        let files = unzip(&workbook(&sample(Some("ARUO")), Lang::It).expect("workbook"));
        // 2026-11-20 10:30 in Rome (local time, as the screens show it) is
        // Excel serial 46346.4375.
        let objectives = &files["xl/worksheets/sheet2.xml"];
        assert!(objectives.contains("<v>46346.4375</v>"), "{objectives}");
        assert!(files["xl/styles.xml"].contains("dd/mm/yyyy hh:mm"));
    }
}
