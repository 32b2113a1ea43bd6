//! The manager's note on an indicator, saved as typed, and when it last changed.

use cruscotto_engine::ResultKey;
use leptos::html;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::ids::result_dom_id;

/// A note textarea and the time of the indicator's last update.
#[component]
pub fn IndicatorNote(
    /// The result the note belongs to: an indicator's, or one area's of a
    /// per-area objective.
    key: ResultKey,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let note_id = result_dom_id("note-", &key);
    let hint_id = result_dom_id("note-hint-", &key);
    let stored = {
        let key = key.clone();
        Memo::new(move |_| {
            app.with_entry(&key, |e| {
                e.map(|e| (e.note.clone(), e.updated_at.clone(), e.updated_by.clone()))
            })
            .unwrap_or_default()
        })
    };
    let field = NodeRef::<html::Textarea>::new();

    // Written only when it disagrees with what is stored (blank notes are not
    // stored), so typing is never interrupted.
    Effect::new(move |_| {
        let note = stored.with(|(n, _, _)| n.clone()).unwrap_or_default();
        let Some(el) = field.get() else { return };
        if el.value().trim() != note.trim() {
            el.set_value(&note);
        }
    });

    let on_input = {
        let key = key.clone();
        move |ev: leptos::ev::Event| {
            let text = event_target_value(&ev);
            app.record(&key.indicator, key.area.as_deref(), |e| {
                e.note = (!text.trim().is_empty()).then_some(text);
            });
        }
    };
    let updated = move || {
        let lang = app.lang.get();
        stored.with(|(_, at, _)| at.as_deref().map(|at| format::timestamp(at, lang)))
    };

    view! {
        <div class="indicator-note">
            <label for=note_id.clone()>{t!(i18n, objective.note_label)}</label>
            <textarea
                id=note_id
                data-indicator=key.indicator.clone()
                data-area=key.area.clone()
                rows="3"
                node_ref=field
                aria-describedby=hint_id.clone()
                on:input=on_input
            ></textarea>
            <p class="hint" id=hint_id>{t!(i18n, objective.note_hint)}</p>
            <p class="last-update" id=result_dom_id("updated-", &key)>
                {move || match updated() {
                    Some(at) => {
                        // Who typed it, when the device had a role: the office
                        // reads whose result it is.
                        let by = stored.with(|(_, _, by)| by.clone()).map(|by| view! { " · "{t!(i18n, objective.updated_by, by = by)} });
                        view! { {t!(i18n, objective.last_update)}" "<time>{at}</time>{by} }.into_any()
                    }
                    None => view! { {t!(i18n, objective.never_updated)} }.into_any(),
                }}
            </p>
        </div>
    }
}
