// Any path of any static host (issue #16): the one release build, served in a
// folder (/cruscotto/, as on a project page of a static host or a university
// web server) by a plain static host — no rewrite: an unknown path gets the
// build's 404.html with status 404 — works as it does at the root. A first
// visit loads every file from the folder; every screen reached by links stays
// in it; deep links open (and reload) on a first visit, and a file that does
// not load is said on the page; the service worker
// registers with the folder as its scope and then answers reloads and deep
// links offline; a new version is offered as at the root. The last test serves
// the same build at the root of a plain static host, and in a folder named
// like a screen (/report/): deep links through 404.html there too. The other test files serve dist/ at the root with a
// rewrite to index.html, as a server set up for single-page apps does.
//
// This file serves a private copy of the build, because one test publishes a
// "new version" by changing its sw.js.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';

import { DEFAULT, LOAD } from './support/app.mjs';
import { useApp } from './support/browser.mjs';
import { DIST_DIR } from './support/server.mjs';

const copy = await mkdtemp(join(tmpdir(), 'cruscotto-subpath-'));
await cp(DIST_DIR, copy, { recursive: true });
after(() => rm(copy, { recursive: true, force: true }));
const swPath = join(copy, 'sw.js');
const originalSw = await readFile(swPath, 'utf8');

const BASE = '/cruscotto/';
const app = useApp({ base: BASE, fallback: '404', root: copy });
const atRoot = useApp({ fallback: '404', root: copy });
const inReport = useApp({ base: '/report/', fallback: '404', root: copy });
const FIRST_VISIT = { context: { serviceWorkers: 'block' } };
const ROWS = '#area-scores tbody tr[data-area]';
const OBJECTIVE = DEFAULT.plan.objectives.find((o) => o.assignments.some((a) => a.area === 'ARUO')).id;

/** Every file the page fetched, as paths. */
const fetchedPaths = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));

/** Every link of the page that names a path of this origin. */
const localLinks = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .map((a) => a.getAttribute('href'))
      .filter((href) => href.startsWith('/')),
  );

const pathOf = (page) => new URL(page.url()).pathname;

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

async function expectText(page, selector, expected) {
  await page
    .waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent.trim() === want, [selector, expected], {
      timeout: 5_000,
    })
    .catch(() => {});
  assert.equal((await page.locator(selector).textContent())?.trim(), expected, selector);
}

app.test('a first visit in the folder loads every file from it, the styles too', FIRST_VISIT, async ({ page }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  assert.equal(pathOf(page), BASE);
  const paths = await fetchedPaths(page);
  assert.ok(paths.some((p) => /^\/cruscotto\/cruscotto-app-[0-9a-f]+_bg\.wasm$/.test(p)), paths.join(', '));
  assert.deepEqual(paths.filter((p) => !p.startsWith(BASE)), [], 'every file from the folder');
  // Styled: the header is the design system's blue, not the browser's default.
  const header = await page.locator('header.app-header').evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.equal(header, 'rgb(0, 102, 204)');
  const state = await page.evaluate(() => ({
    base: document.documentElement.dataset.base,
    baseElements: document.querySelectorAll('base').length,
    icon: document.querySelector('link[rel="icon"]').href,
    manifest: document.querySelector('link[rel="manifest"]').href,
  }));
  const origin = new URL(page.url()).origin;
  assert.deepEqual(state, {
    base: BASE,
    // Gone once the head is read: href="#main" means this page, not the folder.
    baseElements: 0,
    icon: `${origin}${BASE}public/favicon.svg`,
    manifest: `${origin}${BASE}public/manifest.webmanifest`,
  });
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), state.manifest);
  assert.equal(new URL(manifest.start_url, state.manifest).href, `${origin}${BASE}`);
  assert.equal(new URL(manifest.scope, state.manifest).href, `${origin}${BASE}`);
  for (const { src } of manifest.icons) {
    const res = await page.evaluate(async (url) => (await fetch(url)).status, new URL(src, state.manifest).href);
    assert.equal(res, 200, src);
  }
});

app.test('every screen reached by links stays in the folder, in one page, and the XLSX module loads from it', FIRST_VISIT, async ({ page }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  await page.evaluate(() => { window.__samePage = true; });
  const inFolder = async (what) => {
    assert.ok(pathOf(page).startsWith(BASE), `${what}: ${page.url()}`);
    const outside = (await localLinks(page)).filter((href) => !href.startsWith(BASE));
    assert.deepEqual(outside, [], `${what}: links outside ${BASE}`);
  };
  await inFolder('overview');

  await page.click(`${ROWS} a[href="${BASE}area/ARUO"]`);
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  await inFolder('area');
  await page.click(`a[href="${BASE}objective/${OBJECTIVE}?area=ARUO"]`);
  await page.locator('#objective-title').waitFor(LOAD);
  await inFolder('objective');
  for (const [href, ready] of [
    [`${BASE}editor`, '#f-plan-title'],
    [`${BASE}transfer`, '#import-file'],
    [`${BASE}compare`, 'main h1'],
    [`${BASE}settings`, 'main h1'],
    [BASE, ROWS],
  ]) {
    await page.click(`header nav a[href="${href}"]`);
    await page.locator(ready).first().waitFor(LOAD);
    assert.equal(pathOf(page), href);
    await inFolder(href);
  }
  await page.click('.report-link a');
  await page.locator('.report-area').first().waitFor(LOAD);
  assert.equal(pathOf(page), `${BASE}report`);
  await inFolder('report');

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-xlsx')]);
  const bytes = await readFile(await download.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a zip archive');
  const paths = await fetchedPaths(page);
  assert.ok(paths.includes(`${BASE}cruscotto-xlsx_bg.wasm`), paths.join(', '));
  assert.deepEqual(paths.filter((p) => !p.startsWith(BASE)), [], 'every file from the folder');

  // The skip link still leads to this page's content, not to the folder.
  await page.locator('.skip-link').focus();
  await page.keyboard.press('Enter');
  assert.equal(pathOf(page), `${BASE}report`);
  assert.ok(await page.evaluate(() => window.__samePage === true), 'no page load between screens');
});

/** The app's own "page not found". */
const NOT_FOUND = 'main h1:text-is("Pagina non trovata")';

const DEEP_LINKS = [
  ['area/ARUO', '#area-score-ARUO'],
  [`objective/${OBJECTIVE}?area=ARUO`, '#objective-title'],
  ['editor', '#f-plan-title'],
  ['transfer', '#import-file'],
  ['compare', 'main h1'],
  ['settings', 'main h1'],
  ['report', '.report-area'],
  ['report/ARUO', '.report-area'],
  // No screen: the app's own "page not found", with a way back into the folder.
  ['editor-non-esiste', NOT_FOUND],
  ['una/rotta/che/non/esiste', NOT_FOUND],
];

app.test('deep links open on a first visit through 404.html, and reload', FIRST_VISIT, async ({ page }) => {
  for (const [path, ready] of DEEP_LINKS) {
    const response = await page.goto(path);
    assert.equal(response.status(), 404, `${path}: answered by 404.html, as a plain static host does`);
    await page.locator(ready).first().waitFor(LOAD);
    assert.equal(pathOf(page) + new URL(page.url()).search, `${BASE}${path}`);
    await page.reload();
    await page.locator(ready).first().waitFor(LOAD);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.base), BASE, path);
    // An address that is no screen, at a depth the page cannot know, asks the
    // server for the index.html of each folder from the top until one is the
    // app's: here the host's own home page first.
    const outside = (await fetchedPaths(page)).filter((p) => !p.startsWith(BASE));
    assert.deepEqual(outside, ready === NOT_FOUND ? ['/index.html'] : [], `${path}: files from outside the folder`);
  }
  assert.equal(await page.locator(`main a[href="${BASE}"]`).count(), 1, 'not found: a link back to the overview');
});

app.test('the service worker registers with the folder as its scope, and answers reloads and deep links offline', async ({ page }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  await waitForServiceWorker(page);
  const origin = new URL(page.url()).origin;
  const { scope, script } = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { scope: registration.scope, script: navigator.serviceWorker.controller.scriptURL };
  });
  assert.equal(scope, `${origin}${BASE}`);
  assert.equal(script, `${origin}${BASE}sw.js`);

  await page.context().setOffline(true);
  await page.reload();
  await page.locator(ROWS).first().waitFor(LOAD);
  await page.goto('area/ARUO');
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  await expectText(page, '#area-score-ARUO', '—');
  // Record a value offline: 4,2 is the target of the teachers' satisfaction → 3.
  await page.goto('objective/soddisfazione-docenti');
  await page.locator('#objective-title').waitFor(LOAD);
  await page.locator('#value-soddisfazione-docenti-i1--ARUO').pressSequentially('4,2');
  await expectText(page, '#indicator-level-soddisfazione-docenti-i1--ARUO', '3,00 · target');
  await page.reload();
  await page.locator('#objective-title').waitFor(LOAD);
  await page.goto('area/ARUO');
  await expectText(page, '#area-score-ARUO', '3,00');
  await page.goto('una/rotta/che/non/esiste');
  await page.locator(NOT_FOUND).waitFor(LOAD);
  assert.equal(await page.locator(`main a[href="${BASE}"]`).count(), 1);
  await page.goto('report/ARUO');
  await page.locator('.report-area').first().waitFor(LOAD);
  await page.context().setOffline(false);
});

app.test('a new version waits for the user, and reloading into it stays in the folder', async ({ t, page }) => {
  t.after(() => writeFile(swPath, originalSw));
  await page.locator(ROWS).first().waitFor(LOAD);
  await waitForServiceWorker(page);
  await page.goto('area/ARUO');
  await page.locator('#area-score-ARUO').waitFor(LOAD);

  await writeFile(swPath, `${originalSw}\n// a new version\n`);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const notice = page.locator('.update-notice');
  await notice.waitFor(LOAD);
  assert.match(await notice.innerText(), /Una nuova versione di Cruscotto è disponibile/);
  await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Ricarica' }).click()]);
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  assert.equal(pathOf(page), `${BASE}area/ARUO`);
  assert.equal(await notice.count(), 0, 'no notice once the new version runs');
  const { scope, waiting } = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return { scope: registration.scope, waiting: registration.waiting !== null };
  });
  assert.equal(scope, `${new URL(page.url()).origin}${BASE}`);
  assert.equal(waiting, false, 'the new worker is active, none waiting');
});

test('a file of the app that does not load is said on the page, with the folder to open', async (t) => {
  const { page, context } = await app.open(t, 'area/ARUO', FIRST_VISIT.context);
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  assert.equal(await page.locator('#load-failed').count(), 0, 'no message when every file loads');
  // The wasm missing on the host (console errors expected: not asserted clean).
  await context.route(/_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.reload();
  const alert = page.locator('#load-failed');
  await alert.waitFor(LOAD);
  assert.equal(await alert.getAttribute('role'), 'alert');
  assert.match(await alert.innerText(), /Cruscotto non riesce a caricare i suoi file/);
  assert.equal(await alert.locator('a').getAttribute('href'), BASE);
});

atRoot.test('at the root of a plain static host, deep links open through 404.html too', FIRST_VISIT, async ({ page }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  for (const [path, ready] of DEEP_LINKS) {
    const response = await page.goto(`/${path}`);
    assert.equal(response.status(), 404, path);
    await page.locator(ready).first().waitFor(LOAD);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.base), '/', path);
  }
  assert.equal(await page.locator('main a[href="/"]').count(), 1, 'not found: a link back to the overview');
});

inReport.test('in a folder named like a screen (/report/), deep links open through 404.html too', FIRST_VISIT, async ({ page }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  // Not /report/editor-non-esiste: that address is also the report of an area
  // "editor-non-esiste" of an app at the root, and reads so (docs/hosting.md).
  for (const [path, ready] of DEEP_LINKS.filter(([p]) => p !== 'editor-non-esiste')) {
    const response = await page.goto(path);
    assert.equal(response.status(), 404, path);
    await page.locator(ready).first().waitFor(LOAD);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.base), '/report/', path);
  }
});
