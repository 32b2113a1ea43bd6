//! `cruscotto`: the engine from the command line, for the planning office and
//! for scripted checks. Exit codes: 0 success, 1 invalid input, 2 usage error.

use std::io::{Read, Write};
use std::process::ExitCode;

use cruscotto_engine::merge::{merge, MergeError};
use cruscotto_engine::snapshot::{import, ImportError};
use cruscotto_engine::{default_snapshot, diff::diff, score_summary, ProgressEntry};

mod template;
mod wording;

const USAGE: &str = "usage:
  cruscotto default-plan        print the embedded 2023 plan as a snapshot
  cruscotto validate FILE       check a snapshot (FILE may be - for stdin)
  cruscotto score FILE          print the scores of a snapshot as JSON
  cruscotto merge FILE... [-o|--output OUT]
                                consolidate snapshots of one plan into OUT
                                (default: standard output); conflicts on stderr
  cruscotto diff BEFORE AFTER   print what changed between two snapshots as JSON
  cruscotto seal FILE           print each area's seal and check the recorded one;
                                exit 1 when a recorded seal does not match
  cruscotto status FILE [--on YYYY-MM-DD]
                                print the campaign table: each area's status,
                                seal, scores and lateness (on today, or the day given)
  cruscotto import-plan FILE [--base SNAPSHOT]
                                read a plan from a spreadsheet in the Allegato's
                                layout (.xlsx, .xls, .ods or .csv) and print it as
                                a snapshot; areas, pillars and strategic objectives
                                come from the file's own sheets or from the base
                                (default: the embedded plan); exit 1 listing every
                                problem by sheet, cell and column
  cruscotto template [-o OUT.xlsx] [--from SNAPSHOT]
                                write a plan (default: the embedded one) as an XLSX
                                in that layout, the office's starting point
  cruscotto link FILE [--area CODE]
                                print a share link's fragment (#s=1.…) for the
                                snapshot, or for one area's results; exit 1 when
                                it is longer than a link may be
  cruscotto revisions FILE      print the plan's adoption and each revision (act,
                                reason, objectives changed, areas' scores before
                                and after, on the file's results)
";

fn read_input(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        Ok(buf)
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
    }
}

fn print_import_error(path: &str, e: &ImportError) {
    match e {
        ImportError::Invalid(issues) => {
            for i in issues {
                eprintln!("{path}: error: {}", wording::located_issue(i));
            }
        }
        other => eprintln!("{path}: error: {}", wording::import_error(other)),
    }
}

fn load(path: &str) -> Result<cruscotto_engine::snapshot::Imported, ExitCode> {
    let bytes = read_input(path).map_err(|e| {
        eprintln!("error: {e}");
        ExitCode::from(1)
    })?;
    let imported = import(&bytes).map_err(|e| {
        print_import_error(path, &e);
        ExitCode::from(1)
    })?;
    for w in &imported.report.warnings {
        eprintln!("{path}: warning: {}: {}", w.path, wording::issue(w));
    }
    Ok(imported)
}

fn write_stdout(s: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`| head`) is not the user's error worth a panic.
        Err(_) => ExitCode::from(1),
    }
}

/// `merge` arguments: input files and where to write, or why they are wrong.
fn merge_args<'a>(args: &[&'a str]) -> Result<(Vec<&'a str>, Option<&'a str>), String> {
    let mut inputs = Vec::new();
    let mut output = None;
    let mut it = args.iter();
    while let Some(&a) = it.next() {
        let out = match a {
            "-o" | "--output" => Some(*it.next().ok_or(format!("{a} needs a file name"))?),
            _ => a.strip_prefix("--output="),
        };
        if let Some(out) = out {
            if output.replace(out).is_some() {
                return Err("the output is given more than once".into());
            }
        } else if a.starts_with('-') && a != "-" {
            return Err(format!("unknown option {a}"));
        } else {
            inputs.push(a);
        }
    }
    if inputs.is_empty() {
        return Err("merge needs at least one snapshot".into());
    }
    if inputs.iter().filter(|i| **i == "-").count() > 1 {
        return Err("standard input (-) can be read only once".into());
    }
    Ok((inputs, output))
}

fn stamped(e: &ProgressEntry) -> String {
    match &e.updated_at {
        Some(ts) => format!("{} (updated {ts})", wording::entry_summary(e)),
        None => format!("{} (no update time)", wording::entry_summary(e)),
    }
}

fn run_merge(args: &[&str]) -> ExitCode {
    let (inputs, output) = match merge_args(args) {
        Ok(parsed) => parsed,
        Err(e) => {
            eprint!("error: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut snapshots = Vec::new();
    let mut failed = false;
    // Every input is checked, so one run lists every broken file.
    for path in &inputs {
        match load(path) {
            Ok(imported) => snapshots.push(imported.snapshot),
            Err(_) => failed = true,
        }
    }
    if failed {
        return ExitCode::from(1);
    }
    let merged = match merge(&snapshots) {
        Ok(m) => m,
        Err(MergeError::DifferentPlans {
            index, differences, ..
        }) => {
            eprintln!(
                "error: {} and {} hold different plans:",
                inputs[0], inputs[index]
            );
            for line in wording::plan_diff(&differences) {
                eprintln!("  {line}");
            }
            return ExitCode::from(1);
        }
        Err(e) => {
            eprintln!("error: {}", wording::merge_error(&e));
            return ExitCode::from(1);
        }
    };
    for c in &merged.conflicts {
        let others = c
            .others
            .iter()
            .map(|(i, e)| format!("{} from {}", stamped(e), inputs[*i]))
            .collect::<Vec<_>>()
            .join(", ");
        let result = match &c.area {
            Some(area) => format!("{} (area {area})", c.indicator_id),
            None => c.indicator_id.clone(),
        };
        eprintln!(
            "conflict: {result}: kept {} over {others}",
            stamped(&c.chosen)
        );
    }
    let mut snapshot = merged.snapshot;
    // SystemTime, not chrono's clock feature, which the browser build would drag in.
    let now: chrono::DateTime<chrono::Utc> = std::time::SystemTime::now().into();
    snapshot.exported_at = Some(now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    let json = snapshot.to_json();
    match output {
        None | Some("-") => write_stdout(&json),
        Some(path) => match std::fs::write(path, json) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {path}: {e}");
                ExitCode::from(1)
            }
        },
    }
}

/// `seal`: one line per area that has results or a status: its seal now,
/// and what checking the recorded one found.
fn run_seal(s: &cruscotto_engine::Snapshot) -> ExitCode {
    use cruscotto_engine::cycle::{check_seal, seal_area, state_of, SealCheck};
    let mut out = String::new();
    let mut broken = false;
    for area in &s.plan.areas {
        let code = area.code.as_str();
        let status = s.area_status.get(code);
        let has_results = cruscotto_engine::cycle::area_results(s, code).any(|(_, e)| e.is_some());
        if status.is_none() && !has_results {
            continue;
        }
        let check = match check_seal(s, code) {
            SealCheck::None => "no recorded seal".to_string(),
            SealCheck::Valid { .. } => "recorded seal matches".to_string(),
            SealCheck::Broken { sealed, .. } => {
                broken = true;
                format!("RECORDED SEAL DOES NOT MATCH: {sealed} was sealed, the results changed after submission")
            }
        };
        out.push_str(&format!(
            "{code}\t{}\t{}\t{check}\n",
            wording::review_state(state_of(s, code)),
            seal_area(s, code)
        ));
    }
    if out.is_empty() {
        out.push_str("no area has results or a status\n");
    }
    let code = write_stdout(&out);
    if broken {
        ExitCode::from(1)
    } else {
        code
    }
}

/// `status`: the campaign table, tab-separated with a header line.
/// Reads a plan from a spreadsheet and prints it as a snapshot.
fn run_import_plan(file: &str, base: Option<&str>) -> ExitCode {
    use cruscotto_engine::allegato::{plan_from_sheets, read_csv, read_xlsx};
    let base = match base.map(load) {
        Some(Ok(i)) => i.snapshot.plan,
        Some(Err(code)) => return code,
        None => cruscotto_engine::default_snapshot().plan,
    };
    let bytes = match read_input(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{file}: error: {e}");
            return ExitCode::from(1);
        }
    };
    let name = std::path::Path::new(file)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let sheets = if file.to_lowercase().ends_with(".csv") {
        read_csv(&bytes, &name)
    } else {
        read_xlsx(&bytes)
    };
    let sheets = match sheets {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{file}: error: not a spreadsheet: {}", e.0);
            return ExitCode::from(1);
        }
    };
    match plan_from_sheets(&sheets, &base) {
        Ok(plan) => {
            let report = cruscotto_engine::validate_plan(&plan);
            for i in report.errors.iter().chain(&report.warnings) {
                eprintln!("{file}: {}", wording::located_issue(i));
            }
            let snapshot =
                cruscotto_engine::Snapshot::new(plan, cruscotto_engine::Progress::new(), None);
            let out = write_stdout(&snapshot.to_json());
            if report.errors.is_empty() {
                out
            } else {
                ExitCode::from(1)
            }
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{file}: error: {}", wording::sheet_problem(p));
            }
            ExitCode::from(1)
        }
    }
}

/// Writes a plan as the XLSX template.
fn run_template(args: &[&str]) -> ExitCode {
    let (mut out, mut from) = (None, None);
    let mut rest = args.iter();
    while let Some(a) = rest.next() {
        match *a {
            "-o" | "--output" => out = rest.next().copied(),
            "--from" => from = rest.next().copied(),
            _ => {
                eprint!("error: unexpected {a}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let plan = match from.map(load) {
        Some(Ok(i)) => i.snapshot.plan,
        Some(Err(code)) => return code,
        None => cruscotto_engine::default_snapshot().plan,
    };
    let bytes = match template::workbook(&cruscotto_engine::allegato::template_sheets(&plan)) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: the workbook could not be written: {e}");
            return ExitCode::from(1);
        }
    };
    match out {
        Some(path) => match std::fs::write(path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: cannot write {path}: {e}");
                ExitCode::from(1)
            }
        },
        None => {
            use std::io::Write as _;
            match std::io::stdout().write_all(&bytes) {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(1),
            }
        }
    }
}

/// Prints the fragment of a share link, or why it cannot be one.
fn run_link(file: &str, area: Option<&str>) -> ExitCode {
    use cruscotto_engine::share::{check_length, make_fragment};
    let imported = match load(file) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let s = &imported.snapshot;
    if let Some(code) = area.filter(|a| s.plan.area(a).is_none()) {
        eprintln!("error: the plan has no area {code}");
        return ExitCode::from(2);
    }
    let fragment = format!("#{}", make_fragment(s, area));
    match check_length(fragment.len()) {
        Ok(()) => write_stdout(&format!("{fragment}\n")),
        Err(e) => {
            eprintln!("error: {}", wording::share_error(&e));
            ExitCode::from(1)
        }
    }
}

/// The registry of revisions as text: the adoption, then one block per
/// revision.
fn revisions_text(s: &cruscotto_engine::Snapshot) -> String {
    use cruscotto_engine::revision::revision_effects;
    use cruscotto_engine::scoring::round2;
    let plan = &s.plan;
    let Some(adoption) = &plan.adoption else {
        return "the plan is not adopted: it has no revisions\n".into();
    };
    let mut out = format!("adopted on {} by \"{}\"\n", adoption.date, adoption.act);
    let score = |d: Option<rust_decimal::Decimal>| {
        d.map_or_else(|| "-".into(), |d| format!("{:.2}", round2(d)))
    };
    for (r, e) in plan
        .revisions
        .iter()
        .zip(revision_effects(plan, s.results()))
    {
        out.push_str(&format!(
            "{} effective {}, act \"{}\", reason \"{}\"\n  {}\n",
            r.id,
            r.effective,
            r.act,
            r.reason,
            wording::revision_changes(&r.changes)
        ));
        for a in e.areas {
            out.push_str(&format!(
                "  {}: {} -> {}\n",
                a.area,
                score(a.before),
                score(a.after)
            ));
        }
    }
    if !plan.unrecorded.is_empty() {
        out.push_str(&format!(
            "{} objective(s) changed and not yet recorded\n",
            plan.unrecorded.len()
        ));
    }
    out
}

fn run_status(file: &str, on: Option<&str>) -> ExitCode {
    use cruscotto_engine::cycle::{campaign, SealCheck};
    use cruscotto_engine::scoring::round2;
    let today = match on {
        Some(day) => match day.parse::<chrono::NaiveDate>() {
            Ok(d) => d,
            Err(_) => {
                eprint!("error: --on needs a date YYYY-MM-DD, found {day}\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        None => {
            let now: chrono::DateTime<chrono::Utc> = std::time::SystemTime::now().into();
            now.date_naive()
        }
    };
    let imported = match load(file) {
        Ok(i) => i,
        Err(code) => return code,
    };
    let s = &imported.snapshot;
    let score = |a: &cruscotto_engine::AreaScore| {
        a.score
            .map(|x| round2(x).to_string())
            .unwrap_or_else(|| "-".into())
    };
    let mut out = String::from(
        "area\tstatus\tsubmitted at\tsubmitted by\tseal\tassessed weight\tscore\tvalidated score\tlate\n",
    );
    for r in campaign(s, today) {
        let seal = match &r.seal {
            SealCheck::None => "-",
            SealCheck::Valid { .. } => "valid",
            SealCheck::Broken { .. } => "BROKEN",
        };
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{seal}\t{}/{}\t{}\t{}\t{}\n",
            r.area,
            wording::review_state(r.state),
            r.submitted_at.as_deref().unwrap_or("-"),
            r.submitted_by.as_deref().unwrap_or("-"),
            round2(r.score.assessed_weight),
            round2(r.score.total_weight),
            score(&r.score),
            r.validated
                .as_ref()
                .map(score)
                .unwrap_or_else(|| "-".into()),
            if r.late { "LATE" } else { "-" },
        ));
    }
    if let Some(d) = s.plan.self_assessment_deadline {
        out.push_str(&format!("deadline\t{d}\n"));
    }
    write_stdout(&out)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match args.as_slice() {
        ["default-plan"] => write_stdout(&default_snapshot().to_json()),
        ["validate", file] => match load(file) {
            Ok(_) => ExitCode::SUCCESS,
            Err(code) => code,
        },
        ["score", file] => match load(file) {
            Ok(imported) => {
                let s = &imported.snapshot;
                let summary = score_summary(&s.plan, &s.score());
                let mut json = serde_json::to_string_pretty(&summary).unwrap_or_default();
                json.push('\n');
                write_stdout(&json)
            }
            Err(code) => code,
        },
        ["merge", rest @ ..] => run_merge(rest),
        ["diff", before, after] if !(*before == "-" && *after == "-") => {
            match (load(before), load(after)) {
                (Ok(b), Ok(a)) => {
                    let d = diff(&b.snapshot, &a.snapshot);
                    let mut json = serde_json::to_string_pretty(&d).unwrap_or_default();
                    json.push('\n');
                    write_stdout(&json)
                }
                _ => ExitCode::from(1),
            }
        }
        ["seal", file] => match load(file) {
            Ok(imported) => run_seal(&imported.snapshot),
            Err(code) => code,
        },
        ["status", file] => run_status(file, None),
        ["status", file, "--on", day] | ["status", "--on", day, file] => {
            run_status(file, Some(day))
        }
        ["import-plan", file] => run_import_plan(file, None),
        ["import-plan", file, "--base", base] | ["import-plan", "--base", base, file] => {
            run_import_plan(file, Some(base))
        }
        ["template", rest @ ..] => run_template(rest),
        ["link", file] => run_link(file, None),
        ["link", file, "--area", area] | ["link", "--area", area, file] => {
            run_link(file, Some(area))
        }
        ["revisions", file] => match load(file) {
            Ok(imported) => write_stdout(&revisions_text(&imported.snapshot)),
            Err(code) => code,
        },
        ["-h" | "--help" | "help"] => write_stdout(USAGE),
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
