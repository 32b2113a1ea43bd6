#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): finishes the built page. One function per
// job, run in this order by `main` at the end of the file:
//
//   minifyLoaders         the wasm-bindgen JS loaders through terser (Trunk's own
//                         minifier fails on wasm-bindgen's output), and the
//                         integrity hashes index.html gives them
//   completeCsp           the sha256 of every inline script Trunk wrote (the
//                         module script that loads the wasm) into the page's
//                         Content-Security-Policy; it changes with every build,
//                         since the script names the hashed file names
//   nameXlsxRevision      the XLSX module's revision in the page: its files have
//                         fixed names (Trunk's worker type), so the app asks for
//                         them with ?v=<revision> (src/io/xlsx_module.rs)
//   nameServiceWorker     where the app finds its service worker (none under
//                         `trunk serve`)
//   writeFallbackPage     404.html, a copy of the finished index.html: the page
//                         static hosts answer unknown paths with, so that a deep
//                         link (/cruscotto/area/ARUO) opens the app on a first
//                         visit (docs/hosting.md)
//   writeServiceWorker    Workbox's sw.js, which precaches every file of the
//                         build (both wasm modules included) with a revision and
//                         answers every page address under its folder with
//                         index.html: the app opens offline, every screen and
//                         the XLSX export too
//   writeRetiringWorker   under `trunk serve`, a sw.js that unregisters any
//                         worker a release build left on the same address
//
// Under `trunk serve` (live reload on), Trunk injects its reload script, which
// the server rewrites on each response, so its hash is unknowable here: the dev
// page then gets 'unsafe-inline' for scripts, and the retiring worker.
//
// Every address in the build is relative (Trunk's public_url "./"): the same
// dist/ works at the root of a host or in any folder; index.html's first script
// finds that folder at start-up (src/io/base.rs).
//
// Runs on $TRUNK_STAGING_DIR (set by Trunk), or on the directory given as the
// first argument: `node scripts/post-build.mjs dist`.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { minify } from 'terser';
import { generateSW } from 'workbox-build';

/** The XLSX module's files (index.html, src/io/xlsx_module.rs). */
export const XLSX_FILES = ['cruscotto-xlsx.js', 'cruscotto-xlsx_bg.wasm'];

class BuildError extends Error {}

/** Every inline <script> body of `html` (those without a src attribute). */
function inlineScripts(html) {
  return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
    .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
    .map(([, , body]) => body);
}

/** Whether Trunk's live-reload script is in the page (`trunk serve`). */
function isLiveReload(html) {
  return inlineScripts(html).some((body) => body.includes('.well-known/trunk/ws'));
}

/** Adds `tags` at the end of the page's head. */
function addToHead(html, tags) {
  if (!html.includes('</head>')) throw new BuildError('no </head> in index.html');
  return html.replace('</head>', `${tags}</head>`);
}

/**
 * Minifies every wasm-bindgen loader in `dir` (the JS file beside each wasm
 * module) and returns `html` with the integrity hashes of their preload links
 * updated. Minified, the app's loader is about 2.4 kB smaller gzipped.
 */
export async function minifyLoaders(dir, html) {
  const files = await readdir(dir);
  const loaders = files.filter((f) => f.endsWith('.js') && files.includes(f.replace(/\.js$/, '_bg.wasm')));
  if (loaders.length === 0) throw new BuildError(`no wasm-bindgen loader in ${dir}`);
  for (const name of loaders) {
    const path = join(dir, name);
    const { code } = await minify(await readFile(path, 'utf8'), {
      module: true,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    if (!code) throw new BuildError(`terser produced nothing for ${name}`);
    await writeFile(path, code);
    // Trunk's subresource integrity for this file (the modulepreload link) must
    // name the minified content, or the browser refuses it.
    const integrity = `sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}`;
    html = html.replace(/<link\b[^>]*>/gi, (tag) =>
      tag.includes(`href="./${name}"`) || tag.includes(`href="/${name}"`) ? tag.replace(/integrity="[^"]*"/i, `integrity="${integrity}"`) : tag,
    );
  }
  return html;
}

/**
 * Returns `html` with its Content-Security-Policy's script-src allowing the
 * page's inline scripts: by hash, or all inline scripts under live reload.
 */
export function completeCsp(html, liveReload) {
  const cspPattern = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
  const csp = html.match(cspPattern);
  if (!csp) throw new BuildError('no <meta http-equiv="Content-Security-Policy"> in index.html');
  const directives = csp[2].split(';').map((d) => d.trim()).filter(Boolean);
  const scriptSrc = directives.findIndex((d) => d.startsWith('script-src '));
  if (scriptSrc < 0) throw new BuildError('the Content-Security-Policy has no script-src');
  const extra = liveReload
    ? ["'unsafe-inline'"]
    : inlineScripts(html).map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  directives[scriptSrc] = [directives[scriptSrc], ...extra].join(' ');
  return html.replace(cspPattern, (_, open, __, close) => `${open}${directives.join('; ')}${close}`);
}

/** The XLSX module's revision: a hash of its loader and wasm, as built in `dir`. */
export async function xlsxRevision(dir) {
  const hash = createHash('sha256');
  for (const file of XLSX_FILES) hash.update(await readFile(join(dir, file)));
  return hash.digest('hex').slice(0, 16);
}

/** Returns `html` naming the XLSX module's revision for the app. */
export async function nameXlsxRevision(dir, html) {
  return addToHead(html, `<meta name="cruscotto-xlsx-revision" content="${await xlsxRevision(dir)}" />`);
}

/** Returns `html` telling the app which service worker to register, if any
 * (src/components/frame/update_notice.rs): a file of the app's folder, which
 * is then the worker's scope. */
export function nameServiceWorker(html, liveReload) {
  return addToHead(html, `<meta name="cruscotto-service-worker" content="${liveReload ? '' : 'sw.js'}" />`);
}

/** The page for unknown paths, which static hosts serve as 404.html (GitHub
 * Pages, GitLab Pages, Netlify, Cloudflare Pages; nginx and Apache when told
 * to): the finished index.html itself, whose first script finds the app's
 * folder from a deep link's address. */
export async function writeFallbackPage(dir, html) {
  await writeFile(join(dir, '404.html'), html);
}

/** Workbox's sw.js, precaching every file in `dir`; returns what it precaches. */
export async function writeServiceWorker(dir) {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*'],
    // 404.html is index.html again; offline, the worker answers pages itself.
    globIgnores: ['sw.js', '404.html'],
    swDest: join(dir, 'sw.js'),
    // One self-contained file: no workbox-*.js beside it, no importScripts.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // Workbox skips files over 2 MB by default; no wasm module may be skipped.
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    // The app asks for the XLSX module's files with ?v=<revision>: the
    // precached copy answers whatever the revision (Workbox's defaults, plus v).
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^v$/],
    // Trunk puts a content hash in these names: their URL is their revision.
    dontCacheBustURLsMatching: /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/,
    // Every page of the app is index.html; the router reads the address. The
    // URL is relative to sw.js, so the worker serves the app's own folder.
    navigateFallback: 'index.html',
    // Files (the manifest, icons) are not pages.
    navigateFallbackDenylist: [/\/[^/]+\.[^/]+$/],
    // The first worker takes the open page at once (so it works offline without a
    // reload); later versions wait until the user chooses to reload.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    // No runtimeCaching: nothing from another origin is ever fetched.
  });
  for (const warning of warnings) console.warn(`post-build: ${warning}`);
  if (warnings.length > 0) throw new BuildError('Workbox reported warnings (see above)');
  return { count, size };
}

/** Under `trunk serve`: a sw.js that retires any worker of a release build, so
 * that it never serves stale files in place of the live ones. */
export async function writeRetiringWorker(dir) {
  await writeFile(
    join(dir, 'sw.js'),
    `// Development build (trunk serve): retires any worker installed by a release build.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    self.registration
      .unregister()
      .then(() => self.clients.matchAll({ type: 'window' }))
      .then((clients) => Promise.all(clients.map((client) => client.navigate(client.url)))),
  );
});
`,
  );
}

async function main() {
  const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist');
  const indexPath = join(dir, 'index.html');
  let html = await readFile(indexPath, 'utf8');
  const liveReload = isLiveReload(html);
  if (!liveReload) html = await minifyLoaders(dir, html);
  html = completeCsp(html, liveReload);
  html = await nameXlsxRevision(dir, html);
  html = nameServiceWorker(html, liveReload);
  await writeFile(indexPath, html);
  if (!liveReload) await writeFallbackPage(dir, html);
  if (liveReload) {
    await writeRetiringWorker(dir);
    console.log('post-build: live reload on, no service worker; script-src allows inline scripts');
  } else {
    const { count, size } = await writeServiceWorker(dir);
    console.log(`post-build: sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB)`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    await main();
  } catch (error) {
    console.error(`post-build: ${error instanceof BuildError ? error.message : error?.stack ?? error}`);
    process.exit(1);
  }
}
