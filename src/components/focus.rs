//! Where keyboard and screen-reader focus goes after something appears.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Moves keyboard and screen-reader focus to the element with `id` once it is
/// rendered, so a preview, a result or the errors are announced and reachable.
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document()
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}
