// The first visit's overview is prerendered into index.html at build time
// (scripts/prerender.mjs): the browser paints it before the wasm arrives, the
// app replaces it with the same screen, live, and it never shows where the app
// would show something else. Each test holds the wasm back to look at the page
// before the app runs.

import assert from 'node:assert/strict';

import { LOAD } from './support/app.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();
const FIRST_VISIT = { context: { serviceWorkers: 'block' } };

/** Holds every wasm download until the returned function is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/_bg\.wasm(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

const tableText = (page, id) => page.locator(`#${id}`).innerText();

app.test('a first visit paints the prerendered overview, which the app replaces with the same screen', { path: '/nowhere', ...FIRST_VISIT }, async ({ page, session }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await page.locator('#pre-area-scores tbody tr').first().waitFor({ state: 'visible', ...LOAD });
  assert.equal(await page.locator('#area-scores').count(), 0, 'the app has not run yet');
  const prerendered = await tableText(page, 'pre-area-scores');

  release();
  await page.locator('#area-scores tbody tr').first().waitFor(LOAD);
  assert.equal(await page.locator('[data-prerender]').count(), 0, 'the prerendered copy is gone');
  assert.equal(await tableText(page, 'area-scores'), prerendered, 'the same overview');
  const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'no id twice');
  session.assertClean();
});

for (const [name, setup, path] of [
  ['with stored settings', (page) => page.evaluate(() => localStorage.setItem('cruscotto.settings', '{"lang":"en"}')), '/'],
  ['with a stored state', (page) => page.evaluate(() => localStorage.setItem('cruscotto.state', '{}')), '/'],
  ['on another address', async () => {}, '/area/ARUO'],
]) {
  app.test(`the prerendered overview is never shown ${name}`, { path: '/nowhere', ...FIRST_VISIT }, async ({ page }) => {
    await page.locator('main h1').waitFor(LOAD);
    await page.evaluate(() => localStorage.clear());
    await setup(page);
    const release = await holdWasm(page);
    await page.goto(path);
    await page.locator('#pre-area-scores').waitFor({ state: 'attached', ...LOAD });
    assert.equal(await page.locator('#pre-area-scores').isVisible(), false);
    release();
  });
}
