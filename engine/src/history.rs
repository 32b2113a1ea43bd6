//! The history of a progress entry (snapshot version 2): when an earlier
//! measurement is kept, how histories of several snapshots combine, and the
//! scores replayed over time.
//!
//! An entry's `history` holds its earlier states, oldest first; each held from
//! its `at` until the next point, and the last one until the entry's own
//! `updated_at`. The rules that decide what is kept are pure functions here, so
//! the app, the merge and the tests apply the same ones:
//!
//! - [`ProgressEntry::apply_change`]: a change of the measurement or the note
//!   moves the previous state into the history, unless the previous state was
//!   recorded on the same (UTC) day by the same person: then the change replaces
//!   it, so typing a value keystroke by keystroke leaves one point per day.
//! - [`normalize_history`]: ordered by instant, without duplicates, at most
//!   [`MAX_HISTORY`] points (the oldest are dropped).

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{
    HistoryPoint, Plan, Progress, ProgressByArea, ProgressEntry, ResultKey, Results,
};

/// The most points an entry keeps. One point a day for a whole year fits
/// with room to spare; a file with more is refused by validation, and the
/// oldest points are dropped when recording or merging goes beyond it.
pub const MAX_HISTORY: usize = 500;

/// Reads an RFC 3339 timestamp as an instant.
pub fn parse_instant(ts: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(ts.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl HistoryPoint {
    /// Whether the point records a measurement (a note alone does not count).
    pub fn is_measured(&self) -> bool {
        self.level.is_some() || self.value.is_some() || self.done_on.is_some()
    }

    /// The point as an entry without history, to be scored.
    pub fn as_entry(&self) -> ProgressEntry {
        ProgressEntry {
            level: self.level,
            value: self.value,
            done_on: self.done_on,
            note: self.note.clone(),
            updated_at: Some(self.at.clone()),
            updated_by: self.updated_by.clone(),
            history: Vec::new(),
            evidence: Vec::new(),
        }
    }
}

impl ProgressEntry {
    /// Whether two entries record the same measurement (note and stamps aside).
    pub fn same_measurement(&self, other: &ProgressEntry) -> bool {
        self.level == other.level && self.value == other.value && self.done_on == other.done_on
    }

    /// The current state as a history point, when it has a readable timestamp
    /// (an undated state cannot be placed in time).
    pub fn as_point(&self) -> Option<HistoryPoint> {
        let at = self.updated_at.clone()?;
        parse_instant(&at)?;
        Some(HistoryPoint {
            at,
            level: self.level,
            value: self.value,
            done_on: self.done_on,
            note: self.note.clone(),
            updated_by: self.updated_by.clone(),
        })
    }

    /// The entry after a change made at `at` by `by`: `new` gives the
    /// measurement, note and evidence (its stamps and history are ignored).
    ///
    /// When neither the measurement nor the note changes, the entry is
    /// returned as it is (not even restamped). Otherwise the previous state
    /// goes into the history when it recorded a measurement, has a readable
    /// timestamp, and was not recorded on the same UTC day by the same person
    /// (then it is replaced instead: that day keeps its last value).
    pub fn apply_change(&self, new: ProgressEntry, at: &str, by: Option<String>) -> ProgressEntry {
        if self.same_measurement(&new) && self.note == new.note {
            if self.evidence == new.evidence {
                return self.clone();
            }
            // Evidence alone is not a measurement: it is restamped, and no
            // point goes into the history.
            return ProgressEntry {
                evidence: new.evidence,
                updated_at: Some(at.to_string()),
                updated_by: by,
                ..self.clone()
            };
        }
        let mut history = self.history.clone();
        let same_day_same_person = match (
            self.updated_at.as_deref().and_then(parse_instant),
            parse_instant(at),
        ) {
            (Some(before), Some(now)) => {
                before.date_naive() == now.date_naive() && self.updated_by == by
            }
            _ => false,
        };
        if self.is_measured() && !same_day_same_person {
            history.extend(self.as_point());
        }
        ProgressEntry {
            level: new.level,
            value: new.value,
            done_on: new.done_on,
            note: new.note,
            updated_at: Some(at.to_string()),
            updated_by: by,
            history: normalize_history(history),
            evidence: new.evidence,
        }
    }

    /// Every known state, oldest first: the history, then the current state.
    /// The instant is `None` for a state that holds from the start (an
    /// undated current state with no history before it).
    pub fn states(&self) -> Vec<(Option<DateTime<Utc>>, HistoryPoint)> {
        let mut out: Vec<(Option<DateTime<Utc>>, HistoryPoint)> = self
            .history
            .iter()
            .filter_map(|p| parse_instant(&p.at).map(|t| (Some(t), p.clone())))
            .collect();
        out.sort_by_key(|(t, _)| *t);
        let current_at = self.updated_at.as_deref().and_then(parse_instant);
        // An undated current state is newer than any point of its history.
        let current_at = current_at.or_else(|| out.last().and_then(|(t, _)| *t));
        out.push((
            current_at,
            HistoryPoint {
                at: self.updated_at.clone().unwrap_or_default(),
                level: self.level,
                value: self.value,
                done_on: self.done_on,
                note: self.note.clone(),
                updated_by: self.updated_by.clone(),
            },
        ));
        out
    }

    /// The state that held at the end of `day` (UTC), as an entry to score;
    /// `None` before the first known state.
    pub fn as_of(&self, day: NaiveDate) -> Option<ProgressEntry> {
        self.states()
            .into_iter()
            .rev()
            .find(|(t, _)| t.is_none_or(|t| t.date_naive() <= day))
            .map(|(_, p)| p.as_entry())
    }

    /// The UTC days on which the entry changed.
    pub fn change_days(&self) -> BTreeSet<NaiveDate> {
        self.states()
            .into_iter()
            .filter_map(|(t, _)| t.map(|t| t.date_naive()))
            .collect()
    }
}

fn canonical(p: &HistoryPoint) -> String {
    serde_json::to_string(p).unwrap_or_default()
}

/// Orders points by instant (then by content, so equal instants are ordered
/// the same whatever the input order), drops exact duplicates and points
/// without a readable timestamp, and keeps the newest [`MAX_HISTORY`].
pub fn normalize_history(points: Vec<HistoryPoint>) -> Vec<HistoryPoint> {
    let mut keyed: Vec<(DateTime<Utc>, String, HistoryPoint)> = points
        .into_iter()
        .filter_map(|p| parse_instant(&p.at).map(|t| (t, canonical(&p), p)))
        .collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    keyed.dedup_by(|a, b| a.2 == b.2);
    let skip = keyed.len().saturating_sub(MAX_HISTORY);
    keyed.into_iter().skip(skip).map(|(_, _, p)| p).collect()
}

/// A score on one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimelinePoint {
    pub date: NaiveDate,
    /// The score (0–4) at the end of that day; `None` when nothing was assessed.
    pub score: Option<Decimal>,
}

/// The progress as it was at the end of `day`: every entry's state then.
pub fn progress_as_of(progress: &Progress, day: NaiveDate) -> Progress {
    progress
        .iter()
        .filter_map(|(id, e)| e.as_of(day).map(|s| (id.clone(), s)))
        .collect()
}

/// The per-area progress as it was at the end of `day`.
pub fn progress_by_area_as_of(by_area: &ProgressByArea, day: NaiveDate) -> ProgressByArea {
    by_area
        .iter()
        .map(|(area, p)| (area.clone(), progress_as_of(p, day)))
        .filter(|(_, p)| !p.is_empty())
        .collect()
}

impl Plan {
    /// [`Plan::area_timeline_results`] from shared results only.
    pub fn area_timeline(&self, progress: &Progress, area: &str) -> Vec<TimelinePoint> {
        self.area_timeline_results(Results::shared_only(progress), area)
    }

    /// The area's score over time: one point for each day on which one of the
    /// area's results changed (the shared entries of its shared objectives'
    /// indicators, its own entries of its per-area objectives'), scored on
    /// the results as they were at the end of that day.
    pub fn area_timeline_results(&self, results: Results, area: &str) -> Vec<TimelinePoint> {
        let mut shared = Progress::new();
        let mut own = Progress::new();
        for (o, _) in self.objectives_of_area(area) {
            for i in &o.indicators {
                if let Some(e) = results.entry(o, &i.id, Some(area)) {
                    let map = if o.is_per_area() {
                        &mut own
                    } else {
                        &mut shared
                    };
                    map.insert(i.id.clone(), e.clone());
                }
            }
        }
        let days: BTreeSet<NaiveDate> = shared
            .values()
            .chain(own.values())
            .flat_map(ProgressEntry::change_days)
            .collect();
        let mut by_area = ProgressByArea::new();
        by_area.insert(area.to_string(), own);
        days.into_iter()
            .map(|date| {
                let (s, a) = (
                    progress_as_of(&shared, date),
                    progress_by_area_as_of(&by_area, date),
                );
                let card = self.score_results(Results::new(&s, &a));
                TimelinePoint {
                    date,
                    score: card.area(area).and_then(|a| a.score),
                }
            })
            .collect()
    }

    /// [`Plan::result_timeline`] of an indicator's shared result.
    pub fn indicator_timeline(
        &self,
        progress: &Progress,
        id: &str,
    ) -> Vec<(TimelinePoint, ProgressEntry)> {
        self.result_timeline(Results::shared_only(progress), &ResultKey::shared(id))
    }

    /// One result's level over time (an indicator's, or one area's for a
    /// per-area objective): one point for each day its entry changed, with
    /// the state at the end of that day.
    pub fn result_timeline(
        &self,
        results: Results,
        key: &ResultKey,
    ) -> Vec<(TimelinePoint, ProgressEntry)> {
        let (Some((_, indicator)), Some(entry)) =
            (self.indicator(&key.indicator), results.get(key))
        else {
            return Vec::new();
        };
        entry
            .change_days()
            .into_iter()
            .filter_map(|date| {
                let state = entry.as_of(date)?;
                let score = crate::scoring::indicator_level(indicator, Some(&state), self.scoring);
                Some((TimelinePoint { date, score }, state))
            })
            .collect()
    }
}
