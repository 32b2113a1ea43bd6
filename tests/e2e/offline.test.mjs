// Offline use: after one visit online, the service worker that Workbox generated
// at build time serves the whole app, deep links included, with the network cut;
// what the manager records offline stays. A new version waits until the user
// chooses to reload, and reloading keeps the data. The app is installable.
//
// This file serves a private copy of the build, because one test publishes a
// "new version" by changing its sw.js.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const builtDist = resolve(process.env.CRUSCOTTO_DIST ?? join(repoRoot, 'dist'));
const copy = await mkdtemp(join(tmpdir(), 'cruscotto-offline-'));
await cp(builtDist, copy, { recursive: true });
process.env.CRUSCOTTO_DIST = copy;
after(() => rm(copy, { recursive: true, force: true }));

const { useApp } = await import('./support/browser.mjs');

const app = useApp();
const LOAD = { timeout: 20_000 };
const swPath = join(copy, 'sw.js');
const originalSw = await readFile(swPath, 'utf8');

/** Waits until a service worker is active and controls the page. */
async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) =>
        navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }),
      );
    }
  });
}

async function expectValue(page, selector, expected) {
  await page
    .waitForFunction(([sel, want]) => document.querySelector(sel)?.value === want, [selector, expected], {
      timeout: 5_000,
    })
    .catch(() => {});
  assert.equal(await page.locator(selector).inputValue(), expected, selector);
}

async function expectText(page, selector, expected) {
  await page
    .waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent.trim() === want, [selector, expected], {
      timeout: 5_000,
    })
    .catch(() => {});
  assert.equal((await page.locator(selector).textContent())?.trim(), expected, selector);
}

app.test('once installed, every screen and the first XLSX export work offline, from the precache', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  await waitForServiceWorker(page);
  await page.context().setOffline(true);

  // The server is unreachable: the app module and the XLSX module (asked for
  // with ?v=<revision>, never loaded before) come from the precache.
  await page.click('header nav a[href="/transfer"]');
  await page.locator('#import-file').waitFor(LOAD);
  await page.goto('/editor');
  await page.locator('#f-plan-title').waitFor(LOAD);
  await page.goto('/report');
  await page.locator('.report-area').first().waitFor(LOAD);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-xlsx')]);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a zip archive');
  assert.equal(await page.locator('.report-actions .alert-danger').count(), 0, 'no export error');
  await page.context().setOffline(false);
});

app.test('after one visit the app opens offline, on deep links too, and keeps what is recorded', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  await waitForServiceWorker(page);
  await page.context().setOffline(true);

  // The reload and the deep links are answered by the worker: the server is unreachable.
  await page.reload();
  await page.locator('#area-scores').waitFor(LOAD);
  await page.goto('/area/ARUO');
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  await expectText(page, '#area-score-ARUO', '—');

  // Record a value offline: 4,2 is the target of the teachers' satisfaction → 3.
  await page.goto('/objective/soddisfazione-docenti');
  await page.locator('#objective-title').waitFor(LOAD);
  await page.locator('#value-soddisfazione-docenti-i1--ARUO').pressSequentially('4,2');
  await expectText(page, '#indicator-level-soddisfazione-docenti-i1--ARUO', '3,00 · target');

  await page.reload();
  await page.locator('#objective-title').waitFor(LOAD);
  await expectValue(page, '#value-soddisfazione-docenti-i1--ARUO', '4,2');
  await page.goto('/area/ARUO');
  await expectText(page, '#area-score-ARUO', '3,00');
  await page.context().setOffline(false);
});

app.test('a new version waits for the user, and reloading into it keeps the data', async ({ t, page }) => {
  t.after(() => writeFile(swPath, originalSw));
  await page.locator('#area-scores').waitFor(LOAD);
  await waitForServiceWorker(page);
  await page.goto('/objective/soddisfazione-docenti');
  await page.locator('#value-soddisfazione-docenti-i1--ARUO').pressSequentially('4,2');
  await expectText(page, '#indicator-level-soddisfazione-docenti-i1--ARUO', '3,00 · target');

  // Publish a "new version": any byte change of sw.js makes the browser install it.
  await writeFile(swPath, `${originalSw}\n// a new version\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = page.locator('.update-notice');
  await notice.waitFor(LOAD);
  assert.match(await notice.innerText(), /Una nuova versione di Cruscotto è disponibile/);
  assert.match(await notice.innerText(), /non cancella nulla/);
  assert.equal(await notice.getAttribute('role'), 'status');

  const scriptBefore = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Ricarica' }).click()]);
  await page.locator('#objective-title').waitFor(LOAD);
  await expectValue(page, '#value-soddisfazione-docenti-i1--ARUO', '4,2');
  assert.equal(await notice.count(), 0, 'no notice once the new version runs');
  const { scriptURL, waiting } = await page.evaluate(async () => ({
    scriptURL: navigator.serviceWorker.controller?.scriptURL,
    waiting: (await navigator.serviceWorker.getRegistration()).waiting !== null,
  }));
  assert.equal(scriptURL, scriptBefore, 'same script URL, new contents');
  assert.equal(waiting, false, 'the new worker is active, none waiting');
});

app.test('is installable: a complete manifest, and chromium finds no installability error', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
  assert.equal(manifest.name, 'Cruscotto — Obiettivi di performance');
  assert.equal(manifest.short_name, 'Cruscotto');
  assert.equal(manifest.lang, 'it');
  // Relative to the manifest (public/): the folder the app is served from.
  assert.equal(manifest.start_url, '../');
  assert.equal(new URL(manifest.start_url, manifestUrl).pathname, '/');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#0066CC');
  const sizes = await page.evaluate(
    async ([icons, base]) =>
      Promise.all(
        icons.map(async ({ src, type }) => {
          // Relative to the manifest, as the browser reads them.
          const res = await fetch(new URL(src, base));
          if (!res.ok) return `${src}: ${res.status}`;
          if (type !== 'image/png') return `${type}`;
          const bitmap = await createImageBitmap(await res.blob());
          return `${bitmap.width}x${bitmap.height}`;
        }),
      ),
    [manifest.icons, manifestUrl],
  );
  assert.deepEqual(sizes, ['image/svg+xml', '192x192', '512x512']);

  await waitForServiceWorker(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Every test context is incognito, where chromium never offers to install;
  // every other check (manifest, icons, service worker, start URL) must pass.
  assert.deepEqual(
    installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'),
    [],
  );
});
