#!/usr/bin/env bash
# Maintenance, not part of scripts/test.sh: fuzzes the snapshot import pipeline
# (engine/fuzz, target snapshot_pipeline) with cargo-fuzz on nightly.
#
#   FUZZ_SECONDS=300 bash scripts/fuzz.sh      # default 300 s
#
# Seeds: the embedded 2023 plan and the bad-file corpus (engine/tests/corpus/bad),
# copied into engine/fuzz/corpus/snapshot_pipeline (git-ignored, kept between
# runs so later runs start from what earlier ones learned). Crashes land in
# engine/fuzz/artifacts/snapshot_pipeline; reproduce one with
#   cd engine && cargo +nightly fuzz run snapshot_pipeline fuzz/artifacts/snapshot_pipeline/<file>
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

target=snapshot_pipeline
seconds=${FUZZ_SECONDS:-300}

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing the nightly toolchain (libFuzzer needs -Zsanitizer)" >&2
  rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: installing cargo-fuzz" >&2
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi

corpus=engine/fuzz/corpus/$target
artifacts=engine/fuzz/artifacts/$target
mkdir -p "$corpus" "$artifacts"
cp engine/data/polimi-2023.json "$corpus/seed-polimi-2023.json"
for f in engine/tests/corpus/bad/*; do
  case $f in *.md | */expected.json) continue ;; esac
  cp "$f" "$corpus/seed-bad-$(basename "$f")"
done

before=$(find "$artifacts" -type f | wc -l)
log=engine/fuzz/last-run.log
echo "fuzz.sh: fuzzing $target for ${seconds}s (log: $log)" >&2
status=0
(cd engine && cargo +nightly fuzz run "$target" -- \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096) \
  >"$log" 2>&1 || status=$?

echo "---- last libFuzzer lines ----"
grep -E '^#[0-9]+' "$log" | tail -n 3 || true
grep -E 'Done [0-9]+ runs|SUMMARY|panicked|Test unit written|ERROR' "$log" || true
after=$(find "$artifacts" -type f | wc -l)
echo "---- result ----"
echo "exit status: $status; corpus: $(find "$corpus" -type f | wc -l) inputs; crash/timeout artifacts: $before before, $after now"
if [ "$after" -gt "$before" ] || [ "$status" -ne 0 ]; then
  echo "new findings in $artifacts:"
  ls -t "$artifacts" | head -n 10
  exit 1
fi
echo "nothing found"
