//! The distribution of objectives by level reached (below threshold,
//! threshold, target, excellence, not assessed), counted and weighted: a
//! table whose last column draws each band's share of the weight as a bar.
//! The numbers are in the table, so the bars are decoration (`aria-hidden`);
//! they are SVG, which prints without "background graphics".

use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;

use crate::i18n::*;
use crate::report::relazione::Distribution;
use crate::view::format;

/// The bar's length in the SVG's units for a share of 0–100 %.
pub fn bar_width(percent: rust_decimal::Decimal) -> f64 {
    percent.to_f64().unwrap_or_default().clamp(0.0, 100.0)
}

/// A distribution by band, with its bars.
#[component]
pub fn LevelDistribution(
    /// The table's id.
    id: String,
    /// What the table covers, for its caption (an area, or every area).
    scope: String,
    /// The objectives by band, from `report::relazione`.
    distribution: Distribution,
    /// The interface's language.
    lang: Lang,
) -> impl IntoView {
    let i18n = use_i18n();
    let l = lang.locale();
    let rows = distribution
        .shares
        .iter()
        .map(|s| {
            let width = bar_width(s.percent_of_weight);
            view! {
                <tr data-band=s.band.key()>
                    <th scope="row"><span class=format!("distribution-key band-{}", s.band.key())>{s.band.name(lang)}</span></th>
                    <td class="num" data-label=td_string!(l, report.col_count)>{s.count}" ("{format::decimal(s.percent_of_count, lang, 1)}" %)"</td>
                    <td class="num" data-label=td_string!(l, report.col_weight_sum)>{format::decimal(s.weight, lang, 2)}" ("{format::decimal(s.percent_of_weight, lang, 1)}" %)"</td>
                    <td class="distribution-bar" aria-hidden="true">
                        <svg viewBox="0 0 100 8" preserveAspectRatio="none" focusable="false">
                            <rect class="distribution-track" x="0" y="0" width="100" height="8"></rect>
                            <rect class=format!("distribution-fill fill-{}", s.band.key()) x="0" y="0" width=width height="8"></rect>
                        </svg>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let count = distribution.count;
    view! {
        <div class="table-scroll">
            <table class="report-table distribution-table stack" id=id>
                <caption>{t!(i18n, report.distribution_caption, scope = scope, count = count)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, report.col_band)}</th>
                        <th scope="col" class="num">{t!(i18n, report.col_count)}</th>
                        <th scope="col" class="num">{t!(i18n, report.col_weight_sum)}</th>
                        <th scope="col" class="distribution-bar">{t!(i18n, report.distribution_bar)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn a_bar_is_its_share_clamped_to_the_drawing() {
        assert_eq!(bar_width(Decimal::new(333, 1)), 33.3);
        assert_eq!(bar_width(Decimal::from(120)), 100.0);
        assert_eq!(bar_width(Decimal::from(-5)), 0.0);
    }
}
