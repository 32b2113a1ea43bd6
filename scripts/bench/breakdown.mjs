#!/usr/bin/env node
// Where the bytes of each wasm module go, by crate and by function: the size
// breakdown scripts/bench.sh prints after the table, and writes to
// target/bench/breakdown.json.
//
// The shipped modules carry no names (wasm-opt drops the name section), so this
// reads the unstripped wasm cargo wrote for the same release build
// (target/wasm32-unknown-unknown/release/<bin>.wasm: the release profile keeps
// names, see Cargo.toml), runs it through the same wasm-bindgen and wasm-opt
// passes as Trunk with -g (names kept), and asks twiggy for every item's size.
// The module sizes are then within a few kB of the shipped ones.
//
// A function is counted for the crate its name starts with (for
// `<T as Trait>::method`, the crate of T): generic code instantiated for our
// types may show under the crate that defines it (core, alloc, serde) rather
// than the one that uses it. "data" is the data segments (string literals,
// tables, the embedded 2023 plan).
//
//   node scripts/bench/breakdown.mjs [bin ...]   (default: every wasm module of dist/)

import { execFileSync } from 'node:child_process';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { REPO_ROOT, DIST_DIR } from '../../tests/e2e/support/server.mjs';

const OUT = join(REPO_ROOT, 'target', 'bench', 'names');
const CARGO_WASM = join(REPO_ROOT, 'target', 'wasm32-unknown-unknown', 'release');
// The same features as index.html's data-wasm-opt-params.
const WASM_OPT_FEATURES = [
  '--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types',
  '--enable-multivalue', '--enable-call-indirect-overlong',
];
const TOP_CRATES = Number(process.env.BENCH_TOP_CRATES ?? 15);
const TOP_FUNCTIONS = Number(process.env.BENCH_TOP_FUNCTIONS ?? 15);

const run = (cmd, args) => execFileSync(cmd, args, { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const PRIMITIVES = new Set(['str', 'char', 'f32', 'f64', 'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'bool', 'T', 'F']);

/** Whether twiggy's item is the name section itself, which is not shipped. */
export function isNames(name) {
  return /^"[^"]*names?" subsection$/.test(name) || /^custom section 'name'/.test(name);
}

/**
 * The crate (or kind of item) an item of `twiggy top` belongs to; the
 * standard library's formatting (core::fmt, float printing) on its own line,
 * since it is one of the levers to measure.
 */
export function crateOf(raw) {
  const name = raw.replace(/\[[0-9a-f]{16}\]/g, '');
  if (/^data(\[\d+\]| segment )/.test(name)) return 'data (strings, tables, the 2023 plan)';
  if (/^(elem|table|global|import|export|type|memory)\[/.test(name) || /^(import|export) /.test(name)) return 'wasm tables, imports, exports';
  if (/ multivalue shim$/.test(name)) return 'wasm-bindgen export shims (with what is inlined into them)';
  if (/^custom section/.test(name) || /^"[^"]*"/.test(name)) return 'custom sections';
  if (/^code\[\d+\]$/.test(name)) return 'unnamed functions';
  if (/core::fmt::|core::num::(flt2dec|bignum|dec2flt)|<f(32|64) as core::fmt/.test(name)) return 'core::fmt (std formatting)';
  let m = name.match(/^<+[&*]*(?:(?:dyn|impl|mut|const) )*([A-Za-z_][A-Za-z0-9_]*)(::)?/);
  if (m) {
    if (m[2]) return m[1];
    const trait = name.match(/^<[^<>]*? as ([A-Za-z_][A-Za-z0-9_]*)::/);
    if (trait) return trait[1];
    if (PRIMITIVES.has(m[1])) return 'core';
    return 'other';
  }
  m = name.match(/^([A-Za-z_][A-Za-z0-9_]*)::/);
  if (m) return m[1];
  if (/^(__wbg|__wbindgen|wasm_bindgen)/.test(name)) return 'wasm_bindgen';
  if (/^(__(u|)(div|mul|mod|ashl|ashr|lshr)[a-z0-9]+|__(add|sub|mul|div|fix|float|extend|trunc|eq|ne|lt|le|gt|ge|unord)[a-z0-9]+)$/.test(name)) return 'compiler_builtins';
  if (/^(memcpy|memset|memmove|memcmp|bcmp|__rust|rust_|__rdl|__rg|dlmalloc|malloc|free)/.test(name)) return 'std (runtime)';
  return 'other';
}

/** Twiggy's items of the wasm at `path`, each `{ name, size }`. */
function items(path) {
  const json = JSON.parse(run('twiggy', ['top', '-n', '1000000', '--format', 'json', path]));
  return json.filter((i) => !isNames(i.name)).map((i) => ({ name: i.name, size: i.shallow_size }));
}

async function modules() {
  const names = process.argv.slice(2);
  if (names.length > 0) return names;
  return (await readdir(DIST_DIR))
    .filter((f) => f.endsWith('_bg.wasm'))
    .map((f) => f.replace(/(-[0-9a-f]{16})?_bg\.wasm$/, ''));
}

await mkdir(OUT, { recursive: true });
const report = {};
for (const bin of await modules()) {
  const source = join(CARGO_WASM, `${bin}.wasm`);
  const named = join(OUT, `${bin}_bg.wasm`);
  const mtime = (path) => stat(path).then((s) => s.mtimeMs, () => 0);
  // Made again only when cargo has built the module since.
  if ((await mtime(named)) < (await mtime(source))) {
    run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', OUT, source]);
    run('wasm-opt', ['-Oz', '-g', ...WASM_OPT_FEATURES, '-o', named, named]);
  }
  const all = items(named);
  const total = all.reduce((n, i) => n + i.size, 0);
  const crates = new Map();
  for (const i of all) {
    const c = crateOf(i.name);
    const entry = crates.get(c) ?? { crate: c, size: 0, items: 0 };
    entry.size += i.size;
    entry.items += 1;
    crates.set(c, entry);
  }
  const byCrate = [...crates.values()].sort((a, b) => b.size - a.size);
  const byFunction = all.filter((i) => !crateOf(i.name).startsWith('data')).sort((a, b) => b.size - a.size);
  report[bin] = { total, by_crate: byCrate, top_items: all.sort((a, b) => b.size - a.size).slice(0, 200) };

  const pct = (n) => `${((100 * n) / total).toFixed(1)} %`;
  const shipped = (await readdir(DIST_DIR)).find((f) => f.replace(/(-[0-9a-f]{16})?_bg\.wasm$/, '') === bin && f.endsWith('_bg.wasm'));
  const shippedRaw = shipped ? (await stat(join(DIST_DIR, shipped))).size : 0;
  report[bin].shipped_raw = shippedRaw;
  // wasm-opt optimizes a little less when it keeps names (-g): the shares are
  // what this table is for, the shipped size is in the benchmark table.
  console.log(`\n### ${bin}: ${kb(total)} raw without its names (wasm-opt -Oz -g; shipped: ${kb(shippedRaw)}), by crate\n`);
  console.log('| crate | bytes | share | items |');
  console.log('| --- | --- | --- | --- |');
  for (const c of byCrate.slice(0, TOP_CRATES)) console.log(`| ${c.crate} | ${kb(c.size)} | ${pct(c.size)} | ${c.items} |`);
  const rest = byCrate.slice(TOP_CRATES);
  if (rest.length) {
    const size = rest.reduce((n, c) => n + c.size, 0);
    console.log(`| ${rest.length} more | ${kb(size)} | ${pct(size)} | ${rest.reduce((n, c) => n + c.items, 0)} |`);
  }
  console.log(`\n### ${bin}: the largest functions\n`);
  console.log('| function | bytes |');
  console.log('| --- | --- |');
  for (const f of byFunction.slice(0, TOP_FUNCTIONS)) {
    const name = f.name.length > 110 ? `${f.name.slice(0, 107)}...` : f.name;
    console.log(`| \`${name.replaceAll('|', '\\|')}\` | ${kb(f.size)} |`);
  }
  const data = all.filter((i) => crateOf(i.name).startsWith('data'));
  const dataSize = data.reduce((n, i) => n + i.size, 0);
  console.log(`\n(data segments: ${kb(dataSize)} in ${data.length} segments)`);
}
await writeFile(join(REPO_ROOT, 'target', 'bench', 'breakdown.json'), JSON.stringify(report, null, 2) + '\n');
