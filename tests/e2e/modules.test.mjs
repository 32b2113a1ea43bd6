// One wasm module serves every screen (src/main.rs); the XLSX writer is a
// module of its own (src/bin/cruscotto-xlsx.rs), loaded the first time a
// report is downloaded as a workbook (src/xlsx_module.rs). These tests pin
// that a first visit loads the app module alone, that every screen opens from
// it without another page load, that deep links start the same module, and
// that the first XLSX export loads the XLSX module once, asked for with the
// build's revision. Offline use of both is in offline.test.mjs.
//
// They block service workers in their browser context, so that every file
// counted here is one the page itself fetched (not the precache).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { DEFAULT, LOAD, snapshotWith } from './support/app.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();
const FIRST_VISIT = { context: { serviceWorkers: 'block' } };

/** The wasm files the page itself fetched, as paths. */
async function wasmLoaded(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.wasm')),
  );
}

const APP = /^\/cruscotto-app-[0-9a-f]+_bg\.wasm$/;
const XLSX = '/cruscotto-xlsx_bg.wasm';
const ROWS = '#area-scores tbody tr[data-area]';

/** Marks the page; `stillSamePage` is true as long as no page load happened since. */
const markPage = (page) => page.evaluate(() => { window.__samePage = true; });
const stillSamePage = (page) => page.evaluate(() => window.__samePage === true);

app.test('a first visit loads the app module alone, and every screen opens from it without a page load', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  const wasm = await wasmLoaded(page);
  assert.equal(wasm.length, 1, `one wasm file, got ${wasm.join(', ')}`);
  assert.match(wasm[0], APP);
  await markPage(page);

  await page.click(`${ROWS} a[href="/area/ARUO"]`);
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  const objective = DEFAULT.plan.objectives.find((o) => o.assignments.some((a) => a.area === 'ARUO'));
  await page.click(`a[href="/objective/${objective.id}?area=ARUO"]`);
  await page.locator('#objective-title').waitFor(LOAD);
  for (const [href, ready] of [
    ['/editor', '#f-plan-title'],
    ['/transfer', '#import-file'],
    ['/compare', 'main h1'],
    ['/settings', 'main h1'],
    ['/', ROWS],
  ]) {
    await page.click(`header nav a[href="${href}"]`);
    await page.locator(ready).first().waitFor(LOAD);
    assert.equal(new URL(page.url()).pathname, href);
  }
  await page.click('.report-link a');
  await page.locator('.report-area').first().waitFor(LOAD);

  assert.ok(await stillSamePage(page), 'no page load between screens');
  assert.deepEqual(await wasmLoaded(page), wasm, 'no other module loaded');
  await page.goBack();
  await page.locator(ROWS).first().waitFor(LOAD);
  assert.ok(await stillSamePage(page), 'Back stays in the page too');
  session.assertClean();
});

for (const path of ['/area/ARUO', `/objective/${DEFAULT.plan.objectives[0].id}`, '/settings', '/editor', '/report/ARUO', '/editor-non-esiste']) {
  app.test(`${path} opened directly starts the one app module`, { path, ...FIRST_VISIT }, async ({ page, session }) => {
    await page.locator('main h1').waitFor(LOAD);
    const wasm = await wasmLoaded(page);
    assert.equal(wasm.length, 1, `one wasm file, got ${wasm.join(', ')}`);
    assert.match(wasm[0], APP);
    assert.equal(new URL(page.url()).pathname, path);
    session.assertClean();
  });
}

app.test('stored data of an older version is migrated on a first load', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  const id = DEFAULT.plan.objectives[0].indicators[0].id;
  await page.evaluate((t) => localStorage.setItem('cruscotto.state', t), snapshotWith({ [id]: { level: 3 } }, (s) => ({ ...s, version: 1 })));
  await page.goto('/');
  await page.locator(ROWS).first().waitFor(LOAD);
  assert.equal(await page.locator('#recovery-title').count(), 0, 'no recovery: the data was migrated');
  session.assertClean();
});

app.test('unreadable stored data opens the recovery screen, and is set aside', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  await page.evaluate(() => localStorage.setItem('cruscotto.state', '{"format": '));
  await page.goto('/');
  await page.locator('#recovery-title').waitFor(LOAD);
  // Set aside under a key of its own, with when it was found (issue #16).
  const setAside = await page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('cruscotto.unreadable.'))
    .map((k) => JSON.parse(localStorage.getItem(k))));
  assert.deepEqual(setAside.map(({ kind, raw }) => ({ kind, raw })), [{ kind: 'state', raw: '{"format": ' }]);
  session.assertClean();
});

app.test('the first XLSX export loads the XLSX module, asked for with the build revision, and only once', { path: '/report', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator('.report-area').first().waitFor(LOAD);
  assert.ok(!(await wasmLoaded(page)).includes(XLSX), 'not loaded before it is needed');
  await markPage(page);

  for (let i = 0; i < 2; i += 1) {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-xlsx')]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const bytes = await readFile(await download.path());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a zip archive');
  }
  const revision = await page.locator('meta[name="cruscotto-xlsx-revision"]').getAttribute('content');
  assert.match(revision, /^[0-9a-f]{16}$/);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  for (const file of ['/cruscotto-xlsx.js', XLSX]) {
    const hits = fetched.filter((url) => new URL(url).pathname === file);
    assert.equal(hits.length, 1, `${file} fetched once: ${hits.join(', ')}`);
    assert.ok(hits[0].endsWith(`${file}?v=${revision}`), `${hits[0]} carries ?v=${revision}`);
  }
  assert.ok(await stillSamePage(page), 'no page load');
  session.assertClean();
});
