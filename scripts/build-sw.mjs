#!/usr/bin/env node
// Trunk post_build hook (Trunk.toml): finishes the built page for offline use.
//
//   0. Minifies the wasm-bindgen JS loaders (terser; Trunk's own minifier fails
//      on wasm-bindgen's output), and updates the integrity hashes index.html
//      gives them. The first module's loader is part of the first visit's
//      350 kB budget (issue #6): minified it is 2.4 kB smaller gzipped.
//   1. Content-Security-Policy: adds the sha256 of every inline script Trunk wrote
//      into index.html (the module script that loads the wasm) to the script-src
//      of the policy in index.html. The hash changes with every build, since the
//      script names the hashed file names, so it cannot be written by hand.
//   2. The first visit's overview, prerendered into index.html by running the
//      page just written in headless chromium (scripts/prerender.mjs).
//   3. Service worker: Workbox generates /sw.js, which precaches every file of the
//      build with a revision, and answers every page address (/area/ARUO ...) with
//      the cached index.html, so that the app opens offline after the first visit.
//      A maintained precache manifest rather than a hand-written cache list: a
//      file added to the build is cached without anyone remembering to.
//
// Under `trunk serve` (live reload on), Trunk injects its reload script, which the
// server rewrites on each response, so its hash is unknowable here: the dev page
// then gets 'unsafe-inline' for scripts, and instead of the real worker a sw.js
// that unregisters itself, so that a worker left by an earlier release build on
// the same address never serves stale files in place of the live ones.
//
// Runs on $TRUNK_STAGING_DIR (set by Trunk), or on the directory given as the
// first argument: `node scripts/build-sw.mjs dist`.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { minify } from 'terser';
import { generateSW } from 'workbox-build';

import { prerenderOverview } from './prerender.mjs';

const dir = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist');
const indexPath = join(dir, 'index.html');
let html = await readFile(indexPath, 'utf8');

const fail = (message) => {
  console.error(`build-sw: ${message}`);
  process.exit(1);
};

// Inline scripts: every <script> without a src attribute.
const inlineScripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)]
  .filter(([, attributes]) => !/\bsrc\s*=/i.test(attributes))
  .map(([, , body]) => body);
const liveReload = inlineScripts.some((body) => body.includes('.well-known/trunk/ws'));

// 0. The loaders: the JS file beside each wasm module, which wasm-bindgen wrote.
if (!liveReload) {
  const files = await readdir(dir);
  const loaders = files.filter((f) => f.endsWith('.js') && files.includes(f.replace(/\.js$/, '_bg.wasm')));
  if (loaders.length === 0) fail(`no wasm-bindgen loader in ${dir}`);
  for (const name of loaders) {
    const path = join(dir, name);
    const { code } = await minify(await readFile(path, 'utf8'), {
      module: true,
      compress: { passes: 2 },
      mangle: true,
      format: { comments: false },
    });
    if (!code) fail(`terser produced nothing for ${name}`);
    await writeFile(path, code);
    // Trunk's subresource integrity for this file (the modulepreload link) must
    // name the minified content, or the browser refuses it.
    const integrity = `sha384-${createHash('sha384').update(code, 'utf8').digest('base64')}`;
    html = html.replace(/<link\b[^>]*>/gi, (tag) =>
      tag.includes(`href="/${name}"`) ? tag.replace(/integrity="[^"]*"/i, `integrity="${integrity}"`) : tag,
    );
  }
}

// 1. The policy.
const cspPattern = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;
const csp = html.match(cspPattern);
if (!csp) fail(`no <meta http-equiv="Content-Security-Policy"> in ${indexPath}`);
const directives = csp[2].split(';').map((d) => d.trim()).filter(Boolean);
const scriptSrc = directives.findIndex((d) => d.startsWith('script-src '));
if (scriptSrc < 0) fail('the Content-Security-Policy has no script-src');
const extra = liveReload
  ? ["'unsafe-inline'"]
  : inlineScripts.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
directives[scriptSrc] = [directives[scriptSrc], ...extra].join(' ');
html = html.replace(cspPattern, (_, open, __, close) => `${open}${directives.join('; ')}${close}`);

// The app registers /sw.js only when the page says so (src/components/frame/update_notice.rs).
const swMeta = `<meta name="cruscotto-service-worker" content="${liveReload ? '' : '/sw.js'}" />`;
// The full app's module has fixed file names (Trunk's worker type), so the first
// module asks for them with this build's revision (src/modules.rs): an HTTP
// cache can then never pair a new loader with an old wasm, or the reverse.
const fullRevision = createHash('sha256')
  .update(await readFile(join(dir, 'cruscotto-full.js')))
  .update(await readFile(join(dir, 'cruscotto-full_bg.wasm')))
  .digest('hex')
  .slice(0, 16);
const fullMeta = `<meta name="cruscotto-full-revision" content="${fullRevision}" />`;
if (!html.includes('</head>')) fail(`no </head> in ${indexPath}`);
html = html.replace('</head>', `${swMeta}${fullMeta}</head>`);
await writeFile(indexPath, html);

// 2. The first visit's overview, prerendered from the page just written
// (scripts/prerender.mjs); not under `trunk serve`, whose page changes at every
// rebuild. The markup holds no script, so the policy above stays whole.
if (!liveReload) {
  let markup;
  try {
    markup = await prerenderOverview(dir);
  } catch (error) {
    fail(`could not prerender the overview (chromium is installed by scripts/setup.sh): ${error?.message ?? error}`);
  }
  const body = html.match(/<body\b[^>]*>/i);
  if (!body) fail(`no <body> in ${indexPath}`);
  html = html.replace(body[0], `${body[0]}${markup}`);
  await writeFile(indexPath, html);
  console.log(`build-sw: prerendered the first visit's overview (${(markup.length / 1000).toFixed(1)} kB of HTML)`);
}

// 3. The service worker.
if (liveReload) {
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
  console.log('build-sw: live reload on, no service worker; script-src allows inline scripts');
} else {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*'],
    globIgnores: ['sw.js'],
    swDest: join(dir, 'sw.js'),
    // One self-contained file: no workbox-*.js beside it, no importScripts.
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    // The wasm module is a few megabytes; Workbox skips files over 2 MB by default.
    maximumFileSizeToCacheInBytes: 20 * 1024 * 1024,
    // The first module asks for the full app's files with ?v=<revision>: the
    // precached copy answers whatever the revision (Workbox's defaults, plus v).
    ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^v$/],
    // Trunk puts a content hash in these names: their URL is their revision.
    dontCacheBustURLsMatching: /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/,
    // Every page of the app is index.html; the router reads the address.
    navigateFallback: '/index.html',
    // Files (the manifest, icons) are not pages.
    navigateFallbackDenylist: [/\/[^/]+\.[^/]+$/],
    // The first worker takes the open page at once (so it works offline without a
    // reload); later versions wait until the user chooses to reload.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
    // No runtimeCaching: nothing from another origin is ever fetched.
  });
  for (const warning of warnings) console.warn(`build-sw: ${warning}`);
  if (warnings.length > 0) fail('Workbox reported warnings (see above)');
  console.log(`build-sw: sw.js precaches ${count} files (${(size / 1024).toFixed(0)} KiB)`);
}
