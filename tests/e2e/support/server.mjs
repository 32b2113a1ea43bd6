// A tiny static server for the built app (dist/), started by the tests themselves.
//
// Why not `trunk serve`: the tests must run against the one release build that
// scripts/test.sh made, without rebuilding, on a free port so that several test
// files (and a developer's `scripts/run.sh` on 8080) never collide.
//
// By default it serves dist/ at the root and answers every unknown page with
// index.html, as a server set up for a single-page app does. It can also serve
// dist/ in a folder (`base: '/cruscotto/'`, as on a project page of a static
// host) and behave like a plain static host (`fallback: '404'`): no rewrite,
// an unknown path gets the folder's 404.html with status 404 (docs/hosting.md).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, two levels above tests/e2e/support. */
export const REPO_ROOT = resolve(fileURLToPath(new URL('../../../', import.meta.url)));

/** Where `trunk build --release` writes the app; CRUSCOTTO_DIST overrides it. */
export const DIST_DIR = resolve(process.env.CRUSCOTTO_DIST ?? join(REPO_ROOT, 'dist'));

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  // Browsers compile wasm in streaming mode only when served with this exact type.
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Whether a missing path should get index.html (a client-side route, like
 * /aree/AAF) rather than a 404 (a missing asset, like /app_bg.wasm). Asset
 * requests fail loudly so that a broken build is not masked by HTML.
 */
function wantsAppShell(req, pathname) {
  const accept = req.headers.accept ?? '';
  return accept.includes('text/html') || extname(pathname) === '';
}

/**
 * Serves `root` on 127.0.0.1 at a free port chosen by the OS, at the path
 * `base` (a folder: starts and ends with `/`). `fallback` says what an unknown
 * path under `base` gets: `'app'`, index.html (a rewrite for single-page apps);
 * `'404'`, 404.html with status 404, as plain static hosts answer. Outside
 * `base` there is only the host's own home page (`/`, another site), and `base`
 * without its last `/` is redirected to it.
 * Returns `{ url, close }`; `url` has no trailing slash and no base.
 */
export async function startStaticServer(root = DIST_DIR, { base = '/', fallback = 'app' } = {}) {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must be a folder: ${base}`);
  const index = join(root, 'index.html');
  if (!(await isFile(index))) {
    throw new Error(
      `${index} not found: build the app first with \`trunk build --release\` ` +
        '(scripts/test.sh does it before the end-to-end tests)',
    );
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const requested = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (base !== '/' && requested === base.slice(0, -1)) {
        res.writeHead(301, { Location: base }).end();
        return;
      }
      if (!requested.startsWith(base)) {
        // The host's own home page (another site), and nothing else outside base.
        if (requested === '/' || requested === '/index.html') {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end('<!doctype html><title>Host</title><p>Another site.</p>');
        } else {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        }
        return;
      }
      const pathname = decodeURIComponent(requested.slice(base.length - 1));
      // Resolve inside root only: `..` segments never escape it.
      let file = normalize(join(root, pathname));
      let status = 200;
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403).end();
        return;
      }
      if (!(await isFile(file))) {
        if (await isFile(join(file, 'index.html'))) {
          file = join(file, 'index.html');
        } else if (fallback === 'app' && wantsAppShell(req, pathname)) {
          file = index;
        } else if (fallback === '404' && (await isFile(join(root, '404.html')))) {
          file = join(root, '404.html');
          status = 404;
        } else {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
          return;
        }
      }
      const body = await readFile(file);
      res.writeHead(status, {
        'Content-Type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String(error));
    }
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolvePromise);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => resolvePromise());
      }),
  };
}
