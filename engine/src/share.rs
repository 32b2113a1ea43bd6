//! Share links: a snapshot, or one area's results, carried in a URL's
//! fragment (`#s=1.<data>`), which browsers never send to a server.
//!
//! The payload is JSON, compressed with raw DEFLATE (RFC 1951) and written in
//! URL-safe base64 without padding (RFC 4648 §5); `1.` is the payload's
//! version, so a later format can still read today's links. One area's
//! results travel without the plan: the link names the plan by id and by the
//! SHA-256 of its canonical JSON, and the receiver applies them to its own
//! copy of that plan, refusing a link made on another plan. A whole snapshot
//! carries its plan. A link longer than [`MAX_LINK_LEN`] characters is
//! refused (docs/share-link.md says why that number).
//!
//! Compression is the caller's: the browser has `CompressionStream`
//! ("deflate-raw"), natively [`deflate`] and [`inflate`] do the same, so the
//! app's wasm carries no compressor.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::cycle::hex_digest;
use crate::model::{Plan, Progress, ProgressByArea, Snapshot};

/// The longest link Cruscotto makes or opens, in characters: the length
/// RFC 9110 §4.1 asks every sender and recipient to support at least.
pub const MAX_LINK_LEN: usize = 8000;

/// What introduces the payload in the fragment.
pub const FRAGMENT_KEY: &str = "s=";

/// The payload's version, the fragment's first characters after the key.
pub const PAYLOAD_VERSION: &str = "1";

/// Why a link cannot be made or opened. Each shell words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ShareError {
    /// The link would be (or is) longer than [`MAX_LINK_LEN`].
    TooLong { length: usize, limit: usize },
    /// Not a fragment of a share link (`#s=…`).
    NotALink,
    /// A version this Cruscotto does not know (a newer one made it).
    UnknownVersion { version: String },
    /// The data does not decompress: cut or altered in the copy.
    Damaged,
    /// A character that URL-safe base64 never writes, `at` characters after
    /// the `#` (1-based): the link was altered, e.g. by a mail client.
    BadCharacter { at: usize },
    /// The decompressed data is not a payload; `detail` says where.
    BadPayload { detail: String },
    /// The results are for another plan (or another version of it).
    OtherPlan { plan_id: String },
    /// The area the results are for is not in the plan.
    UnknownArea { area: String },
}

/// What a link carries, before compression.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Payload {
    /// One area's results, applied to the receiver's copy of the plan.
    Area {
        plan_id: String,
        /// SHA-256 of the plan's canonical JSON ([`plan_fingerprint`]).
        plan_sha256: String,
        area: String,
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        progress: Progress,
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        progress_by_area: ProgressByArea,
    },
    /// A whole snapshot file, as text.
    Snapshot { snapshot: String },
}

/// SHA-256 of the plan as Cruscotto writes it (compact JSON): equal plans,
/// equal fingerprints.
pub fn plan_fingerprint(plan: &Plan) -> String {
    hex_digest(serde_json::to_string(plan).unwrap_or_default().as_bytes())
}

/// The payload of `area`'s results (the shared results of objectives
/// weighted there and the area's own), or of the whole snapshot.
pub fn payload(snapshot: &Snapshot, area: Option<&str>) -> Payload {
    match area {
        Some(code) => {
            let mine = snapshot.for_area(code);
            Payload::Area {
                plan_id: snapshot.plan.id.clone(),
                plan_sha256: plan_fingerprint(&snapshot.plan),
                area: code.to_string(),
                progress: mine.progress,
                progress_by_area: mine.progress_by_area,
            }
        }
        None => Payload::Snapshot {
            snapshot: snapshot.to_json(),
        },
    }
}

/// The payload as the JSON to compress.
pub fn payload_json(payload: &Payload) -> String {
    serde_json::to_string(payload).unwrap_or_default()
}

/// The fragment (without `#`) for compressed payload bytes.
pub fn fragment(compressed: &[u8]) -> String {
    format!(
        "{FRAGMENT_KEY}{PAYLOAD_VERSION}.{}",
        URL_SAFE_NO_PAD.encode(compressed)
    )
}

/// `Err(TooLong)` when a link of `length` characters is over the limit.
pub fn check_length(length: usize) -> Result<(), ShareError> {
    if length > MAX_LINK_LEN {
        Err(ShareError::TooLong {
            length,
            limit: MAX_LINK_LEN,
        })
    } else {
        Ok(())
    }
}

/// Whether a URL fragment (with or without `#`) is a share link's.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.trim_start_matches('#').starts_with(FRAGMENT_KEY)
}

/// The compressed payload a fragment carries.
pub fn parse_fragment(fragment: &str) -> Result<Vec<u8>, ShareError> {
    let rest = fragment
        .trim_start_matches('#')
        .strip_prefix(FRAGMENT_KEY)
        .ok_or(ShareError::NotALink)?;
    let (version, data) = rest.split_once('.').ok_or(ShareError::Damaged)?;
    if version != PAYLOAD_VERSION {
        return Err(ShareError::UnknownVersion {
            version: version.chars().take(8).collect(),
        });
    }
    // Where the data starts, counted in characters after the `#`.
    let start = FRAGMENT_KEY.len() + version.chars().count() + 1;
    // A line break or space after the link, as pasted, is not part of it.
    let data = data.trim_end();
    if let Some(i) = data
        .chars()
        .position(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
    {
        return Err(ShareError::BadCharacter { at: start + i + 1 });
    }
    URL_SAFE_NO_PAD
        .decode(data)
        .map_err(|_| ShareError::Damaged)
}

/// The compressed payload of the link a page was opened with: its whole
/// address `href` must be within [`MAX_LINK_LEN`] (a longer one was not made
/// by Cruscotto, or was altered), then as [`parse_fragment`].
pub fn parse_link(href: &str) -> Result<Vec<u8>, ShareError> {
    check_length(href.chars().count())?;
    let fragment = href.split_once('#').map_or("", |(_, f)| f);
    parse_fragment(fragment)
}

/// The snapshot to import from a decompressed payload: a whole snapshot as
/// it is; one area's results applied to `local` (its results for that area
/// replaced by the link's, every other area's kept), refused when `local`
/// is not the plan the link was made on.
pub fn snapshot_from_payload(json: &[u8], local: &Snapshot) -> Result<Vec<u8>, ShareError> {
    let text = std::str::from_utf8(json).map_err(|_| ShareError::Damaged)?;
    let read: ReadPayload = serde_json::from_str(text).map_err(|e| ShareError::BadPayload {
        detail: format!("line {}, column {}", e.line(), e.column()),
    })?;
    match read.kind.as_str() {
        "snapshot" => read
            .snapshot
            .map(String::into_bytes)
            .ok_or_else(|| ShareError::BadPayload {
                detail: "snapshot".into(),
            }),
        "area" => {
            let ReadPayload {
                plan_id,
                plan_sha256,
                area,
                progress,
                progress_by_area,
                ..
            } = read;
            if plan_sha256 != plan_fingerprint(&local.plan) {
                return Err(ShareError::OtherPlan { plan_id });
            }
            if local.plan.area(&area).is_none() {
                return Err(ShareError::UnknownArea { area });
            }
            let mut s = local.clone();
            // The local results of what the area weighs are the link's.
            for id in local.for_area(&area).progress.keys() {
                s.progress.remove(id);
            }
            // Only what the area weighs is taken from the link, by the rule
            // of an area's file: a link cannot change another area.
            let mut sent = local.clone();
            sent.progress = progress;
            sent.progress_by_area = progress_by_area;
            let sent = sent.for_area(&area);
            s.progress.extend(sent.progress);
            s.progress_by_area.remove(&area);
            s.progress_by_area.extend(sent.progress_by_area);
            s.progress_by_area.retain(|_, p| !p.is_empty());
            s.exported_at = None;
            Ok(s.to_json().into_bytes())
        }
        other => Err(ShareError::BadPayload {
            detail: format!("kind {other:?}"),
        }),
    }
}

/// [`Payload`] as read: one flat struct instead of the tagged enum, which
/// serde reads through a buffer of its own (`Content`) and so tens of kB of
/// extra code in the app's wasm; read from a `&str`, it reuses the code that
/// reads a snapshot file's results. The JSON is the same.
#[derive(Deserialize)]
struct ReadPayload {
    kind: String,
    #[serde(default)]
    snapshot: Option<String>,
    #[serde(default)]
    plan_id: String,
    #[serde(default)]
    plan_sha256: String,
    #[serde(default)]
    area: String,
    #[serde(default)]
    progress: Progress,
    #[serde(default)]
    progress_by_area: ProgressByArea,
}

/// Raw DEFLATE, as the browser's `CompressionStream("deflate-raw")`.
#[cfg(not(target_arch = "wasm32"))]
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let _ = e.write_all(bytes);
    e.finish().unwrap_or_default()
}

/// The inverse of [`deflate`]; `Damaged` when the data is cut or altered.
#[cfg(not(target_arch = "wasm32"))]
pub fn inflate(bytes: &[u8]) -> Result<Vec<u8>, ShareError> {
    use std::io::Read as _;
    let mut out = Vec::new();
    flate2::read::DeflateDecoder::new(bytes)
        .take(crate::snapshot::MAX_SNAPSHOT_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(|_| ShareError::Damaged)?;
    Ok(out)
}

/// A link's whole path natively: the fragment for a snapshot or one area.
#[cfg(not(target_arch = "wasm32"))]
pub fn make_fragment(snapshot: &Snapshot, area: Option<&str>) -> String {
    fragment(&deflate(payload_json(&payload(snapshot, area)).as_bytes()))
}

/// Opens a fragment natively against `local`: the snapshot it imports, as
/// the app's import checks it.
#[cfg(not(target_arch = "wasm32"))]
pub fn open_fragment(
    fragment: &str,
    local: &Snapshot,
) -> Result<crate::snapshot::Imported, ShareError> {
    check_length(fragment.chars().count())?;
    let json = inflate(&parse_fragment(fragment)?)?;
    let bytes = snapshot_from_payload(&json, local)?;
    crate::snapshot::import(&bytes).map_err(|e| ShareError::BadPayload {
        detail: format!("{e:?}"),
    })
}
