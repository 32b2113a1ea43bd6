//! The backups section: the copies `AppState` keeps before every replacement
//! (and periodically), listed newest first with why each was taken, each
//! restored in one click.

use leptos::prelude::*;

use crate::components::focus::focus_soon;
use crate::i18n::*;
use crate::io::storage::SetAsideKind;
use crate::state::use_app;
use crate::view::format;
use crate::view::snapshot_diff::backup_summary;

/// An RFC 3339 instant in the browser's time zone, or the raw text.
fn local_time(ts: &str, lang: Lang) -> String {
    format::timestamp(ts, lang)
}

#[component]
pub fn BackupSection() -> impl IntoView {
    let i18n = use_i18n();
    let app = use_app();
    let (status, set_status) = signal(None::<Result<(), String>>);
    let restore = move |index: usize| {
        set_status.set(Some(app.restore_backup(index)));
        focus_soon("backup-status");
    };
    let rows = move || {
        let lang = app.lang.get();
        app.backups.with(|backups| {
            backups
                .iter()
                .enumerate()
                .map(|(index, b)| {
                    let summary = backup_summary(&b.snapshot);
                    let reason = match b.reason.as_str() {
                        "import" => t_string!(i18n, transfer.reason_import).to_string(),
                        "reset" => t_string!(i18n, transfer.reason_reset).to_string(),
                        "restore" => t_string!(i18n, transfer.reason_restore).to_string(),
                        "consolidate" => t_string!(i18n, transfer.reason_consolidate).to_string(),
                        "opened" => t_string!(i18n, transfer.reason_opened).to_string(),
                        "periodic" => t_string!(i18n, transfer.reason_periodic).to_string(),
                        "other-tab" => t_string!(i18n, transfer.reason_other_tab).to_string(),
                        other => other.to_string(),
                    };
                    let when = local_time(&b.taken_at, lang);
                    let (plan, progress) = match summary {
                        Some(s) => (format!("{} · {}", s.title, s.year), s.progress_entries.to_string()),
                        None => (t_string!(i18n, transfer.backup_unreadable).to_string(), "—".into()),
                    };
                    let label = format!("{} {}", t_string!(i18n, transfer.restore_button), when);
                    view! {
                        <tr>
                            <th scope="row" class="backup-when">{when}</th>
                            <td class="backup-reason" data-label=t_string!(i18n, transfer.backup_reason)>{reason}</td>
                            <td class="backup-plan" data-label=t_string!(i18n, transfer.backup_plan)>{plan}</td>
                            <td class="num backup-progress" data-label=t_string!(i18n, transfer.backup_progress)>{progress}</td>
                            <td>
                                <button type="button" class="btn btn-secondary btn-small restore" aria-label=label on:click=move |_| restore(index)>
                                    {t!(i18n, transfer.restore_button)}
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="transfer-section" aria-labelledby="backups-heading">
            <h2 id="backups-heading">{t!(i18n, transfer.backups_heading)}</h2>
            <p>{t!(i18n, transfer.backups_text)}</p>
            <div id="backup-status" tabindex="-1" role="status" class="status-line">
                {move || status.get().map(|r| match r {
                    Ok(()) => view! { <p class="alert alert-success">{t!(i18n, transfer.restored_done)}</p> }.into_any(),
                    Err(e) => view! { <p class="alert alert-danger">{t!(i18n, transfer.restore_failed)}" "{e}</p> }.into_any(),
                })}
            </div>
            // A list of backups that could not be read is not "no backups":
            // it is set aside, listed with its download at the top.
            <Show when=move || app.set_aside.with(|s| s.iter().any(|s| s.record.kind == SetAsideKind::Backups))>
                <p class="alert alert-warning" id="backups-set-aside">{t!(i18n, transfer.backups_set_aside)}</p>
            </Show>
            <Show
                when=move || app.backups.with(|b| !b.is_empty())
                fallback=move || view! { <p class="muted" id="no-backups">{t!(i18n, transfer.no_backups)}</p> }
            >
                <table class="scores stack" id="backup-list">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, transfer.backup_when)}</th>
                            <th scope="col">{t!(i18n, transfer.backup_reason)}</th>
                            <th scope="col">{t!(i18n, transfer.backup_plan)}</th>
                            <th scope="col" class="num">{t!(i18n, transfer.backup_progress)}</th>
                            <th scope="col">{t!(i18n, transfer.backup_action)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
        </section>
    }
}
