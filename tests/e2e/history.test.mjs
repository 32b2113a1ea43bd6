// History (snapshot version 3) against the release build: a value recorded over
// an earlier one adds a point to the indicator's chart and to the area's score
// over time; a version-1 snapshot still imports; the what-if panel scores tried
// values without touching saved data until "Applica".
//
// Expected scores come from the embedded 2023 plan: soddisfazione-residenze-i1
// (ACL only) has threshold 3, target 4, excellence 5; in ATE riassetto-bassini
// and impianti-fotovoltaici weigh 15 each; soddisfazione-docenti is measured
// per area, so the what-if panel tries ATE's own result.

import assert from 'node:assert/strict';

import { LOAD, DEFAULT, importProgress, expectText } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';


const app = useApp();

/** Waits until `selector` matches exactly `count` elements, then asserts it. */
async function expectCount(page, selector, count) {
  try {
    await page.waitForFunction(
      ([sel, n]) => document.querySelectorAll(sel).length === n,
      [selector, count],
      { timeout: 5_000 },
    );
  } catch {
    // Reported by the assertion below.
  }
  assert.equal(await page.locator(selector).count(), count, selector);
}

async function storedState(page) {
  return page.evaluate(() => localStorage.getItem('cruscotto.state'));
}

/**
 * The stored state once it holds `value` in `field` of an indicator's entry:
 * saves are gathered for up to 300 ms, so a read right after a change could
 * see the state before it.
 */
async function savedState(page, indicator, field, value) {
  await page
    .waitForFunction(
      ([id, f, want]) =>
        JSON.parse(localStorage.getItem('cruscotto.state') ?? '{}').progress?.[id]?.[f] === want,
      [indicator, field, value],
      { timeout: 5_000 },
    )
    .catch(() => {
      // The assertions on the returned state say what was stored instead.
    });
  return JSON.parse(await storedState(page));
}

app.test('a value recorded over an earlier one adds a point to the charts; same-day typing does not', async ({ t, page }) => {
  await importProgress(page, {
    'soddisfazione-residenze-i1': {
      value: '4.2',
      updated_at: '2023-06-30T10:00:00Z',
      history: [{ at: '2023-03-31T10:00:00Z', value: '3.6', updated_by: 'ATE' }],
    },
  });
  await page.goto('/objective/soddisfazione-residenze');
  await page.locator('#objective-title').waitFor(LOAD);
  const chart = '#history-soddisfazione-residenze-i1';
  await expectCount(page, `${chart} circle.timeline-dot`, 2);
  const svg = page.locator(`${chart} svg`);
  assert.equal(await svg.getAttribute('role'), 'img');
  assert.match(await svg.getAttribute('aria-label'), /^Livello dell'indicatore nel tempo: 2 punti, dal 31\/03\/2023 al 30\/06\/2023, ultimo valore 3,00$/);

  // A new value on another day: the previous one becomes a point.
  await page.fill('#value-soddisfazione-residenze-i1', '5');
  await expectCount(page, `${chart} circle.timeline-dot`, 3);
  // More typing the same day replaces today's point instead of adding one.
  await page.fill('#value-soddisfazione-residenze-i1', '4,8');
  await page.fill('#value-soddisfazione-residenze-i1', '5');
  await expectCount(page, `${chart} circle.timeline-dot`, 3);

  await page.click(`${chart} summary`);
  const rows = page.locator(`${chart} tbody tr`);
  assert.equal(await rows.count(), 3);
  assert.match(await rows.nth(0).innerText(), /31\/03\/2023\s+3,6 scala 1–6\s+1,00/);
  assert.match(await rows.nth(1).innerText(), /30\/06\/2023\s+4,2 scala 1–6\s+3,00/);
  assert.match(await rows.nth(2).innerText(), /5 scala 1–6\s+4,00/);
  await expectNoSeriousA11yViolations(page, t);

  const stored = await savedState(page, 'soddisfazione-residenze-i1', 'value', '5');
  assert.equal(stored.version, 6);
  const entry = stored.progress['soddisfazione-residenze-i1'];
  assert.equal(entry.value, '5');
  assert.deepEqual(
    entry.history.map((p) => [p.at, p.value]),
    [['2023-03-31T10:00:00Z', '3.6'], ['2023-06-30T10:00:00Z', '4.2']],
  );

  // The area's score over time has the same three days.
  await page.goto('/area/ACL');
  await page.locator('#area-score-ACL').waitFor(LOAD);
  await expectCount(page, '#area-timeline-ACL circle.timeline-dot', 3);
  assert.match(
    await page.locator('#area-timeline-ACL svg').getAttribute('aria-label'),
    /^Punteggio nel tempo dell'area ACL: 3 punti, dal 31\/03\/2023/,
  );
});

app.test('a version-1 snapshot still imports and is saved as the current version (6)', async ({ page }) => {
  await importProgress(page, { 'riassetto-bassini-i1': { level: 3, note: 'in linea' } }, { version: 1 });
  await page.goto('/area/ATE');
  await page.locator('#area-score-ATE').waitFor(LOAD);
  await expectText(page, '#area-score-ATE', '3,00');
  const stored = await savedState(page, 'riassetto-bassini-i1', 'level', 3);
  assert.equal(stored.version, 6);
  assert.deepEqual(stored.progress['riassetto-bassini-i1'], { level: 3, note: 'in linea' });
  // The 2023 plan's scales came with the migration (version 3 → 4).
  const survey = stored.plan.objectives.find((o) => o.id === 'soddisfazione-docenti').indicators[0];
  assert.deepEqual(survey.scale, { min: '1', max: '6' });
});

app.test('the what-if panel scores tried values without saving them until Apply', async ({ t, page }) => {
  await importProgress(page, {
    'riassetto-bassini-i1': { level: 1, updated_at: '2023-03-10T09:00:00Z' },
  });
  await page.goto('/area/ATE');
  await page.locator('#area-score-ATE').waitFor(LOAD);
  await expectText(page, '#area-score-ATE', '1,00');
  const before = await storedState(page);
  assert.ok(before, 'the imported state is stored');

  await page.click('#what-if-toggle');
  await page.locator('#what-if-panel').waitFor();
  assert.equal(await page.locator('#what-if-toggle').getAttribute('aria-expanded'), 'true');
  await expectText(page, '#whatif-current', '1,00');
  await expectText(page, '#whatif-score', '1,00');

  await page.selectOption('#whatif-riassetto-bassini-i1', '4');
  await expectText(page, '#whatif-score', '4,00');
  await page.selectOption('#whatif-impianti-fotovoltaici-i1', '3');
  // (15·4 + 15·3) / 30
  await expectText(page, '#whatif-score', '3,50');
  // A number typed the Italian way: docenti 4,2 is at target (3), weight 5.
  await page.fill('#whatif-soddisfazione-docenti-i1', '4,2');
  // (60 + 45 + 5·3) / 35
  await expectText(page, '#whatif-score', '3,43');
  // Valid numbers show no error (a `display` rule once beat `hidden`).
  assert.equal(await page.locator('#what-if-panel .field-error:visible').count(), 0, 'no error under valid numbers');
  await page.fill('#whatif-rotazione-rup-i1', '12,x');
  assert.equal(await page.locator('#whatif-rotazione-rup-i1').getAttribute('aria-invalid'), 'true');
  await expectText(page, '#whatif-score', '3,43');
  await page.fill('#whatif-rotazione-rup-i1', '');

  // Nothing saved, nothing scored for real.
  await expectText(page, '#whatif-current', '1,00');
  await expectText(page, '#area-score-ATE', '1,00');
  assert.equal(await storedState(page), before, 'storage untouched by what-if');
  await expectNoSeriousA11yViolations(page, t);

  // Reset drops the tries.
  await page.click('#whatif-reset');
  await expectText(page, '#whatif-score', '1,00');
  assert.equal(await page.locator('#whatif-riassetto-bassini-i1').inputValue(), '1');
  assert.equal(await storedState(page), before);

  await page.selectOption('#whatif-riassetto-bassini-i1', '4');
  await page.selectOption('#whatif-impianti-fotovoltaici-i1', '3');
  await expectText(page, '#whatif-score', '3,50');
  await page.click('#whatif-apply');
  // Nothing is written before the confirmation, which lists both values.
  await page.locator('#whatif-confirm').waitFor();
  assert.equal(await page.locator('#whatif-writes li').count(), 2);
  assert.match(await page.locator('#whatif-moved').innerText(), /ATE: 1,00 → 3,50/);
  assert.equal(await storedState(page), before);
  await page.click('#whatif-confirm-apply');
  await expectText(page, '#area-score-ATE', '3,50');
  await expectText(page, '#whatif-current', '3,50');
  const stored = await savedState(page, 'riassetto-bassini-i1', 'level', 4);
  assert.equal(stored.progress['riassetto-bassini-i1'].level, 4);
  assert.equal(stored.progress['impianti-fotovoltaici-i1'].level, 3);
  // Applied values are stamped, and the replaced level is kept in the history.
  assert.ok(stored.progress['riassetto-bassini-i1'].updated_at);
  assert.deepEqual(
    stored.progress['riassetto-bassini-i1'].history.map((p) => [p.at, p.level]),
    [['2023-03-10T09:00:00Z', 1]],
  );
});

app.test(
  'applying a simulation asks first, lists every area whose score moves, and keeps an emptied measurement unless told',
  async ({ t, page }) => {
    await importProgress(page, {
      'metodologia-bim-i1': { level: 1, updated_at: '2023-03-10T09:00:00Z' },
      'riassetto-bassini-i1': { level: 3, updated_at: '2023-03-10T09:00:00Z' },
    });
    await page.goto('/area/ATE');
    await page.locator('#area-score-ATE').waitFor(LOAD);
    await page.click('#what-if-toggle');
    await page.locator('#what-if-panel').waitFor();
    // BIM is shared with AGIS: raising it moves AGIS's score too, and says so.
    await page.selectOption('#whatif-metodologia-bim-i1', '4');
    // Emptying the Bassini level would delete a real measurement.
    await page.selectOption('#whatif-riassetto-bassini-i1', '');
    const before = await storedState(page);
    await page.click('#whatif-apply');
    await page.locator('#whatif-confirm').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'whatif-confirm-heading', null, { timeout: 5_000 });
    const bim = page.locator('#whatif-writes li[data-indicator="metodologia-bim-i1"]');
    assert.match(await bim.innerText(), /condiviso anche da AGIS/);
    const moved = await page.locator('#whatif-moved li').evaluateAll((li) => li.map((l) => l.dataset.area));
    assert.deepEqual(moved.sort(), ['AGIS', 'ATE']);
    const clear = page.locator('#whatif-clear-riassetto-bassini-i1');
    assert.equal(await clear.isChecked(), false, 'an emptied field is kept unless ticked');
    await expectNoSeriousA11yViolations(page, t);
    assert.equal(await storedState(page), before, 'nothing written before confirming');

    // Confirmed without ticking: BIM is written, the Bassini level is kept.
    await page.click('#whatif-confirm-apply');
    const stored = await savedState(page, 'metodologia-bim-i1', 'level', 4);
    assert.equal(stored.progress['riassetto-bassini-i1'].level, 3);
  },
);
