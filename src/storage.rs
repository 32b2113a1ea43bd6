//! The only code that touches the browser's local storage.
//!
//! The working state is stored as a complete snapshot (the public format, with
//! its version), so an app update migrates it through the same code as an
//! import. Replacing the state keeps earlier states as backups. Stored data that
//! cannot be read is never overwritten: it is set aside under its own key so the
//! user can still download it.

use cruscotto_engine::snapshot::{import, ImportError};
use cruscotto_engine::{Lang, Snapshot};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};
use thiserror::Error;

const STATE_KEY: &str = "cruscotto.state";
const BACKUPS_KEY: &str = "cruscotto.backups";
const SETTINGS_KEY: &str = "cruscotto.settings";
const CORRUPT_KEY: &str = "cruscotto.unreadable";
/// How many earlier states are kept: enough to undo a few imports, small enough
/// to leave room in a 5 MB quota.
pub const MAX_BACKUPS: usize = 5;

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
        match (self, lang) {
            (StorageError::QuotaExceeded, Lang::It) => "La memoria del browser è piena: le ultime modifiche non sono salvate. Esporta subito uno snapshot per non perderle.".into(),
            (StorageError::QuotaExceeded, Lang::En) => "The browser's storage is full: the latest changes are not saved. Export a snapshot now so as not to lose them.".into(),
            (StorageError::Unavailable(e), Lang::It) => format!("Il browser non consente di salvare i dati ({e}). Esporta uno snapshot per non perdere le modifiche."),
            (StorageError::Unavailable(e), Lang::En) => format!("The browser does not allow saving data ({e}). Export a snapshot so as not to lose your changes."),
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

/// Reads the working state.
pub fn load_state() -> Loaded {
    let Ok(raw) = LocalStorage::raw().get_item(STATE_KEY) else {
        return Loaded::Empty;
    };
    let Some(raw) = raw else {
        return Loaded::Empty;
    };
    match import(raw.as_bytes()) {
        Ok(imported) => Loaded::Found(Box::new(imported.snapshot)),
        Err(error) => {
            let _ = LocalStorage::raw().set_item(CORRUPT_KEY, &raw);
            Loaded::Unreadable { error, raw }
        }
    }
}

/// Writes the working state in one `setItem`, which the browser applies whole:
/// a reader sees the old state or the new one, never half of it.
pub fn save_state(snapshot: &Snapshot) -> Result<(), StorageError> {
    LocalStorage::raw()
        .set_item(STATE_KEY, &snapshot.to_json())
        .map_err(|e| classify_js(&e))
}

pub fn load_backups() -> Vec<Backup> {
    LocalStorage::get(BACKUPS_KEY).unwrap_or_default()
}

/// Keeps `snapshot` as the newest backup, dropping the oldest beyond [`MAX_BACKUPS`].
pub fn push_backup(
    snapshot: &Snapshot,
    reason: &str,
    now: &str,
) -> Result<Vec<Backup>, StorageError> {
    let mut backups = load_backups();
    backups.insert(
        0,
        Backup {
            taken_at: now.to_string(),
            reason: reason.to_string(),
            snapshot: snapshot.to_json(),
        },
    );
    backups.truncate(MAX_BACKUPS);
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

pub fn load_settings() -> Settings {
    LocalStorage::get(SETTINGS_KEY).unwrap_or_default()
}

pub fn save_settings(settings: &Settings) -> Result<(), StorageError> {
    LocalStorage::set(SETTINGS_KEY, settings).map_err(classify)
}
