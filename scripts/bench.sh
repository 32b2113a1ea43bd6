#!/usr/bin/env bash
# Measures Cruscotto against the performance budgets of issue #6 and prints one
# markdown table (measure | value | budget | ok?); the details go to
# target/bench/results.json. Not part of scripts/test.sh: timings depend on the
# machine and its load, and tests must not assert on them.
#
#   1. scripts/setup.sh                 the toolchain, as for the tests
#   2. trunk build --release            the app, into dist/ (as scripts/test.sh)
#   3. cruscotto-bench (bench/)         the engine benchmarks, built natively and
#                                       for wasm32 (+ wasm-bindgen), release profile
#   4. cruscotto-bench --write          native timings, and the synthetic files
#   5. node scripts/bench/run.mjs       sizes, load, keystrokes and the wasm timings
#                                       in headless chromium; prints the table
#   6. scripts/bench/breakdown.mjs      each wasm module by crate and by function
#                                       (twiggy, on the names the release build
#                                       keeps until wasm-opt), after the table
#
# Takes about 2 minutes on 2 cores once everything is built (the 10,000-objective
# plan is imported into the app and the engine benchmarks run twice).
# BENCH_LOAD_RUNS (default 7) and BENCH_KEYSTROKES (default 15) set the repeats.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
# npm's wasm-opt 132 first (Debian's 108 breaks the wasm); trunk and
# wasm-bindgen live in cargo's bin directory.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

log() { printf '\033[1m[bench]\033[0m %s\n' "$*" >&2; }
out=target/bench
mkdir -p "$out/data" "$out/wasm"

# twiggy reads the size breakdown (step 6); installed here only, never for the tests.
if ! command -v twiggy >/dev/null; then
  log "installing twiggy (once, about 3 minutes)"
  cargo install twiggy --locked
fi

log "release build of the app (dist/)"
trunk build --release --dist dist

log "engine benchmarks: native and wasm32 builds"
cargo build --release -p cruscotto-bench --bin cruscotto-bench
cargo build --release -p cruscotto-bench --lib --target wasm32-unknown-unknown
wasm-bindgen --target web --no-typescript --out-dir "$out/wasm" \
  target/wasm32-unknown-unknown/release/cruscotto_bench.wasm
# The same wasm-opt pass as the app's (index.html), so that the wasm figures
# are those of the code the app ships.
wasm-opt -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
  --enable-call-indirect-overlong \
  -o "$out/wasm/cruscotto_bench_bg.wasm" "$out/wasm/cruscotto_bench_bg.wasm"

log "engine benchmarks, native (and the synthetic files)"
target/release/cruscotto-bench --write "$out/data" >"$out/native.json"

log "browser benchmarks (headless chromium)"
node scripts/bench/run.mjs

log "size breakdown by crate and function (twiggy)"
node scripts/bench/breakdown.mjs
