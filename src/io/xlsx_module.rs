//! Loads the XLSX module (`src/bin/cruscotto-xlsx.rs`) the first time a
//! workbook is asked for, and asks it for workbooks.
//!
//! The writer is most of a megabyte of wasm that a manager needs once a year,
//! so the app does not carry it: `trunk build` builds it beside the app
//! (index.html, Trunk's `worker` type, which builds a binary without loading
//! it), and the service worker precaches it, so it loads offline too once the
//! app is installed. Its files have fixed names (`cruscotto-xlsx.js`,
//! `cruscotto-xlsx_bg.wasm`), so they are asked for with the build's revision,
//! which `scripts/post-build.mjs` writes into the page: an HTTP cache can
//! never pair one build's loader with another build's wasm.

use wasm_bindgen::prelude::*;

use crate::io::base::file_url;
use crate::report::xlsx::{Book, WorkbookError};
use chrono::{Datelike, NaiveDate};
use cruscotto_engine::allegato::Located;
use cruscotto_engine::Plan;

#[wasm_bindgen(inline_js = "let loading;
function load(js, wasm) {
  if (!loading) {
    loading = import(js).then(async (m) => {
      await m.default({ module_or_path: wasm });
      return m;
    });
    // A failed load (offline before the app was installed) is tried again
    // at the next click.
    loading.catch(() => { loading = undefined; });
  }
  return loading;
}
export function xlsx_workbook(js, wasm, book) {
  return load(js, wasm).then((m) => m.workbook(book));
}
export function xlsx_plan(js, wasm, bytes, name, base) {
  return load(js, wasm).then((m) => m.plan_from_file(bytes, name, base));
}
export function xlsx_template(js, wasm, plan, y, m, d) {
  return load(js, wasm).then((mod) => mod.template(plan, y, m, d));
}")]
extern "C" {
    /// Imports the XLSX module once (a dynamic import of this origin's file,
    /// allowed by the CSP), then resolves to the workbook's bytes.
    #[wasm_bindgen(catch)]
    fn xlsx_workbook(js: &str, wasm: &str, book: &str) -> Result<js_sys::Promise, JsValue>;
    /// The same module, reading a plan from a spreadsheet's bytes (JSON).
    #[wasm_bindgen(catch)]
    fn xlsx_plan(
        js: &str,
        wasm: &str,
        bytes: &[u8],
        name: &str,
        base: &str,
    ) -> Result<js_sys::Promise, JsValue>;
    /// The same module, writing a plan's template workbook.
    #[wasm_bindgen(catch)]
    fn xlsx_template(
        js: &str,
        wasm: &str,
        plan: &str,
        y: i32,
        m: u32,
        d: u32,
    ) -> Result<js_sys::Promise, JsValue>;
}

/// The XLSX module's loader and wasm, with the build's revision, as files of
/// the folder the app is served from (`io::base::file_url` makes them absolute:
/// the dynamic import would otherwise resolve them against wasm-bindgen's
/// snippet file).
pub fn urls(revision: Option<&str>) -> (String, String) {
    let query = revision
        .filter(|r| !r.is_empty())
        .map(|r| format!("?v={r}"))
        .unwrap_or_default();
    (
        format!("cruscotto-xlsx.js{query}"),
        format!("cruscotto-xlsx_bg.wasm{query}"),
    )
}

/// The revision the page names (`<meta name="cruscotto-xlsx-revision">`).
fn page_revision() -> Option<String> {
    web_sys::window()?
        .document()?
        .query_selector(r#"meta[name="cruscotto-xlsx-revision"]"#)
        .ok()??
        .get_attribute("content")
}

fn reason(error: JsValue) -> WorkbookError {
    WorkbookError(
        error
            .as_string()
            .or_else(|| {
                error
                    .dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| "?".to_string()),
    )
}

/// The `.xlsx` file of `book`, from the XLSX module (loaded on first use).
pub async fn workbook(book: &Book) -> Result<Vec<u8>, WorkbookError> {
    let json = serde_json::to_string(book).map_err(|e| WorkbookError(e.to_string()))?;
    let (js, wasm) = urls(page_revision().as_deref());
    let promise = xlsx_workbook(&file_url(&js), &file_url(&wasm), &json).map_err(reason)?;
    let bytes = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(reason)?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// The plan a spreadsheet file holds (`.xlsx`, `.xls`, `.ods`, or `.csv`
/// by its name), on `base`'s organisation when the file has none, or its
/// located problems: read by the XLSX module (loaded on first use), which
/// carries the reader and its rules so the app's first module does not.
pub async fn plan_from_file(
    bytes: &[u8],
    name: &str,
    base: &Plan,
) -> Result<Result<Plan, Vec<Located>>, WorkbookError> {
    let base = serde_json::to_string(base).map_err(|e| WorkbookError(e.to_string()))?;
    let (js, wasm) = urls(page_revision().as_deref());
    let promise =
        xlsx_plan(&file_url(&js), &file_url(&wasm), bytes, name, &base).map_err(reason)?;
    let json = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(reason)?;
    let text = json.as_string().unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| WorkbookError(e.to_string()))
}

/// The template workbook of `plan` (the Allegato's layout), from the XLSX
/// module.
pub async fn template(plan: &Plan, day: NaiveDate) -> Result<Vec<u8>, WorkbookError> {
    let json = serde_json::to_string(plan).map_err(|e| WorkbookError(e.to_string()))?;
    let (js, wasm) = urls(page_revision().as_deref());
    let promise = xlsx_template(
        &file_url(&js),
        &file_url(&wasm),
        &json,
        day.year(),
        day.month(),
        day.day(),
    )
    .map_err(reason)?;
    let bytes = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(reason)?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_is_asked_for_with_the_build_revision() {
        assert_eq!(
            urls(Some("0123abcd")),
            (
                "cruscotto-xlsx.js?v=0123abcd".to_string(),
                "cruscotto-xlsx_bg.wasm?v=0123abcd".to_string()
            )
        );
    }

    #[test]
    fn without_a_revision_the_module_is_asked_for_by_name() {
        for revision in [None, Some("")] {
            assert_eq!(
                urls(revision),
                (
                    "cruscotto-xlsx.js".to_string(),
                    "cruscotto-xlsx_bg.wasm".to_string()
                )
            );
        }
    }
}
