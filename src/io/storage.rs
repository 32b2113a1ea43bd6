//! The only code that touches the browser's local storage.
//!
//! The working state is stored as a complete snapshot (the public format, with
//! its version), so an app update migrates it through the same code as an
//! import. It is written in one `setItem`, so a reader (another tab, the next
//! start) sees the old state or the new one, never half of it. Earlier states
//! are kept as backups. Stored data that cannot be read is never overwritten: it
//! is set aside under its own key until the user downloads or discards it.
//!
//! Several tabs share the stored state. [`save_state`] takes the stored value
//! the caller last wrote or adopted (as a JS string, compared without copying
//! it into wasm; `crate::state` keeps it) and refuses to write over a value
//! another tab stored since: the caller reconciles first
//! (`crate::state::tab_sync`), so an older state never overwrites a newer one.

use crate::i18n::*;
use cruscotto_engine::snapshot::{import, ImportError, CURRENT_VERSION, FORMAT};
use cruscotto_engine::{Plan, Progress, ProgressByArea, Results, Snapshot};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

const STATE_KEY: &str = "cruscotto.state";
const BACKUPS_KEY: &str = "cruscotto.backups";
const SETTINGS_KEY: &str = "cruscotto.settings";
const CORRUPT_KEY: &str = "cruscotto.unreadable";
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
}

impl StorageError {
    pub fn message(&self, lang: Lang) -> String {
        let l = lang.locale();
        match self {
            StorageError::QuotaExceeded => td_string!(l, messages.storage_full).to_string(),
            StorageError::Unavailable(reason) => {
                td_string!(l, messages.storage_unavailable, reason).to_string()
            }
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
}

/// What was found in storage at start-up.
pub enum Loaded {
    /// Nothing stored yet: first visit.
    Empty,
    Found(Box<Snapshot>),
    /// Stored data could not be read; it was set aside under [`CORRUPT_KEY`].
    Unreadable {
        error: ImportError,
        raw: String,
    },
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

/// Reads the working state. Unreadable data is set aside ([`CORRUPT_KEY`])
/// for the recovery screen.
pub fn load_state() -> Loaded {
    let Some(raw) = get_js(STATE_KEY).as_string() else {
        return Loaded::Empty;
    };
    match import(raw.as_bytes()) {
        Ok(imported) => Loaded::Found(Box::new(imported.snapshot)),
        Err(error) => {
            set_aside(&raw);
            Loaded::Unreadable { error, raw }
        }
    }
}

/// Keeps unreadable data under [`CORRUPT_KEY`]. Data already set aside and not
/// yet downloaded or discarded is not overwritten by newer unreadable data.
fn set_aside(raw: &str) {
    let kept = get_js(CORRUPT_KEY);
    if kept.is_null() || kept.as_string().as_deref() == Some(raw) {
        let _ = set_js(CORRUPT_KEY, &JsValue::from_str(raw));
    }
}

/// Unreadable data set aside earlier and not yet discarded, with the reason.
pub fn load_unreadable() -> Option<(ImportError, String)> {
    let raw = get_js(CORRUPT_KEY).as_string()?;
    let error = import(raw.as_bytes()).err()?;
    Some((error, raw))
}

/// Forgets the unreadable data set aside (the user downloaded it or chose to
/// discard it).
pub fn discard_unreadable() {
    LocalStorage::delete(CORRUPT_KEY);
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
}

/// The working state as stored: compact JSON of a snapshot, with every
/// result (shared and per area).
pub fn state_json(plan: &Plan, results: Results) -> String {
    serde_json::to_string(&SnapshotRef {
        format: FORMAT,
        version: CURRENT_VERSION,
        plan,
        progress: results.shared,
        progress_by_area: results.by_area,
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
pub fn save_state(plan: &Plan, results: Results, base: &JsValue) -> Result<Saved, StorageError> {
    let current = get_js(STATE_KEY);
    if *base != current {
        return Ok(Saved::Diverged);
    }
    let value = JsValue::from_str(&state_json(plan, results));
    if value == current {
        return Ok(Saved::Unchanged);
    }
    set_js(STATE_KEY, &value)?;
    Ok(Saved::Written(value))
}

/// Writes the working state whatever is stored (the user chose this tab's
/// version, or recovered from unreadable data); the value now stored.
pub fn force_save_state(plan: &Plan, results: Results) -> Result<JsValue, StorageError> {
    let value = JsValue::from_str(&state_json(plan, results));
    set_js(STATE_KEY, &value)?;
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

pub fn load_backups() -> Vec<Backup> {
    LocalStorage::get(BACKUPS_KEY).unwrap_or_default()
}

/// Keeps a snapshot's JSON as the newest backup, within the limits of [`prune`].
pub fn push_backup_json(
    snapshot: String,
    reason: &str,
    now: &str,
) -> Result<Vec<Backup>, StorageError> {
    let mut backups = load_backups();
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
        match LocalStorage::set(BACKUPS_KEY, &backups) {
            Ok(()) => return Ok(backups),
            Err(e) if backups.len() > 1 => {
                let _ = e;
                backups.pop();
            }
            Err(e) => return Err(classify(e)),
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
        let json = state_json(&s.plan, s.results());
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
