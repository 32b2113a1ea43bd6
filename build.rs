//! Generates the translations module from `locales/<lang>/<namespace>.json`
//! (the namespaces are listed in Cargo.toml, `[package.metadata.leptos-i18n]`)
//! into `$OUT_DIR/i18n/mod.rs`, which `src/i18n.rs` includes.
//!
//! It does what leptos_i18n's `load_locales!()` macro does, with the same
//! parser and code generator (already built for that macro), plus one
//! option the macro cannot set: `interpolate_display`, so that pure functions
//! can word data with `td_string!(locale, key, x = ...)` (the report, the
//! engine's errors), natively testable.

use std::path::PathBuf;

use leptos_i18n_parser::parse_locales::cfg_file::ConfigFile;
use leptos_i18n_parser::parse_locales::options::Config;
use leptos_i18n_parser::parse_locales::parse_locales;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    println!("cargo::rerun-if-changed=Cargo.toml");
    println!("cargo::rerun-if-changed=locales");
    let mut cfg: Config = ConfigFile::new(&mut manifest_dir)
        .map_err(|e| e.to_string())?
        .into();
    cfg.options = cfg.options.interpolate_display(true);
    let parsed = parse_locales(Some(manifest_dir), cfg).map_err(|e| e.to_string())?;
    // A key missing in one language (or any other warning of the parser) is
    // a build error, as the macro's warnings were under `-D warnings`.
    let (errors, warnings) = parsed.diag.borrow();
    let problems: Vec<String> = errors
        .iter()
        .map(ToString::to_string)
        .chain(warnings.iter().map(ToString::to_string))
        .collect();
    if !problems.is_empty() {
        return Err(format!("locales: {}", problems.join("; ")).into());
    }
    drop((errors, warnings));
    for file in parsed.tracked_files.iter().flatten() {
        println!("cargo::rerun-if-changed={file}");
    }
    let code = leptos_i18n_codegen::gen_code(&parsed, None, false, None, true)
        .map_err(|e| e.to_string())?;
    let dir = PathBuf::from(std::env::var("OUT_DIR")?).join("i18n");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("mod.rs"), code.to_string())?;
    Ok(())
}
