//! The only code that touches the browser's local storage.
//!
//! The working state is stored as a complete snapshot (the public format, with
//! its version), so an app update migrates it through the same code as an
//! import. It is written in one `setItem`, so a reader (another tab, the next
//! start) sees the old state or the new one, never half of it. Earlier states
//! are kept as backups. Stored data that cannot be read is never overwritten: it
//! is set aside, each time under a key of its own ([`SET_ASIDE_PREFIX`], with
//! when it was found), until the user downloads or discards it; this holds for
//! an unreadable state and for an unreadable list of backups alike, and no
//! key is written over unreadable data that is not set aside. A write is
//! confirmed by reading it back.
//!
//! Several tabs share the stored state. [`save_state`] takes the stored value
//! the caller last wrote or adopted (as a JS string, compared without copying
//! it into wasm; `crate::state` keeps it) and refuses to write over a value
//! another tab stored since: the caller reconciles first
//! (`crate::state::tab_sync`), so an older state never overwrites a newer one.

use crate::i18n::*;
use cruscotto_engine::snapshot::{import, ImportError, CURRENT_VERSION, FORMAT};
use cruscotto_engine::{AreaStatuses, Plan, Progress, ProgressByArea, Results, Snapshot};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

const STATE_KEY: &str = "cruscotto.state";
const BACKUPS_KEY: &str = "cruscotto.backups";
const SETTINGS_KEY: &str = "cruscotto.settings";
/// Where versions before issue #16 kept one unreadable state; migrated into
/// the list ([`SET_ASIDE_PREFIX`]) when read, and removed only once the copy
/// reads back.
const LEGACY_CORRUPT_KEY: &str = "cruscotto.unreadable";
/// Each piece of unreadable data set aside has a key of its own,
/// `cruscotto.unreadable.<ms since the epoch>-<kind>`, holding a JSON
/// [`SetAsideRecord`]: setting aside never writes over an earlier one.
const SET_ASIDE_PREFIX: &str = "cruscotto.unreadable.";
/// How many earlier states are kept: enough to undo a few imports and go back
/// a few sessions, small enough to leave room in a 5 MB quota.
pub const MAX_BACKUPS: usize = 10;
/// Of which taken automatically (on opening, while editing) at most this many,
/// so that automatic ones never push out the states kept before a replacement.
pub const MAX_AUTOMATIC_BACKUPS: usize = 4;
/// Reasons of the automatic backups.
pub const REASON_OPENED: &str = "opened";
pub const REASON_PERIODIC: &str = "periodic";
/// Reason of the backup of the version left aside when two tabs changed the plan.
pub const REASON_OTHER_TAB: &str = "other-tab";

/// Why saving failed.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum StorageError {
    #[error("the browser's storage is full")]
    QuotaExceeded,
    #[error("the browser refused to store the data: {0}")]
    Unavailable(String),
    /// The write raised no error, but reading it back gave something else.
    #[error("what was written did not read back")]
    NotKept,
}

impl StorageError {
    pub fn message(&self, lang: Lang) -> String {
        let l = lang.locale();
        match self {
            StorageError::QuotaExceeded => td_string!(l, messages.storage_full).to_string(),
            StorageError::Unavailable(reason) => {
                td_string!(l, messages.storage_unavailable, reason).to_string()
            }
            StorageError::NotKept => td_string!(l, messages.storage_not_kept).to_string(),
        }
    }
}

fn classify(e: gloo_storage::errors::StorageError) -> StorageError {
    let text = e.to_string();
    if text.contains("Quota") || text.contains("quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(text)
    }
}

fn classify_js(e: &wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(e, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name.contains("Quota") {
        StorageError::QuotaExceeded
    } else {
        StorageError::Unavailable(if name.is_empty() {
            format!("{e:?}")
        } else {
            name
        })
    }
}

/// A state kept aside before it was replaced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    /// RFC 3339 time the backup was taken.
    pub taken_at: String,
    /// Why: "import", "new plan", ...
    pub reason: String,
    /// The snapshot as JSON text, so a backup of an older version still migrates.
    pub snapshot: String,
}

/// User preferences.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub lang: Option<String>,
    /// The area the manager works on, opened first.
    #[serde(default)]
    pub area: Option<String>,
    /// The name that signs what this device records.
    #[serde(default)]
    pub name: Option<String>,
    /// The device is the planning office's (every area is theirs).
    #[serde(default)]
    pub office: bool,
    /// The "who is using Cruscotto" question was answered or put off.
    #[serde(default)]
    pub asked: bool,
    /// When the first edit not yet exported was made (RFC 3339); cleared by
    /// an export (`state::reminder`).
    #[serde(default)]
    pub unexported_since: Option<String>,
}

/// What was found in storage at start-up.
pub enum Loaded {
    /// Nothing stored yet: first visit.
    Empty,
    Found(Box<Snapshot>),
    /// Stored data could not be read; `kept` when it is set aside (see
    /// [`set_aside`]), so that writing a new state loses nothing.
    Unreadable {
        error: ImportError,
        raw: String,
        kept: bool,
    },
}

/// What unreadable data was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SetAsideKind {
    /// A working state (`cruscotto.state`).
    State,
    /// The list of backups (`cruscotto.backups`).
    Backups,
}

/// Unreadable data set aside, as stored under its own key.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAsideRecord {
    /// RFC 3339 time it was found unreadable (for data an earlier version set
    /// aside: when this version moved it into the list).
    pub found_at: String,
    pub kind: SetAsideKind,
    /// The data exactly as it was stored.
    pub raw: String,
}

/// One piece of unreadable data set aside, with the key it is kept under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    pub key: String,
    pub record: SetAsideRecord,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// `localStorage.getItem(key)` as a JS value (a string or `null`), uncopied.
fn get_js(key: &str) -> JsValue {
    let Some(storage) = storage() else {
        return JsValue::NULL;
    };
    js_sys::Reflect::get(&storage, &"getItem".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&storage, &key.into()).ok())
        .unwrap_or(JsValue::NULL)
}

/// `localStorage.setItem(key, value)` with a JS string, uncopied.
fn set_js(key: &str, value: &JsValue) -> Result<(), StorageError> {
    let storage = storage().ok_or_else(|| StorageError::Unavailable("no localStorage".into()))?;
    let set = js_sys::Reflect::get(&storage, &"setItem".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| StorageError::Unavailable("no setItem".into()))?;
    set.call2(&storage, &key.into(), value)
        .map(|_| ())
        .map_err(|e| classify_js(&e))
}

/// [`set_js`], then reads the key back: the write counts only when the
/// browser gives back exactly what was written.
fn set_checked(key: &str, value: &JsValue) -> Result<(), StorageError> {
    set_js(key, value)?;
    if get_js(key) == *value {
        Ok(())
    } else {
        Err(StorageError::NotKept)
    }
}

/// Every key in local storage.
fn keys() -> Vec<String> {
    let Some(storage) = storage() else {
        return Vec::new();
    };
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect()
}

/// Reads the working state. Unreadable data is set aside (see [`set_aside`])
/// for the recovery screen.
pub fn load_state(now: &str) -> Loaded {
    let Some(raw) = get_js(STATE_KEY).as_string() else {
        return Loaded::Empty;
    };
    match import(raw.as_bytes()) {
        Ok(imported) => Loaded::Found(Box::new(imported.snapshot)),
        Err(error) => {
            let kept = set_aside(SetAsideKind::State, &raw, now).is_ok();
            Loaded::Unreadable { error, raw, kept }
        }
    }
}

/// Keeps unreadable data under a key of its own, next to any set aside
/// before (never over one), unless the same data is already set aside. `Ok`
/// only once it reads back.
pub fn set_aside(kind: SetAsideKind, raw: &str, now: &str) -> Result<(), StorageError> {
    if load_set_aside()
        .iter()
        .any(|s| s.record.kind == kind && s.record.raw == raw)
    {
        return Ok(());
    }
    write_set_aside(&SetAsideRecord {
        found_at: now.to_string(),
        kind,
        raw: raw.to_string(),
    })
}

fn write_set_aside(record: &SetAsideRecord) -> Result<(), StorageError> {
    let ms = js_sys::Date::now() as u64;
    let kind = match record.kind {
        SetAsideKind::State => "state",
        SetAsideKind::Backups => "backups",
    };
    let taken = keys();
    let key = (0..)
        .map(|n| match n {
            0 => format!("{SET_ASIDE_PREFIX}{ms}-{kind}"),
            n => format!("{SET_ASIDE_PREFIX}{ms}-{kind}-{n}"),
        })
        .find(|k| !taken.contains(k))
        .unwrap_or_default();
    let json = serde_json::to_string(record).unwrap_or_default();
    set_checked(&key, &JsValue::from_str(&json))
}

/// Every piece of unreadable data set aside and not yet discarded, oldest
/// first. What an earlier version kept under its one key is moved into the
/// list first (and listed from where it is if it cannot be moved).
pub fn load_set_aside() -> Vec<SetAside> {
    let mut out = scan_set_aside();
    if let Some(legacy) = get_js(LEGACY_CORRUPT_KEY).as_string() {
        let record = SetAsideRecord {
            found_at: crate::io::clock::now(),
            kind: SetAsideKind::State,
            raw: legacy,
        };
        let moved = out
            .iter()
            .any(|s| s.record.kind == record.kind && s.record.raw == record.raw)
            || write_set_aside(&record).is_ok();
        if moved {
            LocalStorage::delete(LEGACY_CORRUPT_KEY);
            out = scan_set_aside();
        } else {
            out.push(SetAside {
                key: LEGACY_CORRUPT_KEY.into(),
                record,
            });
        }
    }
    out.sort_by(|a, b| {
        a.record
            .found_at
            .cmp(&b.record.found_at)
            .then(a.key.cmp(&b.key))
    });
    out
}

/// The set-aside keys and what they hold.
fn scan_set_aside() -> Vec<SetAside> {
    keys()
        .into_iter()
        .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
        .filter_map(|key| {
            let raw = get_js(&key).as_string()?;
            let record = serde_json::from_str(&raw).unwrap_or(SetAsideRecord {
                // Not written by this code: kept as it is, all the same.
                found_at: String::new(),
                kind: SetAsideKind::State,
                raw,
            });
            Some(SetAside { key, record })
        })
        .collect()
}

/// Forgets one piece of unreadable data set aside (the user chose to discard
/// it); only keys of set-aside data are removed.
pub fn discard_set_aside(key: &str) {
    if key.starts_with(SET_ASIDE_PREFIX) || key == LEGACY_CORRUPT_KEY {
        LocalStorage::delete(key);
    }
}

/// The snapshot's JSON without cloning the plan: the same fields, in the same
/// order, as [`Snapshot`] (no `exported_at`: the working state is not an export).
#[derive(Serialize)]
struct SnapshotRef<'a> {
    format: &'static str,
    version: u32,
    plan: &'a Plan,
    progress: &'a Progress,
    /// Left out when empty, as [`Snapshot`] does.
    #[serde(skip_serializing_if = "ProgressByArea::is_empty")]
    progress_by_area: &'a ProgressByArea,
    /// Left out when empty, as [`Snapshot`] does.
    #[serde(skip_serializing_if = "AreaStatuses::is_empty")]
    area_status: &'a AreaStatuses,
}

/// The working state as stored: compact JSON of a snapshot, with every
/// result (shared and per area) and every area's review status.
pub fn state_json(plan: &Plan, results: Results, statuses: &AreaStatuses) -> String {
    serde_json::to_string(&SnapshotRef {
        format: FORMAT,
        version: CURRENT_VERSION,
        plan,
        progress: results.shared,
        progress_by_area: results.by_area,
        area_status: statuses,
    })
    // Serializing these types cannot fail: every map key is a string.
    .unwrap_or_default()
}

/// What [`save_state`] did.
#[derive(Debug, PartialEq)]
pub enum Saved {
    /// Written: the value now stored, the caller's new base.
    Written(JsValue),
    /// The stored value already is this state.
    Unchanged,
    /// Another tab stored a state the caller has not seen (or removed it):
    /// nothing was written; reconcile, then save again.
    Diverged,
}

/// Writes the working state in one `setItem`, unless the value stored is not
/// `base`, the one the caller last wrote or adopted (another tab saved since).
pub fn save_state(
    plan: &Plan,
    results: Results,
    statuses: &AreaStatuses,
    base: &JsValue,
) -> Result<Saved, StorageError> {
    let current = get_js(STATE_KEY);
    if *base != current {
        return Ok(Saved::Diverged);
    }
    let value = JsValue::from_str(&state_json(plan, results, statuses));
    if value == current {
        return Ok(Saved::Unchanged);
    }
    set_checked(STATE_KEY, &value)?;
    Ok(Saved::Written(value))
}

/// Writes the working state whatever is stored (the user chose this tab's
/// version, or recovered from unreadable data); the value now stored.
pub fn force_save_state(
    plan: &Plan,
    results: Results,
    statuses: &AreaStatuses,
) -> Result<JsValue, StorageError> {
    let value = JsValue::from_str(&state_json(plan, results, statuses));
    set_checked(STATE_KEY, &value)?;
    Ok(value)
}

/// The stored state as a JS value: a string, or `null` when nothing is stored.
pub fn stored_value() -> JsValue {
    get_js(STATE_KEY)
}

/// Calls `callback` whenever another tab of this browser changes the stored
/// state (the browser fires `storage` only in the other tabs, and only when the
/// value really changed, so writing the same content never echoes).
pub fn on_external_change(callback: impl Fn() + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        // `key` is null when another tab cleared the whole storage.
        let key = ev.key();
        if key.is_none() || key.as_deref() == Some(STATE_KEY) {
            callback();
        }
    });
    // Listens for the lifetime of the page.
    std::mem::forget(handle);
}

/// The backups, read for display; unreadable ones are set aside (see
/// [`readable_backups`]), the readable ones are listed.
pub fn load_backups(now: &str) -> Vec<Backup> {
    let raw = get_js(BACKUPS_KEY).as_string();
    let (backups, unreadable) = parse_backups(raw.as_deref());
    if unreadable {
        if let Some(raw) = &raw {
            let _ = set_aside(SetAsideKind::Backups, raw, now);
        }
    }
    backups
}

/// The stored list of backups, before it is written again. When the stored
/// value does not read as a whole it is set aside first, and the readable
/// backups in it are kept; if it cannot be set aside (storage full) nothing
/// may be written over it, and this is the error.
fn readable_backups(now: &str) -> Result<Vec<Backup>, StorageError> {
    let raw = get_js(BACKUPS_KEY).as_string();
    let (backups, unreadable) = parse_backups(raw.as_deref());
    if unreadable {
        if let Some(raw) = &raw {
            set_aside(SetAsideKind::Backups, raw, now)?;
        }
    }
    Ok(backups)
}

/// The backups in the stored text (`None`: no key), and whether any of it
/// could not be read: then the backups that do read are returned.
pub fn parse_backups(raw: Option<&str>) -> (Vec<Backup>, bool) {
    let Some(raw) = raw else {
        return (Vec::new(), false);
    };
    if let Ok(backups) = serde_json::from_str::<Vec<Backup>>(raw) {
        return (backups, false);
    }
    let salvaged = serde_json::from_str::<Vec<serde_json::Value>>(raw)
        .map(|items| {
            items
                .into_iter()
                .filter_map(|item| serde_json::from_value(item).ok())
                .collect()
        })
        .unwrap_or_default();
    (salvaged, true)
}

/// Keeps a snapshot's JSON as the newest backup, within the limits of
/// [`prune`]. `Ok` only when the list stored reads back with it (the caller
/// may then say the backup was made); an unreadable list is set aside first.
pub fn push_backup_json(
    snapshot: String,
    reason: &str,
    now: &str,
) -> Result<Vec<Backup>, StorageError> {
    let mut backups = readable_backups(now)?;
    backups.insert(
        0,
        Backup {
            taken_at: now.to_string(),
            reason: reason.to_string(),
            snapshot,
        },
    );
    prune(&mut backups);
    // When the quota is tight, keeping fewer backups is better than keeping none.
    while !backups.is_empty() {
        let json = JsValue::from_str(&serde_json::to_string(&backups).unwrap_or_default());
        match set_checked(BACKUPS_KEY, &json) {
            Ok(()) => return Ok(backups),
            Err(_) if backups.len() > 1 => {
                backups.pop();
            }
            Err(e) => return Err(e),
        }
    }
    Ok(backups)
}

fn is_automatic(b: &Backup) -> bool {
    b.reason == REASON_OPENED || b.reason == REASON_PERIODIC
}

/// Keeps the newest [`MAX_BACKUPS`] backups (newest first), of which at most
/// [`MAX_AUTOMATIC_BACKUPS`] automatic ones: the oldest automatic ones go first.
pub fn prune(backups: &mut Vec<Backup>) {
    let mut automatic = 0;
    backups.retain(|b| {
        if is_automatic(b) {
            automatic += 1;
            automatic <= MAX_AUTOMATIC_BACKUPS
        } else {
            true
        }
    });
    backups.truncate(MAX_BACKUPS);
}

/// Whether opening the app should back up the stored state: when no backup was
/// taken in the last day (so at most one a day, and none right after an import,
/// which has just taken one). `now` and `taken_at` are RFC 3339.
pub fn backup_due_on_open(backups: &[Backup], now: &str) -> bool {
    let parse = |t: &str| chrono::DateTime::parse_from_rfc3339(t.trim()).ok();
    let Some(now) = parse(now) else {
        return false;
    };
    backups
        .iter()
        .filter_map(|b| parse(&b.taken_at))
        .all(|taken| now.signed_duration_since(taken) >= chrono::Duration::days(1))
}

/// Whether the browser keeps this site's data until the user clears it
/// (`navigator.storage`), instead of evicting it when the disk runs short.
/// With `ask`, asks for it when not granted yet (some browsers decide alone,
/// others ask the user). `None`: the browser does not say.
pub async fn persistence(ask: bool) -> Option<bool> {
    let manager = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"storage".into()).ok())
        .filter(|m| !m.is_undefined() && !m.is_null())?;
    let call = |name: &str| -> Option<js_sys::Promise> {
        js_sys::Reflect::get(&manager, &name.into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?
            .call0(&manager)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    };
    let granted = wasm_bindgen_futures::JsFuture::from(call("persisted")?)
        .await
        .ok()?
        .as_bool()?;
    if granted || !ask {
        return Some(granted);
    }
    wasm_bindgen_futures::JsFuture::from(call("persist")?)
        .await
        .ok()?
        .as_bool()
}

pub fn load_settings() -> Settings {
    LocalStorage::get(SETTINGS_KEY).unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> Result<(), StorageError> {
    LocalStorage::set(SETTINGS_KEY, settings).map_err(classify)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cruscotto_engine::{default_snapshot, ProgressEntry};

    #[test]
    fn backups_that_do_not_read_are_flagged_and_the_readable_ones_kept() {
        assert_eq!(parse_backups(None), (Vec::new(), false));
        let good = backup("import", "2026-11-25T10:00:00Z");
        let one = serde_json::to_string(&vec![good.clone()]).expect("json");
        assert_eq!(parse_backups(Some(&one)), (vec![good.clone()], false));
        // Not JSON at all: nothing readable, and flagged.
        assert_eq!(parse_backups(Some("{rotto")), (Vec::new(), true));
        // One bad item among good ones: the good ones are kept, and flagged.
        let mixed = format!(
            r#"[{}, {{"taken_at": 3}}]"#,
            serde_json::to_string(&good).expect("json")
        );
        assert_eq!(parse_backups(Some(&mixed)), (vec![good], true));
    }

    #[test]
    fn a_set_aside_record_keeps_the_data_as_it_was() {
        let record = SetAsideRecord {
            found_at: "2026-11-25T10:00:00Z".into(),
            kind: SetAsideKind::Backups,
            raw: "{\"rotto\": [".into(),
        };
        let json = serde_json::to_string(&record).expect("json");
        assert!(json.contains(r#""kind":"backups""#), "{json}");
        assert_eq!(
            serde_json::from_str::<SetAsideRecord>(&json).expect("reads"),
            record
        );
    }

    #[test]
    fn a_failed_save_says_so_with_the_way_out_in_both_languages() {
        assert_eq!(
            StorageError::QuotaExceeded.message(Lang::It),
            "La memoria del browser è piena: le ultime modifiche non sono salvate. \
             Esporta subito uno snapshot per non perderle."
        );
        assert_eq!(
            StorageError::Unavailable("SecurityError".into()).message(Lang::En),
            "The browser does not allow saving data (SecurityError). \
             Export a snapshot so as not to lose your changes."
        );
    }

    fn backup(reason: &str, taken_at: &str) -> Backup {
        Backup {
            taken_at: taken_at.into(),
            reason: reason.into(),
            snapshot: String::new(),
        }
    }

    #[test]
    fn the_stored_state_is_the_snapshot_without_cloning_and_the_fast_path_reads_it_back_equal() {
        let mut s = default_snapshot();
        s.progress.insert(
            "programmazione-pta-i1".into(),
            ProgressEntry {
                level: Some(3),
                updated_at: Some("2026-11-25T10:00:00Z".into()),
                ..ProgressEntry::default()
            },
        );
        s.progress_by_area.entry("ARUO".into()).or_default().insert(
            "soddisfazione-docenti-i1".into(),
            ProgressEntry {
                value: Some(rust_decimal::Decimal::new(45, 1)),
                updated_at: Some("2026-11-25T10:00:00Z".into()),
                ..ProgressEntry::default()
            },
        );
        // Evidence and a sealed submission (version 5) are kept as well.
        if let Some(e) = s.progress.get_mut("programmazione-pta-i1") {
            e.evidence.push(cruscotto_engine::Evidence {
                id: "ev-1".into(),
                title: "Delibera".into(),
                ..Default::default()
            });
        }
        cruscotto_engine::cycle::submit(&mut s, "ARUO", "2026-11-25T10:00:00Z", None)
            .expect("a draft submits");
        let json = state_json(&s.plan, s.results(), &s.area_status);
        let as_value: serde_json::Value = serde_json::from_str(&json).expect("json");
        let expected: serde_json::Value = serde_json::from_str(&s.to_json()).expect("json");
        assert_eq!(as_value, expected);
        // What the app stores must always take the import's fast path (the
        // current version decoded straight from the text): every start reads it.
        let back = cruscotto_engine::snapshot::import_current(json.as_bytes())
            .expect("imports")
            .snapshot;
        assert_eq!(back, s);
        // And the general import (the one of a file) keeps the per-area entries.
        let imported = cruscotto_engine::snapshot::import(json.as_bytes()).expect("imports");
        assert_eq!(imported.snapshot, s);
    }

    #[test]
    fn pruning_keeps_ten_backups_and_at_most_four_automatic_ones() {
        let mut backups: Vec<Backup> = (0..8)
            .map(|i| backup(REASON_PERIODIC, &format!("p{i}")))
            .chain((0..8).map(|i| backup("import", &format!("i{i}"))))
            .collect();
        prune(&mut backups);
        assert_eq!(backups.len(), MAX_BACKUPS);
        let automatic: Vec<&str> = backups
            .iter()
            .filter(|b| is_automatic(b))
            .map(|b| b.taken_at.as_str())
            .collect();
        // The newest automatic ones are kept.
        assert_eq!(automatic, ["p0", "p1", "p2", "p3"]);
        assert_eq!(backups[4].taken_at, "i0");
    }

    #[test]
    fn pruning_drops_the_oldest_beyond_the_limit() {
        let mut backups: Vec<Backup> = (0..12)
            .map(|i| backup("import", &format!("i{i}")))
            .collect();
        prune(&mut backups);
        assert_eq!(backups.len(), MAX_BACKUPS);
        assert_eq!(backups.last().map(|b| b.taken_at.as_str()), Some("i9"));
    }

    #[test]
    fn opening_backs_up_at_most_once_a_day() {
        let now = "2026-11-25T10:00:00Z";
        assert!(backup_due_on_open(&[], now));
        assert!(backup_due_on_open(
            &[backup(REASON_OPENED, "2026-11-24T09:59:59Z")],
            now
        ));
        assert!(!backup_due_on_open(
            &[backup(REASON_OPENED, "2026-11-25T08:00:00+01:00")],
            now
        ));
        // Right after an import's backup, opening adds none.
        assert!(!backup_due_on_open(
            &[backup("import", "2026-11-25T09:59:00Z")],
            now
        ));
    }
}
