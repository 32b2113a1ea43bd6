// The app ships as two wasm modules (src/modules.rs). The first holds what a
// first visit shows, the overview, and reads only stored data of the current
// version; the full app (every screen) serves every other address, any older
// or unreadable data, and every visit once the service worker has cached the
// app. These tests pin which module each case starts, that the hand-over
// between them loses nothing, and that the full app is asked for with the
// build's revision.
//
// "First visit" tests block service workers in their browser context: the
// worker would otherwise take control a moment after the first load, and every
// later load would start the full app (which one test here pins too).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { DEFAULT, LOAD, fillLocalStorage, overviewScores, snapshotWith } from './support/app.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();
const FIRST_VISIT = { context: { serviceWorkers: 'block' } };

/** The wasm files the page itself fetched (not the service worker's precache). */
async function wasmLoaded(page) {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.endsWith('.wasm')),
  );
}

const FIRST = /^\/cruscotto-app-[0-9a-f]+_bg\.wasm$/;
const FULL = '/cruscotto-full_bg.wasm';
const ROWS = '#area-scores tbody tr[data-area]';

/** Stores `text` as the working state and opens the overview again. */
async function reopenWithStored(page, text) {
  await page.evaluate((t) => localStorage.setItem('cruscotto.state', t), text);
  await page.goto('/');
}

app.test('a first visit to the overview loads only the first module', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  const wasm = await wasmLoaded(page);
  assert.equal(wasm.length, 1, `one wasm file, got ${wasm.join(', ')}`);
  assert.match(wasm[0], FIRST);
  session.assertClean();
});

for (const path of ['/area/ARUO', `/objective/${DEFAULT.plan.objectives[0].id}`, '/settings', '/editor-non-esiste']) {
  app.test(`${path} opened directly starts the full app`, { path, ...FIRST_VISIT }, async ({ page, session }) => {
    await page.locator('main h1').waitFor(LOAD);
    assert.ok((await wasmLoaded(page)).includes(FULL));
    assert.equal(new URL(page.url()).pathname, path);
    session.assertClean();
  });
}

app.test('the editor opened directly starts the full app, asked for with the build revision', { path: '/editor' }, async ({ page, session }) => {
  await page.locator('#f-plan-title').waitFor(LOAD);
  assert.ok((await wasmLoaded(page)).includes(FULL));
  // Fixed file names: the revision in the page keeps loader and wasm of one build.
  const revision = await page.locator('meta[name="cruscotto-full-revision"]').getAttribute('content');
  assert.match(revision, /^[0-9a-f]{16}$/);
  const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  for (const file of ['/cruscotto-full.js', FULL]) {
    assert.ok(
      fetched.some((url) => url.endsWith(`${file}?v=${revision}`)),
      `${file}?v=${revision} in ${fetched.join(', ')}`,
    );
  }
  session.assertClean();
});

app.test('an area link of the first module opens the area in the full app, and Back returns', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  await page.click(`${ROWS} a[href="/area/ARUO"]`);
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  assert.ok((await wasmLoaded(page)).includes(FULL));
  // The full app serves the overview too, without another page load.
  const loads = (await wasmLoaded(page)).length;
  await page.click('header nav a[href="/"]');
  await page.locator(ROWS).first().waitFor(LOAD);
  assert.equal((await wasmLoaded(page)).length, loads, 'no other module loaded');
  await page.goBack();
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  session.assertClean();
});

app.test('stored progress of the current version is scored by the first module and kept by the full app', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  const empty = await overviewScores(page);
  const objective = DEFAULT.plan.objectives.find((o) => o.assignments.some((a) => a.area === 'ARUO'));
  const progress = Object.fromEntries(objective.indicators.map((i) => [i.id, { level: 4 }]));
  await reopenWithStored(page, snapshotWith(progress));
  await page.locator(ROWS).first().waitFor(LOAD);
  const wasm = await wasmLoaded(page);
  assert.equal(wasm.length, 1, `only the first module: ${wasm.join(', ')}`);
  const scored = await overviewScores(page);
  assert.notEqual(scored.ARUO, empty.ARUO, 'the stored levels are scored');

  await page.click(`${ROWS} a[href="/area/ARUO"]`);
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('cruscotto.state')));
  assert.deepEqual(Object.keys(stored.progress).sort(), Object.keys(progress).sort());
  session.assertClean();
});

app.test('stored data of an older version starts the full app, which migrates it', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  const id = DEFAULT.plan.objectives[0].indicators[0].id;
  await reopenWithStored(page, snapshotWith({ [id]: { level: 3 } }, (s) => ({ ...s, version: 1 })));
  await page.locator(ROWS).first().waitFor(LOAD);
  assert.ok((await wasmLoaded(page)).includes(FULL), 'the full app reads older versions');
  assert.equal(await page.locator('#recovery-title').count(), 0, 'no recovery: the data was migrated');
  session.assertClean();
});

app.test('unreadable stored data starts the full app on its recovery screen', { path: '/', ...FIRST_VISIT }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  await reopenWithStored(page, '{"format": ');
  await page.locator('#recovery-title').waitFor(LOAD);
  assert.ok((await wasmLoaded(page)).includes(FULL));
  // Set aside for the full app, never by the first module (which cannot tell why).
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.unreadable')), '{"format": ');
  session.assertClean();
});

app.test('once the service worker controls the page, the overview starts the full app', { path: '/' }, async ({ page, session }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
  await page.reload();
  await page.locator(ROWS).first().waitFor(LOAD);
  assert.ok((await wasmLoaded(page)).includes(FULL));
  // Now moving to another screen loads nothing more.
  const loads = (await wasmLoaded(page)).length;
  await page.click(`${ROWS} a[href="/area/ARUO"]`);
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  assert.equal((await wasmLoaded(page)).length, loads);
  session.assertClean();
});

app.test('with a first save the full storage refused, leaving the first module asks first and offers the export', { path: '/', ...FIRST_VISIT }, async ({ page }) => {
  await page.locator(ROWS).first().waitFor(LOAD);
  // Storage full before the app starts, with nothing of the app's in it.
  await page.addInitScript(() => localStorage.removeItem('cruscotto.state'));
  await page.addInitScript(fillLocalStorage);
  await page.goto('/');
  await page.locator('#storage-error').waitFor({ timeout: 10_000 });

  await page.click(`${ROWS} a[href="/area/ARUO"]`);
  const alert = page.locator('#handover-unsaved');
  await alert.waitFor(LOAD);
  // No page load happened: what the page holds is still in memory, and the export has it.
  assert.equal((await wasmLoaded(page)).length, 1, 'still the first module only');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Esporta ora' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.plan.id, DEFAULT.plan.id);

  // The user may still go on, knowingly.
  await alert.getByRole('button', { name: /Apri comunque/ }).click();
  await page.locator('#area-score-ARUO').waitFor(LOAD);
});
