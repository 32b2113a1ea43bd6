//! Making a share link: what to share (one area's results, or everything),
//! the link itself in a field to copy, its length against the limit, and,
//! when it would be too long, the message that suggests the file instead.

use cruscotto_engine::share::{check_length, fragment, payload, payload_json, MAX_LINK_LEN};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::*;
use crate::io::{files, share};
use crate::state::use_app;
use crate::view::messages::share_error;

/// The "share as a link" part of the export section.
#[component]
pub fn ShareLink() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    // An area's code, or "" for everything: a manager's own area, else the
    // first area (a whole plan rarely fits in a link).
    let scope = RwSignal::new(
        app.manager_area()
            .or_else(|| {
                app.plan
                    .with_untracked(|p| p.areas.first().map(|a| a.code.clone()))
            })
            .unwrap_or_default(),
    );
    let link = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<bool>);
    let areas = Memo::new(move |_| {
        app.plan
            .with(|p| p.areas.iter().map(|a| a.code.clone()).collect::<Vec<_>>())
    });

    let make = move |_| {
        let lang = app.lang.get_untracked();
        let area = Some(scope.get_untracked()).filter(|a| !a.is_empty());
        let json = payload_json(&payload(&app.snapshot(), area.as_deref()));
        link.set(None);
        error.set(None);
        copied.set(None);
        spawn_local(async move {
            let made = share::deflate(json.as_bytes())
                .await
                .map(|bytes| share::link(&fragment(&bytes)))
                .and_then(|url| check_length(url.len()).map(|()| url));
            match made {
                Ok(url) => link.set(Some(url)),
                Err(e) => error.set(Some(share_error(&e, lang))),
            }
        });
    };
    let copy = move |_| {
        let Some(text) = link.get_untracked() else {
            return;
        };
        spawn_local(async move {
            copied.set(Some(files::copy_or_select(&text, "share-link").await));
        });
    };

    view! {
        <div class="share-link" id="share-section">
            <h3 id="share-heading">{t!(i18n, transfer.share_heading)}</h3>
            <p>{t!(i18n, transfer.share_text)}</p>
            <label for="share-scope" class="field-label">{t!(i18n, transfer.share_scope)}</label>
            <select id="share-scope" on:change=move |ev| scope.set(event_target_value(&ev))>
                {move || areas.get().into_iter().map(|code| {
                    let value = code.clone();
                    let selected = code.clone();
                    view! {
                        <option value=value selected=move || scope.get() == selected>
                            {t!(i18n, transfer.share_area, area = code.clone())}
                        </option>
                    }
                }).collect_view()}
                <option value="" selected=move || scope.get().is_empty()>{t!(i18n, transfer.share_everything)}</option>
            </select>
            " "
            <button type="button" id="share-make" class="btn btn-secondary" on:click=make>
                {t!(i18n, transfer.share_make)}
            </button>
            {move || error.get().map(|text| view! { <p class="alert alert-warning" role="alert" id="share-error">{text}</p> })}
            {move || link.get().map(|url| {
                let length = url.chars().count();
                view! {
                    <label for="share-link" class="field-label">{t!(i18n, transfer.share_link_label)}</label>
                    <input type="text" id="share-link" readonly prop:value=url class="share-link-text" />
                    <p class="hint" id="share-length">{t!(i18n, transfer.share_length, length = move || length, limit = move || MAX_LINK_LEN)}</p>
                    <button type="button" id="share-copy" class="btn btn-secondary" on:click=copy>
                        {t!(i18n, transfer.share_copy)}
                    </button>
                }
            })}
            <p role="status" class="status-line">
                {move || copied.get().map(|ok| if ok {
                    t_string!(i18n, transfer.share_copied)
                } else {
                    t_string!(i18n, transfer.share_copy_failed)
                })}
            </p>
        </div>
    }
}
