//! The only code that touches files: downloading a snapshot or a report (a
//! Blob behind an object URL, clicked through an `<a download>`), reading a chosen or dropped
//! file, and copying text to the clipboard.
//!
//! Reading checks the size the browser reports before reading a byte, so a
//! huge file is refused without freezing the tab; the content is then handed to
//! `cruscotto_engine::snapshot::import` as bytes, which checks everything else.

use cruscotto_engine::snapshot::{ImportError, MAX_SNAPSHOT_BYTES};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a download or a copy did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrowserError(pub String);

fn js_error(e: JsValue) -> BrowserError {
    BrowserError(
        e.as_string()
            .or_else(|| {
                js_sys::Reflect::get(&e, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
            })
            .unwrap_or_else(|| format!("{e:?}")),
    )
}

/// Saves `text` as a file named `file_name` through the browser's download.
pub fn download_text(file_name: &str, text: &str, mime: &str) -> Result<(), BrowserError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    download_parts(file_name, &parts, mime)
}

/// The media type of an `.xlsx` workbook.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Saves binary content (a workbook) as a file named `file_name`, with the
/// MIME type that lets the system open it with the right program.
pub fn download_bytes(file_name: &str, bytes: &[u8], mime: &str) -> Result<(), BrowserError> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    download_parts(file_name, &parts, mime)
}

fn download_parts(file_name: &str, parts: &js_sys::Array, mime: &str) -> Result<(), BrowserError> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    // One JS constructor behind every typed binding: `new Blob(parts, options)`
    // takes strings and byte arrays alike.
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &options)
        .map_err(js_error)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(js_error)?;
    let result = click_link(&url, file_name);
    // The download has started by the time click() returns in every current
    // browser; releasing the URL later still leaves a margin for slow ones.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    if let Some(window) = web_sys::window() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 10_000);
    }
    result
}

fn click_link(url: &str, file_name: &str) -> Result<(), BrowserError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| BrowserError("no document".into()))?;
    let body = document
        .body()
        .ok_or_else(|| BrowserError("no body".into()))?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error)?
        .dyn_into()
        .map_err(|_| BrowserError("not an anchor".into()))?;
    a.set_href(url);
    a.set_download(file_name);
    a.set_hidden(true);
    body.append_child(&a).map_err(js_error)?;
    a.click();
    let _ = body.remove_child(&a);
    Ok(())
}

/// Reads a chosen or dropped file, refusing it before reading when it is
/// larger than the snapshot limit.
pub async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, ImportError> {
    let size = file.size();
    if size > MAX_SNAPSHOT_BYTES as f64 {
        return Err(ImportError::TooLarge {
            size: size as usize,
            limit: MAX_SNAPSHOT_BYTES,
        });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| ImportError::Shape {
            path: file.name(),
            message: js_error(e).0,
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The largest file whose fingerprint (SHA-256) is computed: larger ones
/// would hold the whole file in the tab's memory at once.
pub const MAX_FINGERPRINT_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

/// Why a file's fingerprint was not computed.
#[derive(Clone, Debug, PartialEq)]
pub enum FingerprintError {
    TooLarge { size: f64 },
    Unreadable(BrowserError),
}

/// The SHA-256 of a picked file (64 lowercase hex digits) and its name. The
/// file is read in the browser and not kept: only its fingerprint is.
pub async fn fingerprint(file: &web_sys::File) -> Result<(String, String), FingerprintError> {
    let size = file.size();
    if size > MAX_FINGERPRINT_BYTES {
        return Err(FingerprintError::TooLarge { size });
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| FingerprintError::Unreadable(js_error(e)))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok((cruscotto_engine::cycle::hex_digest(&bytes), file.name()))
}

/// Every file of a file list (chosen with `multiple`, or dropped), in order.
pub fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Reads and imports several files one after the other, keeping each file's
/// name with its own result, so one bad file never hides the others.
pub async fn import_files(
    files: Vec<web_sys::File>,
) -> Vec<(
    String,
    Result<cruscotto_engine::snapshot::Imported, ImportError>,
)> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let result = read_file(&file)
            .await
            .and_then(|bytes| cruscotto_engine::snapshot::import(&bytes));
        out.push((file.name(), result));
    }
    out
}

/// Copies text to the clipboard; fails where the browser does not allow it
/// (no permission, insecure context), and the caller offers selecting instead.
pub async fn copy_text(text: &str) -> Result<(), BrowserError> {
    let window = web_sys::window().ok_or_else(|| BrowserError("no window".into()))?;
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(js_error)
}

/// Copies text to the clipboard; where the browser does not allow it, focuses
/// and selects the field `field_id` shows it in, so the user copies it by
/// hand. Whether the copy was made.
pub async fn copy_or_select(text: &str, field_id: &str) -> bool {
    use wasm_bindgen::JsCast;
    let ok = copy_text(text).await.is_ok();
    if !ok {
        let field = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(field_id));
        if let Some(input) = field
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::HtmlInputElement>())
        {
            let _ = input.focus();
            input.select();
        } else if let Some(area) = field
            .as_ref()
            .and_then(|e| e.dyn_ref::<web_sys::HtmlTextAreaElement>())
        {
            let _ = area.focus();
            area.select();
        }
    }
    ok
}

/// Downloads the unreadable data exactly as stored; the result for the status line.
pub fn download_raw(raw: &str) -> Result<String, String> {
    let name = crate::view::file_names::raw_file_name(crate::io::clock::today());
    download_text(&name, raw, "application/json")
        .map(|()| name)
        .map_err(|e| e.0)
}
