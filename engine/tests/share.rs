//! Share links (`#s=1.…`): a snapshot or one area's results in a URL
//! fragment, compressed; one area of the 2023 plan with every result and a
//! realistic note fits the limit, the whole plan does not, and a damaged or
//! foreign link is refused with what went wrong.

mod common;

use common::*;
use cruscotto_engine::share::*;
use cruscotto_engine::*;

/// A base as the app is often served, with the screen the link opens.
const BASE: &str = "https://servizi.polimi.it/cruscotto/transfer#";

/// A note as managers write them: a few sentences with the evidence.
fn note(i: usize) -> String {
    format!(
        "Attività completata nei tempi previsti ({i}). Il documento finale è stato approvato \
         con delibera del Consiglio di Amministrazione e pubblicato sul portale di Ateneo; \
         restano da completare le azioni di comunicazione verso il personale, previste entro \
         il primo trimestre dell'anno successivo."
    )
}

/// The 2023 plan with every result of `area` recorded (a milestone at
/// target, a number at its target, a deadline met), each with a note and
/// its author.
fn full_area(area: &str) -> Snapshot {
    let mut s = default_snapshot();
    let plan = s.plan.clone();
    for (i, (o, _)) in plan.objectives_of_area(area).enumerate() {
        for ind in &o.indicators {
            let mut e = match ind.kind {
                IndicatorKind::Milestone => at_level(3),
                IndicatorKind::Number => ProgressEntry {
                    value: match &ind.target.value {
                        LevelValue::Number(n) => Some(*n),
                        _ => None,
                    },
                    ..Default::default()
                },
                IndicatorKind::Date => done_on("2023-06-15"),
            };
            e.note = Some(note(i));
            e.updated_at = Some("2024-01-15T10:30:00+01:00".into());
            e.updated_by = Some(format!("Maria Rossi ({area})"));
            if o.is_per_area() {
                s.progress_by_area
                    .entry(area.to_string())
                    .or_default()
                    .insert(ind.id.clone(), e);
            } else {
                s.progress.insert(ind.id.clone(), e);
            }
        }
    }
    s
}

#[test]
fn one_area_of_the_2023_plan_with_every_result_and_note_fits_and_scores_the_same() {
    for area in ["ARUO", "ADID", "ASICT"] {
        let sent = full_area(area);
        let link = format!("{BASE}{}", make_fragment(&sent, Some(area)));
        assert!(
            check_length(link.len()).is_ok(),
            "{area}: {} characters",
            link.len()
        );
        let opened = open_fragment(
            &link[link.find('#').expect("a fragment") + 1..],
            &default_snapshot(),
        )
        .expect("opens in a fresh browser");
        assert_eq!(
            opened.snapshot.score().area(area),
            sent.score().area(area),
            "{area}"
        );
    }
}

#[test]
fn a_whole_snapshot_travels_exactly_when_it_is_small() {
    let mut s = snapshot(two_areas(), progress(&[("m1", at_level(3))]));
    s.exported_at = None;
    let fragment = make_fragment(&s, None);
    let opened = open_fragment(&fragment, &default_snapshot()).expect("opens");
    assert_eq!(opened.snapshot, s);
}

#[test]
fn the_whole_2023_plan_is_too_long_for_a_link() {
    let link = format!("{BASE}{}", make_fragment(&full_area("ARUO"), None));
    assert_eq!(
        check_length(link.len()),
        Err(ShareError::TooLong {
            length: link.len(),
            limit: MAX_LINK_LEN
        })
    );
}

#[test]
fn an_areas_link_replaces_that_areas_results_and_keeps_the_others() {
    let mut local = default_snapshot();
    local.progress.insert("sito-ateneo-i1".into(), at_level(1)); // APEC's
    local
        .progress
        .insert("programmazione-pta-i1".into(), at_level(1)); // ARUO's, to be replaced
    let fragment = make_fragment(&full_area("ARUO"), Some("ARUO"));
    let opened = open_fragment(&fragment, &local).expect("opens");
    let p = &opened.snapshot.progress;
    assert_eq!(
        p["sito-ateneo-i1"].level,
        Some(1),
        "another area's result stays"
    );
    assert_eq!(
        p["programmazione-pta-i1"].level,
        Some(3),
        "the link's result wins"
    );
}

#[test]
fn a_cut_or_altered_link_is_refused_for_what_it_is() {
    let fragment = make_fragment(&full_area("ARUO"), Some("ARUO"));
    let cut = &fragment[..fragment.len() / 2];
    assert_eq!(
        open_fragment(cut, &default_snapshot()).map(|_| ()),
        Err(ShareError::Damaged)
    );
    let newer = fragment.replacen("s=1.", "s=2.", 1);
    assert_eq!(
        open_fragment(&newer, &default_snapshot()).map(|_| ()),
        Err(ShareError::UnknownVersion {
            version: "2".into()
        })
    );
    assert_eq!(
        open_fragment("x=1.abc", &default_snapshot()).map(|_| ()),
        Err(ShareError::NotALink)
    );
    assert_eq!(
        open_fragment("s=1.%%%", &default_snapshot()).map(|_| ()),
        Err(ShareError::BadCharacter { at: 5 })
    );
}

#[test]
fn results_made_on_another_plan_are_refused_naming_it() {
    let fragment = make_fragment(&full_area("ARUO"), Some("ARUO"));
    let mut other = default_snapshot();
    other.plan.objectives[0].title = "Cambiato".into();
    assert_eq!(
        open_fragment(&fragment, &other).map(|_| ()),
        Err(ShareError::OtherPlan {
            plan_id: "polimi-2023".into()
        })
    );
}

#[test]
fn the_format_is_raw_deflate_in_url_safe_base64_after_the_version() {
    let fragment = make_fragment(&full_area("ARUO"), Some("ARUO"));
    assert!(fragment.starts_with("s=1."));
    assert!(fragment[4..]
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    let json = inflate(&parse_fragment(&fragment).expect("parses")).expect("inflates");
    let v: serde_json::Value = serde_json::from_slice(&json).expect("JSON");
    assert_eq!(v["kind"], "area");
    assert_eq!(v["area"], "ARUO");
    assert_eq!(v["plan_id"], "polimi-2023");
}

#[test]
fn the_cli_prints_an_areas_link_and_refuses_the_whole_plan() {
    let dir = std::env::temp_dir().join(format!("cruscotto-share-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("aruo.json");
    std::fs::write(&file, full_area("ARUO").to_json()).expect("writes");
    let out = run_cli(&["link", arg(&file), "--area", "ARUO"], None);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("#s=1."), "{text}");
    let opened = open_fragment(text.trim(), &default_snapshot()).expect("opens");
    assert_eq!(
        opened.snapshot.score().area("ARUO"),
        full_area("ARUO").score().area("ARUO")
    );
    let whole = run_cli(&["link", arg(&file)], None);
    assert_eq!(whole.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&whole.stderr).contains("send the file instead"));
}

#[test]
fn an_altered_character_is_refused_with_where_it_is() {
    let fragment = make_fragment(&full_area("ARUO"), Some("ARUO"));
    // A mail client that turned the 21st character into an escape.
    let altered = format!("{}%20{}", &fragment[..20], &fragment[21..]);
    assert_eq!(
        open_fragment(&altered, &default_snapshot()).map(|_| ()),
        Err(ShareError::BadCharacter { at: 21 })
    );
    assert_eq!(
        parse_link(&format!("{BASE}{altered}")),
        Err(ShareError::BadCharacter { at: 21 })
    );
}

#[test]
fn a_link_longer_than_the_limit_is_refused_when_opened_too() {
    let fragment = make_fragment(&full_area("ARUO"), None);
    let href = format!("{BASE}{fragment}");
    assert!(href.len() > MAX_LINK_LEN);
    assert_eq!(
        parse_link(&href),
        Err(ShareError::TooLong {
            length: href.chars().count(),
            limit: MAX_LINK_LEN
        })
    );
    assert!(matches!(
        open_fragment(&fragment, &default_snapshot()),
        Err(ShareError::TooLong { .. })
    ));
}

#[test]
fn the_version_comes_first_so_a_later_format_is_told_apart() {
    let fragment = make_fragment(&full_area("ARUO"), Some("ARUO"));
    assert_eq!(
        &fragment[..4],
        format!("{FRAGMENT_KEY}{PAYLOAD_VERSION}.").as_str()
    );
    assert_eq!(
        parse_fragment("s=10.AAAA"),
        Err(ShareError::UnknownVersion {
            version: "10".into()
        })
    );
    assert_eq!(parse_fragment("s=1AAAA"), Err(ShareError::Damaged));
    let cut_inside = &fragment[..fragment.len() - 40];
    assert_eq!(
        inflate(&parse_fragment(cut_inside).expect("still base64")).map(|_| ()),
        Err(ShareError::Damaged),
        "a cut compressed stream does not decompress"
    );
}

#[test]
fn a_link_parses_from_the_address_it_was_opened_with() {
    let fragment = make_fragment(&full_area("ARUO"), Some("ARUO"));
    assert_eq!(
        parse_link(&format!("{BASE}{fragment}")),
        parse_fragment(&fragment)
    );
    assert_eq!(
        parse_link("https://example.org/cruscotto/transfer"),
        Err(ShareError::NotALink)
    );
}

#[test]
fn a_payload_of_an_unknown_kind_is_refused_saying_so() {
    let unknown = fragment(&deflate(br#"{"kind":"plan","plan":{}}"#));
    assert_eq!(
        open_fragment(&unknown, &default_snapshot()).map(|_| ()),
        Err(ShareError::BadPayload {
            detail: "kind \"plan\"".into()
        })
    );
    let cut = fragment(&deflate(br#"{"kind":"area","area":"#));
    assert_eq!(
        open_fragment(&cut, &default_snapshot()).map(|_| ()),
        Err(ShareError::BadPayload {
            detail: "line 1, column 22".into()
        }),
        "a payload cut before compression says where it ends"
    );
}

#[test]
fn an_areas_link_cannot_change_another_areas_results() {
    let mut local = default_snapshot();
    local.progress.insert("sito-ateneo-i1".into(), at_level(1)); // APEC's
                                                                 // A link for ARUO that also carries results of APEC and of another
                                                                 // area's own results (made by hand, not by Cruscotto).
    let mut forged = full_area("ARUO");
    forged.progress.insert("sito-ateneo-i1".into(), at_level(4));
    forged
        .progress_by_area
        .entry("AAF".into())
        .or_default()
        .insert("x".into(), at_level(4));
    let Payload::Area {
        plan_id,
        plan_sha256,
        progress,
        progress_by_area,
        ..
    } = payload(&full_area("ARUO"), Some("ARUO"))
    else {
        panic!("an area's payload");
    };
    let mut all = forged.progress.clone();
    all.extend(progress);
    let mut by_area = forged.progress_by_area.clone();
    by_area.extend(progress_by_area);
    let json = payload_json(&Payload::Area {
        plan_id,
        plan_sha256,
        area: "ARUO".into(),
        progress: all,
        progress_by_area: by_area,
    });
    let opened = open_fragment(&fragment(&deflate(json.as_bytes())), &local).expect("opens");
    assert_eq!(opened.snapshot.progress["sito-ateneo-i1"].level, Some(1));
    assert!(!opened.snapshot.progress_by_area.contains_key("AAF"));
    assert_eq!(
        opened.snapshot.score().area("ARUO"),
        full_area("ARUO").score().area("ARUO")
    );
}
