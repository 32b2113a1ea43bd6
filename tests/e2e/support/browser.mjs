// Playwright helpers for the end-to-end tests.
//
// One headless Debian chromium and one static server per test file (launched in
// `before`), a fresh browser context per test, and three checks after every test:
// no console errors, no uncaught page errors, no request to another origin
// (Cruscotto is offline by design: a plan never leaves the browser).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';

import { startStaticServer } from './server.mjs';

/**
 * Debian's chromium: `npx playwright install` downloads browsers from a CDN that
 * this project's machines cannot reach, so the system browser is used instead.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  // CI runs as root, where chromium's sandbox cannot start.
  '--no-sandbox',
  '--disable-gpu',
  // No update checks, sync or other traffic of the browser itself.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Launches chromium. A non-persistent launch gets a fresh temporary profile. */
export function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** URLs that never reach a network: they cannot leak data and are not checked. */
function isLocalScheme(url) {
  return /^(data|blob|about|chrome|chrome-error|devtools):/.test(url);
}

/**
 * Starts the server and the browser for the current test file and returns
 * `{ test, open, baseURL }`:
 *
 *   const app = useApp();
 *   app.test('shows the plan', async ({ page }) => { ... });
 *
 * `app.test` opens `path` (default "./", the app's first page) in a new context,
 * runs the body, closes the context, then fails the test on any console error,
 * page error or request to another origin. `app.open(t, path)` does the opening
 * only, for tests that need several pages; call `session.assertClean()` yourself
 * then.
 *
 * `useApp({ base: '/cruscotto/', fallback: '404', root })` serves the build
 * (`root`, default dist/) in a folder, as a plain static host would
 * (support/server.mjs); the pages' baseURL is then that folder, so tests name
 * screens relative to it (`area/ARUO`).
 */
export function useApp({ base = '/', fallback = 'app', root } = {}) {
  let server;
  let browser;

  before(async () => {
    server = await startStaticServer(root, { base, fallback });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(t, path = './', contextOptions = {}) {
    const baseURL = base === '/' ? server.url : `${server.url}${base}`;
    const context = await browser.newContext({
      baseURL,
      locale: 'it-IT',
      timezoneId: 'Europe/Rome',
      ...contextOptions,
    });
    const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
    const origin = new URL(baseURL).origin;
    const isForeign = (url) => !isLocalScheme(url) && new URL(url).origin !== origin;

    // Block and record: the request never leaves the machine, and the test fails.
    await context.route(
      (url) => isForeign(url.href),
      (route) => {
        problems.foreignRequests.push(route.request().url());
        return route.abort('blockedbyclient');
      },
    );
    // Web sockets and anything routing does not see.
    context.on('request', (request) => {
      const url = request.url();
      if (isForeign(url) && !problems.foreignRequests.includes(url)) {
        problems.foreignRequests.push(url);
      }
    });

    const page = await context.newPage();
    page.on('websocket', (ws) => {
      if (isForeign(ws.url().replace(/^ws/, 'http'))) problems.foreignRequests.push(ws.url());
    });
    // On a plain static host (fallback '404') a deep link is answered by
    // 404.html with status 404, which chromium logs as a console error of
    // the page itself: expected there, and only there.
    const fallbackPages = new Set();
    if (fallback === '404') {
      page.on('response', (response) => {
        if (response.status() === 404 && response.request().isNavigationRequest()) fallbackPages.add(response.url());
      });
    }
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const { url, lineNumber } = message.location();
        if (fallbackPages.has(url) && message.text().includes('status of 404')) return;
        problems.consoleErrors.push(`${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
      }
    });
    page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? String(error)));

    t?.after?.(() => context.close().catch(() => {}));
    await page.goto(path);

    return {
      page,
      context,
      baseURL,
      problems,
      assertClean() {
        // Most specific first: a blocked foreign request also logs a console error.
        assert.deepEqual(problems.foreignRequests, [], 'requests to another origin');
        assert.deepEqual(problems.pageErrors, [], 'uncaught page errors');
        assert.deepEqual(problems.consoleErrors, [], 'console errors');
      },
    };
  }

  function appTest(name, options, body) {
    if (typeof options === 'function') {
      body = options;
      options = {};
    }
    const { path = './', context: contextOptions, ...testOptions } = options;
    return test(name, testOptions, async (t) => {
      const session = await open(t, path, contextOptions);
      try {
        await body({ t, page: session.page, session });
      } finally {
        for (const [kind, list] of Object.entries(session.problems)) {
          if (list.length > 0) t.diagnostic(`${kind}: ${list.join(' | ')}`);
        }
        await session.context.close();
      }
      session.assertClean();
    });
  }

  return {
    test: appTest,
    open,
    /** The app's address: the server's, with the base when not `/`. */
    get baseURL() {
      return base === '/' ? server.url : `${server.url}${base}`;
    },
  };
}
