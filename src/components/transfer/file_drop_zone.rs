//! The one place where snapshot files come into the app from the user: a zone
//! that takes files dropped on it, with a labelled file input inside for those
//! who choose them instead (keyboard, screen readers, touch). Import,
//! consolidation and comparison all use it, so the three read files the same
//! way and look and announce the same.
//!
//! It only hands over the `web_sys::File`s: reading and checking them is the
//! caller's (through `crate::io::files`), since each screen does something
//! different with them.

use leptos::prelude::*;

use crate::i18n::*;
use crate::io::files;

/// What the file input offers to choose: snapshots are JSON files.
const ACCEPT: &str = ".json,application/json";

/// A drop zone with a file input, for snapshot files.
#[component]
pub fn FileDropZone(
    /// The zone's id (`import-drop-zone`, `consolidate-drop-zone`,
    /// `compare-drop-zone`): the e2e tests drop files on it.
    zone_id: &'static str,
    /// The file input's id (`import-file`, `consolidate-files`, `compare-file`):
    /// the label points at it and the e2e tests set files on it.
    input_id: &'static str,
    /// The sentence before the label, saying that files may be dropped here.
    #[prop(into)]
    hint: ViewFn,
    /// The file input's label (what choosing a file does).
    #[prop(into)]
    label: ViewFn,
    /// Whether several files may be chosen or dropped at once (the input gets
    /// `multiple`); when not, the caller still receives every dropped file and
    /// decides which to take, since a drop cannot be limited.
    #[prop(optional)]
    multiple: bool,
    /// The id of the element that describes the input (`aria-describedby`),
    /// usually the section's heading; none when the label says enough.
    #[prop(optional)]
    described_by: Option<&'static str>,
    /// Whether the caller is still reading the last files: shows a status line.
    #[prop(into)]
    reading: Signal<bool>,
    /// Called with the files chosen or dropped, in their order; never with an
    /// empty list.
    on_files: Callback<Vec<web_sys::File>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let drag_over = RwSignal::new(false);
    let hand_over = move |list: Vec<web_sys::File>| {
        if !list.is_empty() {
            on_files.run(list);
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        hand_over(files::files_of(input.files()));
        // Choosing the same file again (after fixing it) fires a new change.
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        // Without this the browser would open the dropped file in place of the app.
        ev.prevent_default();
        drag_over.set(false);
        hand_over(files::files_of(
            ev.data_transfer().and_then(|dt| dt.files()),
        ));
    };
    view! {
        <div
            id=zone_id
            class="drop-zone"
            class:drag-over=move || drag_over.get()
            on:dragover=move |ev: leptos::ev::DragEvent| {
                // A zone that does not cancel dragover is not a drop target.
                ev.prevent_default();
                drag_over.set(true);
            }
            on:dragleave=move |_| drag_over.set(false)
            on:drop=on_drop
        >
            <p>
                {hint.run()}" "
                <label for=input_id class="file-label">{label.run()}</label>
            </p>
            <input
                type="file"
                id=input_id
                multiple=multiple
                accept=ACCEPT
                aria-describedby=described_by
                on:change=on_change
            />
            <Show when=move || reading.get()>
                <p role="status">{t!(i18n, transfer.reading)}</p>
            </Show>
        </div>
    }
}
