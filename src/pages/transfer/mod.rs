//! The import/export screen: download the plan and progress as a snapshot (or
//! copy it as text), import one from a file, a drop or pasted text through a
//! preview that shows what would change, consolidate several snapshots at once
//! (merged into the local data, conflicts listed with a choice each), restore a
//! backup in one click, and start over with the shipped 2023 plan.
//!
//! Nothing is replaced before the user confirms, and every replacement goes
//! through `AppState::replace`, which keeps the current state as a backup.
//! Files are read and written only by `crate::io::files`.
//!
//! Each section is its own module; this one keeps the page and what the
//! sections share (how an outcome is told, where focus goes after an action).

mod backups;
mod consolidation;
mod export;
mod import;
mod reset;

use leptos::prelude::*;

use crate::i18n::*;
use backups::BackupSection;
use consolidation::ConsolidateSection;
use export::ExportSection;
use import::ImportSection;
use reset::ResetSection;

/// What the import and consolidation sections say after the user's last action.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Imported,
    /// Replaced, with the previous state among the backups, but the new
    /// state could not be stored (storage full): said, with the export.
    ImportedNotStored,
    Cancelled,
}

#[component]
pub fn TransferPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="transfer-page">
            <h1>{t!(i18n, transfer.title)}</h1>
            <p class="lead">{t!(i18n, transfer.intro)}</p>
            <ExportSection />
            <ImportSection />
            <ConsolidateSection />
            <BackupSection />
            <ResetSection />
        </div>
    }
}
