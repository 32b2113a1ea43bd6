//! An area's score against the plan as adopted, beside its score against
//! the plan in force, wherever a revision made them differ.

use leptos::prelude::*;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;

/// "sul piano originale: 2,80", shown only when the plan was revised and
/// the area's two scores differ.
#[component]
pub fn OriginalScore(
    /// The area's code.
    area: String,
    /// The element's id (tests and the area screen's summary find it by it).
    #[prop(optional)]
    id: Option<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let area = StoredValue::new(area);
    let differing = Memo::new(move |_| {
        let original = app.original_scores.with(|o| {
            o.as_ref()
                .map(|c| area.with_value(|a| c.area(a).and_then(|s| s.score)))
        })?;
        let now = app
            .scorecard
            .with(|c| area.with_value(|a| c.area(a).and_then(|s| s.score)));
        (original != now).then_some(original)
    });
    view! {
        {move || differing.get().map(|original| {
            let score = format::level(original, app.lang.get());
            view! {
                <span class="original-score" id=id.clone()
                    title=move || t_string!(i18n, revisions.original_explained).to_string()>
                    {t!(i18n, revisions.original_score, score = move || score.clone())}
                </span>
            }
        })}
    }
}
