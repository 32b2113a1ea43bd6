#!/usr/bin/env bash
# README command 2: runs every check CI runs, in the order that fails fastest.
#
#   1. cargo fmt --check          formatting
#   2. cargo clippy -D warnings   lints, all targets of the workspace
#   3. native tests               cargo nextest if installed, else cargo test
#   4. trunk build --release      ONE release build into dist/, shared by ...
#   5. node --test tests/e2e/     ... all end-to-end tests (headless chromium)
#
# Every step runs even when an earlier one failed (so one run shows all problems),
# except the end-to-end tests, which need the build. Exits non-zero on any failure
# and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
bash scripts/setup.sh

if [ "${CI:-}" = true ]; then
  # A fresh clone compiles everything once: incremental caches and full debug
  # info would only cost time and disk. Not set locally, where they pay off and
  # changing them would force a rebuild.
  export CARGO_INCREMENTAL=0 CARGO_PROFILE_DEV_DEBUG=line-tables-only
fi

# npm's wasm-opt 132 first (Debian's 108 silently breaks the wasm); trunk and
# wasm-bindgen live in cargo's bin directory.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

passed=()
failed=()
skipped=()

# step NAME COMMAND...: runs COMMAND, records and times the outcome.
step() {
  local name=$1 t0=$SECONDS
  shift
  printf '\n\033[1m==> %s\033[0m: %s\n' "$name" "$*" >&2
  if "$@"; then
    passed+=("$name")
    printf '\033[1m==> %s passed\033[0m (%ss)\n' "$name" "$((SECONDS - t0))" >&2
  else
    failed+=("$name")
    printf '\033[1;31m==> %s FAILED\033[0m (%ss)\n' "$name" "$((SECONDS - t0))" >&2
  fi
}

native_tests() {
  # cargo-nextest is faster and clearer but not on every machine; it also skips
  # doctests, so those run separately.
  if cargo nextest --version >/dev/null 2>&1; then
    cargo nextest run --workspace --no-tests=pass && cargo test --workspace --doc
  else
    cargo test --workspace
  fi
}

e2e_tests() {
  # Explicit files rather than a directory: Node 20 and Node 22 read a directory
  # argument differently. One process per file; each starts its own static
  # server and chromium (tests/e2e/support/).
  local files=(tests/e2e/*.test.mjs)
  # The spec reporter also when not on a terminal (CI): readable failures.
  node --test --test-reporter=spec "${files[@]}"
}

step fmt cargo fmt --all -- --check
step clippy cargo clippy --workspace --all-targets -- -D warnings
step native-tests native_tests
step build trunk build --release
if [[ " ${failed[*]} " == *" build "* ]]; then
  skipped+=(e2e)
else
  step e2e e2e_tests
fi

elapsed=$((SECONDS - started))
summary="passed: ${passed[*]:-none}"
[ ${#failed[@]} -gt 0 ] && summary+="; FAILED: ${failed[*]}"
[ ${#skipped[@]} -gt 0 ] && summary+="; skipped: ${skipped[*]}"
if [ ${#failed[@]} -eq 0 ]; then
  printf '\n\033[1;32mtest.sh: OK\033[0m — %s (%dm%02ds)\n' "$summary" $((elapsed / 60)) $((elapsed % 60))
else
  printf '\n\033[1;31mtest.sh: FAILED\033[0m — %s (%dm%02ds)\n' "$summary" $((elapsed / 60)) $((elapsed % 60))
  exit 1
fi
