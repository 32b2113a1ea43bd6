//! Embeds the shipped 2023 plan (`data/polimi-2023.json`) without the
//! whitespace between its tokens: the file stays pretty-printed for review,
//! and the app's first wasm module carries 31 kB less (1.1 kB gzipped, within
//! issue #6's first-visit budget of 350 kB).

use std::{env, fs, path::PathBuf};

const PLAN: &str = "data/polimi-2023.json";

fn main() {
    println!("cargo::rerun-if-changed={PLAN}");
    let text = fs::read_to_string(PLAN).expect("engine/data/polimi-2023.json is readable");
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(out.join("polimi-2023.min.json"), minify(&text)).expect("OUT_DIR is writable");
}

/// Drops the whitespace outside strings; strings keep every character,
/// escapes included. (Outside strings JSON allows only space, tab, CR and LF,
/// so nothing else is dropped from a valid file.)
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}
