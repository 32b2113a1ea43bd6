//! The evidence of one result: what the plan asks, the items recorded, and
//! the form to add one.

use cruscotto_engine::ResultKey;
use leptos::prelude::*;

use crate::components::evidence::evidence_form::EvidenceForm;
use crate::components::evidence::evidence_item::EvidenceItem;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::ids::result_dom_id;

/// The evidence list and form of one result.
#[component]
pub fn EvidencePanel(
    /// The result the evidence supports: an indicator's, or one area's of a
    /// per-area objective.
    key: ResultKey,
    /// The plan asks for evidence of this result.
    required: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let items = {
        let key = key.clone();
        Memo::new(move |_| {
            app.with_entry(&key, |e| e.map(|e| e.evidence.clone()).unwrap_or_default())
        })
    };
    let heading_id = result_dom_id("evidence-heading-", &key);
    let labelled_by = heading_id.clone();
    let list_id = result_dom_id("evidence-", &key);
    let missing = move || required && items.with(Vec::is_empty);
    let item_key = StoredValue::new(key.clone());
    view! {
        <section class="evidence" aria-labelledby=labelled_by data-indicator=key.indicator.clone() data-area=key.area.clone()>
            <h5 id=heading_id>{t!(i18n, cycle.evidence_heading)}</h5>
            {required.then(|| view! {
                <p class=move || if missing() { "evidence-required missing" } else { "evidence-required" }>
                    {t!(i18n, cycle.evidence_required)}
                </p>
            })}
            <Show
                when=move || items.with(|i| !i.is_empty())
                fallback=move || view! { <p class="muted evidence-none">{t!(i18n, cycle.evidence_none)}</p> }
            >
                <ul class="evidence-list" id=list_id.clone()>
                    <For
                        each=move || items.get()
                        key=|e| e.id.clone()
                        children=move |e| view! { <EvidenceItem key=item_key.get_value() item=e /> }
                    />
                </ul>
            </Show>
            <EvidenceForm key=key.clone() />
        </section>
    }
}
