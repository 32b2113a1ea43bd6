//! The service worker, seen from the app: registers the worker that
//! scripts/post-build.mjs generated (the page names it in
//! `<meta name="cruscotto-service-worker">`, empty under `trunk serve`, a file
//! of the folder the app is served from, which is then the worker's scope:
//! `io::base`), and tells
//! the user when a new version is installed and waiting, with a button that
//! switches to it. The worker caches files only: the data in local storage is
//! never touched, so switching version loses nothing.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

use crate::i18n::*;
use crate::io::base::file_url;

/// How often an open tab asks for a new version (the browser also asks on
/// every reload): managers keep the app open for days.
const UPDATE_CHECK_MS: i32 = 60 * 60 * 1000;

#[component]
pub fn UpdateNotice() -> impl IntoView {
    let i18n = use_i18n();
    let waiting = RwSignal::new(false);
    let dismissed = RwSignal::new(false);
    if let Some((container, script)) = service_worker() {
        // Only once the first screen is painted: installing the worker fetches
        // and stores every file of the build (both wasm modules), which on a
        // 2-core laptop would compete with compiling and rendering this page.
        request_animation_frame(move || {
            set_timeout(
                move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        // A failed registration (private mode, storage full) leaves
                        // the app working online, as before: nothing to tell the user.
                        if let Err(error) = register(container, &script, waiting).await {
                            web_sys::console::warn_2(
                                &"Cruscotto: service worker not registered".into(),
                                &error,
                            );
                        }
                    });
                },
                std::time::Duration::ZERO,
            );
        });
    }
    let reload = move |_| {
        if let Some((container, _)) = service_worker() {
            wasm_bindgen_futures::spawn_local(async move {
                if activate_waiting(&container).await.is_err() {
                    // No worker to hand over to: a plain reload still shows the
                    // newest version the browser has.
                    reload_page();
                }
            });
        }
    };
    view! {
        <Show when=move || waiting.get() && !dismissed.get()>
            <div class="update-notice" role="status">
                <p>
                    <strong>{t!(i18n, common.update_available)}</strong>
                    " "
                    {t!(i18n, common.update_data_safe)}
                </p>
                <button class="btn" on:click=reload>
                    {t!(i18n, common.update_reload)}
                </button>
                " "
                <button class="btn btn-secondary" on:click=move |_| dismissed.set(true)>
                    {t!(i18n, common.dismiss)}
                </button>
            </div>
        </Show>
    }
}

/// The browser's service worker container and the script the page names, when
/// both exist (not on plain http, not under `trunk serve`).
fn service_worker() -> Option<(ServiceWorkerContainer, String)> {
    let window = web_sys::window()?;
    let script = window
        .document()?
        .query_selector(r#"meta[name="cruscotto-service-worker"]"#)
        .ok()??
        .get_attribute("content")
        .filter(|s| !s.is_empty())?;
    let script = file_url(&script);
    let navigator = window.navigator();
    // Absent outside secure contexts; web-sys would not notice.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return None;
    }
    Some((navigator.service_worker(), script))
}

async fn register(
    container: ServiceWorkerContainer,
    script: &str,
    waiting: RwSignal<bool>,
) -> Result<(), JsValue> {
    let registration: ServiceWorkerRegistration = JsFuture::from(container.register(script))
        .await?
        .dyn_into()?;
    // Without a controller this is the first install: nothing to switch from.
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && has_controller() {
        waiting.set(true);
    }
    let on_update = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            let Some(installing) = registration.installing() else {
                return;
            };
            let worker = installing.clone();
            let has_controller = has_controller.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    waiting.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        })
    };
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    on_update.forget();

    let check = Closure::<dyn Fn()>::new(move || {
        if let Ok(promise) = registration.update() {
            // Offline, the check fails: that is expected, not an error to report.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = JsFuture::from(promise).await;
            });
        }
    });
    if let Some(window) = web_sys::window() {
        window.set_interval_with_callback_and_timeout_and_arguments_0(
            check.as_ref().unchecked_ref(),
            UPDATE_CHECK_MS,
        )?;
    }
    check.forget();
    Ok(())
}

/// Asks the waiting worker to take over (Workbox's SKIP_WAITING message) and
/// reloads this tab once it has, so the page and the files match.
async fn activate_waiting(container: &ServiceWorkerContainer) -> Result<(), JsValue> {
    let registration: ServiceWorkerRegistration = JsFuture::from(container.get_registration())
        .await?
        .dyn_into()?;
    let worker = registration
        .waiting()
        .ok_or_else(|| JsValue::from_str("no waiting worker"))?;
    let on_change = Closure::once_into_js(reload_page);
    container.set_oncontrollerchange(Some(on_change.unchecked_ref()));
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into())?;
    worker.post_message(&message)
}

fn reload_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
