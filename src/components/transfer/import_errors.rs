//! Every reason one snapshot was refused, each with its JSON path (or "whole
//! file"), under the name of the file it came from. Used by the single import,
//! the consolidation (one block per bad file) and the comparison.

use cruscotto_engine::snapshot::ImportError;
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::messages;

#[component]
pub fn ImportErrors(
    /// The file name, or "pasted text".
    source: String,
    /// Why the snapshot was refused.
    error: ImportError,
    /// The id of the block (its heading gets `<id>-heading`, for focus); none
    /// when several blocks are shown at once.
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let items = move || {
        let lang = app.lang.get();
        // Shape errors already carry their path; the others concern the whole file.
        let list: Vec<(Option<String>, String)> = match &error {
            ImportError::Invalid(issues) => issues
                .iter()
                .map(|i| (Some(i.path.clone()), messages::issue(i, lang)))
                .collect(),
            ImportError::Shape { path, message } => {
                vec![(Some(path.clone()), messages::shape_message(message, lang))]
            }
            other => vec![(None, messages::import_error(other, lang))],
        };
        // The parser's English, under a message worded in another language.
        let detail = messages::parser_detail(&error, lang).map(|raw| {
            view! {
                <details class="parser-detail">
                    <summary>{t!(i18n, messages.parser_detail)}</summary>
                    <code>{raw}</code>
                </details>
            }
        });
        let count = list.len();
        let rows = list
            .into_iter()
            .map(|(path, message)| {
                view! {
                    <li>
                        <span class="error-location">
                            {t!(i18n, transfer.error_location)}": "
                            {match path {
                                Some(p) => view! { <code>{p}</code> }.into_any(),
                                None => view! { <em>{t!(i18n, transfer.error_whole_file)}</em> }.into_any(),
                            }}
                        </span>
                        " — "
                        <span class="error-message">{message}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <p>{t!(i18n, transfer.errors_count)}" "{count}</p>
            <ul class="error-list">{rows}</ul>
            {detail}
        }
    };
    let heading_id = id.map(|id| format!("{id}-heading"));
    let source_attr = source.clone();
    view! {
        <div id=id class="alert alert-danger import-errors" role="alert" data-source=source_attr>
            <h3 id=heading_id tabindex="-1">{t!(i18n, transfer.errors_heading)}</h3>
            <p>{t!(i18n, transfer.errors_source)}" "<strong class="import-source">{source}</strong></p>
            {items}
        </div>
    }
}
