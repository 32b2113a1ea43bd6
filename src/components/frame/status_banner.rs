//! Alerts about the saved data: a failed save (with the way out, export now),
//! unreadable data set aside (each listed with its download and an explicit
//! discard), and
//! what happened with another tab (work replaced by newer changes, a plan
//! changed there, two plans to choose from).

use leptos::prelude::*;

use crate::components::frame::set_aside::SetAsideList;
use crate::components::transfer::export_now::ExportNow;
use crate::i18n::*;
use crate::state::tab_sync::LostEdit;
use crate::state::{use_app, TabNotice};
use crate::view::messages::{entry_summary, import_error};

#[component]
pub fn StatusBanner() -> impl IntoView {
    let app = use_app();
    view! {
        <Show when=move || app.storage_error.with(Option::is_some)>
            <div class="alert alert-danger" role="alert" id="storage-error">
                <p>{move || app.storage_error.get().map(|e| e.message(app.lang.get()))}</p>
                <div class="button-row">
                    <ExportNow id="storage-error-export" />
                </div>
            </div>
        </Show>
        <Show when=move || app.set_aside.with(|s| !s.is_empty())>
            <UnreadableAlert />
        </Show>
        <TabAlert />
    }
}

/// Data set aside because it could not be read: each one listed, to
/// download, or to discard after a confirmation.
#[component]
fn UnreadableAlert() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="alert alert-warning" role="alert" id="unreadable-alert">
            <h2>{t!(i18n, common.unreadable_title)}</h2>
            <p>{t!(i18n, common.unreadable_text)}</p>
            <SetAsideList />
        </div>
    }
}

/// What happened with another tab.
#[component]
fn TabAlert() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (failure, set_failure) = signal(None::<String>);
    let resolve = move |result: Result<(), crate::io::storage::StorageError>| {
        set_failure.set(result.err().map(|e| e.message(app.lang.get_untracked())));
    };
    move || {
        let notice = app.tab_notice.get()?;
        let failure_line = move || {
            failure
                .get()
                .map(|f| view! { <p class="field-error">{f}</p> })
        };
        Some(match notice {
            TabNotice::Lost(lost) => {
                let items = lost_items(&lost, app);
                view! {
                    <div class="alert alert-warning tab-notice" role="alert" id="tab-lost">
                        <h2>{t!(i18n, common.tab_lost_title)}</h2>
                        <p>{t!(i18n, common.tab_lost_text)}</p>
                        <ul>{items}</ul>
                        <div class="button-row">
                            <button type="button" class="btn btn-primary" id="tab-keep-mine" on:click=move |_| app.keep_local(&lost)>
                                {t!(i18n, common.tab_keep_mine)}
                            </button>
                            <button type="button" class="btn btn-secondary" id="tab-dismiss" on:click=move |_| app.tab_notice.set(None)>
                                {t!(i18n, common.dismiss)}
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
            TabNotice::PlanAdopted => view! {
                <div class="alert alert-info tab-notice" role="status" id="tab-plan-adopted">
                    <p>{t!(i18n, common.tab_plan_adopted)}</p>
                    <button type="button" class="btn btn-secondary" on:click=move |_| app.tab_notice.set(None)>
                        {t!(i18n, common.dismiss)}
                    </button>
                </div>
            }
            .into_any(),
            TabNotice::PlanConflict => view! {
                <div class="alert alert-danger tab-notice" role="alert" id="tab-conflict">
                    <h2>{t!(i18n, common.tab_conflict_title)}</h2>
                    <p>{t!(i18n, common.tab_conflict_text)}</p>
                    <div class="button-row">
                        <button type="button" class="btn btn-primary" id="tab-keep-this" on:click=move |_| resolve(app.keep_this_tab())>
                            {t!(i18n, common.tab_keep_this)}
                        </button>
                        <button type="button" class="btn btn-secondary" id="tab-use-other" on:click=move |_| resolve(app.use_other_tab())>
                            {t!(i18n, common.tab_use_other)}
                        </button>
                    </div>
                    {failure_line}
                </div>
            }
            .into_any(),
            TabNotice::Unreadable(error) => view! {
                <div class="alert alert-danger tab-notice" role="alert" id="tab-unreadable">
                    <p>{t!(i18n, common.tab_unreadable)}</p>
                    <p class="error-detail">{move || import_error(&error, app.lang.get())}</p>
                    <button type="button" class="btn btn-primary" on:click=move |_| {
                        let _ = window().location().reload();
                    }>
                        {t!(i18n, common.update_reload)}
                    </button>
                </div>
            }
            .into_any(),
        })
    }
}

/// One line per lost edit: the indicator, this tab's entry and the adopted one.
fn lost_items(lost: &[LostEdit], app: crate::state::AppState) -> impl IntoView {
    let i18n = use_i18n();
    let lang = app.lang.get_untracked();
    let summary = move |e: &Option<cruscotto_engine::ProgressEntry>| {
        e.as_ref()
            .map(|e| entry_summary(e, lang))
            .unwrap_or_else(|| entry_summary(&Default::default(), lang))
    };
    lost.iter()
        .map(|edit| {
            let title = app.plan.with_untracked(|p| {
                p.indicator(&edit.indicator_id)
                    .map(|(objective, ind)| match &ind.label {
                        Some(label) => format!("{} ({label})", objective.title),
                        None => objective.title.clone(),
                    })
                    .unwrap_or_else(|| edit.indicator_id.clone())
            });
            // A per-area objective's result names its area.
            let title = match &edit.area {
                Some(area) => format!("{title} – {area}"),
                None => title,
            };
            let here = summary(&edit.local);
            let there = summary(&edit.adopted);
            view! {
                <li data-indicator=edit.indicator_id.clone() data-area=edit.area.clone()>
                    <strong>{title}</strong>": "
                    {t!(i18n, common.tab_here)}" "{here}" → "{t!(i18n, common.tab_there)}" "{there}
                </li>
            }
        })
        .collect_view()
}
