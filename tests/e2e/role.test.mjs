// Who uses Cruscotto (issue #15), against the release build: a new user
// chooses "manager of ARUO" on the overview, sees their objectives and what is
// left, records results signed with their name, is asked before changing
// another area's result, is refused a value outside the scale, and exports
// ARUO's results only; the planning office consolidates that file and reads
// ARUO's results with their author.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { DEFAULT, LOAD, expectText, overviewScores } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();

/** The areas an indicator's objective weighs in, from the shipped plan. */
function areasOf(indicator) {
  const o = DEFAULT.plan.objectives.find((x) => x.indicators.some((i) => i.id === indicator));
  return o.assignments.map((a) => a.area);
}

app.test('a manager of ARUO chooses the role, records signed results, exports ARUO only, and the office reads them', async ({ t, page }) => {
  // The question is a panel beside the scores, never a gate.
  const panel = page.locator('#role-panel');
  await panel.waitFor(LOAD);
  assert.ok(await page.locator('#area-scores tbody tr').first().isVisible(), 'the scores are there at once');
  await expectNoSeriousA11yViolations(page, t);
  await page.selectOption('#role-panel-area', 'ARUO');
  await page.fill('#role-panel-name', 'Maria Rossi');
  await page.click('#role-panel-save');
  await panel.waitFor({ state: 'detached' });

  // Their area first: ten objectives, all still to assess.
  const mine = page.locator('#my-area');
  await mine.waitFor();
  assert.match(await mine.locator('h2').innerText(), /ARUO/);
  await expectText(page, '#my-area-counts', '10 obiettivi · 10 da valutare · 0 sotto il target');
  assert.equal(await page.locator('#my-area-to-assess li').count(), 10);

  // A result, signed.
  await page.goto('/objective/programmazione-pta?area=ARUO');
  await page.locator('#objective-title').waitFor(LOAD);
  await page.locator('#level-programmazione-pta-i1-4').check();
  await page.locator('#updated-programmazione-pta-i1', { hasText: 'Maria Rossi (ARUO)' }).waitFor({ timeout: 5_000 });

  // AGIS's maintenance plan is not ARUO's: asked first, naming whose score moves.
  await page.goto('/objective/piano-manutenzioni');
  await page.locator('#objective-title').waitFor(LOAD);
  const guard = page.locator('.guard-notice');
  await guard.waitFor();
  assert.match(await guard.innerText(), /AGIS/);
  assert.ok(await page.locator('#value-piano-manutenzioni-i1').isDisabled(), 'locked until the manager says so');
  await expectNoSeriousA11yViolations(page, t);
  await guard.locator('.guard-unlock').click();
  assert.ok(await page.locator('#value-piano-manutenzioni-i1').isEnabled());
  await page.fill('#value-piano-manutenzioni-i1', '85');
  await expectText(page, '#area-score-AGIS', '1,00');

  // A 7 on the 1–6 scale is refused with the reason; 4,5 is recorded.
  await page.goto('/objective/soddisfazione-docenti?area=ARUO');
  await page.locator('#per-area-hint').waitFor(LOAD);
  await page.fill('#value-soddisfazione-docenti-i1--ARUO', '7');
  await page.locator('#value-error-soddisfazione-docenti-i1--ARUO', { hasText: 'Fuori scala' }).waitFor({ timeout: 5_000 });
  await page.fill('#value-soddisfazione-docenti-i1--ARUO', '4,5');
  await expectText(page, '#area-objective-level-ARUO', '3,00 · target');

  await page.goto('/');
  await expectText(page, '#my-area-counts', '10 obiettivi · 8 da valutare · 0 sotto il target');
  // (15 · 4 + 10 · 3) / 25: provisional, and it says on how much weight.
  await expectText(page, '#my-area-score', '3,60');
  assert.match(await page.locator('#my-area .badge-provisional').innerText(), /provvisorio: su 25 % del peso/);
  assert.match(await page.locator('#area-scores tr[data-area="ARUO"] td.score').innerText(), /3,60\s+provvisorio: su 25 % del peso/);
  const managerScores = await overviewScores(page);

  // The export holds ARUO's results only, and says so.
  await page.goto('/transfer');
  await page.locator('#export-area-only').waitFor(LOAD);
  assert.ok(await page.locator('#export-area-only').isChecked(), 'ARUO only by default');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  const text = await readFile(await download.path(), 'utf8');
  const file = JSON.parse(text);
  assert.equal(file.area, 'ARUO');
  assert.deepEqual(Object.keys(file.progress), ['programmazione-pta-i1']);
  assert.ok(!('piano-manutenzioni-i1' in file.progress), "AGIS's result stays here");
  for (const id of Object.keys(file.progress)) assert.ok(areasOf(id).includes('ARUO'), id);
  assert.deepEqual(Object.keys(file.progress_by_area), ['ARUO']);
  assert.equal(file.progress['programmazione-pta-i1'].updated_by, 'Maria Rossi (ARUO)');
  assert.equal(file.progress_by_area.ARUO['soddisfazione-docenti-i1'].updated_by, 'Maria Rossi (ARUO)');

  // The planning office, on its own device, consolidates the file.
  const office = await app.open(t, '/transfer');
  const op = office.page;
  await op.locator('#consolidate-files').waitFor(LOAD);
  await op.setInputFiles('#consolidate-files', [{ name: 'ARUO.json', mimeType: 'application/json', buffer: Buffer.from(text) }]);
  await op.locator('#consolidate-preview').waitFor();
  await op.click('#consolidate-confirm');
  await op.locator('#consolidate-outcome .alert-success').waitFor();
  const officeScores = await overviewScores(op);
  assert.equal(officeScores.ARUO, managerScores.ARUO, "ARUO's score as its manager saw it");
  assert.equal(officeScores.AGIS, '—', "AGIS's result did not travel");
  await op.goto('/objective/programmazione-pta');
  await op.locator('#updated-programmazione-pta-i1', { hasText: 'Maria Rossi (ARUO)' }).waitFor(LOAD);
  await office.context.close();
});

app.test('the question can wait, never blocks a deep link, and is asked again in the settings', { path: '/area/ATE' }, async ({ page }) => {
  await page.locator('#area-score-ATE').waitFor(LOAD);
  assert.equal(await page.locator('#role-panel').count(), 0, 'a shared link opens where it points');
  await page.goto('/');
  await page.locator('#role-panel').waitFor(LOAD);
  await page.click('#role-panel-later');
  await page.locator('#role-panel').waitFor({ state: 'detached' });
  await page.reload();
  await page.locator('#area-scores tbody tr').first().waitFor(LOAD);
  assert.equal(await page.locator('#role-panel').count(), 0, 'not asked again');
  assert.equal(await page.locator('#my-area').count(), 0);

  // Until a role is chosen, every input is open, as before.
  await page.goto('/objective/piano-manutenzioni');
  await page.locator('#objective-title').waitFor(LOAD);
  assert.equal(await page.locator('.guard-notice').count(), 0);
  assert.ok(await page.locator('#value-piano-manutenzioni-i1').isEnabled());

  // The settings ask again: the office sees every area, no "my area".
  await page.goto('/settings');
  await page.locator('#settings-role-office').waitFor(LOAD);
  await page.check('#settings-role-office');
  await page.click('#settings-role-save');
  await page.goto('/');
  await page.locator('#area-scores tbody tr').first().waitFor(LOAD);
  assert.equal(await page.locator('#my-area').count(), 0);
  assert.equal(await page.locator('#role-panel').count(), 0);
});
