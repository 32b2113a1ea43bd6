//! A plan as a spreadsheet laid out like the Allegato ("il modello"): one
//! row per objective (pillar, strategic objective, title, purpose,
//! responsible structure, areas with weights such as "ARUO (15%)", then
//! threshold, target and excellence, each a value and a description), and a
//! row more for each further indicator of an objective.
//!
//! [`plan_from_sheets`] reads such a workbook, written by hand or by
//! Cruscotto, into a plan; every problem is located by sheet, cell and column
//! name, and nothing is returned while any remains. [`template_sheets`]
//! writes a plan in the same layout, with Cruscotto's own columns at the
//! right (ids, kind, unit, direction, scale, measurement, ...) and the plan's
//! organisation on sheets of their own, so that reading the template back
//! gives the same plan. A workbook without those (the office's own) takes
//! them from a base plan: its areas, pillars and strategic objectives.
//!
//! Reading the file's bytes is [`read_xlsx`] / [`read_csv`]; the rest works
//! on cells, so the rules are tested without files.

use std::collections::BTreeSet;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::model::{
    Aggregation, Area, Assignment, Direction, Indicator, IndicatorKind, Level, LevelValue,
    Measurement, Objective, Pillar, Plan, Scale, StrategicObjective,
};

/// One cell as read: numbers keep their exact digits, dates their day.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "t", content = "v", rename_all = "snake_case")]
pub enum Cell {
    #[default]
    Empty,
    Text(String),
    /// A number cell, as the shortest decimal text ("3.5", "2700000").
    Number(String),
    Date(NaiveDate),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) | Cell::Number(s) => s.trim().to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }

    fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

/// A sheet: its name and its rows, the first being the header.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<Cell>>,
}

/// What is wrong with one cell (or with the workbook, for `cell` "").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// No sheet has the objectives' columns.
    NoObjectives,
    /// A column the layout needs is missing from the header.
    MissingColumn {
        column: String,
    },
    /// A weight that is not a number ("ARUO (quindici)").
    BadWeight {
        text: String,
    },
    /// An area code the plan does not have.
    UnknownArea {
        code: String,
    },
    UnknownPillar {
        text: String,
    },
    UnknownStrategicObjective {
        text: String,
    },
    /// An objective without a title.
    MissingTitle,
    /// An objective weighted in no area.
    NoWeights,
    BadNumber {
        text: String,
    },
    BadDate {
        text: String,
    },
    /// Threshold, target and excellence not all numbers, all dates, or all
    /// descriptions.
    MixedLevels,
    /// A value the column does not take (a kind, a direction, yes/no, ...).
    BadValue {
        text: String,
    },
    DuplicateId {
        id: String,
    },
    /// A row continuing an objective (a further indicator) with none above.
    NoObjectiveAbove,
}

/// A problem with where it is: "Obiettivi!F12", column "Aree e pesi".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Located {
    pub sheet: String,
    /// A1 reference of the cell, "" for the workbook or a missing sheet.
    pub cell: String,
    /// The column's header, as the file names it.
    pub column: String,
    #[serde(flatten)]
    pub problem: Problem,
}

/// The objectives' sheet of the template.
pub const OBJECTIVES_SHEET: &str = "Obiettivi";

/// The columns of the Allegato, then Cruscotto's own (optional on import).
pub const COLUMNS: [&str; 25] = [
    "Pilastro",
    "Obiettivo strategico",
    "Obiettivo",
    "Finalità",
    "Struttura responsabile",
    "Aree e pesi",
    "Soglia",
    "Soglia: descrizione",
    "Target",
    "Target: descrizione",
    "Eccellenza",
    "Eccellenza: descrizione",
    "Id obiettivo",
    "Id indicatore",
    "Etichetta indicatore",
    "Tipo",
    "Unità",
    "Direzione",
    "Scala min",
    "Scala max",
    "Descrizione indicatore",
    "Misurazione",
    "Aggregazione",
    "Evidenza richiesta",
    "Nota",
];

/// The columns a workbook must have.
const REQUIRED: [&str; 8] = [
    "Pilastro",
    "Obiettivo",
    "Aree e pesi",
    "Soglia",
    "Target",
    "Eccellenza",
    "Soglia: descrizione",
    "Target: descrizione",
];

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// "A", ..., "Z", "AA": a column's letters.
pub fn column_letters(mut i: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(char::from(b'A' + (i % 26) as u8));
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    out.iter().rev().collect()
}

/// A1 reference of row `r` (0-based) and column `c` (0-based).
pub fn cell_ref(r: usize, c: usize) -> String {
    format!("{}{}", column_letters(c), r + 1)
}

/// Reads a number as people type it in Italian spreadsheets: "3,5",
/// "2.700.000", "80%", "80 %"; a number cell's own digits as they are.
fn number(cell: &Cell) -> Option<(Decimal, bool)> {
    match cell {
        Cell::Number(s) => Decimal::from_str(s)
            .or_else(|_| Decimal::from_scientific(s))
            .ok()
            .map(|d| (d.normalize(), false)),
        Cell::Text(t) => {
            let t = t.trim();
            let percent = t.ends_with('%');
            let s: String = t
                .trim_end_matches('%')
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
                .collect();
            if s.is_empty() {
                return None;
            }
            let body = s.trim_start_matches(['+', '-']);
            if !body
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            {
                return None;
            }
            let normalized = if s.contains(',') {
                if s.matches(',').count() > 1 {
                    return None;
                }
                s.replace('.', "").replace(',', ".")
            } else if s.matches('.').count() > 1
                || s.split_once('.').is_some_and(|(_, f)| f.len() == 3)
            {
                // "2.700.000", "1.247": thousands.
                let groups: Vec<&str> = s.split('.').collect();
                if groups.iter().skip(1).any(|g| g.len() != 3) {
                    return None;
                }
                s.replace('.', "")
            } else {
                s
            };
            Decimal::from_str(&normalized)
                .ok()
                .map(|d| (d.normalize(), percent))
        }
        _ => None,
    }
}

const MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

fn last_day(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    next.pred_opt()
}

/// Reads a deadline: a date cell, "30/11/2023", "30.11.2023", "2023-11-30",
/// "30 novembre 2023", and "Entro novembre 2023" (the month's last day).
fn date(cell: &Cell) -> Option<NaiveDate> {
    let text = match cell {
        Cell::Date(d) => return Some(*d),
        Cell::Text(t) => t.to_lowercase(),
        _ => return None,
    };
    let mut t = text.trim();
    for prefix in ["entro il ", "entro ", "by "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            t = rest.trim();
        }
    }
    // Without chrono's format parser, which would weigh on the app's wasm.
    let iso: Vec<&str> = t.split('-').collect();
    if let [y, m, d] = iso.as_slice() {
        if y.len() == 4 {
            return NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        }
    }
    for sep in ['/', '.', '-'] {
        let parts: Vec<&str> = t.split(sep).collect();
        if let [d, m, y] = parts.as_slice() {
            let y: i32 = y.trim().parse().ok()?;
            let y = if y < 100 { 2000 + y } else { y };
            return NaiveDate::from_ymd_opt(y, m.trim().parse().ok()?, d.trim().parse().ok()?);
        }
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let month = |w: &str| MONTHS.iter().position(|m| *m == w).map(|i| i as u32 + 1);
    match words.as_slice() {
        [m, y] => last_day(y.parse().ok()?, month(m)?),
        [d, m, y] => NaiveDate::from_ymd_opt(y.parse().ok()?, month(m)?, d.parse().ok()?),
        _ => None,
    }
}

fn yes(text: &str) -> Option<bool> {
    match norm(text).as_str() {
        "" | "no" | "n" | "false" | "0" => Some(false),
        "sì" | "si" | "s" | "yes" | "y" | "true" | "1" | "x" => Some(true),
        _ => None,
    }
}

/// Where each column of the layout is in a sheet's header.
struct Columns {
    at: Vec<Option<usize>>,
    header: Vec<String>,
}

impl Columns {
    fn of(header: &[Cell]) -> Columns {
        let names: Vec<String> = header.iter().map(|c| norm(&c.text())).collect();
        Columns {
            at: COLUMNS
                .iter()
                .map(|c| names.iter().position(|n| *n == norm(c)))
                .collect(),
            header: header.iter().map(Cell::text).collect(),
        }
    }

    fn index(&self, name: &str) -> Option<usize> {
        COLUMNS
            .iter()
            .position(|c| *c == name)
            .and_then(|i| self.at.get(i).copied().flatten())
    }

    fn get<'a>(&self, row: &'a [Cell], name: &str) -> &'a Cell {
        static EMPTY: Cell = Cell::Empty;
        self.index(name).and_then(|i| row.get(i)).unwrap_or(&EMPTY)
    }

    fn text(&self, row: &[Cell], name: &str) -> String {
        self.get(row, name).text()
    }
}

/// Collects problems with their place.
struct Problems<'a> {
    sheet: &'a str,
    cols: &'a Columns,
    list: Vec<Located>,
}

impl Problems<'_> {
    fn at(&mut self, r: usize, column: &str, problem: Problem) {
        let c = self.cols.index(column).unwrap_or(0);
        self.list.push(Located {
            sheet: self.sheet.to_string(),
            cell: cell_ref(r, c),
            column: self
                .cols
                .header
                .get(c)
                .cloned()
                .unwrap_or_else(|| column.to_string()),
            problem,
        });
    }
}

/// "piano-formazione-personale" from "Piano di formazione del personale":
/// the title's words but the articles and prepositions, lowercase,
/// unaccented, joined by "-", at most five.
fn slug(title: &str) -> String {
    let plain: String = title
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'á' => 'a',
            'è' | 'é' => 'e',
            'ì' | 'í' => 'i',
            'ò' | 'ó' => 'o',
            'ù' | 'ú' => 'u',
            c if c.is_ascii_alphanumeric() => c,
            _ => ' ',
        })
        .collect();
    const LINKS: [&str; 24] = [
        "a", "al", "alla", "alle", "ai", "agli", "con", "da", "dal", "dei", "degli", "del",
        "della", "delle", "di", "e", "gli", "i", "il", "in", "la", "le", "lo", "per",
    ];
    let words: Vec<&str> = plain
        .split_whitespace()
        .filter(|w| !LINKS.contains(w))
        .take(5)
        .collect();
    if words.is_empty() {
        "obiettivo".into()
    } else {
        words.join("-")
    }
}

/// The organisation sheets of the template, when present: they replace the
/// base plan's.
fn organisation(sheets: &[Sheet], base: &Plan) -> Plan {
    let mut plan = base.clone();
    plan.objectives.clear();
    plan.adoption = None;
    plan.revisions.clear();
    plan.unrecorded.clear();
    let find = |name: &str| sheets.iter().find(|s| norm(&s.name) == norm(name));
    let body = |s: &Sheet| {
        s.rows
            .iter()
            .skip(1)
            .map(|r| r.iter().map(Cell::text).collect::<Vec<_>>())
            .filter(|r| r.iter().any(|c| !c.is_empty()))
            .collect::<Vec<_>>()
    };
    let at = |r: &[String], i: usize| r.get(i).cloned().unwrap_or_default();
    if let Some(s) = find("Piano") {
        for r in body(s) {
            let value = at(&r, 1);
            match norm(&at(&r, 0)).as_str() {
                "id" => plan.id = value,
                "titolo" => plan.title = value,
                "anno" => plan.year = value.parse().unwrap_or(plan.year),
                "fonte" => plan.source = Some(value).filter(|v| !v.is_empty()),
                "scadenza autovalutazione" => {
                    plan.self_assessment_deadline = date(&Cell::Text(value));
                }
                "data monitoraggio" => plan.monitoring_date = date(&Cell::Text(value)),
                "punteggio dei numeri" => {
                    plan.scoring.numeric = if norm(&value) == "lineare" {
                        crate::model::NumericMode::Linear
                    } else {
                        crate::model::NumericMode::Step
                    };
                }
                "livello intermedio" => {
                    plan.scoring.intermediate_level = yes(&value).unwrap_or(false);
                }
                _ => {}
            }
        }
    }
    if let Some(s) = find("Aree") {
        plan.areas.clear();
        plan.structures.clear();
        for r in body(s) {
            let area = Area {
                code: at(&r, 0),
                name: at(&r, 1),
            };
            if norm(&at(&r, 2)) == "struttura" {
                plan.structures.push(area);
            } else {
                plan.areas.push(area);
            }
        }
    }
    if let Some(s) = find("Pilastri") {
        plan.pillars = body(s)
            .into_iter()
            .map(|r| Pillar {
                id: at(&r, 0),
                name: at(&r, 1),
            })
            .collect();
    }
    if let Some(s) = find("Obiettivi strategici") {
        plan.strategic_objectives = body(s)
            .into_iter()
            .map(|r| StrategicObjective {
                code: at(&r, 0),
                title: at(&r, 1),
                pillar: at(&r, 2),
            })
            .collect();
    }
    plan
}

/// The objectives' sheet: the one named "Obiettivi", else the first whose
/// header has the layout's required columns.
fn objectives_sheet(sheets: &[Sheet]) -> Option<&Sheet> {
    let fits = |s: &&Sheet| {
        s.rows.first().is_some_and(|h| {
            let c = Columns::of(h);
            c.index("Obiettivo").is_some() && c.index("Aree e pesi").is_some()
        })
    };
    sheets
        .iter()
        .filter(|s| norm(&s.name) == norm(OBJECTIVES_SHEET))
        .find(fits)
        .or_else(|| sheets.iter().find(fits))
}

/// The plan a workbook holds: its objectives, on the organisation of its own
/// sheets or, without them, of `base`. Every problem, located, when any.
pub fn plan_from_sheets(sheets: &[Sheet], base: &Plan) -> Result<Plan, Vec<Located>> {
    let Some(sheet) = objectives_sheet(sheets) else {
        let name = sheets.first().map(|s| s.name.clone()).unwrap_or_default();
        let header = sheets
            .first()
            .and_then(|s| s.rows.first())
            .map(|h| Columns::of(h));
        let missing: Vec<Located> = match header {
            Some(c) => REQUIRED
                .iter()
                .filter(|r| c.index(r).is_none())
                .map(|r| Located {
                    sheet: name.clone(),
                    cell: String::new(),
                    column: (*r).to_string(),
                    problem: Problem::MissingColumn {
                        column: (*r).to_string(),
                    },
                })
                .collect(),
            None => Vec::new(),
        };
        return Err(if missing.is_empty() {
            vec![Located {
                sheet: name,
                cell: String::new(),
                column: String::new(),
                problem: Problem::NoObjectives,
            }]
        } else {
            missing
        });
    };
    let mut plan = organisation(sheets, base);
    let cols = Columns::of(sheet.rows.first().map(Vec::as_slice).unwrap_or_default());
    let mut p = Problems {
        sheet: &sheet.name,
        cols: &cols,
        list: Vec::new(),
    };
    for r in REQUIRED {
        if cols.index(r).is_none() {
            p.list.push(Located {
                sheet: sheet.name.clone(),
                cell: String::new(),
                column: r.to_string(),
                problem: Problem::MissingColumn {
                    column: r.to_string(),
                },
            });
        }
    }
    if !p.list.is_empty() {
        return Err(p.list);
    }

    let mut ids: BTreeSet<String> = BTreeSet::new();
    let mut objectives: Vec<Objective> = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate().skip(1) {
        if row.iter().all(Cell::is_empty) {
            continue;
        }
        let t = |name: &str| cols.text(row, name);
        let given_id = t("Id obiettivo");
        let continues = match objectives.last() {
            Some(last) if !given_id.is_empty() => given_id == last.id,
            Some(_) => t("Obiettivo").is_empty() && t("Aree e pesi").is_empty(),
            None => false,
        };
        let starts_nothing = t("Obiettivo").is_empty() && t("Aree e pesi").is_empty();
        if starts_nothing && objectives.is_empty() {
            p.at(r, "Obiettivo", Problem::NoObjectiveAbove);
            continue;
        }
        if !continues {
            let Some(o) = objective(&mut p, &plan, &cols, r, row, &mut ids) else {
                continue;
            };
            objectives.push(o);
        }
        let Some(o) = objectives.last_mut() else {
            continue;
        };
        if let Some(i) = indicator(&mut p, &cols, r, row, o, &mut ids) {
            o.indicators.push(i);
        }
    }
    if !p.list.is_empty() {
        return Err(p.list);
    }
    plan.objectives = objectives;
    Ok(plan)
}

/// The objective a row starts (its first indicator is read apart).
fn objective(
    p: &mut Problems,
    plan: &Plan,
    cols: &Columns,
    r: usize,
    row: &[Cell],
    ids: &mut BTreeSet<String>,
) -> Option<Objective> {
    let t = |name: &str| cols.text(row, name);
    let before = p.list.len();
    let title = t("Obiettivo");
    if title.is_empty() {
        p.at(r, "Obiettivo", Problem::MissingTitle);
    }
    let pillar_text = t("Pilastro");
    let pillar = plan
        .pillars
        .iter()
        .find(|x| norm(&x.id) == norm(&pillar_text) || norm(&x.name) == norm(&pillar_text))
        .map(|x| x.id.clone());
    if pillar.is_none() {
        p.at(r, "Pilastro", Problem::UnknownPillar { text: pillar_text });
    }
    let so_text = t("Obiettivo strategico");
    let strategic_objective = if so_text.is_empty() {
        None
    } else {
        let code = so_text
            .split(|c: char| c.is_whitespace() || c == '–' || c == '—')
            .next()
            .unwrap_or_default()
            .to_string();
        if !plan.strategic_objectives.is_empty()
            && !plan.strategic_objectives.iter().any(|s| s.code == code)
        {
            p.at(
                r,
                "Obiettivo strategico",
                Problem::UnknownStrategicObjective { text: so_text },
            );
        }
        Some(code)
    };
    let mut assignments = Vec::new();
    let mut other_structures = Vec::new();
    for line in t("Aree e pesi")
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        match line.strip_suffix(')').and_then(|l| l.split_once('(')) {
            Some((code, weight)) => {
                let code = code.trim().to_string();
                match number(&Cell::Text(weight.to_string())) {
                    Some((w, _)) => {
                        if plan.area(&code).is_none() {
                            p.at(
                                r,
                                "Aree e pesi",
                                Problem::UnknownArea { code: code.clone() },
                            );
                        }
                        assignments.push(Assignment {
                            area: code,
                            weight: w,
                        });
                    }
                    None => p.at(
                        r,
                        "Aree e pesi",
                        Problem::BadWeight {
                            text: weight.trim().to_string(),
                        },
                    ),
                }
            }
            None => other_structures.push(line.to_string()),
        }
    }
    if assignments.is_empty() && p.list.len() == before {
        p.at(r, "Aree e pesi", Problem::NoWeights);
    }
    let measurement = match norm(&t("Misurazione")).as_str() {
        "" | "condivisa" | "shared" => Measurement::Shared,
        "per area" | "per_area" => Measurement::PerArea,
        _ => {
            p.at(
                r,
                "Misurazione",
                Problem::BadValue {
                    text: t("Misurazione"),
                },
            );
            Measurement::Shared
        }
    };
    let aggregation = match norm(&t("Aggregazione")).as_str() {
        "" | "media" | "mean" => Aggregation::Mean,
        "tutti" | "all" => Aggregation::All,
        _ => {
            p.at(
                r,
                "Aggregazione",
                Problem::BadValue {
                    text: t("Aggregazione"),
                },
            );
            Aggregation::Mean
        }
    };
    let id = {
        let given = t("Id obiettivo");
        if given.is_empty() {
            let stem = slug(&title);
            (1..)
                .map(|n| {
                    if n == 1 {
                        stem.clone()
                    } else {
                        format!("{stem}-{n}")
                    }
                })
                .find(|c| !ids.contains(c))
                .unwrap_or(stem)
        } else {
            if ids.contains(&given) {
                p.at(
                    r,
                    "Id obiettivo",
                    Problem::DuplicateId { id: given.clone() },
                );
            }
            given
        }
    };
    ids.insert(id.clone());
    let note = Some(t("Nota")).filter(|n| !n.is_empty());
    let responsible = t("Struttura responsabile")
        .split(['\n', ';'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    (p.list.len() == before).then(|| Objective {
        id,
        pillar: pillar.unwrap_or_default(),
        strategic_objective,
        title,
        purpose: t("Finalità"),
        responsible,
        assignments,
        other_structures,
        aggregation,
        measurement,
        indicators: Vec::new(),
        note,
    })
}

/// The indicator of one row of objective `o`.
fn indicator(
    p: &mut Problems,
    cols: &Columns,
    r: usize,
    row: &[Cell],
    o: &Objective,
    ids: &mut BTreeSet<String>,
) -> Option<Indicator> {
    let t = |name: &str| cols.text(row, name);
    let before = p.list.len();
    let levels = [
        ("Soglia", "Soglia: descrizione"),
        ("Target", "Target: descrizione"),
        ("Eccellenza", "Eccellenza: descrizione"),
    ];
    let values: Vec<&Cell> = levels.iter().map(|(v, _)| cols.get(row, v)).collect();
    let kind_text = t("Tipo");
    let kind = match norm(&kind_text).as_str() {
        "traguardo" | "milestone" => Some(IndicatorKind::Milestone),
        "numero" | "number" => Some(IndicatorKind::Number),
        "scadenza" | "date" | "data" => Some(IndicatorKind::Date),
        "" => None,
        _ => {
            p.at(
                r,
                "Tipo",
                Problem::BadValue {
                    text: kind_text.clone(),
                },
            );
            None
        }
    };
    // Without a kind: numbers, dates, or descriptions.
    let kind = kind.unwrap_or_else(|| {
        if values.iter().all(|v| v.is_empty()) {
            IndicatorKind::Milestone
        } else if values.iter().all(|v| number(v).is_some()) {
            IndicatorKind::Number
        } else if values.iter().all(|v| date(v).is_some()) {
            IndicatorKind::Date
        } else if values
            .iter()
            .all(|v| number(v).is_none() && date(v).is_none())
        {
            IndicatorKind::Milestone
        } else {
            let at = levels
                .iter()
                .zip(&values)
                .find(|(_, v)| number(v).is_none())
                .map_or("Soglia", |((c, _), _)| *c);
            p.at(r, at, Problem::MixedLevels);
            IndicatorKind::Milestone
        }
    });
    let mut percent = false;
    let mut level = |(vcol, dcol): (&str, &str), cell: &Cell, grade: u8| -> Level {
        let description = t(dcol);
        let value = match kind {
            IndicatorKind::Number => match number(cell) {
                Some((n, pc)) => {
                    percent |= pc;
                    LevelValue::Number(n)
                }
                None if cell.is_empty() => LevelValue::Empty,
                None => {
                    p.at(r, vcol, Problem::BadNumber { text: cell.text() });
                    LevelValue::Empty
                }
            },
            IndicatorKind::Date => match date(cell) {
                Some(d) => LevelValue::Date(d),
                None if cell.is_empty() => LevelValue::Empty,
                None => {
                    p.at(r, vcol, Problem::BadDate { text: cell.text() });
                    LevelValue::Empty
                }
            },
            // A milestone's value is its grade (1, 3, 4); a description
            // typed in the value column, as the Allegato does, is its text.
            IndicatorKind::Milestone => match cell {
                Cell::Text(s) if number(cell).is_none() && !s.trim().is_empty() => {
                    let text = if description.is_empty() {
                        s.trim().to_string()
                    } else {
                        format!("{}\n{description}", s.trim())
                    };
                    return Level {
                        value: LevelValue::Number(Decimal::from(grade)),
                        description: text,
                    };
                }
                _ => number(cell).map_or(LevelValue::Number(Decimal::from(grade)), |(n, _)| {
                    LevelValue::Number(n)
                }),
            },
        };
        Level { value, description }
    };
    let threshold = level(levels[0], values[0], 1);
    let target = level(levels[1], values[1], 3);
    let excellence = level(levels[2], values[2], 4);
    let direction_text = t("Direzione");
    let direction = match norm(&direction_text).as_str() {
        "" => {
            (kind == IndicatorKind::Number && cols.index("Direzione").is_none()).then(|| {
                match (&threshold.value, &excellence.value) {
                    (LevelValue::Number(a), LevelValue::Number(b)) if b < a => Direction::Lower,
                    _ => Direction::Higher,
                }
            })
        }
        "più alto" | "piu alto" | "più alto è meglio" | "higher" | "crescente" => {
            Some(Direction::Higher)
        }
        "più basso" | "piu basso" | "più basso è meglio" | "lower" | "decrescente" => {
            Some(Direction::Lower)
        }
        _ => {
            p.at(
                r,
                "Direzione",
                Problem::BadValue {
                    text: direction_text,
                },
            );
            None
        }
    };
    let decimal = |name: &str| number(cols.get(row, name)).map(|(n, _)| n);
    let (min, max) = (decimal("Scala min"), decimal("Scala max"));
    for (name, v) in [("Scala min", min), ("Scala max", max)] {
        if v.is_none() && !cols.get(row, name).is_empty() {
            p.at(
                r,
                name,
                Problem::BadNumber {
                    text: cols.text(row, name),
                },
            );
        }
    }
    let scale = (min.is_some() || max.is_some()).then_some(Scale { min, max });
    let evidence_required = match yes(&t("Evidenza richiesta")) {
        Some(b) => b,
        None => {
            p.at(
                r,
                "Evidenza richiesta",
                Problem::BadValue {
                    text: t("Evidenza richiesta"),
                },
            );
            false
        }
    };
    let unit = Some(t("Unità"))
        .filter(|u| !u.is_empty())
        .or_else(|| (percent && cols.index("Unità").is_none()).then(|| "%".to_string()));
    let id = {
        let given = t("Id indicatore");
        if given.is_empty() {
            let n = o.indicators.len() + 1;
            (n..)
                .map(|k| format!("{}-i{k}", o.id))
                .find(|c| !ids.contains(c))
                .unwrap_or_default()
        } else {
            if ids.contains(&given) {
                p.at(
                    r,
                    "Id indicatore",
                    Problem::DuplicateId { id: given.clone() },
                );
            }
            given
        }
    };
    ids.insert(id.clone());
    (p.list.len() == before).then(|| Indicator {
        id,
        label: Some(t("Etichetta indicatore")).filter(|l| !l.is_empty()),
        kind,
        description: Some(t("Descrizione indicatore")).filter(|d| !d.is_empty()),
        unit,
        direction,
        scale,
        threshold,
        target,
        excellence,
        evidence_required,
    })
}

fn text(s: impl Into<String>) -> Cell {
    let s = s.into();
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s)
    }
}

fn decimal_cell(d: Decimal) -> Cell {
    Cell::Number(d.normalize().to_string())
}

fn italian(d: Decimal) -> String {
    d.normalize().to_string().replace('.', ",")
}

fn level_cell(v: &LevelValue) -> Cell {
    match v {
        LevelValue::Empty => Cell::Empty,
        LevelValue::Number(n) => decimal_cell(*n),
        LevelValue::Date(d) => Cell::Date(*d),
    }
}

/// The plan in the template's layout: the objectives' sheet (one row per
/// indicator), then "Piano", "Aree", "Pilastri" and "Obiettivi strategici".
pub fn template_sheets(plan: &Plan) -> Vec<Sheet> {
    let header = |cols: &[&str]| cols.iter().map(|c| text(*c)).collect::<Vec<_>>();
    let pillar_name = |id: &str| {
        plan.pillars
            .iter()
            .find(|p| p.id == id)
            .map_or_else(|| id.to_string(), |p| p.name.clone())
    };
    let mut rows = vec![header(&COLUMNS)];
    for o in &plan.objectives {
        let areas: Vec<String> = o
            .assignments
            .iter()
            .map(|a| format!("{} ({}%)", a.area, italian(a.weight)))
            .chain(o.other_structures.iter().cloned())
            .collect();
        for (k, i) in o.indicators.iter().enumerate() {
            let first = k == 0;
            let on_first = |s: String| if first { text(s) } else { Cell::Empty };
            rows.push(vec![
                on_first(pillar_name(&o.pillar)),
                on_first(o.strategic_objective.clone().unwrap_or_default()),
                on_first(o.title.clone()),
                on_first(o.purpose.clone()),
                on_first(o.responsible.join("\n")),
                on_first(areas.join("\n")),
                level_cell(&i.threshold.value),
                text(i.threshold.description.clone()),
                level_cell(&i.target.value),
                text(i.target.description.clone()),
                level_cell(&i.excellence.value),
                text(i.excellence.description.clone()),
                text(o.id.clone()),
                text(i.id.clone()),
                text(i.label.clone().unwrap_or_default()),
                text(match i.kind {
                    IndicatorKind::Milestone => "traguardo",
                    IndicatorKind::Number => "numero",
                    IndicatorKind::Date => "scadenza",
                }),
                text(i.unit.clone().unwrap_or_default()),
                text(match i.direction {
                    Some(Direction::Higher) => "più alto",
                    Some(Direction::Lower) => "più basso",
                    None => "",
                }),
                i.scale
                    .as_ref()
                    .and_then(|s| s.min)
                    .map_or(Cell::Empty, decimal_cell),
                i.scale
                    .as_ref()
                    .and_then(|s| s.max)
                    .map_or(Cell::Empty, decimal_cell),
                text(i.description.clone().unwrap_or_default()),
                on_first(
                    match o.measurement {
                        Measurement::Shared => "condivisa",
                        Measurement::PerArea => "per area",
                    }
                    .into(),
                ),
                on_first(
                    match o.aggregation {
                        Aggregation::Mean => "media",
                        Aggregation::All => "tutti",
                    }
                    .into(),
                ),
                text(if i.evidence_required { "sì" } else { "" }),
                on_first(o.note.clone().unwrap_or_default()),
            ]);
        }
    }
    let kv = |k: &str, v: String| vec![text(k), text(v)];
    let piano = vec![
        header(&["Campo", "Valore"]),
        kv("Id", plan.id.clone()),
        kv("Titolo", plan.title.clone()),
        kv("Anno", plan.year.to_string()),
        kv("Fonte", plan.source.clone().unwrap_or_default()),
        kv(
            "Scadenza autovalutazione",
            plan.self_assessment_deadline
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        kv(
            "Data monitoraggio",
            plan.monitoring_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ),
        kv(
            "Punteggio dei numeri",
            match plan.scoring.numeric {
                crate::model::NumericMode::Step => "a gradini",
                crate::model::NumericMode::Linear => "lineare",
            }
            .into(),
        ),
        kv(
            "Livello intermedio",
            if plan.scoring.intermediate_level {
                "sì"
            } else {
                "no"
            }
            .into(),
        ),
    ];
    let mut aree = vec![header(&["Codice", "Nome", "Tipo"])];
    aree.extend(
        plan.areas
            .iter()
            .map(|a| vec![text(a.code.clone()), text(a.name.clone()), text("area")]),
    );
    aree.extend(plan.structures.iter().map(|a| {
        vec![
            text(a.code.clone()),
            text(a.name.clone()),
            text("struttura"),
        ]
    }));
    let mut pilastri = vec![header(&["Id", "Nome"])];
    pilastri.extend(
        plan.pillars
            .iter()
            .map(|p| vec![text(p.id.clone()), text(p.name.clone())]),
    );
    let mut strategici = vec![header(&["Codice", "Titolo", "Pilastro"])];
    strategici.extend(plan.strategic_objectives.iter().map(|s| {
        vec![
            text(s.code.clone()),
            text(s.title.clone()),
            text(s.pillar.clone()),
        ]
    }));
    vec![
        Sheet {
            name: OBJECTIVES_SHEET.into(),
            rows,
        },
        Sheet {
            name: "Piano".into(),
            rows: piano,
        },
        Sheet {
            name: "Aree".into(),
            rows: aree,
        },
        Sheet {
            name: "Pilastri".into(),
            rows: pilastri,
        },
        Sheet {
            name: "Obiettivi strategici".into(),
            rows: strategici,
        },
    ]
}

/// Why a file could not be read as a workbook at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadError(pub String);

/// The sheets of an `.xlsx` (or `.xls`, `.ods`) file's bytes.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, ReadError> {
    use calamine::{open_workbook_auto_from_rs, Data, Reader};
    let mut book = open_workbook_auto_from_rs(std::io::Cursor::new(bytes.to_vec()))
        .map_err(|e| ReadError(e.to_string()))?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError(e.to_string()))?;
        // Rows and columns from A1, so references match what the user sees.
        let (top, left) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<Cell>> = vec![Vec::new(); top as usize];
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left as usize];
            cells.extend(row.iter().map(|c| {
                match c {
                    Data::Empty => Cell::Empty,
                    Data::String(s) => text(s.clone()),
                    Data::Float(f) => Cell::Number(shortest(*f)),
                    Data::Int(i) => Cell::Number(i.to_string()),
                    Data::Bool(b) => text(if *b { "sì" } else { "no" }),
                    Data::DateTime(d) => d
                        .as_datetime()
                        .map_or(Cell::Empty, |t| Cell::Date(t.date())),
                    Data::DateTimeIso(s) => s
                        .get(..10)
                        .and_then(|d| d.parse().ok())
                        .map_or_else(|| text(s.clone()), Cell::Date),
                    Data::DurationIso(s) => text(s.clone()),
                    Data::Error(e) => text(format!("#{e:?}")),
                }
            }));
            rows.push(cells);
        }
        out.push(Sheet { name, rows });
    }
    Ok(out)
}

/// A spreadsheet's float as the digits one would type: 0.1 as "0.1".
fn shortest(f: f64) -> String {
    let s = format!("{f}");
    if s.contains('e') || s.contains('E') {
        Decimal::from_scientific(&s).map_or(s, |d| d.normalize().to_string())
    } else {
        s
    }
}

/// The one sheet of a CSV file: `;` or `,` between fields (whichever the
/// header has more of), fields in double quotes may hold either and line
/// breaks, a UTF-8 byte order mark is skipped.
pub fn read_csv(bytes: &[u8], name: &str) -> Result<Vec<Sheet>, ReadError> {
    let content = std::str::from_utf8(bytes).map_err(|e| ReadError(e.to_string()))?;
    let content = content.trim_start_matches('\u{feff}');
    let first = content.lines().next().unwrap_or_default();
    let sep = if first.matches(';').count() >= first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == sep => row.push(text(std::mem::take(&mut field))),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(text(std::mem::take(&mut field)));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(text(field));
        rows.push(row);
    }
    Ok(vec![Sheet {
        name: name.to_string(),
        rows,
    }])
}
