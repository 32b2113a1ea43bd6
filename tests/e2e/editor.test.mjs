// The plan editor (/editor): live weight sums, level checks next to the field,
// creating / duplicating / deleting objectives, a copy for next year with a
// restorable backup, an empty plan, persistence across reloads, accessibility.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

const snapshot2023 = JSON.parse(
  await readFile(join(REPO_ROOT, 'engine', 'data', 'polimi-2023.json'), 'utf8'),
);

const app = useApp();

async function openEditor(page) {
  await page.locator('h1', { hasText: 'Editor del piano' }).waitFor({ timeout: 20_000 });
}

/** Opens objective `id` in the form, through the search box and the list. */
async function openObjective(page, id) {
  await page.locator('#editor-search').fill(id);
  await page.locator(`.objective-item[data-objective="${id}"]`).click();
  await page.locator('.objective-form h3 .objective-id', { hasText: id }).waitFor();
}

function sumRow(page, area) {
  return page.locator(`#editor-weight-sums tr[data-area="${area}"]`);
}

app.test('a weight change shows the area’s sum warning live, and restoring it clears it', { path: '/editor' }, async ({ page }) => {
  await openEditor(page);
  await assert.doesNotReject(sumRow(page, 'ARUO').waitFor());
  assert.equal(await sumRow(page, 'ARUO').getAttribute('class'), null, 'ARUO starts at 100');
  await openObjective(page, 'programmazione-pta');

  const weight = page.getByLabel("Peso (%) per l'area ARUO");
  assert.equal(await weight.inputValue(), '15');
  await weight.fill('17,5');
  await sumRow(page, 'ARUO').and(page.locator('.sum-off')).waitFor();
  assert.match(await sumRow(page, 'ARUO').locator('.sum').innerText(), /102,5/);
  assert.match(await page.locator('#editor-sums-summary').innerText(), /ARUO/);
  assert.match(await page.locator('#editor-checks').innerText(), /ARUO.*102,5%/);
  // The warning stands at the weight that fixes it, and the summary is amber, not green.
  const warning = page.locator(`#${await weight.getAttribute('id')}-warning`);
  assert.match(await warning.innerText(), /I pesi di ARUO sommano a 102,5 %, non a 100 %/);
  assert.match(await weight.getAttribute('aria-describedby'), /-warning/);
  assert.match(await page.locator('#editor-checks .checks-status').getAttribute('class'), /has-warnings/);
  // Its link in the summary focuses that weight, not the area's row.
  await weight.blur();
  await page.locator('#editor-checks .issue-list a', { hasText: 'ARUO' }).click();
  await page.waitForFunction((id) => document.activeElement?.id === id, await weight.getAttribute('id'), { timeout: 5_000 });

  // Not a number: explained next to the field, and the plan keeps 17,5.
  await weight.fill('17,5,2');
  await page.locator('.field-error', { hasText: 'Numero non valido' }).waitFor();
  assert.match(await sumRow(page, 'ARUO').locator('.sum').innerText(), /102,5/);
  assert.equal(await weight.getAttribute('aria-invalid'), 'true');

  await weight.fill('15');
  await page.locator('#editor-weight-sums tr[data-area="ARUO"]:not(.sum-off)').waitFor();
  assert.match(await page.locator('#editor-sums-summary').innerText(), /Tutte le aree sommano a 100/);
  assert.match(await page.locator('#editor-checks').innerText(), /Nessun errore/);
  assert.equal(await warning.isVisible(), false);
});

app.test('number levels out of order are explained next to the levels', { path: '/editor' }, async ({ page }) => {
  await openEditor(page);
  await openObjective(page, 'soddisfazione-docenti');
  const indicator = page.locator('fieldset.indicator').first();
  const threshold = indicator.getByLabel('Soglia: valore');
  assert.equal(await threshold.inputValue(), '3,5');
  await threshold.fill('4,5'); // above the target 4,2: wrong for higher-is-better
  const issue = indicator.locator('.field-issue', { hasText: 'soglia ≤ target ≤ eccellenza' });
  await issue.waitFor();
  // The overall list links to it.
  const link = page.locator('#editor-checks a', { hasText: 'soddisfazione-docenti' });
  await link.waitFor();
  await link.click();
  const focusedId = await page.evaluate(() => document.activeElement?.id);
  assert.match(focusedId, /^f-plan-objectives-\d+-indicators-0$/);

  await threshold.fill('3,5');
  await issue.waitFor({ state: 'detached' });
});

app.test('creates an objective with a milestone and a weight, duplicates it, deletes the duplicate', { path: '/editor' }, async ({ page }) => {
  await openEditor(page);
  await page.locator('#editor-new-objective').click();
  const form = page.locator('.objective-form');
  await form.locator('h3 .objective-id', { hasText: 'nuovo-obiettivo' }).waitFor();
  // A milestone: the grades are fixed and shown read-only.
  assert.deepEqual(await form.locator('.level-fixed').allInnerTexts(), [
    '1 (fisso per i traguardi qualitativi)',
    '3 (fisso per i traguardi qualitativi)',
    '4 (fisso per i traguardi qualitativi)',
  ]);
  await form.getByLabel('Titolo', { exact: true }).fill('Obiettivo di prova');
  await form.getByLabel('Soglia: descrizione').fill('Analisi');
  await page.locator('#editor-add-weight-area').selectOption('ARUO');
  await page.locator('#editor-add-weight').click();
  await page.getByLabel("Peso (%) per l'area ARUO").fill('5');
  await sumRow(page, 'ARUO').locator('.sum', { hasText: '105' }).waitFor();

  await page.locator('#editor-duplicate-objective').click();
  await form.locator('h3 .objective-id', { hasText: 'nuovo-obiettivo-2' }).waitFor();
  await page.locator('.objective-item[data-objective="nuovo-obiettivo-2"]').waitFor();
  assert.equal(await form.locator('.indicator-id').innerText(), 'nuovo-obiettivo-2-i1');
  await sumRow(page, 'ARUO').locator('.sum', { hasText: '110' }).waitFor();

  await page.locator('#editor-delete-objective').click();
  await page.locator('.confirm-box', { hasText: 'nuovo-obiettivo-2' }).waitFor();
  await page.locator('#editor-confirm-delete-objective').click();
  await page.locator('.objective-item[data-objective="nuovo-obiettivo-2"]').waitFor({ state: 'detached' });
  await page.locator('.objective-item[data-objective="nuovo-obiettivo"]').waitFor();
  await sumRow(page, 'ARUO').locator('.sum', { hasText: '105' }).waitFor();

  // Kept after a reload.
  await page.reload();
  await openEditor(page);
  await openObjective(page, 'nuovo-obiettivo');
  assert.equal(await page.locator('.objective-form').getByLabel('Titolo', { exact: true }).inputValue(), 'Obiettivo di prova');
  assert.equal(await page.locator('.objective-item[data-objective="nuovo-obiettivo-2"]').count(), 0);

  // The overview flags the area whose weights no longer add up to 100.
  await page.goto('/');
  const weight = page.locator('#area-scores tr[data-area="ARUO"] td.weight');
  await weight.waitFor({ timeout: 20_000 });
  assert.match(await weight.innerText(), /pesi al 105 %, non 100/);
  assert.equal(await page.locator('#area-scores .badge-weights-off').count(), 1, 'only ARUO');
});

app.test('a copy for next year is 2024, without progress, and the 2023 state is backed up', { path: '/editor' }, async ({ page }) => {
  await openEditor(page);
  // Some progress in 2023, as an area manager would have recorded it.
  const withProgress = {
    ...snapshot2023,
    progress: { 'programmazione-pta-i1': { level: 3, updated_at: '2023-10-01T10:00:00Z' } },
  };
  await page.evaluate((s) => localStorage.setItem('cruscotto.state', JSON.stringify(s)), withProgress);
  await page.goto('/');
  const aruo = page.locator('#area-scores tr[data-area="ARUO"] td.score');
  await aruo.waitFor({ timeout: 20_000 });
  assert.notEqual((await aruo.innerText()).trim(), '—', 'ARUO has a score before the copy');

  await page.goto('/editor');
  await openEditor(page);
  await page.locator('#editor-next-year').click();
  const confirm = page.locator('.confirm-box', { hasText: 'copia di sicurezza' });
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /2024/);
  await page.locator('#editor-confirm-replace').click();
  await page.locator('.notice.ok', { hasText: '2024' }).waitFor();
  assert.equal(await page.locator(`#${'f-plan-year'}`).inputValue(), '2024');
  assert.equal(await page.locator('#f-plan-id').inputValue(), 'polimi-2024');

  // The dates moved, the words did not: the texts still naming 2023 are listed,
  // each leading to its field.
  const oldYear = page.locator('#editor-old-year');
  await oldYear.waitFor();
  assert.match(await oldYear.locator('h2').innerText(), /Testi che citano ancora il 2023/);
  const survey = oldYear.locator('li a', { hasText: 'servizi ricevuti nel 2023' }).first();
  await survey.click();
  await page.waitForFunction(() => document.activeElement?.id?.startsWith('f-plan-objectives-'), null, { timeout: 5_000 });

  const backups = await page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.backups') ?? '[]'));
  assert.ok(backups.length >= 1, 'a backup was taken');
  const saved = JSON.parse(backups[0].snapshot);
  assert.equal(saved.plan.year, 2023);
  assert.ok(saved.progress['programmazione-pta-i1'], 'the backup keeps the 2023 progress');

  await page.goto('/');
  await page.locator('main', { hasText: '2024' }).waitFor({ timeout: 20_000 });
  await page.locator('#area-scores td.score').first().waitFor();
  const scores = await page.locator('#area-scores td.score').allInnerTexts();
  assert.ok(scores.length > 0 && scores.every((s) => s.trim().startsWith('—')), `no scores: ${scores}`);
});

app.test('starts a new empty plan that survives a reload', { path: '/editor' }, async ({ page }) => {
  await openEditor(page);
  await page.locator('#f-plan-title').fill('Piano di prova');
  await page.locator('#editor-new-empty').click();
  await page.locator('.confirm-box', { hasText: 'copia di sicurezza' }).waitFor();
  await page.locator('#editor-confirm-replace').click();
  await page.locator('#editor-list-count', { hasText: '0 obiettivi su 0' }).waitFor();
  assert.equal(await page.locator('#f-plan-title').inputValue(), 'Nuovo piano');
  assert.equal(await page.locator('#editor-weight-sums tbody tr').count(), snapshot2023.plan.areas.length);

  await page.locator('#f-plan-title').fill('Piano 2025 in bozza');
  await page.reload();
  await openEditor(page);
  assert.equal(await page.locator('#f-plan-title').inputValue(), 'Piano 2025 in bozza');
  await page.locator('#editor-list-count', { hasText: '0 obiettivi su 0' }).waitFor();
  const backups = await page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.backups') ?? '[]'));
  assert.equal(JSON.parse(backups[0].snapshot).plan.title, 'Piano di prova');
});

app.test('the editor has no serious or critical accessibility violations', { path: '/editor' }, async ({ t, page }) => {
  await openEditor(page);
  await openObjective(page, 'soddisfazione-docenti');
  await page.locator('fieldset.indicator').first().getByLabel('Soglia: valore').fill('9');
  await page.locator('.field-issue').first().waitFor();
  await expectNoSeriousA11yViolations(page, t);
});
