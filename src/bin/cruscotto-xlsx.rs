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

/// The plan a spreadsheet file holds (a `.csv` by `name`, anything else read
/// by calamine), on the organisation of `base_json` (a plan) when the file
/// has none, as JSON: `{"Ok": plan}` or `{"Err": [located problems]}`.
/// Throws the reason as a string when the file is not a spreadsheet. The
/// reading and its rules live here, not in the app's first module.
#[wasm_bindgen]
pub fn plan_from_file(bytes: &[u8], name: &str, base_json: &str) -> Result<String, JsValue> {
    use cruscotto_engine::allegato::{plan_from_sheets, read_csv, read_xlsx};
    let fail = |e: String| JsValue::from_str(&e);
    let base: cruscotto_engine::Plan =
        serde_json::from_str(base_json).map_err(|e| fail(e.to_string()))?;
    let read = if name.to_lowercase().ends_with(".csv") {
        read_csv(bytes, name)
    } else {
        read_xlsx(bytes)
    };
    let sheets = read.map_err(|e| fail(e.0))?;
    serde_json::to_string(&plan_from_sheets(&sheets, &base)).map_err(|e| fail(e.to_string()))
}

/// The template workbook of a plan given as JSON, dated `y-m-d`.
#[wasm_bindgen]
pub fn template(plan_json: &str, y: i32, m: u32, d: u32) -> Result<Vec<u8>, JsValue> {
    let fail = |e: String| JsValue::from_str(&e);
    let plan: cruscotto_engine::Plan =
        serde_json::from_str(plan_json).map_err(|e| fail(e.to_string()))?;
    let day = chrono::NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| fail("date".into()))?;
    write(&cruscotto_app::report::xlsx::template_book(&plan, day)).map_err(|e| fail(e.to_string()))
}

/// Nothing runs at load: the app calls [`workbook`], [`plan_from_file`] or
/// [`template`].
fn main() {}
