// Nothing is ever lost (issue 5), in the browser: a full storage is reported
// with the way out and keeps what was saved; unreadable stored data opens the
// recovery screen and is kept for download; two tabs editing at once keep both
// edits; the last edit survives an immediate reload although saves are gathered.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { DEFAULT, LOAD, expectValue, fillStorage, openObjective } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();
const STATE_KEY = 'cruscotto.state';

/** The stored progress entry of an indicator (null when none). */
async function storedEntry(page, indicator) {
  return page.evaluate(
    ([key, id]) => JSON.parse(localStorage.getItem(key) ?? '{}').progress?.[id] ?? null,
    [STATE_KEY, indicator],
  );
}

/** Waits until the stored value of `indicator` is `value` (a decimal string). */
async function waitForStoredValue(page, indicator, value) {
  await page.waitForFunction(
    ([key, id, want]) => JSON.parse(localStorage.getItem(key) ?? '{}').progress?.[id]?.value === want,
    [STATE_KEY, indicator, value],
    { timeout: 10_000 },
  );
}

app.test('an edit followed at once by a reload is kept', async ({ page }) => {
  await openObjective(page, 'soddisfazione-residenze');
  await page.locator('#value-soddisfazione-residenze-i1').pressSequentially('4,2');
  // No wait: the save gathered for a few hundred milliseconds must still happen.
  await page.reload();
  await page.locator('#objective-title').waitFor(LOAD);
  await expectValue(page, '#value-soddisfazione-residenze-i1', '4,2');
  assert.equal((await storedEntry(page, 'soddisfazione-residenze-i1'))?.value, '4.2');
});

app.test('an edit followed at once by leaving the page is kept', async ({ page }) => {
  await openObjective(page, 'soddisfazione-residenze');
  await page.locator('#value-soddisfazione-residenze-i1').pressSequentially('3,9');
  await page.goto('about:blank');
  await openObjective(page, 'soddisfazione-residenze');
  await expectValue(page, '#value-soddisfazione-residenze-i1', '3,9');
});

app.test('with the storage full the error offers the export, which has the edit, and the saved data still reads', async ({ t, page }) => {
  await openObjective(page, 'soddisfazione-residenze');
  const field = page.locator('#value-soddisfazione-residenze-i1');
  await field.pressSequentially('4,2');
  await waitForStoredValue(page, 'soddisfazione-residenze-i1', '4.2');

  // Fill the rest of the quota, down to single characters.
  const filled = await fillStorage(page);
  assert.ok(filled > 0, 'the storage was filled');

  // One more digit: the state grows and cannot be stored.
  await field.fill('4,25');
  const alert = page.locator('#storage-error');
  await alert.waitFor({ timeout: 10_000 });
  assert.match(await alert.innerText(), /memoria del browser è piena/);
  await expectNoSeriousA11yViolations(page, t);

  // The way out, right in the alert: the export has the edit that could not be stored.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Esporta ora' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.progress['soddisfazione-residenze-i1'].value, '4.25');

  // What was stored before the storage filled up still reads after a reload.
  await page.reload();
  await openObjective(page, 'soddisfazione-residenze');
  await expectValue(page, '#value-soddisfazione-residenze-i1', '4,2');
  assert.equal((await storedEntry(page, 'soddisfazione-residenze-i1'))?.value, '4.2');
});

// Cut off in the middle of the plan: JSON that ends too early.
const GARBAGE = '{"format":"cruscotto-snapshot","version":1,"plan":{"id":"polimi-2023","title":"Piano tronc';

app.test('unreadable stored data opens the recovery screen, is downloaded as it is, and starting over works', async ({ t, page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  await page.evaluate(([key, garbage]) => localStorage.setItem(key, garbage), [STATE_KEY, GARBAGE]);
  await page.reload();

  await page.locator('#recovery-title').waitFor(LOAD);
  assert.equal(await page.locator('#area-scores').count(), 0, 'the app is not shown');
  assert.match(await page.locator('#recovery-reasons').innerText(), /JSON valido.*riga 1, colonna \d+/);
  await expectNoSeriousA11yViolations(page, t);

  // Kept as it is, in place and set aside.
  const stored = await page.evaluate(() => [localStorage.getItem('cruscotto.state'), localStorage.getItem('cruscotto.unreadable')]);
  assert.deepEqual(stored, [GARBAGE, GARBAGE]);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#recovery-download')]);
  assert.match(download.suggestedFilename(), /^cruscotto-dati-non-leggibili-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(await readFile(await download.path(), 'utf8'), GARBAGE);
  await page.locator('#recovery-download-status', { hasText: 'Scaricato' }).waitFor();

  await page.click('#recovery-fresh');
  await page.locator('#area-scores').waitFor(LOAD);
  const state = await page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.state')));
  assert.equal(state.plan.id, 'polimi-2023');
  assert.deepEqual(state.progress, {});
  // Still set aside, and said so, until discarded.
  await page.locator('#unreadable-alert').waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.unreadable')), GARBAGE);

  await page.reload();
  await page.locator('#area-scores').waitFor(LOAD);
  await page.locator('#unreadable-alert').waitFor();
  await page.click('#unreadable-discard');
  await page.click('#unreadable-discard-confirm');
  await page.locator('#unreadable-alert').waitFor({ state: 'detached' });
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.unreadable')), null);
});

app.test('the recovery screen imports a snapshot file instead', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  await page.evaluate(([key]) => localStorage.setItem(key, 'not json at all'), [STATE_KEY]);
  await page.reload();
  await page.locator('#recovery-title').waitFor(LOAD);

  await page.setInputFiles('#recovery-file', {
    name: 'rotto.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "altro"}'),
  });
  await page.locator('#recovery-failure').waitFor();
  assert.match(await page.locator('#recovery-failure').innerText(), /format/);

  const snapshot = structuredClone(DEFAULT);
  snapshot.progress = { 'programmazione-pta-i1': { level: 4 } };
  await page.setInputFiles('#recovery-file', {
    name: 'buono.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(snapshot)),
  });
  await page.locator('#area-scores').waitFor(LOAD);
  assert.equal((await storedEntry(page, 'programmazione-pta-i1'))?.level, 4);
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.unreadable')), 'not json at all');
});

app.test('two tabs editing different indicators at once keep both edits, in both tabs and after a reload', async ({ t }) => {
  const a = await app.open(t, '/objective/donazioni');
  const pageA = a.page;
  const pageB = await a.context.newPage();
  await pageB.goto('/objective/donazioni');
  await pageA.locator('#value-donazioni-a').waitFor(LOAD);
  await pageB.locator('#value-donazioni-b').waitFor(LOAD);

  // Both typed before either saves.
  await Promise.all([
    pageA.locator('#value-donazioni-a').pressSequentially('12'),
    pageB.locator('#value-donazioni-b').pressSequentially('34'),
  ]);

  await expectValue(pageA, '#value-donazioni-b', '34');
  await expectValue(pageB, '#value-donazioni-a', '12');
  await waitForStoredValue(pageA, 'donazioni-a', '12');
  await waitForStoredValue(pageA, 'donazioni-b', '34');

  await pageA.reload();
  await pageA.locator('#objective-title').waitFor(LOAD);
  await expectValue(pageA, '#value-donazioni-a', '12');
  await expectValue(pageA, '#value-donazioni-b', '34');
  a.assertClean();
});

app.test('two tabs editing the same indicator: the newer edit wins and the other tab shows it', async ({ t }) => {
  const a = await app.open(t, '/objective/donazioni');
  const pageA = a.page;
  const pageB = await a.context.newPage();
  await pageB.goto('/objective/donazioni');
  await pageA.locator('#value-donazioni-a').waitFor(LOAD);
  await pageB.locator('#value-donazioni-a').waitFor(LOAD);

  // B's edit comes second, so it is the newer (B's field may already show A's).
  await pageA.locator('#value-donazioni-a').fill('5');
  await pageB.locator('#value-donazioni-a').fill('7');

  await expectValue(pageA, '#value-donazioni-a', '7');
  await expectValue(pageB, '#value-donazioni-a', '7');
  await waitForStoredValue(pageB, 'donazioni-a', '7');

  await pageB.reload();
  await pageB.locator('#objective-title').waitFor(LOAD);
  await expectValue(pageB, '#value-donazioni-a', '7');
  a.assertClean();
});
