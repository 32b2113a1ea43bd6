//! A small step chart of a level or score (0–4) over time, drawn as inline SVG
//! by Rust (no chart library), with its points in a table inside `<details>`
//! for screen readers and for anyone who wants the numbers.
//!
//! The drawing is computed by [`geometry`], a plain function tested natively;
//! the component only lays it out. A recorded value holds until the next
//! change, so the line is a staircase; a day on which nothing was assessed
//! breaks it.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::i18n::*;
use crate::state::use_app;
use crate::view::format;

/// The drawing's size in SVG units; it scales with the page through CSS.
pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 120.0;
const LEFT: f64 = 22.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 8.0;
const BOTTOM: f64 = 20.0;
/// The scale's levels, drawn as grid lines: threshold, target, excellence.
pub const GRID_LEVELS: [u8; 4] = [0, 1, 3, 4];

/// One point of the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartPoint {
    pub date: NaiveDate,
    /// The level or score that day, 0–4; `None` when not assessed.
    pub score: Option<Decimal>,
    /// What was recorded, as the reader writes it (`41.079.930 kWh`), for the
    /// table; `None` when the score says it all.
    pub value: Option<String>,
}

/// Where the chart's marks go.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Geometry {
    /// SVG `points` of each unbroken staircase.
    pub lines: Vec<String>,
    /// The dot of each assessed point, `(x, y)`.
    pub dots: Vec<(f64, f64)>,
    /// The y of each grid level, as in [`GRID_LEVELS`].
    pub grid: Vec<(u8, f64)>,
}

/// The y of a score on the 0–4 scale (0 at the bottom); out-of-range values
/// are clamped so a dot never leaves the drawing.
pub fn y_of(score: Decimal) -> f64 {
    let s = score.to_f64().unwrap_or_default().clamp(0.0, 4.0);
    TOP + (HEIGHT - TOP - BOTTOM) * (1.0 - s / 4.0)
}

/// The x of a day between the first and the last; a single day is centred.
pub fn x_of(day: NaiveDate, first: NaiveDate, last: NaiveDate) -> f64 {
    let span = (last - first).num_days();
    if span <= 0 {
        return LEFT + (WIDTH - LEFT - RIGHT) / 2.0;
    }
    let offset = (day - first).num_days() as f64;
    LEFT + (WIDTH - LEFT - RIGHT) * offset / span as f64
}

fn coord(x: f64, y: f64) -> String {
    format!("{x:.1},{y:.1}")
}

/// The marks for points in date order.
pub fn geometry(points: &[ChartPoint]) -> Geometry {
    let grid = GRID_LEVELS
        .iter()
        .map(|l| (*l, y_of(Decimal::from(*l))))
        .collect();
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Geometry {
            grid,
            ..Geometry::default()
        };
    };
    let (first, last) = (first.date, last.date);
    let mut lines = Vec::new();
    let mut dots = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut previous_y: Option<f64> = None;
    for p in points {
        let x = x_of(p.date, first, last);
        match p.score {
            Some(s) => {
                let y = y_of(s);
                if let Some(py) = previous_y {
                    // Held until this day, then changed.
                    current.push(coord(x, py));
                }
                current.push(coord(x, y));
                dots.push((x, y));
                previous_y = Some(y);
            }
            None => {
                if let Some(py) = previous_y {
                    current.push(coord(x, py));
                }
                if current.len() > 1 {
                    lines.push(current.join(" "));
                }
                current.clear();
                previous_y = None;
            }
        }
    }
    if current.len() > 1 {
        lines.push(current.join(" "));
    }
    Geometry { lines, dots, grid }
}

/// A step chart with its data table.
#[component]
pub fn TimelineChart(
    /// The points, oldest first.
    #[prop(into)]
    points: Signal<Vec<ChartPoint>>,
    /// What the chart shows ("Level of indicator A over time"): the start of
    /// the accessible name and the table's caption.
    #[prop(into)]
    label: Signal<String>,
    /// Unique on the page: the chart's element ids start with it.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let marks = Memo::new(move |_| points.with(|p| geometry(p)));
    let summary = move || {
        let lang = app.lang.get();
        points.with(|p| match (p.first(), p.last()) {
            (Some(first), Some(last)) => format!(
                "{} {}, {} {} {} {}, {} {}",
                p.len(),
                if p.len() == 1 {
                    t_string!(i18n, history.chart_point).to_string()
                } else {
                    t_string!(i18n, history.chart_points).to_string()
                },
                t_string!(i18n, history.chart_from),
                format::date(first.date, lang),
                t_string!(i18n, history.chart_to),
                format::date(last.date, lang),
                t_string!(i18n, history.chart_latest),
                format::level(last.score, lang)
            ),
            _ => t_string!(i18n, history.no_points).to_string(),
        })
    };
    let aria_label = move || format!("{}: {}", label.get(), summary());
    let has_values = Memo::new(move |_| points.with(|p| p.iter().any(|x| x.value.is_some())));
    let axis_dates = move || {
        let lang = app.lang.get();
        points.with(|p| {
            let first = p.first().map(|x| format::date(x.date, lang));
            let last = p
                .last()
                .filter(|_| p.len() > 1)
                .map(|x| format::date(x.date, lang));
            (first, last)
        })
    };
    let rows = move || {
        let lang = app.lang.get();
        let with_values = has_values.get();
        points
            .get()
            .into_iter()
            .map(|p| {
                view! {
                    <tr>
                        <th scope="row">{format::date(p.date, lang)}</th>
                        {with_values.then(|| view! { <td>{p.value.clone().unwrap_or_else(|| "—".into())}</td> })}
                        <td class="num">{format::level(p.score, lang)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let viewbox = format!("0 0 {WIDTH} {HEIGHT}");
    view! {
        <figure class="timeline-chart" id=id.clone()>
            <svg
                class="timeline-svg"
                viewBox=viewbox
                role="img"
                aria-label=aria_label
                focusable="false"
            >
                {move || marks.with(|m| m.grid.iter().map(|(level, y)| {
                    let y = *y;
                    view! {
                        <line class=if *level == 3 { "grid target" } else { "grid" } x1=LEFT x2=WIDTH - RIGHT y1=y y2=y></line>
                        <text class="axis-label" x=LEFT - 4.0 y=y + 3.5 text-anchor="end">{level.to_string()}</text>
                    }
                }).collect_view())}
                {move || marks.with(|m| m.lines.iter().map(|pts| view! {
                    <polyline class="timeline-line" points=pts.clone()></polyline>
                }).collect_view())}
                {move || marks.with(|m| m.dots.iter().map(|(x, y)| view! {
                    <circle class="timeline-dot" cx=*x cy=*y r="3.5"></circle>
                }).collect_view())}
                {move || {
                    let (first, last) = axis_dates();
                    view! {
                        <text class="axis-label" x=LEFT y=HEIGHT - 5.0 text-anchor="start">{first}</text>
                        <text class="axis-label" x=WIDTH - RIGHT y=HEIGHT - 5.0 text-anchor="end">{last}</text>
                    }
                }}
            </svg>
            <details class="timeline-data">
                <summary>{t!(i18n, history.show_data)}</summary>
                <table class="scores timeline-table">
                    <caption>{move || label.get()}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, history.col_date)}</th>
                            <Show when=move || has_values.get()>
                                <th scope="col">{t!(i18n, history.col_value)}</th>
                            </Show>
                            <th scope="col" class="num">{t!(i18n, history.col_level)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::from_str(s).expect("test date")
    }

    fn point(date: &str, score: Option<&str>) -> ChartPoint {
        ChartPoint {
            date: day(date),
            score: score.map(|s| Decimal::from_str(s).expect("test decimal")),
            value: None,
        }
    }

    #[test]
    fn levels_map_bottom_to_top_and_are_clamped() {
        assert_eq!(y_of(Decimal::ZERO), HEIGHT - BOTTOM);
        assert_eq!(y_of(Decimal::from(4)), TOP);
        assert_eq!(y_of(Decimal::from(9)), TOP);
        assert!(y_of(Decimal::from(3)) < y_of(Decimal::ONE));
    }

    #[test]
    fn dates_spread_from_left_to_right_and_one_day_is_centred() {
        let (a, b) = (day("2023-01-01"), day("2023-12-31"));
        assert_eq!(x_of(a, a, b), LEFT);
        assert_eq!(x_of(b, a, b), WIDTH - RIGHT);
        assert_eq!(x_of(a, a, a), LEFT + (WIDTH - LEFT - RIGHT) / 2.0);
    }

    #[test]
    fn a_value_holds_until_the_next_change_as_a_staircase() {
        let g = geometry(&[
            point("2023-01-01", Some("1")),
            point("2023-07-02", Some("3")),
        ]);
        assert_eq!(g.dots.len(), 2);
        assert_eq!(g.lines.len(), 1);
        // Three corners: start, the step's foot at the second day, its top.
        assert_eq!(g.lines[0].split(' ').count(), 3);
        assert_eq!(g.grid.len(), 4);
    }

    #[test]
    fn a_day_not_assessed_breaks_the_line_and_has_no_dot() {
        let g = geometry(&[
            point("2023-01-01", Some("1")),
            point("2023-02-01", None),
            point("2023-03-01", Some("3")),
            point("2023-04-01", Some("4")),
        ]);
        assert_eq!(g.dots.len(), 3);
        assert_eq!(g.lines.len(), 2);
    }

    #[test]
    fn no_points_draw_only_the_grid() {
        let g = geometry(&[]);
        assert!(g.lines.is_empty() && g.dots.is_empty());
        assert_eq!(g.grid.len(), 4);
    }
}
