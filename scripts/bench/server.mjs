// The benchmarks' static server: like tests/e2e/support/server.mjs (same
// layout, MIME types and SPA fallback), plus what a production server does and
// the tests' server deliberately does not:
//
//   - gzip (level 6, nginx's and Apache's usual setting) for every compressible
//     file when the browser accepts it, compressed once at start so that
//     compressing never shows in the load timings;
//   - HTTP caching as a static host serves Trunk's output: the files whose
//     name carries Trunk's content hash (cruscotto-app-<hash>_bg.wasm, ...)
//     are immutable for a year, every other file must be revalidated
//     (no-cache) and has an ETag, answered with 304 when unchanged. So the
//     service worker's precache takes the app module the page has just
//     downloaded from the browser's HTTP cache instead of a second download,
//     as it would from any production server;
//   - a log of every response with the bytes actually sent, from which the
//     bytes of a first visit are summed (service-worker fetches included, which
//     the page's own network events do not all show);
//   - extra in-memory pages (the static-HTML floor of the load benchmark).

import { createServer } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

export const GZIP_LEVEL = 6;

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Trunk's content-hashed file names: their content never changes. */
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

/** Already compressed formats: gzip would only cost time. */
const INCOMPRESSIBLE = new Set(['.png', '.woff2', '.ico']);

export function gzipSize(buffer) {
  return gzipSync(buffer, { level: GZIP_LEVEL }).length;
}

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * Every file of `root` as `{ path, raw, gzip, body, gzipped }` keyed by URL path
 * ("/index.html"); `gzipped` is null for incompressible types.
 */
export async function loadFiles(root) {
  const files = new Map();
  for (const file of await walk(root)) {
    const body = await readFile(file);
    const ext = extname(file).toLowerCase();
    const gzipped = INCOMPRESSIBLE.has(ext) ? null : gzipSync(body, { level: GZIP_LEVEL });
    const url = '/' + relative(root, file).split(sep).join('/');
    files.set(url, {
      url,
      type: MIME_TYPES[ext] ?? 'application/octet-stream',
      body,
      gzipped,
      raw: body.length,
      gzip: gzipped ? gzipped.length : body.length,
      etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`,
    });
  }
  return files;
}

/**
 * Serves `root` (plus `extra`, a map of URL path → { type, body }) on a free
 * port. Returns `{ url, files, log, close }`; `log` is an array of
 * `{ url, bytes, gzip }` that the caller may empty between measurements.
 */
export async function startBenchServer(root, extra = new Map()) {
  const files = await loadFiles(root);
  for (const [url, { type, body }] of extra) {
    const gzipped = gzipSync(body, { level: GZIP_LEVEL });
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    files.set(url, { url, type, body, gzipped, raw: body.length, gzip: gzipped.length, etag });
  }
  const log = [];
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    let file = files.get(pathname) ?? files.get(pathname.replace(/\/?$/, '/index.html'));
    if (!file) {
      // Client-side routes get the app shell; missing assets a 404, as in the tests' server.
      const accept = req.headers.accept ?? '';
      if (accept.includes('text/html') || extname(pathname) === '') file = files.get('/index.html');
    }
    if (!file) {
      res.writeHead(404).end();
      log.push({ url: req.url, bytes: 0, status: 404 });
      return;
    }
    const caching = {
      'Cache-Control': HASHED.test(file.url) ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: file.etag,
    };
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, caching).end();
      log.push({ url: req.url, file: file.url, bytes: 0, status: 304 });
      return;
    }
    const gzip = file.gzipped && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? file.gzipped : file.body;
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': body.length,
      ...caching,
      ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ url: req.url, file: file.url, bytes: body.length, gzip: Boolean(gzip), status: 200 });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    files,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
