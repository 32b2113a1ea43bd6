// The app ships as two wasm modules (src/modules.rs): the first, loaded by every
// page, has the daily screens (overview, area, objective, settings); the full
// app (every screen, with the editor, import and export, comparison and report)
// is fetched only when one of its addresses is opened. These tests pin that a
// first visit does not download the full app, that its addresses work opened
// directly and through the first module's links, and that nothing is lost on
// the way.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { DEFAULT, LOAD, fillStorage, openObjective } from './support/app.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();

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

for (const path of ['/', '/area/ARUO', `/objective/${DEFAULT.plan.objectives[0].id}`, '/settings']) {
  app.test(`${path} loads only the first module`, { path }, async ({ page, session }) => {
    await page.locator('main h1').waitFor(LOAD);
    const wasm = await wasmLoaded(page);
    assert.equal(wasm.length, 1, `one wasm file, got ${wasm.join(', ')}`);
    assert.match(wasm[0], FIRST);
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

app.test('a header link to a full-app screen opens it, and Back returns', async ({ page, session }) => {
  await page.locator('#area-scores tbody tr').first().waitFor(LOAD);
  await page.click('header nav a[href="/transfer"]');
  await page.locator('#import-file').waitFor(LOAD);
  assert.equal(new URL(page.url()).pathname, '/transfer');
  assert.ok((await wasmLoaded(page)).includes(FULL));
  // The full app serves the daily screens too, without another page load.
  await page.click('header nav a[href="/"]');
  await page.locator('#area-scores tbody tr').first().waitFor(LOAD);
  assert.ok((await wasmLoaded(page)).includes(FULL), 'still the full app');
  await page.goBack();
  await page.locator('#import-file').waitFor(LOAD);
  session.assertClean();
});

app.test('an edit made just before leaving the first module is in the full app', async ({ page, session }) => {
  const objective = DEFAULT.plan.objectives.find((o) => o.indicators.some((i) => i.kind === 'number'));
  const indicator = objective.indicators.find((i) => i.kind === 'number');
  await page.goto(`/objective/${objective.id}`);
  const input = page.locator(`#value-${indicator.id}`);
  await input.waitFor(LOAD);
  await input.fill('7');
  // At once, before the gathered save would run: the page saves when it is left.
  await page.click('header nav a[href="/editor"]');
  await page.locator('#f-plan-title').waitFor(LOAD);
  const stored = await page.evaluate(() => localStorage.getItem('cruscotto.state'));
  assert.ok(stored, 'the state is stored');
  assert.equal(JSON.parse(stored).progress[indicator.id]?.value, '7');
  session.assertClean();
});

app.test('an unknown address is "not found" in the first module, with no hand-over', { path: '/editor-non-esiste' }, async ({ page, session }) => {
  await page.locator('main h1').waitFor(LOAD);
  assert.equal(new URL(page.url()).pathname, '/editor-non-esiste');
  const wasm = await wasmLoaded(page);
  assert.equal(wasm.length, 1, `only the first module: ${wasm.join(', ')}`);
  session.assertClean();
});

app.test('with changes the full storage could not keep, leaving for the full app asks first and offers the export', async ({ page }) => {
  await openObjective(page, 'soddisfazione-docenti');
  const field = page.locator('#value-soddisfazione-docenti-i1');
  await field.pressSequentially('4,2');
  assert.ok((await fillStorage(page)) > 0, 'the storage was filled');
  await field.fill('4,25');
  await page.locator('#storage-error').waitFor({ timeout: 10_000 });

  await page.click('header nav a[href="/editor"]');
  const alert = page.locator('#handover-unsaved');
  await alert.waitFor(LOAD);
  // No page load happened: the edit is still in memory, and the export has it.
  assert.equal((await wasmLoaded(page)).length, 1, 'still the first module only');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Esporta ora' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.progress['soddisfazione-docenti-i1'].value, '4.25');

  // The user may still go on, knowingly.
  await alert.getByRole('button', { name: /Apri comunque/ }).click();
  await page.locator('#f-plan-title').waitFor(LOAD);
});
