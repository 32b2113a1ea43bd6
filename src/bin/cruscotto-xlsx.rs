//! The XLSX module (`cruscotto-xlsx`): the report's workbook writer
//! (rust_xlsxwriter, with the zip crate and its deflate), a wasm module of its
//! own because it is large and rarely used. Built by the same `trunk build`
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

/// Nothing runs at load: the app calls [`workbook`].
fn main() {}
