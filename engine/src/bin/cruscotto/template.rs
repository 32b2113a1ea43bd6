//! The template's cells as an XLSX file (the CLI's `template`): a bold,
//! frozen header, wrapped text, numbers as numbers and dates as dates.

use cruscotto_engine::allegato::{Cell, Sheet};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, XlsxError};

/// The bytes of a workbook holding `sheets`.
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let date = Format::new()
        .set_num_format("dd/mm/yyyy")
        .set_align(FormatAlign::Top);
    for s in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&s.name)?;
        for (r, row) in s.rows.iter().enumerate() {
            let r = r as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                let format = if r == 0 { &header } else { &text };
                match cell {
                    Cell::Empty => {}
                    Cell::Text(t) => {
                        ws.write_string_with_format(r, c, t, format)?;
                    }
                    Cell::Number(n) => match n.parse::<f64>() {
                        Ok(f) => {
                            ws.write_number_with_format(r, c, f, format)?;
                        }
                        Err(_) => {
                            ws.write_string_with_format(r, c, n, format)?;
                        }
                    },
                    Cell::Date(d) => {
                        use chrono::Datelike as _;
                        let day = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )?;
                        ws.write_datetime_with_format(r, c, day, &date)?;
                    }
                }
            }
        }
        let widths = s.rows.first().map_or(0, Vec::len);
        for c in 0..widths {
            ws.set_column_width(c as u16, if c < 12 { 28 } else { 16 })?;
        }
        ws.set_freeze_panes(1, 0)?;
    }
    book.save_to_buffer()
}
