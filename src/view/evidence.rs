//! Evidence of a result as the objective page reads and adds it: a new item
//! from what the person typed (or why not), where a reference may be opened
//! (only an http or https address, and only on a click), how a digest reads.

use chrono::NaiveDate;
use cruscotto_engine::validate::is_web_address;
use cruscotto_engine::{Evidence, EvidenceKind};

/// What the person typed in the "add evidence" form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EvidenceDraft {
    pub kind: EvidenceKind,
    pub title: String,
    pub reference: String,
    pub date: Option<NaiveDate>,
    /// The SHA-256 and name of a file picked to fingerprint.
    pub file: Option<(String, String)>,
}

/// Why a draft cannot be added yet; said at its field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftProblem {
    NoTitle,
    /// A link whose reference is not an http or https address.
    NotAWebAddress,
}

/// The item to add from `draft`, with its identity and stamps, or why not.
pub fn new_evidence(
    draft: &EvidenceDraft,
    id: String,
    at: &str,
    by: Option<String>,
) -> Result<Evidence, DraftProblem> {
    let title = draft.title.trim();
    if title.is_empty() {
        return Err(DraftProblem::NoTitle);
    }
    let reference = draft.reference.trim();
    if draft.kind == EvidenceKind::Link && !is_web_address(reference) {
        return Err(DraftProblem::NotAWebAddress);
    }
    Ok(Evidence {
        id,
        kind: draft.kind,
        title: title.to_string(),
        reference: reference.to_string(),
        date: draft.date,
        sha256: draft.file.as_ref().map(|(d, _)| d.clone()),
        file_name: draft.file.as_ref().map(|(_, n)| n.clone()),
        added_at: Some(at.to_string()),
        added_by: by,
    })
}

/// An identity for a new item, unique across devices in practice: the
/// instant in milliseconds and a random part (consolidation unites evidence
/// lists by id).
pub fn evidence_id(millis: f64, random: f64) -> String {
    format!(
        "ev-{}-{:06x}",
        millis as u64,
        (random * 16_777_216.0) as u32
    )
}

/// The address a reference opens, when it may be opened: a link's http or
/// https address. Any other reference is shown as text only.
pub fn link_href(e: &Evidence) -> Option<&str> {
    (e.kind == EvidenceKind::Link && is_web_address(&e.reference)).then_some(e.reference.as_str())
}

/// A digest as shown beside its file: the first 12 hex digits (the whole
/// digest is in the tooltip and the exports).
pub fn short_digest(d: &str) -> &str {
    d.get(..12).unwrap_or(d)
}

/// The kinds in the order the form offers them.
pub const KINDS: [EvidenceKind; 4] = [
    EvidenceKind::Document,
    EvidenceKind::Protocol,
    EvidenceKind::Link,
    EvidenceKind::Other,
];

/// A kind's value in the form's select and the files.
pub fn kind_code(k: EvidenceKind) -> &'static str {
    match k {
        EvidenceKind::Document => "document",
        EvidenceKind::Protocol => "protocol",
        EvidenceKind::Link => "link",
        EvidenceKind::Other => "other",
    }
}

/// The kind of a select's value (unknown values read as a document).
pub fn kind_of(code: &str) -> EvidenceKind {
    KINDS
        .into_iter()
        .find(|k| kind_code(*k) == code)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(kind: EvidenceKind, title: &str, reference: &str) -> EvidenceDraft {
        EvidenceDraft {
            kind,
            title: title.into(),
            reference: reference.into(),
            ..EvidenceDraft::default()
        }
    }

    #[test]
    fn a_draft_becomes_an_item_trimmed_stamped_and_with_its_file_digest() {
        let mut d = draft(EvidenceKind::Protocol, "  Delibera CdA ", " Prot. 12/2023 ");
        d.file = Some(("ab".repeat(32), "delibera.pdf".into()));
        let e = new_evidence(
            &d,
            "ev-1".into(),
            "2024-01-10T10:00:00Z",
            Some("M. Rossi (ARUO)".into()),
        )
        .expect("valid");
        assert_eq!(e.title, "Delibera CdA");
        assert_eq!(e.reference, "Prot. 12/2023");
        assert_eq!(e.sha256.as_deref(), Some("ab".repeat(32).as_str()));
        assert_eq!(e.file_name.as_deref(), Some("delibera.pdf"));
        assert_eq!(e.added_by.as_deref(), Some("M. Rossi (ARUO)"));
    }

    #[test]
    fn a_draft_without_title_or_a_link_that_is_not_web_is_refused() {
        let at = "2024-01-10T10:00:00Z";
        assert_eq!(
            new_evidence(
                &draft(EvidenceKind::Document, " ", "x"),
                "i".into(),
                at,
                None
            ),
            Err(DraftProblem::NoTitle)
        );
        for bad in ["javascript:alert(1)", "www.polimi.it", "", "file:///c:/x"] {
            assert_eq!(
                new_evidence(&draft(EvidenceKind::Link, "t", bad), "i".into(), at, None),
                Err(DraftProblem::NotAWebAddress),
                "{bad}"
            );
        }
        // Any reference is text for other kinds.
        assert!(new_evidence(
            &draft(EvidenceKind::Other, "t", "javascript:x"),
            "i".into(),
            at,
            None
        )
        .is_ok());
    }

    #[test]
    fn only_a_links_web_address_opens_anything_else_is_text() {
        let e = |kind, r: &str| Evidence {
            kind,
            reference: r.into(),
            ..Evidence::default()
        };
        assert_eq!(
            link_href(&e(EvidenceKind::Link, "https://x.it/a")),
            Some("https://x.it/a")
        );
        assert_eq!(
            link_href(&e(EvidenceKind::Link, "javascript:alert(1)")),
            None
        );
        assert_eq!(
            link_href(&e(EvidenceKind::Document, "https://x.it/a")),
            None
        );
    }

    #[test]
    fn ids_differ_by_instant_and_random_part() {
        assert_eq!(
            evidence_id(1_700_000_000_000.0, 0.5),
            "ev-1700000000000-800000"
        );
        assert_ne!(evidence_id(1.0, 0.1), evidence_id(1.0, 0.2));
        assert_eq!(short_digest(&"0123456789abcdef".repeat(4)), "0123456789ab");
        assert_eq!(kind_of(kind_code(EvidenceKind::Link)), EvidenceKind::Link);
        assert_eq!(kind_of("??"), EvidenceKind::Document);
    }
}
