#!/usr/bin/env bash
# README command 1: starts Cruscotto at http://127.0.0.1:8080 on the 2023 plan.
#
# `trunk serve --release` rather than a build plus a static server: one command
# builds, serves with the right MIME types and the SPA fallback, and rebuilds and
# reloads the page when a source file changes. Release mode so that what you see
# is what the end-to-end tests check (wasm-opt included), at the cost of slower
# rebuilds. The first run installs the toolchain and compiles everything (~15 min
# on 2 cores); later runs start in seconds. Stop it with Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

# Serving needs no browser: skip chromium.
CRUSCOTTO_NEED_BROWSER=0 bash scripts/setup.sh

# npm's wasm-opt 132 must come before any other (Debian's 108 breaks the wasm);
# trunk and wasm-bindgen live in cargo's bin directory.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

port="${CRUSCOTTO_PORT:-8080}"
echo "Cruscotto: building, then serving at http://127.0.0.1:$port (Ctrl-C to stop)" >&2
exec trunk serve --release --address 127.0.0.1 --port "$port"
