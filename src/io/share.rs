//! Share links in the browser: compressing a payload with the browser's own
//! `CompressionStream("deflate-raw")` (so the app's wasm carries no
//! compressor), reading the link this page was opened with, and taking it
//! out of the address bar once it is dealt with. The format and its checks
//! are the engine's (`cruscotto_engine::share`).

use cruscotto_engine::share::ShareError;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::io::base::file_url;

#[wasm_bindgen(inline_js = "
async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}
export function share_deflate(bytes) {
  return pipe(bytes, new CompressionStream('deflate-raw'));
}
export function share_inflate(bytes) {
  return pipe(bytes, new DecompressionStream('deflate-raw'));
}
export function share_clear_fragment() {
  history.replaceState(history.state, '', location.pathname + location.search);
}
")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn share_deflate(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch)]
    fn share_inflate(bytes: &[u8]) -> Result<js_sys::Promise, JsValue>;
    fn share_clear_fragment();
}

/// Raw DEFLATE of `bytes`, by the browser.
pub async fn deflate(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    let promise = share_deflate(bytes).map_err(|_| ShareError::Damaged)?;
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| ShareError::Damaged)?;
    Ok(js_sys::Uint8Array::new(&out).to_vec())
}

/// The inverse of [`deflate`]; `Damaged` when the data is cut or altered.
pub async fn inflate(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    let promise = share_inflate(bytes).map_err(|_| ShareError::Damaged)?;
    let out = JsFuture::from(promise)
        .await
        .map_err(|_| ShareError::Damaged)?;
    Ok(js_sys::Uint8Array::new(&out).to_vec())
}

/// The fragment this page was opened with, without `#` (empty when none).
pub fn fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
        .trim_start_matches('#')
        .to_string()
}

/// The whole address this page was opened with, fragment included.
pub fn href() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default()
}

/// Takes the fragment out of the address bar, so that a reload does not
/// open the link again.
pub fn clear_fragment() {
    share_clear_fragment();
}

/// The address a link opens: the import screen of the folder the app is
/// served from, on this origin, with `fragment`.
pub fn link(fragment: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}#{fragment}", file_url("transfer"))
}
