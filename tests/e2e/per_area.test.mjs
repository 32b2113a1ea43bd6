// Objectives measured per area (snapshot version 3) against the release build:
// the planning office records the nine areas' own RUP-rotation percentages on
// one page, each area's score moves with its own result only, and the scores
// the app shows are exactly what `cruscotto score` computes from the exported
// file.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT, LOAD, expectText, importProgress, jsonFile, overviewScores } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

const app = useApp();

// The percentage of purchases with a RUP other than the dirigente, by area
// (levels 20 / 50 / 70 %): AAF below threshold, ARUO exactly at excellence.
const RUP = { AAF: '10', ACL: '25', ADID: '35', AGIS: '50', APEC: '55', ARES: '60', ARUO: '70', ASICT: '80', ATE: '95' };

/** The CLI built by the native tests (README command 2 runs them first). */
function cliScores(file) {
  const exe = join(REPO_ROOT, 'target', 'debug', process.platform === 'win32' ? 'cruscotto.exe' : 'cruscotto');
  const args = ['score', file];
  const out = existsSync(exe)
    ? execFileSync(exe, args, { encoding: 'utf8' })
    : execFileSync('cargo', ['run', '-q', '-p', 'cruscotto-engine', '--bin', 'cruscotto', '--', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return Object.fromEntries(JSON.parse(out).areas.map((a) => [a.area, a.score]));
}

app.test('nine areas record their own RUP percentage on one page, and the scores are the CLI\'s', { path: '/objective/rotazione-rup' }, async ({ t, page }) => {
  await page.locator('#objective-title').waitFor(LOAD);
  await page.locator('#per-area-hint').waitFor();
  assert.equal(await page.locator('section.area-result').count(), 9, 'one block per weighted area');
  for (const [area, pct] of Object.entries(RUP)) {
    await page.fill(`#value-rotazione-rup-i1--${area}`, pct);
    // The report on the percentages is required at every level.
    await page.locator(`#level-rotazione-rup-i2--${area}-4`).check();
  }
  await expectText(page, '#area-objective-level-ARUO', '4,00 · eccellenza');
  await expectText(page, '#area-objective-level-AAF', '0,00 · sotto soglia');
  await expectText(page, '#area-score-ARUO', '4,00');
  await expectText(page, '#area-score-AAF', '0,00');
  await expectNoSeriousA11yViolations(page, t);

  // Changing one area's result moves that area's score only.
  const before = await overviewScores(page);
  await page.goto('/objective/rotazione-rup');
  await page.fill('#value-rotazione-rup-i1--AAF', '75');
  await expectText(page, '#area-score-AAF', '4,00');
  const after = await overviewScores(page);
  for (const area of Object.keys(RUP)) {
    if (area !== 'AAF') assert.equal(after[area], before[area], `${area} unchanged`);
  }

  // The export holds each area's own entries, and `cruscotto score` of it
  // gives the scores the app shows.
  await page.goto('/transfer');
  await page.locator('#export-download').waitFor(LOAD);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  const cli = cliScores(await download.path());
  for (const [area, shown] of Object.entries(after)) {
    assert.equal(shown, cli[area] === null ? '—' : cli[area].replace('.', ','), `${area}: app and CLI agree`);
  }
});

app.test('a version-2 file\'s one satisfaction value becomes each area\'s own, and the preview says so first', { path: '/transfer' }, async ({ page }) => {
  await page.locator('#import-file').waitFor(LOAD);
  const v2 = structuredClone(DEFAULT);
  v2.version = 2;
  v2.progress = { 'soddisfazione-docenti-i1': { value: '4.2' } };
  await page.setInputFiles('#import-file', jsonFile('vecchio.json', JSON.stringify(v2)));
  const notes = page.locator('#import-migration-notes');
  await notes.waitFor();
  assert.match(await notes.innerText(), /soddisfazione-docenti-i1.*AAF, ACL, AGIS, APEC, ARES, ARUO, ASICT, ATE/s);
  await page.click('#import-confirm');
  await page.locator('#import-outcome .alert-success').waitFor();
  // Each weighted area now has its own copy, at target (3).
  const scores = await overviewScores(page);
  for (const area of ['AAF', 'ACL', 'AGIS', 'APEC', 'ARES', 'ARUO', 'ASICT', 'ATE']) assert.equal(scores[area], '3,00', area);
  assert.equal(scores.ADID, '—');
});

app.test('the editor switches an objective to per-area copying its result, and back keeping the chosen area\'s', async ({ page }) => {
  await importProgress(page, { 'supporto-vqr-i1': { level: 3 } });
  const openInEditor = async () => {
    await page.goto('/editor');
    await page.locator('#editor-search').waitFor(LOAD);
    await page.locator('#editor-search').fill('supporto-vqr');
    await page.locator('.objective-item[data-objective="supporto-vqr"]').click();
    await page.locator('#editor-measurement').waitFor();
  };
  await openInEditor();
  assert.match(await page.locator('#editor-measurement-now').innerText(), /condiviso/);
  await page.click('#editor-switch-measurement');
  await page.locator('#editor-measurement-now', { hasText: 'Per area' }).waitFor();

  // Each weighted area (ARES, ARUO) starts from the shared level 3.
  await page.goto('/objective/supporto-vqr');
  await page.locator('#per-area-hint').waitFor(LOAD);
  assert.ok(await page.locator('#level-supporto-vqr-i1--ARES-3').isChecked());
  assert.ok(await page.locator('#level-supporto-vqr-i1--ARUO-3').isChecked());
  await page.locator('#level-supporto-vqr-i1--ARUO-4').check();
  await expectText(page, '#area-score-ARUO', '4,00');
  await expectText(page, '#area-score-ARES', '3,00');

  // Back to shared: nothing is dropped before the user picks the area to keep.
  await openInEditor();
  await page.click('#editor-switch-measurement');
  const choice = page.locator('#editor-keep-area');
  await choice.waitFor();
  assert.match(await page.locator('#editor-measurement-now').innerText(), /Per area/, 'unchanged until confirmed');
  await page.locator('#editor-keep-area-ARUO').check();
  await page.click('#editor-confirm-shared');
  await page.locator('#editor-measurement-now', { hasText: 'condiviso' }).waitFor();
  await page.goto('/objective/supporto-vqr');
  await page.locator('#objective-title').waitFor(LOAD);
  assert.ok(await page.locator('#level-supporto-vqr-i1-4').isChecked());
  await expectText(page, '#area-score-ARES', '4,00');
});

app.test('opened from an area\'s page, a per-area objective shows that area\'s own result first and folds the others', async ({ t, page }) => {
  await page.goto('/area/ATE');
  await page.locator('#area-score-ATE').waitFor(LOAD);
  await page.locator('#area-objectives a', { hasText: /Soddisfazione servizi ricevuti . Docenti/ }).click();
  await page.locator('#per-area-hint').waitFor(LOAD);
  const url = new URL(page.url());
  assert.equal(url.pathname, '/objective/soddisfazione-docenti');
  assert.equal(url.searchParams.get('area'), 'ATE');

  // ATE's own result is the one shown; the other eight wait, folded.
  const blocks = page.locator('section.area-result');
  assert.equal(await blocks.first().getAttribute('data-area'), 'ATE');
  assert.ok(await page.locator('#value-soddisfazione-docenti-i1--ATE').isVisible());
  assert.ok(!(await page.locator('#value-soddisfazione-docenti-i1--AAF').isVisible()), 'other areas folded');
  assert.match(await page.locator('#other-areas > summary').innerText(), /altre 7 aree/);
  // The breadcrumb leads back to the area the page was opened from.
  assert.equal(await page.locator('nav.breadcrumb a[href="/area/ATE"]').count(), 1);
  await expectNoSeriousA11yViolations(page, t);

  const before = await overviewScores(page);
  await page.goto('/area/ATE');
  await page.locator('#area-objectives a', { hasText: /Soddisfazione servizi ricevuti . Docenti/ }).click();
  await page.locator('#value-soddisfazione-docenti-i1--ATE').fill('4,2');
  await expectText(page, '#area-objective-level-ATE', '3,00 · target');
  const after = await overviewScores(page);
  assert.notEqual(after.ATE, before.ATE, 'ATE moved');
  for (const area of Object.keys(before)) {
    if (area !== 'ATE') assert.equal(after[area], before[area], `${area} unchanged`);
  }

  // Opened without an area, every area's result is open, as for the office.
  await page.goto('/objective/soddisfazione-docenti');
  await page.locator('#per-area-hint').waitFor(LOAD);
  assert.equal(await page.locator('#other-areas').count(), 0);
  assert.ok(await page.locator('#value-soddisfazione-docenti-i1--AAF').isVisible());
});
