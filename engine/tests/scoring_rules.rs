//! The scoring rules of the brief, one behaviour per test.

mod common;

use common::*;
use cruscotto_engine::scoring::{
    date_level, next_level_value, number_level, objective_level, round2,
};
use cruscotto_engine::*;
use rust_decimal::Decimal;

fn step(x: &str, s: &str, t: &str, e: &str, dir: Direction) -> Decimal {
    number_level(d(x), [d(s), d(t), d(e)], dir, NumericMode::Step)
}

fn linear(x: &str, s: &str, t: &str, e: &str, dir: Direction) -> Decimal {
    number_level(d(x), [d(s), d(t), d(e)], dir, NumericMode::Linear)
}

#[test]
fn step_higher_is_better_reaches_each_level_at_its_value() {
    let h = Direction::Higher;
    assert_eq!(step("3.49", "3.5", "4.2", "5", h), d("0"));
    assert_eq!(step("3.5", "3.5", "4.2", "5", h), d("1"));
    assert_eq!(step("4.19", "3.5", "4.2", "5", h), d("1"));
    assert_eq!(step("4.2", "3.5", "4.2", "5", h), d("3"));
    assert_eq!(step("5", "3.5", "4.2", "5", h), d("4"));
}

#[test]
fn excellence_caps_at_four() {
    assert_eq!(step("999", "1", "2", "3", Direction::Higher), d("4"));
    assert_eq!(linear("999", "1", "2", "3", Direction::Higher), d("4"));
}

#[test]
fn step_lower_is_better_mirrors_every_comparison() {
    // The 2023 energy indicator A: kWh, 2% / 6% / 10% reductions.
    let l = Direction::Lower;
    let (s, t, e) = ("41079930", "39403198", "37726467");
    assert_eq!(step("41079931", s, t, e, l), d("0"));
    assert_eq!(step("41079930", s, t, e, l), d("1"));
    assert_eq!(step("39403198", s, t, e, l), d("3"));
    assert_eq!(step("37726467", s, t, e, l), d("4"));
    assert_eq!(step("1", s, t, e, l), d("4"));
}

#[test]
fn linear_interpolates_between_threshold_and_target() {
    let h = Direction::Higher;
    assert_eq!(linear("10", "10", "20", "30", h), d("1"));
    assert_eq!(linear("15", "10", "20", "30", h), d("2"));
    assert_eq!(linear("20", "10", "20", "30", h), d("3"));
    assert_eq!(linear("25", "10", "20", "30", h), d("3.5"));
    assert_eq!(linear("9.99", "10", "20", "30", h), d("0"));
}

#[test]
fn linear_lower_is_better_interpolates_mirrored() {
    let l = Direction::Lower;
    assert_eq!(linear("30", "30", "20", "10", l), d("1"));
    assert_eq!(linear("25", "30", "20", "10", l), d("2"));
    assert_eq!(linear("15", "30", "20", "10", l), d("3.5"));
    assert_eq!(linear("31", "30", "20", "10", l), d("0"));
}

#[test]
fn degenerate_levels_do_not_divide_by_zero() {
    let h = Direction::Higher;
    // S = T: reaching the shared value is target.
    assert_eq!(linear("10", "10", "10", "20", h), d("3"));
    assert_eq!(linear("9", "10", "10", "20", h), d("0"));
    // T = E: reaching it is excellence.
    assert_eq!(linear("20", "10", "20", "20", h), d("4"));
    assert_eq!(linear("15", "10", "20", "20", h), d("2"));
    // All equal.
    assert_eq!(linear("5", "5", "5", "5", h), d("4"));
    assert_eq!(step("4", "5", "5", "5", h), d("0"));
    assert_eq!(linear("5", "5", "5", "5", Direction::Lower), d("4"));
}

#[test]
fn dates_on_or_before_each_deadline_reach_its_level() {
    let lv = [date("2023-06-30"), date("2023-05-31"), date("2023-04-30")];
    assert_eq!(date_level(date("2023-04-30"), lv), d("4"));
    assert_eq!(date_level(date("2023-01-01"), lv), d("4"));
    assert_eq!(date_level(date("2023-05-01"), lv), d("3"));
    assert_eq!(date_level(date("2023-05-31"), lv), d("3"));
    assert_eq!(date_level(date("2023-06-30"), lv), d("1"));
    assert_eq!(date_level(date("2023-07-01"), lv), d("0"));
}

#[test]
fn milestone_takes_the_level_entered() {
    let p = plan(
        &["A"],
        vec![objective("o", &[("A", "100")], vec![milestone("m")])],
    );
    for l in [0u8, 1, 3, 4] {
        let card = p.score(&progress(&[("m", at_level(l))]));
        assert_eq!(card.indicator("m"), Some(Decimal::from(l)));
    }
}

#[test]
fn intermediate_milestone_level_counts_only_when_the_plan_allows_it() {
    let mut p = plan(
        &["A"],
        vec![objective("o", &[("A", "100")], vec![milestone("m")])],
    );
    let pr = progress(&[("m", at_level(2))]);
    assert_eq!(p.score(&pr).indicator("m"), None);
    p.scoring.intermediate_level = true;
    assert_eq!(p.score(&pr).indicator("m"), Some(d("2")));
}

#[test]
fn missed_deadline_recorded_as_level_zero_scores_zero() {
    let p = plan(
        &["A"],
        vec![objective(
            "o",
            &[("A", "100")],
            vec![deadline("x", "2023-12-31", "2023-11-30", "2023-10-31")],
        )],
    );
    let card = p.score(&progress(&[("x", at_level(0))]));
    assert_eq!(card.indicator("x"), Some(d("0")));
    assert_eq!(card.area("A").and_then(|a| a.score), Some(d("0")));
}

#[test]
fn objective_mean_averages_indicator_levels() {
    assert_eq!(
        objective_level([Some(d("4")), Some(d("1"))], Aggregation::Mean),
        Some(d("2.5"))
    );
}

#[test]
fn objective_all_takes_the_lowest_level() {
    assert_eq!(
        objective_level([Some(d("4")), Some(d("1")), Some(d("3"))], Aggregation::All),
        Some(d("1"))
    );
}

#[test]
fn objective_with_an_unassessed_indicator_is_not_assessed_rather_than_zero() {
    assert_eq!(
        objective_level([Some(d("4")), None], Aggregation::Mean),
        None
    );
    assert_eq!(
        objective_level([Some(d("4")), None], Aggregation::All),
        None
    );
    assert_eq!(objective_level(std::iter::empty(), Aggregation::Mean), None);
}

#[test]
fn a_note_alone_does_not_assess_an_indicator() {
    let p = plan(
        &["A"],
        vec![objective("o", &[("A", "100")], vec![milestone("m")])],
    );
    let entry = ProgressEntry {
        note: Some("in corso".into()),
        ..Default::default()
    };
    let card = p.score(&progress(&[("m", entry)]));
    assert_eq!(card.objective("o"), None);
    assert_eq!(card.area("A").and_then(|a| a.score), None);
}

#[test]
fn area_score_weights_assessed_objectives_only_and_is_provisional() {
    let p = two_areas();
    let card = p.score(&progress(&[("m1", at_level(4))]));
    let a = card.area("A").expect("area A");
    assert_eq!(a.score, Some(d("4")));
    assert_eq!(a.assessed_weight, d("60"));
    assert_eq!(a.total_weight, d("100"));
    assert!(a.provisional);
    let b = card.area("B").expect("area B");
    assert!(!b.provisional);
    assert_eq!(b.score, Some(d("4")));
}

#[test]
fn area_score_is_the_weighted_mean_and_percent_is_of_target() {
    let p = two_areas();
    let card = p.score(&progress(&[("m1", at_level(4)), ("m2", at_level(1))]));
    let a = card.area("A").expect("area A");
    // (60·4 + 40·1) / 100 = 2.8; 2.8 / 3 · 100 = 93.33…
    assert_eq!(a.score, Some(d("2.8")));
    assert!(!a.provisional);
    assert_eq!(a.percent_of_target.map(round2), Some(d("93.33")));
}

#[test]
fn area_with_nothing_assessed_has_no_score_not_zero() {
    let card = two_areas().score(&Progress::new());
    let a = card.area("A").expect("area A");
    assert_eq!(a.score, None);
    assert_eq!(a.assessed_weight, d("0"));
    assert!(a.provisional);
}

#[test]
fn one_objective_weighted_in_two_areas_counts_in_both_with_their_weights() {
    let card = two_areas().score(&progress(&[("m1", at_level(3)), ("m2", at_level(0))]));
    assert_eq!(card.area("A").and_then(|a| a.score), Some(d("1.8")));
    assert_eq!(card.area("B").and_then(|a| a.score), Some(d("3")));
}

#[test]
fn rounding_is_half_away_from_zero_at_two_decimals() {
    assert_eq!(round2(d("1.005")), d("1.01"));
    assert_eq!(round2(d("1.004999")), d("1.00"));
    assert_eq!(round2(d("2.675")), d("2.68"));
    assert_eq!(round2(d("-1.005")), d("-1.01"));
}

#[test]
fn summary_prints_two_decimals_and_null_for_unassessed() {
    let p = two_areas();
    let card = p.score(&progress(&[("m1", at_level(4)), ("m2", at_level(1))]));
    let s = score_summary(&p, &card);
    assert_eq!(s.areas[0].score.as_deref(), Some("2.80"));
    assert_eq!(s.areas[0].percent_of_target.as_deref(), Some("93.33"));
    let empty = score_summary(&p, &p.score(&Progress::new()));
    assert_eq!(empty.objectives[0].level, None);
}

#[test]
fn pillar_score_weights_objectives_by_their_total_weight() {
    let p = two_areas();
    let card = p.score(&progress(&[("m1", at_level(4)), ("m2", at_level(1))]));
    // o1 weighs 160 in all, o2 40: (160·4 + 40·1) / 200 = 3.4
    assert_eq!(card.pillars[0].score, Some(d("3.4")));
}

#[test]
fn next_level_value_says_what_a_number_still_needs() {
    let h = number("n", "10", "20", "30", Direction::Higher);
    assert_eq!(next_level_value(&h, None), Some((1, d("10"))));
    assert_eq!(next_level_value(&h, Some(d("12"))), Some((3, d("20"))));
    assert_eq!(next_level_value(&h, Some(d("20"))), Some((4, d("30"))));
    assert_eq!(next_level_value(&h, Some(d("31"))), None);
    let l = number("n", "30", "20", "10", Direction::Lower);
    assert_eq!(next_level_value(&l, Some(d("25"))), Some((3, d("20"))));
}

#[test]
fn a_value_of_the_wrong_kind_leaves_the_indicator_unassessed() {
    let p = plan(
        &["A"],
        vec![objective(
            "o",
            &[("A", "100")],
            vec![number("n", "1", "2", "3", Direction::Higher)],
        )],
    );
    assert_eq!(
        p.score(&progress(&[("n", done_on("2023-01-01"))]))
            .indicator("n"),
        None
    );
    assert_eq!(
        p.score(&progress(&[("n", at_level(3))])).indicator("n"),
        None
    );
    assert_eq!(
        p.score(&progress(&[("n", valued("2"))])).indicator("n"),
        Some(d("3"))
    );
}

#[test]
fn linear_level_never_steps_back_in_a_band_too_wide_to_compute_exactly() {
    // Threshold 0, target 4.3344e28: 2·(x − S) stops fitting a Decimal at
    // x ≈ 3.96e28. Choosing the computation per value made the level drop by
    // 1e-28 there; it is chosen per band.
    let levels = [d("0"), d("43344000000000000000000000000"), Decimal::MAX];
    let half = (Decimal::MAX / Decimal::TWO).trunc();
    let mut last = Decimal::ZERO;
    for i in -50i64..50 {
        let x = half + Decimal::from(i);
        let l = number_level(x, levels, Direction::Higher, NumericMode::Linear);
        assert!(l >= last, "{x}: {l} < {last}");
        last = l;
    }
}
