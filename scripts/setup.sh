#!/usr/bin/env bash
# Installs whatever a fresh Debian machine with Rust, Node and apt lacks to build,
# serve and test Cruscotto. Idempotent and silent when everything is there: every
# step checks before it installs, so a second run takes about a second.
#
# Versions are pinned because Trunk downloads any tool whose version it does not
# find, and the machines we build on reach only package registries (crates.io,
# npm, PyPI, Debian). Change a version here and in Trunk.toml together.
#
# CRUSCOTTO_NEED_BROWSER=0 skips chromium (enough to build and serve the app).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14        # 0.22 needs a newer rustc than our 1.95
WASM_BINDGEN_VERSION=0.2.130 # must equal wasm-bindgen in Cargo.lock (leptos 0.8)

log() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

need_browser="${CRUSCOTTO_NEED_BROWSER:-1}"

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || die "$tool is required (install Rust with rustup, and Node 20+)"
done

# Two runs at once (run.sh and test.sh in two terminals) would install twice.
mkdir -p target
exec 9>target/.setup.lock
flock 9

# `cargo install` puts trunk and wasm-bindgen here; make them visible to the checks.
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [ "$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')" != "$WASM_BINDGEN_VERSION" ]; then
  die "Cargo.lock does not resolve wasm-bindgen $WASM_BINDGEN_VERSION; run: cargo update -p wasm-bindgen --precise $WASM_BINDGEN_VERSION"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    log "adding the $component component"
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores, once)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WASM_BINDGEN_VERSION\b"; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its lockfile names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# pdftotext (poppler-utils) reads the printed report's PDF in the e2e tests
# (page numbers, header and footer on every page).
if [ "$need_browser" = 1 ] && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v pdftotext >/dev/null; }; then
  log "installing Debian's chromium, chromium-driver and poppler-utils"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "chromium is missing and installing it needs root or sudo"
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi

# binaryen (wasm-opt 132), playwright-core, axe-core and workbox-build (the
# service worker, scripts/post-build.mjs) come from npm, pinned in
# package-lock.json. `npm ci` never downloads browsers: playwright-core has no
# install script, and the tests use Debian's chromium.
if [ ! -x node_modules/.bin/wasm-opt ] \
  || [ ! -f node_modules/playwright-core/package.json ] \
  || [ ! -f node_modules/@axe-core/playwright/package.json ] \
  || [ ! -f node_modules/workbox-build/package.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dev dependencies"
  npm ci --no-audit --no-fund --loglevel=error
fi

if ! node_modules/.bin/wasm-opt --version | grep -q "version 132"; then
  die "node_modules/.bin/wasm-opt is not binaryen 132; run: npm ci"
fi
