//! The form that adds an evidence item to a result: kind, title, reference,
//! date, and optionally a file whose SHA-256 is computed here (the file is
//! neither stored nor sent). A problem is said at its field and adds nothing.

use chrono::NaiveDate;
use cruscotto_engine::{EvidenceKind, ResultKey};
use leptos::prelude::*;

use crate::components::fields::date_field::DateField;
use crate::i18n::*;
use crate::io::clock::now;
use crate::io::files::{self, FingerprintError};
use crate::state::use_app;
use crate::view::evidence::{
    evidence_id, kind_code, kind_of, new_evidence, short_digest, DraftProblem, EvidenceDraft, KINDS,
};
use crate::view::ids::result_dom_id;

/// What picking a file for its fingerprint gave.
#[derive(Clone, PartialEq)]
enum FileState {
    None,
    Computing,
    Done(String, String),
    Failed(FingerprintError),
}

/// The "add evidence" form of one result, folded until opened.
#[component]
pub fn EvidenceForm(
    /// The result the new item supports.
    key: ResultKey,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let kind = RwSignal::new(EvidenceKind::Document);
    let title = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let date = RwSignal::new(None::<NaiveDate>);
    let file = RwSignal::new(FileState::None);
    let problem = RwSignal::new(None::<DraftProblem>);
    let added = RwSignal::new(false);
    let id = |what: &str| result_dom_id(&format!("evidence-{what}-"), &key);
    let (kind_id, title_id, ref_id, date_id, file_id) = (
        id("kind"),
        id("title"),
        id("reference"),
        id("date"),
        id("file"),
    );
    let (title_err, ref_err, file_status) =
        (id("title-error"), id("reference-error"), id("file-status"));
    let (title_hint, ref_hint, file_hint) =
        (id("title-hint"), id("reference-hint"), id("file-hint"));
    let file_input = NodeRef::<leptos::html::Input>::new();

    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(picked) = files::files_of(input.files()).into_iter().next() else {
            file.set(FileState::None);
            return;
        };
        file.set(FileState::Computing);
        leptos::task::spawn_local(async move {
            file.set(match files::fingerprint(&picked).await {
                Ok((digest, name)) => FileState::Done(digest, name),
                Err(e) => FileState::Failed(e),
            });
        });
    };

    let key = StoredValue::new(key);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = EvidenceDraft {
            kind: kind.get_untracked(),
            title: title.get_untracked(),
            reference: reference.get_untracked(),
            date: date.get_untracked(),
            file: match file.get_untracked() {
                FileState::Done(d, n) => Some((d, n)),
                _ => None,
            },
        };
        let author = app.role_untracked().map(|r| r.author());
        let new_id = evidence_id(js_sys::Date::now(), js_sys::Math::random());
        match new_evidence(&draft, new_id, &now(), author) {
            Err(p) => {
                problem.set(Some(p));
                added.set(false);
            }
            Ok(item) => {
                let key = key.get_value();
                app.record(&key.indicator, key.area.as_deref(), move |e| {
                    e.evidence.push(item)
                });
                problem.set(None);
                title.set(String::new());
                reference.set(String::new());
                date.set(None);
                file.set(FileState::None);
                if let Some(el) = file_input.get() {
                    el.set_value("");
                }
                added.set(true);
            }
        }
    };

    let kind_options = KINDS
        .into_iter()
        .map(|k| {
            let label = match k {
                EvidenceKind::Document => t!(i18n, cycle.kind_document).into_any(),
                EvidenceKind::Protocol => t!(i18n, cycle.kind_protocol).into_any(),
                EvidenceKind::Link => t!(i18n, cycle.kind_link).into_any(),
                EvidenceKind::Other => t!(i18n, cycle.kind_other).into_any(),
            };
            view! { <option value=kind_code(k) selected=move || kind.get() == k>{label}</option> }
        })
        .collect_view();

    let title_bad = move || problem.get() == Some(DraftProblem::NoTitle);
    let ref_bad = move || problem.get() == Some(DraftProblem::NotAWebAddress);
    let title_described = format!("{title_hint} {title_err}");
    let ref_described = format!("{ref_hint} {ref_err}");
    let file_described = format!("{file_hint} {file_status}");
    view! {
        <details class="evidence-add">
            <summary>{t!(i18n, cycle.evidence_add)}</summary>
            <form class="evidence-form" novalidate on:submit=submit>
                <div class="field">
                    <label for=kind_id.clone()>{t!(i18n, cycle.evidence_kind)}</label>
                    <select id=kind_id on:change=move |ev| kind.set(kind_of(&event_target_value(&ev)))>
                        {kind_options}
                    </select>
                </div>
                <div class="field">
                    <label for=title_id.clone()>{t!(i18n, cycle.evidence_title)}</label>
                    <input id=title_id type="text" prop:value=move || title.get()
                        aria-invalid=move || title_bad().then_some("true")
                        aria-describedby=title_described
                        on:input=move |ev| title.set(event_target_value(&ev)) />
                    <p class="hint" id=title_hint>{t!(i18n, cycle.evidence_title_hint)}</p>
                    <p class="field-error" id=title_err role="alert">
                        {move || title_bad().then_some(t!(i18n, cycle.evidence_no_title))}
                    </p>
                </div>
                <div class="field">
                    <label for=ref_id.clone()>{t!(i18n, cycle.evidence_reference)}</label>
                    <input id=ref_id type="text" prop:value=move || reference.get()
                        aria-invalid=move || ref_bad().then_some("true")
                        aria-describedby=ref_described
                        on:input=move |ev| reference.set(event_target_value(&ev)) />
                    <p class="hint" id=ref_hint>{t!(i18n, cycle.evidence_reference_hint)}</p>
                    <p class="field-error" id=ref_err role="alert">
                        {move || ref_bad().then_some(t!(i18n, cycle.evidence_not_web))}
                    </p>
                </div>
                <div class="field">
                    <label for=date_id.clone()>{t!(i18n, cycle.evidence_date)}</label>
                    <DateField id=date_id value=Signal::derive(move || date.get())
                        on_change=Callback::new(move |d| date.set(d)) />
                </div>
                <div class="field">
                    <label for=file_id.clone()>{t!(i18n, cycle.evidence_file)}</label>
                    <input id=file_id type="file" node_ref=file_input aria-describedby=file_described on:change=on_file />
                    <p class="hint" id=file_hint>{t!(i18n, cycle.evidence_file_hint)}</p>
                    <p class="file-status" id=file_status aria-live="polite">
                        {move || match file.get() {
                            FileState::None => None,
                            FileState::Computing => Some(t!(i18n, cycle.evidence_file_computing).into_any()),
                            FileState::Done(d, name) => {
                                let digest = short_digest(&d).to_string();
                                Some(t!(i18n, cycle.evidence_file_done, name = name.clone(), digest = digest.clone()).into_any())
                            }
                            FileState::Failed(FingerprintError::TooLarge { .. }) => Some(t!(i18n, cycle.evidence_file_too_large).into_any()),
                            FileState::Failed(FingerprintError::Unreadable(e)) => {
                                let reason = e.0.clone();
                                Some(t!(i18n, cycle.evidence_file_unreadable, reason = reason.clone()).into_any())
                            }
                        }}
                    </p>
                </div>
                <button type="submit" class="evidence-submit" disabled=move || file.get() == FileState::Computing>
                    {t!(i18n, cycle.evidence_submit)}
                </button>
                <p class="form-status" aria-live="polite">{move || added.get().then_some(t!(i18n, cycle.evidence_added))}</p>
            </form>
        </details>
    }
}
