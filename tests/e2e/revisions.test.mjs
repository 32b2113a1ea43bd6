// Changes during the year (issue #18): the office adopts the 2023 plan, then
// moves a deadline later, lowers a numeric target and drops an objective
// giving its weight to another, each recorded with a reason and an act. The
// area screens and the overview show both scores, the registry lists the
// three changes, the report and its workbook carry them, and a copy for 2024
// is the revised plan, not adopted, with no results.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { importProgress, LOAD } from './support/app.mjs';
import { useApp } from './support/browser.mjs';
import { sharedStrings, unzip } from './support/zip.mjs';

const app = useApp();

// Results between the old and the new bars, so each change moves a score.
const PROGRESS = {
  'nuove-aule-i1': { done_on: '2023-07-10' },
  'piano-manutenzioni-i1': { value: '87' },
  'programmazione-pta-i1': { level: 4 },
  'promozione-opportunita-professionali-i1': { level: 1 },
};

async function openObjective(page, id) {
  await page.locator('#editor-search').fill(id);
  await page.locator(`.objective-item[data-objective="${id}"]`).click();
  await page.locator('.objective-form h3 .objective-id', { hasText: id }).waitFor();
}

async function typeDate(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Tab');
}

/** Records the changes shown in the revision form. */
async function record(page, { effective, act, reason }, id) {
  await typeDate(page, '#revision-effective', effective);
  await page.fill('#revision-act', act);
  await page.fill('#revision-reason', reason);
  await page.click('#revision-record');
  await page.locator('#revision-recorded', { hasText: `Rimodulazione ${id} registrata.` }).waitFor();
  await page.locator('#revision-form').waitFor({ state: 'detached' });
}

async function stored(page) {
  return page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.state')));
}

app.test('an adopted plan keeps every change as a revision, shows both scores, and copies to next year as a draft', async ({ page }) => {
  await importProgress(page, PROGRESS);

  // Adoption: a date and an act.
  await page.goto('/editor');
  await page.locator('#adoption-adopt').waitFor(LOAD);
  await typeDate(page, '#adoption-date', '31/01/2023');
  await page.fill('#adoption-act', 'Delibera CdA 31/01/2023');
  await page.click('#adoption-adopt');
  await page.locator('#adoption-state', { hasText: 'Piano adottato il 31/01/2023 con «Delibera CdA 31/01/2023».' }).waitFor();

  // 1. A deadline moved later: nuove-aule's target from 30/06 to 15/07.
  await openObjective(page, 'nuove-aule');
  const target = page.locator('fieldset.indicator').first().getByLabel('Target: valore');
  await target.fill('15/07/2023');
  await target.press('Tab');
  await page.locator('#revision-form').waitFor();
  assert.match(await page.locator('#revision-changes').innerText(), /Target di nuove-aule-i1: 30\/06\/2023 → 15\/07\/2023/);
  // The what-if of the revision: AAF's score with and without it.
  assert.match(await page.locator('#revision-effects').innerText(), /AAF 1,00 → 3,00/);
  // Without a reason nothing is recorded, and the message stands at the field.
  await typeDate(page, '#revision-effective', '20/06/2023');
  await page.fill('#revision-act', 'Decreto DG n. 4512 del 20/06/2023');
  await page.click('#revision-record');
  await page.locator('#revision-reason-error', { hasText: 'Scrivi la motivazione.' }).waitFor();
  assert.equal(await page.locator('#revision-reason').getAttribute('aria-invalid'), 'true');
  assert.equal((await stored(page)).plan.revisions, undefined, 'nothing recorded');
  await expectNoSeriousA11yViolations(page, 'editor with a revision to record');
  await record(page, {
    effective: '20/06/2023',
    act: 'Decreto DG n. 4512 del 20/06/2023',
    reason: 'Ritardo della consegna dei lavori da parte dell’impresa',
  }, 'r1');

  // 2. A numeric target lowered: piano-manutenzioni from 90 to 85.
  await openObjective(page, 'piano-manutenzioni');
  const number = page.locator('fieldset.indicator').first().getByLabel('Target: valore');
  await number.fill('85');
  await number.press('Tab');
  await page.locator('#revision-changes', { hasText: 'Target di piano-manutenzioni-i1: 90 → 85' }).waitFor();
  await record(page, {
    effective: '25/07/2023',
    act: 'Delibera CdA 25/07/2023',
    reason: 'Riduzione del budget di manutenzione deliberata in assestamento',
  }, 'r2');

  // 3. An objective dropped, its 10 % in ARUO given to programmazione-pta.
  await openObjective(page, 'promozione-opportunita-professionali');
  await page.click('#editor-delete-objective');
  await page.locator('#objective-delete-kept').waitFor();
  await page.click('#editor-confirm-delete-objective');
  await openObjective(page, 'programmazione-pta');
  await page.getByLabel("Peso (%) per l'area ARUO").fill('25');
  await page.locator('#editor-weight-sums tr[data-area="ARUO"]:not(.sum-off)').waitFor();
  const changes = page.locator('#revision-changes');
  await changes.locator('li li', { hasText: 'Obiettivo rimosso (pesi: ARUO 10 %)' }).waitFor();
  await changes.locator('li li', { hasText: 'Peso ARUO: 15 % → 25 %' }).waitFor();
  await record(page, {
    effective: '25/07/2023',
    act: 'Delibera CdA 25/07/2023',
    reason: 'Obiettivo superato dalla riorganizzazione dell’area',
  }, 'r3');

  // Saved a moment after the last change.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('cruscotto.state')).plan.revisions?.length === 3);
  const state = await stored(page);
  assert.deepEqual(state.plan.revisions.map((r) => r.id), ['r1', 'r2', 'r3']);
  assert.equal(state.plan.unrecorded, undefined);
  assert.ok(state.progress['promozione-opportunita-professionali-i1'], 'the dropped objective’s result is kept');

  // Both scores, on the area screen and the overview (after a reload: stored).
  await page.goto('/area/ARUO');
  await page.locator('#area-original-score').waitFor(LOAD);
  assert.match(await page.locator('#area-score-ARUO').innerText(), /4,00/);
  assert.match(await page.locator('#area-original-score').innerText(), /sul piano originale: 2,80/);
  await page.goto('/area/AGIS');
  await page.locator('#area-original-score', { hasText: 'sul piano originale: 1,00' }).waitFor(LOAD);
  await page.goto('/');
  await page.locator('tr[data-area="AAF"] .original-score', { hasText: '1,00' }).waitFor(LOAD);
  // An area no change touched shows one score only.
  assert.equal(await page.locator('tr[data-area="ATE"] .original-score').count(), 0);

  // The objective's screen says which bar its level is measured against.
  await page.goto('/objective/piano-manutenzioni');
  await page.locator('#objective-revisions').waitFor(LOAD);
  assert.match(await page.locator('#objective-revisions').innerText(), /Rimodulazione 2 · 25\/07\/2023 \(«Delibera CdA 25\/07\/2023»\): Target di piano-manutenzioni-i1: 90 → 85/);

  // The registry: three changes, each with its act, reason and effect.
  await page.goto('/registry');
  await page.locator('.revision-card').first().waitFor(LOAD);
  assert.equal(await page.locator('.revision-card').count(), 3);
  const r1 = page.locator('#revision-r1');
  assert.match(await r1.innerText(), /Decreto DG n\. 4512 del 20\/06\/2023/);
  assert.match(await r1.innerText(), /AAF 1,00 → 3,00/);
  const r3 = page.locator('#revision-r3');
  assert.match(await r3.innerText(), /Obiettivo rimosso \(pesi: ARUO 10 %\)/);
  assert.match(await r3.innerText(), /ARUO 2,80 → 4,00/);
  await expectNoSeriousA11yViolations(page, 'registry');

  // The report: the registry section and the score against the original plan.
  await page.goto('/report');
  await page.locator('#report-registry').waitFor(LOAD);
  assert.equal(await page.locator('#report-registry .revision-card').count(), 3);
  assert.match(await page.locator('#report-areas tr[data-code="ARUO"]').innerText(), /sul piano originale: 2,80/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-xlsx')]);
  const workbook = unzip(await readFile(await download.path()));
  const strings = sharedStrings(workbook);
  for (const text of ['Punteggio sul piano originale', 'Delibera CdA 25/07/2023', 'Obiettivo rimosso (pesi: ARUO 10 %)', 'Target di piano-manutenzioni-i1: 90 → 85']) {
    assert.ok(strings.includes(text), `the workbook holds ${text}`);
  }
  assert.match(workbook['xl/workbook.xml'], /name="Rimodulazioni"/);
  // One area's report lists only the revisions that touch it.
  await page.goto('/report/ARUO');
  await page.locator('#report-registry').waitFor(LOAD);
  assert.deepEqual(
    await page.locator('#report-registry .revision-card').evaluateAll((cards) => cards.map((c) => c.id)),
    ['revision-r3'],
  );

  // A copy for 2024: the revised plan, no results, not adopted.
  await page.goto('/editor');
  await page.locator('#editor-next-year').waitFor(LOAD);
  await page.click('#editor-next-year');
  await page.click('#editor-confirm-replace');
  await page.locator('#adoption-adopt').waitFor();
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('cruscotto.state')).plan.year === 2024);
  const next = await stored(page);
  assert.equal(next.plan.year, 2024);
  assert.equal(next.plan.adoption, undefined);
  assert.equal(next.plan.revisions, undefined);
  assert.deepEqual(next.progress, {});
  const ids = next.plan.objectives.map((o) => o.id);
  assert.ok(!ids.includes('promozione-opportunita-professionali'), 'the dropped objective stays dropped');
  const byId = (id) => next.plan.objectives.find((o) => o.id === id);
  assert.equal(byId('piano-manutenzioni').indicators[0].target.value, '85');
  assert.equal(byId('nuove-aule').indicators[0].target.value, '2024-07-15');
  assert.equal(byId('programmazione-pta').assignments[0].weight, '25');
  await page.goto('/registry');
  await page.locator('#registry-not-adopted').waitFor(LOAD);

});

app.test('discarding unrecorded changes puts the adopted values back', { path: '/editor' }, async ({ page }) => {
  await page.locator('#adoption-adopt').waitFor(LOAD);
  await typeDate(page, '#adoption-date', '31/01/2023');
  await page.fill('#adoption-act', 'Delibera CdA 31/01/2023');
  await page.click('#adoption-adopt');
  await page.locator('#adoption-state').waitFor();
  await openObjective(page, 'piano-manutenzioni');
  const number = page.locator('fieldset.indicator').first().getByLabel('Target: valore');
  await number.fill('70');
  await number.press('Tab');
  await page.locator('#revision-form').waitFor();
  // A date before the adoption is refused at its field.
  await typeDate(page, '#revision-effective', '01/01/2023');
  await page.fill('#revision-act', 'Delibera');
  await page.fill('#revision-reason', 'Prova');
  await page.click('#revision-record');
  await page.locator('#revision-effective-error', { hasText: 'La decorrenza non può precedere l’adozione del piano.' }).waitFor();
  await page.click('#revision-discard');
  await page.click('#revision-discard-confirm');
  await page.locator('#revision-form').waitFor({ state: 'detached' });
  assert.equal(await number.inputValue(), '90');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('cruscotto.state')).plan.adoption !== undefined);
  await page.waitForTimeout(500);
  const state = await stored(page);
  assert.equal(state.plan.unrecorded, undefined);
  assert.equal(state.plan.revisions, undefined);

});
