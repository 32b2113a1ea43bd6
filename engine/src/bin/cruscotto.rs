//! `cruscotto`: the engine from the command line, for the planning office and
//! for scripted checks. Exit codes: 0 success, 1 invalid input, 2 usage error.

use std::io::{Read, Write};
use std::process::ExitCode;

use cruscotto_engine::snapshot::{import, ImportError};
use cruscotto_engine::{default_snapshot, score_summary, Lang};

const USAGE: &str = "usage:
  cruscotto default-plan        print the embedded 2023 plan as a snapshot
  cruscotto validate FILE       check a snapshot (FILE may be - for stdin)
  cruscotto score FILE          print the scores of a snapshot as JSON
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
                eprintln!("{path}: error: {i}");
            }
        }
        other => eprintln!("{path}: error: {other}"),
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
        eprintln!("{path}: warning: {}: {}", w.path, w.message(Lang::En));
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
                let summary = score_summary(&s.plan, &s.plan.score(&s.progress));
                let mut json = serde_json::to_string_pretty(&summary).unwrap_or_default();
                json.push('\n');
                write_stdout(&json)
            }
            Err(code) => code,
        },
        ["-h" | "--help" | "help"] => write_stdout(USAGE),
        _ => {
            eprint!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
