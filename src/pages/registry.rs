//! The registry of revisions ("Registro delle rimodulazioni", /registry):
//! the plan's adoption, then every revision recorded since, oldest first,
//! with its act, reason, day, the objectives it changed and the scores it
//! moved on today's results; and a warning while changes wait to be
//! recorded. The rows are `view::revisions::registry`'s.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::links::route;
use crate::components::revisions::revision_card::RevisionCard;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;
use crate::view::revisions::registry;

#[component]
pub fn RegistryPage() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let rows = Memo::new(move |_| {
        let lang = app.lang.get();
        app.plan
            .with(|p| app.with_results(|r| registry(p, r, lang)))
    });
    let adoption = Memo::new(move |_| app.plan.with(|p| p.adoption.clone()));
    let unrecorded = Memo::new(move |_| app.plan.with(|p| p.unrecorded.len()));
    view! {
        <div class="registry">
            <h1>{t!(i18n, revisions.registry_title)}</h1>
            <p class="lead">{t!(i18n, revisions.registry_intro)}</p>
            {move || match adoption.get() {
                None => view! {
                    <p class="notice" id="registry-not-adopted">
                        {t!(i18n, revisions.registry_not_adopted)}" "
                        <A href=route("/editor")>{t!(i18n, revisions.editor_link)}</A>
                    </p>
                }.into_any(),
                Some(a) => {
                    let day = format::date(a.date, app.lang.get());
                    let act = a.act.clone();
                    view! {
                        <p id="registry-adoption">{t!(i18n, revisions.registry_adopted, date = move || day.clone(), act = move || act.clone())}</p>
                    }.into_any()
                }
            }}
            <Show when=move || { unrecorded.get() > 0 }>
                <p class="notice warn" role="status" id="registry-unrecorded">
                    {t!(i18n, revisions.registry_unrecorded, count = move || unrecorded.get())}" "
                    <A href=route("/editor")>{t!(i18n, revisions.editor_link)}</A>
                </p>
            </Show>
            <Show when=move || adoption.with(Option::is_some) && rows.with(Vec::is_empty)>
                <p id="registry-empty">{t!(i18n, revisions.registry_empty)}</p>
            </Show>
            // Few rows, each changing as a whole (a score moved): drawn again.
            {move || rows.get().into_iter().map(|row| view! { <RevisionCard row=row /> }).collect_view()}
        </div>
    }
}
