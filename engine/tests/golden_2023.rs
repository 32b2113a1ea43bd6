//! Golden tests on the embedded 2023 plan (Allegato 4 to the PIAO 2023): its
//! shape, a sample of exact values checked against the printed document, the
//! cleanliness of the transcribed text, and a full scoring scenario.

mod common;

use common::*;
use cruscotto_engine::snapshot::import;
use cruscotto_engine::*;
use rust_decimal::Decimal;
use serde_json::Value;

fn plan() -> Plan {
    default_snapshot().plan
}

fn objective<'a>(p: &'a Plan, id: &str) -> &'a Objective {
    p.objective(id)
        .unwrap_or_else(|| panic!("objective {id} is in the plan"))
}

fn levels(i: &Indicator) -> [LevelValue; 3] {
    [
        i.threshold.value.clone(),
        i.target.value.clone(),
        i.excellence.value.clone(),
    ]
}

fn numbers(s: &str, t: &str, e: &str) -> [LevelValue; 3] {
    [s, t, e].map(|v| LevelValue::Number(d(v)))
}

// ---- Shape ----------------------------------------------------------------------

#[test]
fn the_plan_has_58_objectives_and_64_indicators() {
    let p = plan();
    assert_eq!(p.objectives.len(), 58);
    assert_eq!(p.indicators().count(), 64);
    assert_eq!((p.id.as_str(), p.year), ("polimi-2023", 2023));
}

#[test]
fn the_nine_areas_in_order_with_their_full_names() {
    let areas: Vec<(String, String)> = plan().areas.into_iter().map(|a| (a.code, a.name)).collect();
    let expected = [
        ("AAF", "Area Amministrazione e Finanza"),
        ("ACL", "Area Campus Life"),
        ("ADID", "Area Didattica"),
        ("AGIS", "Area Gestione Infrastrutture e [Servizi]"),
        ("APEC", "Area Public Engagement e [Comunicazione]"),
        (
            "ARES",
            "Area Ricerca, Innovazione e [Rapporti con le Imprese]",
        ),
        ("ARUO", "Area Risorse Umane e [Organizzazione]"),
        ("ASICT", "Area Servizi ICT"),
        ("ATE", "Area Tecnico Edilizia"),
    ]
    .map(|(c, n)| (c.to_string(), n.to_string()));
    assert_eq!(areas, expected);
}

/// The legend at the end of the annex, as printed: four area names are cut
/// short, and DG, ATENEO, the RG groups and the departments have no entry.
const LEGEND: [(&str, &str); 11] = [
    ("AAF", "Area Amministrazione e Finanza"),
    ("DIRGEN", "Direzione Generale"),
    ("SPC", "Servizio Pianificazione e Controllo"),
    ("ADID", "Area Didattica"),
    ("ASICT", "Area Servizi ICT"),
    ("ATE", "Area Tecnico Edilizia"),
    ("ACL", "Area Campus Life"),
    ("APEC", "Area Public Engagement e "),
    ("AGIS", "Area Gestione Infrastrutture e "),
    ("ARES", "Area Ricerca, Innovazione e "),
    ("ARUO", "Area Risorse Umane e "),
];

#[test]
fn every_name_the_annex_does_not_print_in_full_brackets_its_completion() {
    let p = plan();
    let mut completed = Vec::new();
    for a in p.areas.iter().chain(&p.structures) {
        let printed = LEGEND
            .iter()
            .find(|(code, _)| *code == a.code)
            .map_or("", |(_, name)| *name);
        let rest = a
            .name
            .strip_prefix(printed)
            .unwrap_or_else(|| panic!("{}: {:?} starts as printed, {printed:?}", a.code, a.name));
        if printed.is_empty() || printed.ends_with(' ') {
            let completion = rest
                .strip_prefix('[')
                .and_then(|r| r.strip_suffix(']'))
                .unwrap_or_else(|| {
                    panic!("{}: the completion of {:?} is bracketed", a.code, a.name)
                });
            assert!(
                !completion.trim().is_empty() && !completion.contains(['[', ']']),
                "{}: {:?}",
                a.code,
                a.name
            );
            completed.push(a.code.as_str());
        } else {
            assert_eq!(rest, "", "{}: printed in full, nothing added", a.code);
        }
    }
    assert_eq!(
        completed,
        [
            "AGIS",
            "APEC",
            "ARES",
            "ARUO",
            "DG",
            "ATENEO",
            "RG DIPARTIMENTI",
            "RG POLI",
            "RG DABC",
            "RG DEIB",
            "RG DAER",
            "RG DMEC",
            "RG DENG"
        ]
    );
    let source = p.source.expect("the plan names its source");
    for says in ["Allegato N.4", "PIAO", "legenda", "parentesi quadre"] {
        assert!(source.contains(says), "the source mentions {says:?}");
    }
}

#[test]
fn the_five_pillars_of_the_strategic_plan() {
    let pillars: Vec<String> = plan().pillars.into_iter().map(|p| p.id).collect();
    assert_eq!(
        pillars,
        [
            "persone",
            "formazione",
            "ricerca",
            "responsabilita-sociale",
            "processi-interni"
        ]
    );
}

#[test]
fn every_area_weighs_exactly_100() {
    let p = plan();
    for a in &p.areas {
        let sum: Decimal = p.objectives_of_area(&a.code).map(|(_, w)| w).sum();
        assert_eq!(sum, Decimal::ONE_HUNDRED, "area {}", a.code);
    }
}

#[test]
fn the_plan_validates_without_errors_or_warnings() {
    let report = validate(&default_snapshot());
    assert_eq!(issues_of(&report), vec![]);
    // And through the import pipeline, from the embedded text itself.
    let imported = import(DEFAULT_PLAN_JSON.as_bytes()).expect("the embedded plan imports");
    assert!(imported.report.warnings.is_empty());
    assert!(imported.snapshot.progress.is_empty());
}

#[test]
fn the_kinds_and_aggregations_of_the_plan() {
    let p = plan();
    let count = |k: IndicatorKind| p.indicators().filter(|(_, i)| i.kind == k).count();
    assert_eq!(count(IndicatorKind::Milestone), 33);
    assert_eq!(count(IndicatorKind::Number), 21);
    assert_eq!(count(IndicatorKind::Date), 10);
    let all: Vec<&str> = p
        .objectives
        .iter()
        .filter(|o| o.aggregation == Aggregation::All)
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(
        all,
        [
            "donazioni",
            "percorsi-extracurriculari",
            "ipra-impegno-progetti",
            "rotazione-rup"
        ]
    );
    assert_eq!(p.scoring, ScoringOptions::default());
}

// ---- Sample values ----------------------------------------------------------------

#[test]
fn risparmio_energetico_has_three_lower_is_better_indicators() {
    let p = plan();
    let o = objective(&p, "risparmio-energetico");
    let expected = [
        ("A", numbers("41079930", "39403198", "37726467"), "kWh"),
        ("B", numbers("33537", "32168", "30799"), "Wh/GGE"),
        ("C", numbers("1185", "1136", "1088"), "Smc/GGI"),
    ];
    assert_eq!(o.indicators.len(), 3);
    for (i, (label, values, unit)) in o.indicators.iter().zip(expected) {
        assert_eq!(i.label.as_deref(), Some(label));
        assert_eq!(i.kind, IndicatorKind::Number);
        assert_eq!(i.direction, Some(Direction::Lower));
        assert_eq!(levels(i), values, "{label}");
        assert_eq!(i.unit.as_deref(), Some(unit));
    }
    assert_eq!(
        o.assignments,
        [Assignment {
            area: "AGIS".into(),
            weight: d("20")
        }]
    );
}

#[test]
fn soddisfazione_docenti_is_3_5_4_2_5_on_a_scale_of_6() {
    let p = plan();
    let o = objective(&p, "soddisfazione-docenti");
    let i = &o.indicators[0];
    assert_eq!(i.kind, IndicatorKind::Number);
    assert_eq!(i.effective_direction(), Direction::Higher);
    assert_eq!(levels(i), numbers("3.5", "4.2", "5"));
    assert_eq!(o.assignments.len(), 8);
}

#[test]
fn studenti_stranieri_lm_keeps_the_printed_excellence_2409_and_notes_2490() {
    let p = plan();
    let o = objective(&p, "studenti-stranieri-lm");
    assert_eq!(levels(&o.indicators[0]), numbers("2038", "2264", "2409"));
    let note = o.note.as_deref().expect("the contradiction is noted");
    assert!(note.contains("2490"), "{note}");
    assert!(o.indicators[0].excellence.description.contains("(2490)"));
}

#[test]
fn donazioni_requires_both_indicators_at_once() {
    let p = plan();
    let o = objective(&p, "donazioni");
    assert_eq!(o.aggregation, Aggregation::All);
    assert_eq!(
        levels(&o.indicators[0]),
        numbers("2700000", "2800000", "3100000")
    );
    assert_eq!(
        levels(&o.indicators[1]),
        numbers("288000", "432000", "576000")
    );
}

#[test]
fn ipra_parte_b_requires_both_the_test_and_the_production_release_deadline() {
    let p = plan();
    let o = objective(&p, "ipra-impegno-progetti");
    assert_eq!(o.aggregation, Aggregation::All);
    let dates = |s: [&str; 3]| s.map(|v| LevelValue::Date(date(v)));
    let ids: Vec<&str> = o.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(
        ids,
        ["ipra-impegno-progetti-i1", "ipra-impegno-progetti-i2"]
    );
    assert!(o.indicators.iter().all(|i| i.kind == IndicatorKind::Date));
    // i1 the production release, i2 the test release, as each level prints them.
    assert_eq!(
        levels(&o.indicators[0]),
        dates(["2023-11-30", "2023-10-31", "2023-07-31"])
    );
    assert_eq!(
        levels(&o.indicators[1]),
        dates(["2023-10-31", "2023-09-30", "2023-06-30"])
    );
    let note = o.note.as_deref().expect("the modelling is noted");
    assert!(note.contains("\"all\""), "{note}");

    // The test release at excellence does not lift a production release at threshold.
    let pr = progress(&[
        ("ipra-impegno-progetti-i1", done_on("2023-11-15")),
        ("ipra-impegno-progetti-i2", done_on("2023-06-01")),
    ]);
    assert_eq!(
        p.score(&pr).objectives["ipra-impegno-progetti"],
        Some(d("1"))
    );
}

#[test]
fn rotazione_rup_requires_the_percentage_and_the_report_at_every_level() {
    let p = plan();
    let o = objective(&p, "rotazione-rup");
    assert_eq!(o.aggregation, Aggregation::All);
    let [percentage, report] = &o.indicators[..] else {
        panic!("two indicators: {:?}", o.indicators)
    };
    assert_eq!(
        (percentage.id.as_str(), percentage.kind),
        ("rotazione-rup-i1", IndicatorKind::Number)
    );
    assert_eq!(levels(percentage), numbers("20", "50", "70"));
    assert_eq!(
        (report.id.as_str(), report.kind),
        ("rotazione-rup-i2", IndicatorKind::Milestone)
    );
    for i in [percentage, report] {
        for l in [&i.threshold, &i.target, &i.excellence] {
            assert!(
                l.description.contains("Produzione di un report"),
                "{}",
                i.id
            );
        }
    }
    // The sentence on the two conditions is the note's last.
    let note = o.note.as_deref().expect("the modelling is noted");
    assert!(note.ends_with("mancante a 0."), "{note}");
    assert!(note.contains("rotazione-rup-i2") && note.contains("\"all\""));

    // Measured per area: ATE's 50% with the report is at target; without it
    // ATE's objective is at 0.
    assert_eq!(o.measurement, Measurement::PerArea);
    let ate = |report: u8| {
        let mut by_area = ProgressByArea::new();
        by_area.insert(
            "ATE".into(),
            progress(&[
                ("rotazione-rup-i1", valued("50")),
                ("rotazione-rup-i2", at_level(report)),
            ]),
        );
        p.score_results(Results::new(&Progress::new(), &by_area))
            .objectives_by_area["rotazione-rup"]["ATE"]
    };
    assert_eq!(ate(4), Some(d("3")));
    assert_eq!(ate(0), Some(d("0")));
}

#[test]
fn campus_bovisa_nord_is_a_deadline() {
    let p = plan();
    let i = &objective(&p, "campus-bovisa-nord").indicators[0];
    assert_eq!(i.kind, IndicatorKind::Date);
    assert_eq!(
        levels(i),
        ["2023-11-30", "2023-10-31", "2023-09-30"].map(|s| LevelValue::Date(date(s)))
    );
    assert_eq!(i.effective_direction(), Direction::Lower);
}

#[test]
fn milestones_carry_the_grades_1_3_4() {
    let p = plan();
    for (_, i) in p
        .indicators()
        .filter(|(_, i)| i.kind == IndicatorKind::Milestone)
    {
        assert_eq!(levels(i), numbers("1", "3", "4"), "{}", i.id);
    }
}

#[test]
fn rotazione_rup_is_the_objective_weighted_in_most_areas_all_nine_at_5() {
    let p = plan();
    let widest = p
        .objectives
        .iter()
        .max_by_key(|o| o.assignments.len())
        .expect("objectives");
    assert_eq!(widest.id, "rotazione-rup");
    let codes: Vec<&str> = widest.assignments.iter().map(|a| a.area.as_str()).collect();
    let areas: Vec<&str> = p.areas.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(codes, areas);
    assert!(widest.assignments.iter().all(|a| a.weight == d("5")));
    // No other objective reaches nine areas.
    let nine = p
        .objectives
        .iter()
        .filter(|o| o.assignments.len() == 9)
        .count();
    assert_eq!(nine, 1);
}

// ---- Text cleanliness -------------------------------------------------------------

/// Every string of the embedded file with its JSON path, except the notes,
/// which may quote the defects of the source document on purpose.
fn texts() -> Vec<(String, String)> {
    fn walk(v: &Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::String(s) => out.push((path, s.clone())),
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    walk(x, format!("{path}[{i}]"), out);
                }
            }
            Value::Object(o) => {
                for (k, x) in o.iter().filter(|(k, _)| k.as_str() != "note") {
                    walk(x, format!("{path}.{k}"), out);
                }
            }
            _ => {}
        }
    }
    let root: Value = serde_json::from_str(DEFAULT_PLAN_JSON).expect("the embedded plan is JSON");
    let mut out = Vec::new();
    walk(&root, String::new(), &mut out);
    assert!(out.len() > 500, "the walk reaches the texts");
    out
}

#[test]
fn the_text_has_no_pdf_extraction_debris() {
    for (path, s) in texts() {
        for bad in ["YTTTTT", "YYYYY", "\u{FFFD}", "Cos tuzione", "\u{00A0}"] {
            assert!(!s.contains(bad), "{path} contains {bad:?}: {s}");
        }
        assert!(!s.contains('\t') && !s.contains('\r'), "{path}: {s:?}");
        assert_eq!(s.trim(), s, "{path} has surrounding blanks");
    }
}

#[test]
fn no_description_line_starts_with_a_stray_apostrophe() {
    for (path, s) in texts()
        .into_iter()
        .filter(|(p, _)| p.ends_with(".description"))
    {
        for line in s.lines() {
            assert!(!line.trim_start().starts_with('\''), "{path}: {line:?}");
        }
    }
}

/// Texts the transcription had retouched (a final full stop, capitals, dashes,
/// colons, list bullets) are back as the annex prints them.
#[test]
fn retouched_texts_are_as_printed() {
    let p = plan();
    let level = |o: &str, which: fn(&Indicator) -> &Level| {
        which(&objective(&p, o).indicators[0]).description.clone()
    };
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    assert!(level("nuove-aule", |i| &i.threshold).ends_with(
        "da consegnare al Direttore Generale\nAttività da svolgere entro il 31.07.2023"
    ));
    assert_eq!(
        level("residenze-ferrara-pareto-einstein", |i| &i.target),
        "in aggiunta a soglia occupazione pari al 90%"
    );
    assert_eq!(
        level("residenze-ferrara-pareto-einstein", |i| &i.excellence),
        "in aggiunta a target Media degli esiti questionario di customer satisfaction \
         per le tre residenze > a 4"
    );
    assert_eq!(
        level("impianti-fotovoltaici", |i| &i.threshold),
        "- Installazione su 3 edifici di Leonardo entro il 31 dicembre 2023 3 coperture\n\
         - assegnazione per Bovisa"
    );
    let renzo_piano = level("donazione-renzo-piano", |i| &i.excellence);
    assert!(renzo_piano.starts_with("Analisi dei costi"));
    assert!(!renzo_piano.contains("- "), "{renzo_piano}");
    let enhance = lines(&level("enhance", |i| &i.target));
    assert!(enhance.contains(&"GDPR:".to_string()), "{enhance:?}");
    let enhance = lines(&level("enhance", |i| &i.excellence));
    for heading in ["- Microcredenziali", "- Mapping tool", "- GDPR"] {
        assert!(
            enhance.contains(&heading.to_string()),
            "{heading}: {enhance:?}"
        );
    }
    assert!(
        level("metodologia-bim", |i| &i.excellence).starts_with("- [ASICT – AGIS] Acquisizione")
    );
}

/// The title, purpose and level descriptions of an objective: the text quoted
/// from the annex.
fn quoted_text(o: &Objective) -> String {
    let mut text = vec![o.title.clone(), o.purpose.clone()];
    for i in &o.indicators {
        for l in [&i.threshold, &i.target, &i.excellence] {
            text.push(l.description.clone());
        }
    }
    text.join("\n")
}

/// Whether `word` occurs in `text` not as a part of a longer word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn every_corrected_misprint_is_quoted_in_the_note_of_its_objective() {
    // (objective, as the annex prints it, as the plan writes it)
    let corrections: &[(&str, &[&str], &[&str])] = &[
        ("piano-manutenzioni", &["una adeguato"], &["un adeguato"]),
        (
            "soddisfazione-internazionali-adid",
            &["admission\"e"],
            &["admission\" e"],
        ),
        (
            "enhance",
            &["mappig tool", "PoiMI", "rilasciat"],
            &["mapping tool", "PoliMI", "rilasciati"],
        ),
        (
            "studenti-mobilita-estero",
            &["a.a.2023/2024", "2022/203"],
            &["a.a. 2023/2024", "2022/2023"],
        ),
        ("dottorandi-stranieri", &["cicllo"], &["ciclo"]),
        (
            "open-data-ricerca",
            &[
                "accessibilio",
                "Cos tuzione",
                "Dipar men",
                "a uali",
                "strumen",
                "informa ve",
                "A vazione",
                "Do orandi",
            ],
            &[
                "accessibili",
                "Costituzione",
                "Dipartimenti",
                "attuali",
                "strumenti",
                "informative",
                "Attivazione",
                "Dottorandi",
            ],
        ),
        (
            "supporto-vqr",
            &["al fin di", "a vità", "strumen", "organizza vo"],
            &["al fine di", "attività", "strumenti", "organizzativo"],
        ),
        (
            "comunicazione-sostenibilita",
            &["sostenibiltà"],
            &["sostenibilità"],
        ),
        (
            "public-engagement-off-campus",
            &["responsabiltà", "engagemnt"],
            &["responsabilità", "engagement"],
        ),
        (
            "autosostentamento-tto",
            &["le gestione"],
            &["la gestione dei brevetti"],
        ),
        (
            "donazione-renzo-piano",
            &["sostenibiltà"],
            &["sostenibilità"],
        ),
        (
            "monitoraggio-spese-ricavi",
            &["Individuazioni", "modilità"],
            &["Individuazione", "modalità"],
        ),
        (
            "risparmio-energetico",
            &["I'implementazione"],
            &["l'implementazione"],
        ),
        (
            "qualificazione-stazioni-appaltanti",
            &["Inividuare"],
            &["Individuare"],
        ),
        (
            "metodologia-bim",
            &[
                "requisi",
                "suppor",
                "informa vo",
                "archite ura",
                "componen",
                "a uazione",
                "automa co",
            ],
            &[
                "requisiti",
                "supporti",
                "informativo",
                "architettura",
                "componenti",
                "attuazione",
                "automatico",
            ],
        ),
        (
            "servizi-tecnico-logistici",
            &["contect center"],
            &["contact center"],
        ),
        (
            "ipra-gestione-laboratori",
            &["de requisiti"],
            &["dei requisiti"],
        ),
    ];
    let p = plan();
    for (id, printed, written) in corrections {
        let o = objective(&p, id);
        let note = o.note.as_deref().unwrap_or_default();
        let text = quoted_text(o);
        for w in *printed {
            assert!(note.contains(w), "{id}: the note quotes {w:?}: {note}");
            assert!(!has_word(&text, w), "{id}: {w:?} is corrected");
        }
        for w in *written {
            assert!(text.contains(w), "{id}: {w:?}");
        }
    }
}

// ---- Scoring scenario ----------------------------------------------------------------

/// Records every indicator at one of its levels: the grade for milestones, the
/// level's own value for numbers and dates.
fn everything_at(p: &Plan, level: fn(&Indicator) -> &Level, grade: u8) -> Progress {
    p.indicators()
        .map(|(_, i)| {
            let entry = match (i.kind, &level(i).value) {
                (IndicatorKind::Milestone, _) => at_level(grade),
                (IndicatorKind::Number, LevelValue::Number(v)) => ProgressEntry {
                    value: Some(*v),
                    ..Default::default()
                },
                (IndicatorKind::Date, LevelValue::Date(t)) => ProgressEntry {
                    done_on: Some(*t),
                    ..Default::default()
                },
                other => panic!("{}: unexpected level {other:?}", i.id),
            };
            (i.id.clone(), entry)
        })
        .collect()
}

fn assert_every_area_at(card: &Scorecard, score: &str, percent: &str) {
    assert_eq!(card.areas.len(), 9);
    for a in &card.areas {
        assert_eq!(a.score, Some(d(score)), "{}", a.area);
        assert_eq!(a.percent_of_target, Some(d(percent)), "{}", a.area);
        assert_eq!(a.assessed_weight, d("100"), "{}", a.area);
        assert_eq!(a.total_weight, d("100"), "{}", a.area);
        assert!(!a.provisional, "{}", a.area);
    }
}

/// [`everything_at`], with the per-area objectives' entries given to each of
/// their areas: every result of the plan recorded.
fn every_result_at(
    p: &Plan,
    level: fn(&Indicator) -> &Level,
    grade: u8,
) -> (Progress, ProgressByArea) {
    per_area_copies(p, everything_at(p, level, grade))
}

fn score_all(p: &Plan, (pr, by): &(Progress, ProgressByArea)) -> Scorecard {
    p.score_results(Results::new(pr, by))
}

#[test]
fn everything_at_target_scores_exactly_3_and_100_percent_in_every_area() {
    let mut p = plan();
    let results = every_result_at(&p, |i| &i.target, 3);
    // 59 shared indicators once; the 5 of the 4 per-area objectives in each
    // of their areas (the RUP rotation has two: the percentage and the report).
    assert_eq!(results.0.len(), 59);
    assert_eq!(
        Results::new(&results.0, &results.1).len(),
        59 + 8 + 7 + 5 + 9 * 2
    );
    let card = score_all(&p, &results);
    assert!(card.objectives.values().all(|l| *l == Some(d("3"))));
    assert_eq!(card.objectives.len() + card.objectives_by_area.len(), 58);
    assert!(card
        .objectives_by_area
        .values()
        .flat_map(|m| m.values())
        .all(|l| *l == Some(d("3"))));
    assert_every_area_at(&card, "3", "100");
    assert!(card.pillars.iter().all(|s| s.score == Some(d("3"))));
    // Exactly at target is target in linear mode as well.
    p.scoring.numeric = NumericMode::Linear;
    assert_every_area_at(&score_all(&p, &results), "3", "100");
}

#[test]
fn everything_at_excellence_scores_4_in_every_area() {
    let p = plan();
    let card = score_all(&p, &every_result_at(&p, |i| &i.excellence, 4));
    assert_every_area_at(&card, "4", "133.33333333333333333333333333");
    let summary = score_summary(&p, &card);
    assert!(summary
        .areas
        .iter()
        .all(|a| a.score.as_deref() == Some("4.00")
            && a.percent_of_target.as_deref() == Some("133.33")));
}

#[test]
fn everything_at_threshold_scores_1_in_every_area() {
    let p = plan();
    let card = score_all(&p, &every_result_at(&p, |i| &i.threshold, 1));
    for a in &card.areas {
        assert_eq!(a.score, Some(d("1")), "{}", a.area);
    }
}

#[test]
fn nothing_recorded_leaves_every_area_unscored_and_provisional() {
    let p = plan();
    let card = p.score(&Progress::new());
    for a in &card.areas {
        assert_eq!(a.score, None, "{}", a.area);
        assert_eq!(a.percent_of_target, None);
        assert_eq!(a.assessed_weight, d("0"));
        assert_eq!(a.total_weight, d("100"));
        assert!(a.provisional);
    }
    assert!(card.indicators.values().all(Option::is_none));
    assert!(card.objectives.values().all(Option::is_none));
}

#[test]
fn a_scenario_round_trips_through_a_file_and_scores_the_same() {
    let p = plan();
    let (pr, by) = every_result_at(&p, |i| &i.target, 3);
    let card = p.score_results(Results::new(&pr, &by));
    let text = Snapshot::with_results(p, pr, by, None).to_json();
    let imported = import(text.as_bytes()).expect("valid");
    let s = imported.snapshot;
    assert_eq!(s.score(), card);
}

#[test]
fn the_embedded_plan_is_the_data_file_without_its_whitespace() {
    let file = include_str!("../data/polimi-2023.json");
    let embedded: Value =
        serde_json::from_str(DEFAULT_PLAN_JSON).expect("the embedded plan is JSON");
    let original: Value = serde_json::from_str(file).expect("the data file is JSON");
    assert_eq!(embedded, original);
    assert!(!DEFAULT_PLAN_JSON.contains('\n'), "no line breaks left");
    assert!(
        DEFAULT_PLAN_JSON.len() < file.len() * 4 / 5,
        "{} bytes embedded of {}",
        DEFAULT_PLAN_JSON.len(),
        file.len()
    );
}
