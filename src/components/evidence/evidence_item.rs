//! One evidence item: what it is, its reference (a link opens only when it
//! is an http or https address, in a new tab, on a click), its date and
//! fingerprint; removed only after asking.

use cruscotto_engine::{Evidence, EvidenceKind, ResultKey};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::evidence::{link_href, short_digest};
use crate::view::format;

/// One item of a result's evidence.
#[component]
pub fn EvidenceItem(
    /// The result the item belongs to.
    key: ResultKey,
    /// The item.
    item: Evidence,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let asking = RwSignal::new(false);
    let kind = match item.kind {
        EvidenceKind::Document => t!(i18n, cycle.kind_document).into_any(),
        EvidenceKind::Protocol => t!(i18n, cycle.kind_protocol).into_any(),
        EvidenceKind::Link => t!(i18n, cycle.kind_link).into_any(),
        EvidenceKind::Other => t!(i18n, cycle.kind_other).into_any(),
    };
    let reference = match link_href(&item) {
        Some(href) => {
            let href = href.to_string();
            view! {
                <a class="evidence-reference" href=href.clone() target="_blank" rel="noopener noreferrer">
                    {href.clone()}
                    <span class="visually-hidden">" "{t!(i18n, cycle.evidence_opens_new_tab)}</span>
                </a>
            }
            .into_any()
        }
        None => (!item.reference.is_empty())
            .then(|| view! { <span class="evidence-reference">{item.reference.clone()}</span> })
            .into_any(),
    };
    let date = item.date;
    let digest = item.sha256.clone().map(|d| {
        let short = short_digest(&d).to_string();
        let name = item.file_name.clone();
        view! {
            <span class="evidence-digest" title=d.clone()>
                {t!(i18n, cycle.evidence_fingerprint)}": "<code>{short}"…"</code>
                {name.map(|n| view! { " ("{n}")" })}
            </span>
        }
    });
    let by = item.added_by.clone();
    let id = StoredValue::new(item.id.clone());
    let title = StoredValue::new(item.title.clone());
    let remove = {
        let key = key.clone();
        move |_| {
            let id = id.get_value();
            app.record(&key.indicator, key.area.as_deref(), move |e| {
                e.evidence.retain(|x| x.id != id);
            });
        }
    };
    view! {
        <li class="evidence-item" data-evidence=item.id.clone()>
            <span class="evidence-kind">{kind}</span>
            <strong class="evidence-title">{item.title.clone()}</strong>
            {reference}
            {move || date.map(|d| view! { <span class="evidence-date">{format::date(d, app.lang.get())}</span> })}
            {digest}
            {by.map(|by| view! { <span class="evidence-by muted">{t!(i18n, cycle.evidence_added_by, by = by)}</span> })}
            <Show
                when=move || asking.get()
                fallback=move || view! {
                    <button type="button" class="link-button evidence-remove" on:click=move |_| asking.set(true)>
                        {t!(i18n, cycle.evidence_remove)}
                    </button>
                }
            >
                <span class="evidence-confirm" role="group">
                    {t!(i18n, cycle.evidence_remove_confirm, title = title.get_value())}" "
                    <button type="button" class="danger evidence-remove-yes" on:click=remove.clone()>
                        {t!(i18n, cycle.evidence_remove_yes)}
                    </button>" "
                    <button type="button" class="evidence-remove-no" on:click=move |_| asking.set(false)>
                        {t!(i18n, cycle.evidence_remove_no)}
                    </button>
                </span>
            </Show>
        </li>
    }
}
