//! The unreadable data set aside (states, lists of backups), oldest first:
//! what each was, when it was found, its download, and its discard after a
//! confirmation. Nothing goes away unless the user discards it.

use leptos::prelude::*;

use crate::i18n::*;
use crate::io::files::download_raw;
use crate::io::storage::SetAsideKind;
use crate::state::use_app;
use crate::view::format;

#[component]
pub fn SetAsideList() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (downloaded, set_downloaded) = signal(None::<Result<String, String>>);
    // The key of the item whose discard awaits confirmation.
    let (confirming, set_confirming) = signal(None::<String>);
    let items = move || {
        let lang = app.lang.get();
        app.set_aside
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, item)| {
                let what = match item.record.kind {
                    SetAsideKind::State => t_string!(i18n, common.set_aside_state),
                    SetAsideKind::Backups => t_string!(i18n, common.set_aside_backups),
                };
                let kind = match item.record.kind {
                    SetAsideKind::State => "state",
                    SetAsideKind::Backups => "backups",
                };
                let when = (!item.record.found_at.is_empty())
                    .then(|| format::timestamp(&item.record.found_at, lang));
                let raw = item.record.raw.clone();
                let key = item.key.clone();
                let confirm_key = item.key.clone();
                let asking = {
                    let key = item.key.clone();
                    move || confirming.with(|c| c.as_deref() == Some(key.as_str()))
                };
                view! {
                    <li id=format!("set-aside-{i}") data-kind=kind>
                        <strong>{what}</strong>
                        {when.map(|w| view! { " · "{t!(i18n, common.set_aside_found)}" "<time>{w}</time> })}
                        <div class="button-row">
                            <button type="button" class="btn btn-secondary btn-small" id=format!("set-aside-download-{i}") on:click=move |_| set_downloaded.set(Some(download_raw(&raw)))>
                                {t!(i18n, common.download_raw)}
                            </button>
                            <button type="button" class="btn btn-outline-danger btn-small" id=format!("set-aside-discard-{i}") on:click=move |_| set_confirming.set(Some(key.clone()))>
                                {t!(i18n, common.discard_raw)}
                            </button>
                        </div>
                        <Show when=asking.clone()>
                            <div class="confirm-box" role="group">
                                <p>{t!(i18n, common.discard_confirm_text)}</p>
                                <div class="button-row">
                                    <button type="button" class="btn btn-danger" id=format!("set-aside-discard-confirm-{i}") on:click={
                                        let key = confirm_key.clone();
                                        move |_| {
                                            app.discard_set_aside(&key);
                                            set_confirming.set(None);
                                        }
                                    }>
                                        {t!(i18n, common.discard_confirm)}
                                    </button>
                                    <button type="button" class="btn btn-secondary" on:click=move |_| set_confirming.set(None)>
                                        {t!(i18n, common.cancel)}
                                    </button>
                                </div>
                            </div>
                        </Show>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul class="set-aside-list" id="set-aside-list">{items}</ul>
        <p role="status" class="status-line" id="set-aside-status">
            {move || downloaded.get().map(|r| match r {
                Ok(name) => format!("{} {name}", t_string!(i18n, common.raw_downloaded)),
                Err(e) => format!("{} {e}", t_string!(i18n, common.download_failed)),
            })}
        </p>
    }
}
