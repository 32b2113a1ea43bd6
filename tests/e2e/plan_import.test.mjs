// The plan from the office's spreadsheet (issue #19): a workbook written by
// hand in the Allegato's layout (tests/fixtures, made with openpyxl), with
// mistakes, is refused cell by cell and changes nothing; the fixed one shows
// its plan, replaces the current one on confirmation and scores as expected;
// the template this app writes reads back into the plan it came from.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { LOAD, jsonFile, overviewScores } from './support/app.mjs';
import { useApp } from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';
import { sharedStrings, unzip } from './support/zip.mjs';

const app = useApp();
const fixture = (name) => join(REPO_ROOT, 'tests', 'fixtures', name);
/**
 * Chooses a spreadsheet in the editor and waits for its outcome. Chosen
 * again if nothing at all happened: right after the first load the editor
 * may still be drawn anew, and a file chosen in the old input is lost.
 */
async function choose(page, file) {
  const outcome = page.locator('#plan-sheet-problems, #plan-sheet-error, #plan-sheet-preview');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await page.setInputFiles('#plan-sheet-file', file);
    try {
      await outcome.first().waitFor({ timeout: 7_000 });
      return;
    } catch {
      // chosen again below
    }
  }
  await outcome.first().waitFor(LOAD);
}

const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.state') ?? 'null'));

app.test('a hand-written plan workbook is refused cell by cell, then imported once fixed, and scores', { path: '/editor' }, async ({ page }) => {
  await page.locator('#plan-sheet-file').waitFor(LOAD);
  await choose(page, fixture('piano-ufficio-errori.xlsx'));
  const problems = page.locator('#plan-sheet-problems');
  await problems.waitFor(LOAD);
  const text = await problems.innerText();
  for (const line of [
    'Foglio1!F4 (Aree e pesi): peso «quindici» non è un numero',
    'Foglio1!F6 (Aree e pesi): l’area AXYZ non è nel piano',
    'Foglio1!A8 (Pilastro): il pilastro «LA CUCINA» non è nel piano',
    'Foglio1!I10 (Target): soglia, target ed eccellenza devono essere tutti numeri, tutte date o tutte descrizioni',
  ]) {
    assert.ok(text.includes(line), `${line} in ${text}`);
  }
  assert.equal(await page.locator('#plan-sheet-confirm').count(), 0, 'nothing to confirm');
  await expectNoSeriousA11yViolations(page, 'editor with spreadsheet problems');

  await choose(page, fixture('piano-ufficio.xlsx'));
  const preview = page.locator('#plan-sheet-preview');
  await preview.waitFor(LOAD);
  assert.match(await preview.innerText(), /12 obiettivi per 7 aree/);
  assert.match(await preview.locator('tr[data-area="ARUO"]').innerText(), /2\s+100 %/);
  await page.click('#plan-sheet-confirm');
  await page.locator('#plan-sheet-done', { hasText: '12 obiettivi' }).waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('cruscotto.state')).plan.objectives.length === 12);

  // Results on the new plan: ARUO at target (60 %) and excellence (40 %).
  const state = await stored(page);
  state.progress = {
    'dematerializzazione-pratiche-personale-i1': { value: '80' },
    'piano-formazione-personale-i1': { level: 4 },
  };
  await page.goto('/transfer');
  await page.locator('#import-file').waitFor(LOAD);
  await page.setInputFiles('#import-file', jsonFile('risultati.json', JSON.stringify(state)));
  await page.click('#import-confirm');
  await page.locator('#import-outcome .alert-success').waitFor();
  const scores = await overviewScores(page);
  assert.equal(scores.ARUO, '3,40');
});

app.test('the template the app writes reads back into the plan it came from', { path: '/editor' }, async ({ page }) => {
  await page.locator('#plan-sheet-template').waitFor(LOAD);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#plan-sheet-template')]);
  assert.equal(download.suggestedFilename(), 'modello-polimi-2023.xlsx');
  const bytes = await readFile(await download.path());
  const strings = sharedStrings(unzip(bytes));
  for (const s of ['Aree e pesi', 'Soglia: descrizione', 'Piano straordinario di programmazione triennale del personale tecnico amministrativo']) {
    assert.ok(strings.includes(s), `the template holds ${s}`);
  }
  // The areas' cell as the Allegato writes it: weights, then structures.
  assert.ok(strings.includes('ARUO (15%)\nRG DIPARTIMENTI\nRG POLI'), 'programmazione-pta’s areas');
  await page.waitForFunction(() => localStorage.getItem('cruscotto.state') !== null);
  const before = await page.evaluate(() => localStorage.getItem('cruscotto.state'));
  await choose(page, { name: 'modello.xlsx', mimeType: 'application/octet-stream', buffer: bytes });
  const preview = page.locator('#plan-sheet-preview');
  await preview.waitFor(LOAD);
  assert.match(await preview.innerText(), /58 obiettivi per 9 aree/);
  assert.match(await preview.innerText(), /Nessun problema\./);
  await page.click('#plan-sheet-cancel');
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.state')), before, 'cancelled: nothing changed');
});
