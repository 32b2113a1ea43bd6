// The settings screen against the release build: the language (labels, numbers,
// kept after a reload) and the plan's scoring options (scores follow at once).

import assert from 'node:assert/strict';

import { DEFAULT, importProgress } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';


const app = useApp();

async function scoreOf(page, area) {
  const cell = page.locator(`#area-scores tr[data-area="${area}"] td.score`);
  await cell.waitFor({ timeout: 20_000 });
  return (await cell.innerText()).trim().split(/\s+/)[0];
}

app.test('switches to English: labels, number format, kept after a reload', async ({ t, page }) => {
  // A version-2 file, from before docenti was measured per area: its one value
  // becomes each weighted area's own result, at target (3) everywhere.
  await importProgress(page, { 'soddisfazione-docenti-i1': { value: '4.2' } }, { version: 2 });
  await page.goto('/');
  assert.equal(await scoreOf(page, 'AAF'), '3,00');

  await page.goto('/settings');
  await page.locator('#lang-it').waitFor({ timeout: 20_000 });
  assert.ok(await page.locator('#lang-it').isChecked(), 'Italian by default');
  assert.equal(await page.locator('h1').innerText(), 'Impostazioni');
  assert.match(await page.locator('#lang-example').innerText(), /1\.234,56 · 31\/12\/2023/);
  await page.check('#lang-en');
  await page.locator('h1', { hasText: 'Settings' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('#lang-example').innerText(), /1,234\.56 · 31 Dec 2023/);
  assert.match(await page.locator('#settings-area-scores').innerText(), /3\.00/);
  await expectNoSeriousA11yViolations(page, t);

  await page.reload();
  await page.locator('h1', { hasText: 'Settings' }).waitFor({ timeout: 20_000 });
  assert.ok(await page.locator('#lang-en').isChecked());
  await page.goto('/');
  assert.equal(await scoreOf(page, 'AAF'), '3.00');
  await page.goto('/transfer');
  await page.locator('h1', { hasText: 'Import and export' }).waitFor({ timeout: 20_000 });
});

app.test('linear scoring moves a number between levels, at once', async ({ t, page }) => {
  // 3.5 is halfway between threshold (3) and target (4): step 1, linear 2.
  await importProgress(page, { 'soddisfazione-residenze-i1': { value: '3.5' } });
  await page.goto('/');
  assert.equal(await scoreOf(page, 'ACL'), '1,00');

  await page.goto('/settings');
  const acl = page.locator('#settings-area-scores tr[data-area="ACL"] td.score');
  await acl.waitFor({ timeout: 20_000 });
  assert.ok(await page.locator('#numeric-step').isChecked(), 'step by default');
  assert.equal(await acl.innerText(), '1,00');
  await page.check('#numeric-linear');
  await acl.filter({ hasText: '2,00' }).waitFor();
  await expectNoSeriousA11yViolations(page, t);

  await page.goto('/');
  assert.equal(await scoreOf(page, 'ACL'), '2,00');

  // Back to step, and the option travels with the plan's export.
  await page.goto('/settings');
  await page.check('#numeric-step');
  await acl.filter({ hasText: '1,00' }).waitFor();
});

app.test('the intermediate level cannot be turned off while a milestone is at 2', async ({ page }) => {
  const s = structuredClone(DEFAULT);
  s.plan.scoring.intermediate_level = true;
  s.progress = { 'programmazione-pta-i1': { level: 2 } };
  await page.goto('/transfer');
  await page.locator('#import-file').waitFor({ timeout: 20_000 });
  await page.setInputFiles('#import-file', {
    name: 'intermedio.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(s)),
  });
  await page.locator('#import-preview').waitFor();
  await page.click('#import-confirm');
  await page.locator('#import-outcome .alert-success').waitFor();

  await page.goto('/settings');
  const box = page.locator('#scoring-intermediate');
  await box.waitFor({ timeout: 20_000 });
  assert.ok(await box.isChecked());
  const aruo = page.locator('#settings-area-scores tr[data-area="ARUO"] td.score');
  assert.equal(await aruo.innerText(), '2,00');
  await box.click();
  await page.locator('#intermediate-blocked', { hasText: 'programmazione-pta-i1' }).waitFor();
  assert.ok(await box.isChecked(), 'still allowed');
  assert.equal(await aruo.innerText(), '2,00');
});

app.test('says whether the browser keeps the data, once there is work to keep', async ({ page }) => {
  await importProgress(page, { 'programmazione-pta-i1': { level: 4 } });
  await page.goto('/settings');
  const status = page.locator('#keeping-status');
  await status.waitFor({ timeout: 20_000 });
  // Chromium answers navigator.storage.persisted(): granted or not, never
  // "the browser does not say".
  await page.waitForFunction(() => {
    const text = document.querySelector('#keeping-status')?.textContent ?? '';
    return text.length > 0 && !text.includes('non dice');
  });
  assert.match(await status.innerText(), /conserva i dati|non ha garantito/);
});

app.test('a week of edits not exported brings a reminder with the export, which the export clears', async ({ t, page }) => {
  await page.locator('#area-scores').waitFor({ timeout: 20_000 });
  assert.equal(await page.locator('#export-reminder').count(), 0, 'no reminder on a first visit');
  // An edit marks the first change not yet exported.
  await page.goto('/objective/riassetto-bassini');
  await page.locator('#level-riassetto-bassini-i1-3').check();
  await page.waitForFunction(
    () => JSON.parse(localStorage.getItem('cruscotto.settings') ?? '{}').unexported_since,
    null,
    { timeout: 5_000 },
  );
  // Eight days later (the mark moved back), the overview reminds.
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem('cruscotto.settings'));
    s.unexported_since = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    localStorage.setItem('cruscotto.settings', JSON.stringify(s));
  });
  await page.goto('/');
  const reminder = page.locator('#export-reminder');
  await reminder.waitFor({ timeout: 20_000 });
  assert.match(await reminder.innerText(), /non ancora esportate dal \d\d\/\d\d\/\d{4}/);
  await expectNoSeriousA11yViolations(page, t);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-reminder-export')]);
  assert.match(download.suggestedFilename(), /\.json$/);
  await reminder.waitFor({ state: 'hidden', timeout: 5_000 });
  await page.waitForFunction(
    () => !JSON.parse(localStorage.getItem('cruscotto.settings') ?? '{}').unexported_since,
    null,
    { timeout: 5_000 },
  );
});
