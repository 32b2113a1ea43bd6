// The manager's path: overview → area → objective, recording a milestone, numbers
// typed the Italian way and a completion date, with the scores the engine
// computes shown as they type and kept across a reload.
//
// Expected scores are worked out from the embedded 2023 plan (weights in ATE:
// campus-bovisa-nord 15, riassetto-bassini 15, soddisfazione-docenti 5,
// which is measured per area: ATE records its own result).

import assert from 'node:assert/strict';

import { LOAD, expectText, expectValue, openObjective, openArea } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();

app.test('a manager goes from the overview to an objective and records a date, a number and a milestone', async ({ t, page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  await page.locator('#area-scores a[href="/area/ATE"]').click();
  await page.locator('#area-score-ATE').waitFor(LOAD);
  assert.match(await page.locator('h1').innerText(), /ATE\s+Area Tecnico Edilizia/);
  // Focus moves to the new page's heading, not back to <body>.
  await page.waitForFunction(() => document.activeElement?.matches('main h1'), null, { timeout: 5_000 });
  await expectText(page, '#area-score-ATE', '—');
  await expectText(page, '#area-weight-sum', '100');

  // Date: done on 15 September 2023, before the excellence date (30/09/2023) → 4.
  await page.locator('#area-objectives a', { hasText: 'Avvio progetto Campus Bovisa Nord' }).click();
  await page.locator('#objective-title').waitFor(LOAD);
  assert.equal(new URL(page.url()).pathname, '/objective/campus-bovisa-nord');
  await page.fill('#done-on-campus-bovisa-nord-i1', '15/09/2023');
  await expectText(page, '#objective-level', '4,00 · eccellenza');
  await expectText(page, '#area-score-ATE', '4,00');
  assert.match(await page.locator('#updated-campus-bovisa-nord-i1').innerText(), /Ultimo aggiornamento: \d\d\/\d\d\/\d{4} \d\d:\d\d/);

  // Number typed key by key, Italian style: 4,2 is the target → 3.
  await openObjective(page, 'soddisfazione-docenti');
  const field = page.locator('#value-soddisfazione-docenti-i1--ATE');
  await field.pressSequentially('4,2');
  assert.equal(await field.evaluate((el) => el === document.activeElement), true, 'the field keeps the focus while typing');
  await expectText(page, '#indicator-level-soddisfazione-docenti-i1--ATE', '3,00 · target');
  // Measured per area: the level is ATE's, and no other area's score moves.
  await expectText(page, '#area-objective-level-ATE', '3,00 · target');
  await expectText(page, '#objective-level-ATE', '3,00');
  await expectText(page, '#objective-level', 'Un livello per area (vedi la tabella)');
  // ATE: (15·4 + 5·3) / 20 = 3,75; ARUO weighs the same objective but has
  // recorded nothing of its own.
  await expectText(page, '#area-score-ATE', '3,75');
  await expectText(page, '#area-score-ARUO', '—');
  assert.match(await page.locator('#still-needed-soddisfazione-docenti-i1--ATE').innerText(), /livello 4 · eccellenza serve almeno 5 scala 1–6/);

  // Milestone: target.
  await openObjective(page, 'riassetto-bassini');
  await page.locator('#level-riassetto-bassini-i1-3').check();
  await expectText(page, '#objective-level', '3,00 · target');
  // ATE: (15·4 + 5·3 + 15·3) / 35 = 120/35 = 3,428… → 3,43.
  await expectText(page, '#area-score-ATE', '3,43');
  await page.fill('#note-riassetto-bassini-i1', 'Verbale del 12/10, in attesa di firma');

  // The area page agrees, and everything survives a reload.
  await openArea(page, 'ATE');
  await expectText(page, '#area-score-ATE', '3,43');
  await expectText(page, '#area-percent', '114,3 %');
  await expectText(page, '#area-weight', '35 / 100 %');
  await page.reload();
  await page.locator('#area-score-ATE').waitFor(LOAD);
  await expectText(page, '#area-score-ATE', '3,43');
  await expectNoSeriousA11yViolations(page, t);

  await openObjective(page, 'soddisfazione-docenti');
  await expectValue(page, '#value-soddisfazione-docenti-i1--ATE', '4,2');
  await expectText(page, '#area-objective-level-ATE', '3,00 · target');
  await openObjective(page, 'campus-bovisa-nord');
  await expectValue(page, '#done-on-campus-bovisa-nord-i1', '15/09/2023');
  await expectText(page, '#objective-level', '4,00 · eccellenza');
  await openObjective(page, 'riassetto-bassini');
  assert.equal(await page.locator('#level-riassetto-bassini-i1-3').isChecked(), true);
  await expectValue(page, '#note-riassetto-bassini-i1', 'Verbale del 12/10, in attesa di firma');
  await expectText(page, '#area-score-ATE', '3,43');
});

app.test('numbers with thousands separators score each indicator, and the objective once all are in', { path: '/objective/risparmio-energetico' }, async ({ t, page }) => {
  await page.locator('#objective-title').waitFor(LOAD);
  // Lower is better: exactly the threshold → 1.
  await page.fill('#value-risparmio-energetico-a', '41.079.930');
  await expectText(page, '#indicator-level-risparmio-energetico-a', '1,00 · soglia');
  await expectText(page, '#objective-level', 'non valutato');
  assert.match(
    await page.locator('#still-needed-risparmio-energetico-a').innerText(),
    /livello 3 · target serve al massimo 39\.403\.198 kWh/,
  );
  await page.fill('#value-risparmio-energetico-b', '32.168');
  await page.fill('#value-risparmio-energetico-c', '1.000,5');
  await expectText(page, '#indicator-level-risparmio-energetico-b', '3,00 · target');
  await expectText(page, '#indicator-level-risparmio-energetico-c', '4,00 · eccellenza');
  await expectText(page, '#still-needed-risparmio-energetico-c', 'Eccellenza raggiunta: non serve altro.');
  // Mean of 1, 3 and 4 = 2,67; AGIS has only this objective (weight 20) assessed.
  await expectText(page, '#objective-level', '2,67 · soglia');
  await expectText(page, '#area-score-AGIS', '2,67');
  await expectNoSeriousA11yViolations(page, t);

  await page.reload();
  await page.locator('#objective-title').waitFor(LOAD);
  await expectValue(page, '#value-risparmio-energetico-a', '41.079.930');
  await expectValue(page, '#value-risparmio-energetico-c', '1.000,5');
  await expectText(page, '#area-score-AGIS', '2,67');
});

app.test('an invalid number shows an error next to the field and changes nothing stored, and an area\'s own result moves only its score', { path: '/objective/soddisfazione-docenti' }, async ({ t, page }) => {
  await page.locator('#objective-title').waitFor(LOAD);
  const field = page.locator('#value-soddisfazione-docenti-i1--ARUO');
  await field.fill('4,2');
  await expectText(page, '#area-score-ARUO', '3,00');
  // ARUO's satisfaction is ARUO's: AAF, which weighs the same objective, is untouched.
  await expectText(page, '#area-score-AAF', '—');
  await expectText(page, '#objective-level-AAF', '—');
  await field.fill('abc');
  const error = page.locator('#value-error-soddisfazione-docenti-i1--ARUO');
  await error.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await error.innerText(), /Numero non valido/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await field.getAttribute('aria-describedby'), /value-error-soddisfazione-docenti-i1/);
  await expectText(page, '#area-score-ARUO', '3,00');
  await expectText(page, '#area-objective-level-ARUO', '3,00 · target');
  await expectNoSeriousA11yViolations(page, t);

  // What is stored is still 4,2.
  await page.reload();
  await page.locator('#objective-title').waitFor(LOAD);
  await expectValue(page, '#value-soddisfazione-docenti-i1--ARUO', '4,2');
  assert.equal(await page.locator('#value-error-soddisfazione-docenti-i1--ARUO').isVisible(), false);
  await expectText(page, '#area-score-ARUO', '3,00');

  // Emptying the field clears the assessment.
  await page.locator('#value-soddisfazione-docenti-i1--ARUO').fill('');
  await expectText(page, '#area-score-ARUO', '—');
});

app.test('a value outside the indicator\'s scale is refused with the reason, and a fraction typed for a percentage is asked about', { path: '/objective/soddisfazione-docenti' }, async ({ t, page }) => {
  await page.locator('#objective-title').waitFor(LOAD);
  const field = page.locator('#value-soddisfazione-docenti-i1--ARUO');
  await field.fill('4,2');
  await expectText(page, '#area-score-ARUO', '3,00');
  // A 7 on the 1–6 survey scale would score excellence: refused, with the maximum.
  await field.fill('7');
  const error = page.locator('#value-error-soddisfazione-docenti-i1--ARUO');
  await error.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await error.innerText(), /Fuori scala: il valore non può superare 6/);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await expectText(page, '#area-score-ARUO', '3,00');
  await page.reload();
  await page.locator('#objective-title').waitFor(LOAD);
  await expectValue(page, '#value-soddisfazione-docenti-i1--ARUO', '4,2');

  // 0,6 where the levels are 80–100 %: nothing is recorded until the manager answers.
  await page.goto('/objective/piano-manutenzioni');
  await page.locator('#objective-title').waitFor(LOAD);
  await page.fill('#value-piano-manutenzioni-i1', '0,6');
  const question = page.locator('#value-question-piano-manutenzioni-i1');
  await question.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await question.innerText(), /intendevi 60 %\?/);
  await expectText(page, '#objective-level', 'non valutato');
  await expectNoSeriousA11yViolations(page, t);
  await question.locator('.value-use-suggested').click();
  await expectValue(page, '#value-piano-manutenzioni-i1', '60');
  assert.equal(await question.isVisible(), false);
  // 60 % is below the 80 % threshold.
  await expectText(page, '#objective-level', '0,00 · sotto soglia');

  // A completion date of another year is recorded but questioned.
  await openObjective(page, 'campus-bovisa-nord');
  await page.fill('#done-on-campus-bovisa-nord-i1', '15/09/2032');
  const year = page.locator('#done-on-year-campus-bovisa-nord-i1');
  await year.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await year.innerText(), /non è nel 2023/);
  await page.fill('#done-on-campus-bovisa-nord-i1', '15/09/2023');
  await year.waitFor({ state: 'hidden', timeout: 5_000 });
});

app.test('a deadline can be recorded as missed', { path: '/objective/campus-bovisa-nord' }, async ({ page }) => {
  await page.locator('#objective-title').waitFor(LOAD);
  await page.locator('#missed-campus-bovisa-nord-i1').check();
  await expectText(page, '#objective-level', '0,00 · sotto soglia');
  await expectText(page, '#area-score-ATE', '0,00');
  // A date entered afterwards replaces the missed mark: 31/10 is the target date.
  await page.fill('#done-on-campus-bovisa-nord-i1', '31/10/2023');
  await expectText(page, '#objective-level', '3,00 · target');
  assert.equal(await page.locator('#missed-campus-bovisa-nord-i1').isChecked(), false);
});

app.test(
  "dates are typed and shown in the interface's language, not the browser's",
  { path: '/objective/campus-bovisa-nord', context: { locale: 'en-US' } },
  async ({ t, page }) => {
    await page.locator('#objective-title').waitFor(LOAD);
    const field = page.locator('#done-on-campus-bovisa-nord-i1');
    // An American browser under the Italian interface: day first, as Italians write it.
    assert.equal(await field.getAttribute('placeholder'), 'gg/mm/aaaa');
    await field.fill('05/10/2023');
    await field.blur();
    await expectText(page, '#objective-level', '3,00 · target');
    await expectValue(page, '#done-on-campus-bovisa-nord-i1', '05/10/2023');
    // What is not a date says so and records nothing.
    await field.fill('31/02/2023');
    await field.blur();
    const error = page.locator('#done-on-campus-bovisa-nord-i1-error');
    await error.waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await error.innerText(), /Data non valida/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await expectText(page, '#objective-level', '3,00 · target');
    await expectNoSeriousA11yViolations(page, t);
    // In English the same date reads as the English screens write it.
    await page.selectOption('#lang-select', 'en');
    await expectValue(page, '#done-on-campus-bovisa-nord-i1', '5 Oct 2023');
    await field.fill('30 Sep 2023');
    await field.blur();
    await expectText(page, '#objective-level', '4.00 · excellence');
  },
);

/** The objective ids of the area table's rows, top to bottom. */
function rowIds(page) {
  return page.locator('#area-objectives tbody tr[data-objective]').evaluateAll((rows) =>
    rows.map((r) => r.dataset.objective),
  );
}

app.test('the area table filters and sorts', async ({ t, page }) => {
  await openObjective(page, 'metodologia-bim');
  await page.locator('#level-metodologia-bim-i1-1').check();
  await openObjective(page, 'riassetto-bassini');
  await page.locator('#level-riassetto-bassini-i1-4').check();
  await openArea(page, 'ATE');

  assert.equal((await rowIds(page)).length, 10);
  // The contribution column: 5·1/20 and 15·4/20.
  await expectText(page, '#area-objectives tr[data-objective="metodologia-bim"] .contribution', '0,25');
  await expectText(page, '#area-objectives tr[data-objective="riassetto-bassini"] .contribution', '3,00');
  await expectText(page, '#area-objectives tr[data-objective="campus-bovisa-nord"] .contribution', '—');
  await expectText(page, '#area-score-ATE', '3,25');

  await page.locator('#filter-below-target').check();
  assert.deepEqual(await rowIds(page), ['metodologia-bim']);
  await page.locator('#filter-below-target').uncheck();

  await page.selectOption('#filter-status', 'not-assessed');
  assert.equal((await rowIds(page)).length, 8);
  await page.selectOption('#filter-status', 'assessed');
  assert.deepEqual(await rowIds(page), ['riassetto-bassini', 'metodologia-bim']);
  await page.selectOption('#filter-status', 'all');

  await page.selectOption('#filter-pillar', 'processi-interni');
  assert.deepEqual(await rowIds(page), ['qualificazione-stazioni-appaltanti', 'metodologia-bim', 'rotazione-rup']);
  assert.match(await page.locator('#area-shown-count').innerText(), /3 obiettivi mostrati su 10/);
  await page.locator('#filter-reset').click();
  assert.equal((await rowIds(page)).length, 10);

  // Sorting by weight: ascending, then descending, with aria-sort on the header.
  const weightHeader = page.locator('#area-objectives thead th', { hasText: 'Peso' });
  await weightHeader.locator('button').click();
  assert.equal(await weightHeader.getAttribute('aria-sort'), 'ascending');
  const weights = () =>
    page.locator('#area-objectives tbody td.weight').evaluateAll((tds) => tds.map((td) => Number(td.textContent)));
  assert.deepEqual(await weights(), [5, 5, 5, 5, 5, 15, 15, 15, 15, 15]);
  await weightHeader.locator('button').click();
  assert.equal(await weightHeader.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(await weights(), [15, 15, 15, 15, 15, 5, 5, 5, 5, 5]);

  // By level, descending: excellence first, then threshold, then not assessed.
  const levelHeader = page.locator('#area-objectives thead th', { hasText: 'Livello' });
  await levelHeader.locator('button').click();
  await levelHeader.locator('button').click();
  assert.equal(await levelHeader.getAttribute('aria-sort'), 'descending');
  assert.deepEqual((await rowIds(page)).slice(0, 2), ['riassetto-bassini', 'metodologia-bim']);
  assert.equal(await weightHeader.getAttribute('aria-sort'), 'none');

  // By title, ascending, as a reader would sort them.
  const titleHeader = page.locator('#area-objectives thead th', { hasText: 'Obiettivo' }).first();
  await titleHeader.locator('button').click();
  const titles = await page.locator('#area-objectives tbody th a').allInnerTexts();
  const sorted = [...titles].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()));
  assert.deepEqual(titles, sorted);

  await expectNoSeriousA11yViolations(page, t);
});

app.test('the area can be marked as mine, and it stays so', { path: '/area/ARUO' }, async ({ page }) => {
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  const button = page.locator('#my-area-button');
  assert.equal(await button.getAttribute('aria-pressed'), 'false');
  await button.click();
  assert.equal(await button.getAttribute('aria-pressed'), 'true');
  await page.reload();
  await page.locator('#area-score-ARUO').waitFor(LOAD);
  assert.equal(await page.locator('#my-area-button').getAttribute('aria-pressed'), 'true');
});

app.test('an unknown area shows a friendly message with a way back', { path: '/area/NOPE' }, async ({ page }) => {
  await page.locator('h1', { hasText: 'Area non trovata' }).waitFor(LOAD);
  assert.match(await page.locator('main').innerText(), /NOPE/);
  await page.locator('main a[href="/"]').click();
  await page.locator('#area-scores').waitFor(LOAD);
});

app.test('an unknown objective shows a friendly message with a way back', { path: '/objective/nessuno' }, async ({ page }) => {
  await page.locator('h1', { hasText: 'Obiettivo non trovato' }).waitFor(LOAD);
  assert.match(await page.locator('main').innerText(), /nessuno/);
  assert.equal(await page.locator('main a[href="/"]').count(), 1);
});
