//! The XLSX module (`cruscotto-xlsx`): the report's workbook writer
//! (rust_xlsxwriter, with the zip crate and its deflate) and the plan
//! spreadsheet's reader (calamine), a wasm module of its own because it is
//! large and rarely used. Built by the same `trunk build`
//! as the app (index.html), never loaded by the page itself: the app imports
//! it the first time a report is downloaded as a workbook
//! (`cruscotto_app::io::xlsx_module`) and calls [`workbook`].

use cruscotto_app::report::xlsx::{write, Book};
use wasm_bindgen::prelude::*;

/// The `.xlsx` file of a [`Book`] given as JSON (`report::xlsx::book`);
/// throws the reason as a string when it cannot be written.
#[wasm_bindgen]
pub fn workbook(book_json: &str) -> Result<Vec<u8>, JsValue> {
    let book: Book =
        serde_json::from_str(book_json).map_err(|e| JsValue::from_str(&e.to_string()))?;
    write(&book).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The sheets of a spreadsheet file as JSON (`allegato::Sheet`s): a `.csv`
/// (by `name`) read as text, anything else by calamine. Throws the reason
/// as a string when the file is not a spreadsheet.
#[wasm_bindgen]
pub fn sheets(bytes: &[u8], name: &str) -> Result<String, JsValue> {
    use cruscotto_engine::allegato::{read_csv, read_xlsx};
    let read = if name.to_lowercase().ends_with(".csv") {
        read_csv(bytes, name)
    } else {
        read_xlsx(bytes)
    };
    let sheets = read.map_err(|e| JsValue::from_str(&e.0))?;
    serde_json::to_string(&sheets).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Nothing runs at load: the app calls [`workbook`] or [`sheets`].
fn main() {}
