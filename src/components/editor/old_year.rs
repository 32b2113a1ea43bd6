//! The plan's texts that still name last year ("entro novembre 2023" in a
//! 2024 plan): a copy for next year moves the dates, not the words. Each is
//! a link to its field, so the office fixes them before the plan is adopted.

use leptos::prelude::*;

use crate::components::editor::context::use_editor;
use crate::components::editor::issue_summary::go_to_path;
use crate::i18n::*;
use crate::state::use_app;
use crate::view::editor::texts_naming_year;

/// The list of texts naming the year before the plan's, if any.
#[component]
pub fn EditorOldYear() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let ed = use_editor();
    let found = Memo::new(move |_| {
        app.plan
            .with(|p| (p.year - 1, texts_naming_year(p, p.year - 1)))
    });
    move || {
        let (year, texts) = found.get();
        (!texts.is_empty()).then(|| {
            let count = texts.len();
            let items = texts
                .into_iter()
                .map(|(path, text)| {
                    let target = path.clone();
                    view! {
                        <li>
                            <a href="#" on:click=move |ev| {
                                ev.prevent_default();
                                go_to_path(ed, &target);
                            }>{text}</a>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="alert alert-warning editor-old-year" id="editor-old-year" aria-labelledby="editor-old-year-heading">
                    <h2 id="editor-old-year-heading">{t!(i18n, editor.old_year_heading, year = year, count = count)}</h2>
                    <p>{t!(i18n, editor.old_year_hint, year = year)}</p>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
