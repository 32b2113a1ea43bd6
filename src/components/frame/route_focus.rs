//! Where focus goes when the route changes: to the new page's main heading,
//! as a page load would put the reader at the top of the new page. Without
//! it focus stays on the link just followed, or falls to `<body>`, and a
//! keyboard user tabs through the header again to reach the content.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Moves focus to `main h1` after each change of path (not of query or hash,
/// which keep the reader where they are; not on the first page, where the
/// browser's own start is right).
#[component]
pub fn RouteFocus() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            request_animation_frame(focus_main_heading);
        }
        path
    });
}

fn focus_main_heading() {
    let heading = document()
        .query_selector("main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(h) = heading {
        // Focusable by script only, so it does not join the tab order.
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.focus();
    }
}
