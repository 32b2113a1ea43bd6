//! The export section: download the plan and progress as a snapshot file
//! named after the plan, the area and the day, or show it as text to copy
//! where downloads are not allowed.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::transfer::export_now::download_snapshot;
use crate::components::transfer::share_link::ShareLink;
use crate::i18n::*;
use crate::io::clock::today;
use crate::io::files;
use crate::state::use_app;

#[component]
pub fn ExportSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let file_name = Memo::new(move |_| {
        let area = app.area.get();
        app.plan
            .with(|p| crate::view::file_names::export_file_name(&p.id, area.as_deref(), today()))
    });
    let (status, set_status) = signal(None::<Result<String, String>>);
    // A manager sends their own area's results by default: the office's
    // consolidation merges the areas' files, and another area's result
    // typed here by mistake does not travel (and win a merge by being newer).
    let manager_area = Memo::new(move |_| app.manager_area());
    let area_only = RwSignal::new(true);
    let download = move |_| {
        let only = manager_area
            .get_untracked()
            .filter(|_| area_only.get_untracked());
        set_status.set(Some(download_snapshot(&app, only.as_deref())));
    };

    let (show_text, set_show_text) = signal(false);
    // The text is built only while shown: the whole plan is a few hundred KB.
    let json_text = move || {
        if !show_text.get() {
            return String::new();
        }
        app.plan.track();
        app.progress.track();
        app.snapshot().to_json()
    };
    let (copy_status, set_copy_status) = signal(None::<bool>);
    let copy = move |_| {
        let text = app.snapshot().to_json();
        spawn_local(async move {
            set_copy_status.set(Some(files::copy_or_select(&text, "export-json").await));
        });
    };

    view! {
        <section class="transfer-section" aria-labelledby="export-heading">
            <h2 id="export-heading">{t!(i18n, transfer.export_heading)}</h2>
            <p>{t!(i18n, transfer.export_text)}</p>
            <p>{t!(i18n, transfer.export_file_label)}" "<code id="export-file-name">{move || file_name.get()}</code></p>
            {move || manager_area.get().map(|code| view! {
                <div class="check-option">
                    <input type="checkbox" id="export-area-only"
                        prop:checked=move || area_only.get()
                        on:change=move |ev| area_only.set(event_target_checked(&ev)) />
                    <label for="export-area-only">{t!(i18n, transfer.export_area_only, area = code)}</label>
                </div>
            })}
            <button type="button" id="export-download" class="btn btn-primary" on:click=download>
                {t!(i18n, transfer.export_button)}
            </button>
            <p role="status" class="status-line">
                {move || match status.get() {
                    Some(Ok(name)) => Some(view! { <span class="text-success">{t!(i18n, transfer.export_done)}" "{name}</span> }.into_any()),
                    Some(Err(e)) => Some(view! { <span class="text-danger">{t!(i18n, transfer.export_failed)}" "{e}</span> }.into_any()),
                    None => None,
                }}
            </p>
            <ShareLink />
            <button
                type="button"
                id="export-show-text"
                class="btn btn-link"
                aria-expanded=move || if show_text.get() { "true" } else { "false" }
                aria-controls="export-text-panel"
                on:click=move |_| {
                    set_show_text.update(|s| *s = !*s);
                    set_copy_status.set(None);
                }
            >
                {move || if show_text.get() { t_string!(i18n, transfer.hide_text) } else { t_string!(i18n, transfer.show_text) }}
            </button>
            <div id="export-text-panel" hidden=move || !show_text.get()>
                <Show when=move || show_text.get()>
                    <label for="export-json" class="field-label">{t!(i18n, transfer.export_text_label)}</label>
                    <textarea id="export-json" class="json-text" readonly rows="12" spellcheck="false" prop:value=json_text></textarea>
                    <button type="button" id="export-copy" class="btn btn-secondary" on:click=copy>
                        {t!(i18n, transfer.copy_button)}
                    </button>
                    <p role="status" class="status-line">
                        {move || copy_status.get().map(|ok| if ok {
                            t_string!(i18n, transfer.copied)
                        } else {
                            t_string!(i18n, transfer.copy_failed)
                        })}
                    </p>
                </Show>
            </div>
        </section>
    }
}
