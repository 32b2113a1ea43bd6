//! The rounded, serializable view of a scorecard that the CLI prints and exports
//! share: decimals as strings with 2 places, `null` where not assessed.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::Plan;
use crate::scoring::{round2, Scorecard};

fn fmt2(d: Decimal) -> String {
    // `round_dp` keeps trailing zeros at the given scale, so "3.00" stays "3.00".
    let r = round2(d);
    format!("{r:.2}")
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaSummary {
    pub area: String,
    pub score: Option<String>,
    pub percent_of_target: Option<String>,
    pub assessed_weight: String,
    pub total_weight: String,
    pub provisional: bool,
}

/// The level of an objective or an indicator. A per-area objective and its
/// indicators have no single level (`level` is `null`): theirs are in
/// `areas`, one per weighted area in assignment order.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelSummary {
    pub id: String,
    pub level: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<AreaLevelSummary>,
}

/// One area's level of a per-area objective or indicator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AreaLevelSummary {
    pub area: String,
    pub level: Option<String>,
}

type ByArea = std::collections::BTreeMap<String, Option<Decimal>>;

fn area_levels(areas: Vec<&str>, by_area: Option<&ByArea>) -> Vec<AreaLevelSummary> {
    let Some(by_area) = by_area else {
        return Vec::new();
    };
    areas
        .into_iter()
        .map(|a| AreaLevelSummary {
            area: a.to_string(),
            level: by_area.get(a).copied().flatten().map(fmt2),
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScoreSummary {
    pub areas: Vec<AreaSummary>,
    pub objectives: Vec<LevelSummary>,
    pub indicators: Vec<LevelSummary>,
}

/// Rounds a scorecard for output, in the plan's order.
pub fn score_summary(plan: &Plan, card: &Scorecard) -> ScoreSummary {
    ScoreSummary {
        areas: card
            .areas
            .iter()
            .map(|a| AreaSummary {
                area: a.area.clone(),
                score: a.score.map(fmt2),
                percent_of_target: a.percent_of_target.map(fmt2),
                assessed_weight: fmt2(a.assessed_weight),
                total_weight: fmt2(a.total_weight),
                provisional: a.provisional,
            })
            .collect(),
        objectives: plan
            .objectives
            .iter()
            .map(|o| LevelSummary {
                id: o.id.clone(),
                level: card.objective(&o.id).map(fmt2),
                areas: area_levels(o.areas().collect(), card.objectives_by_area.get(&o.id)),
            })
            .collect(),
        indicators: plan
            .indicators()
            .map(|(o, i)| LevelSummary {
                id: i.id.clone(),
                level: card.indicator(&i.id).map(fmt2),
                areas: area_levels(o.areas().collect(), card.indicators_by_area.get(&i.id)),
            })
            .collect(),
    }
}
