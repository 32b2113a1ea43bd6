// Consolidation and comparison against the release build: several area files
// merged at once into the local data (dropped or chosen together), a conflict
// resolved by hand, files of another plan or broken files refused without
// touching the data, and the comparison page that imports nothing.

import assert from 'node:assert/strict';

import { DEFAULT, jsonFile, overviewScores, snapshotWith } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';

// One file per area, each filling only indicators of its area (as in the engine's
// merge test): APEC sito-ateneo at target; ARUO programmazione-pta at excellence
// and promozione-opportunita at threshold; ASICT polimiapp at excellence, which
// also weighs in ADID. `cruscotto score` on the union gives APEC 3,00, ARUO 2,80
// ((15 × 4 + 10 × 1) / 25), ASICT 4,00, ADID 4,00 and nothing elsewhere.
const APEC = { 'sito-ateneo-i1': { level: 3, updated_at: '2023-06-01T10:00:00Z', updated_by: 'apec' } };
const ARUO = {
  'programmazione-pta-i1': { level: 4, updated_at: '2023-06-02T10:00:00Z', updated_by: 'aruo' },
  'promozione-opportunita-professionali-i1': { level: 1, updated_at: '2023-06-02T10:00:00Z', updated_by: 'aruo' },
};
const ASICT = { 'polimiapp-i1': { level: 4, updated_at: '2023-06-03T10:00:00Z', updated_by: 'asict' } };

const app = useApp();

async function gotoTransfer(page) {
  await page.goto('/transfer');
  await page.locator('#consolidate-files').waitFor({ timeout: 20_000 });
}

/**
 * Everything the app stores, as raw text, once the app has stored its state:
 * on a first visit it writes the shipped plan within its 300 ms save window,
 * so reading earlier would catch the moment before.
 */
async function storedData(page) {
  await page.waitForFunction(() => localStorage.getItem('cruscotto.state') !== null, null, {
    timeout: 5_000,
  });
  return rawStorage(page);
}

function rawStorage(page) {
  return page.evaluate(() => ({
    state: localStorage.getItem('cruscotto.state'),
    backups: localStorage.getItem('cruscotto.backups'),
  }));
}

/** Drops files on an element as a browser does: one DataTransfer holding them all. */
async function dropFiles(page, selector, files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await page.dispatchEvent(selector, 'drop', { dataTransfer });
}

app.test('three area files dropped at once give the consolidated scores on the overview', async ({ t, page }) => {
  await gotoTransfer(page);
  await dropFiles(page, '#consolidate-drop-zone', [
    { name: 'APEC.json', text: snapshotWith(APEC) },
    { name: 'ARUO.json', text: snapshotWith(ARUO) },
    { name: 'ASICT.json', text: snapshotWith(ASICT) },
  ]);
  const preview = page.locator('#consolidate-preview');
  await preview.waitFor();
  assert.equal(await preview.locator('#consolidate-files-table tbody tr').count(), 3);
  assert.match(await page.locator('#consolidate-conflicts').innerText(), /Nessun conflitto/);
  assert.equal(await preview.locator('.progress-added li').count(), 4);
  const after = (area) => preview.locator(`#preview-areas tr[data-area="${area}"] td.after`).innerText();
  assert.equal(await after('ARUO'), '2,80');
  assert.equal(await preview.locator('#preview-areas tr[data-area="ARUO"] td.before').innerText(), '—');
  await expectNoSeriousA11yViolations(page, t);

  await page.click('#consolidate-confirm');
  await page.locator('#consolidate-outcome .alert-success').waitFor();
  const scores = await overviewScores(page);
  assert.deepEqual(
    { APEC: scores.APEC, ARUO: scores.ARUO, ASICT: scores.ASICT, ADID: scores.ADID, AAF: scores.AAF },
    { APEC: '3,00', ARUO: '2,80', ASICT: '4,00', ADID: '4,00', AAF: '—' },
  );

  // A second batch merges into what is stored: the local data takes part.
  await gotoTransfer(page);
  await page.setInputFiles('#consolidate-files', [
    jsonFile('AAF.json', snapshotWith({}, (s) => ({
      ...s,
      progress_by_area: { AAF: { 'soddisfazione-docenti-i1': { value: '4.2', updated_at: '2023-07-01T10:00:00Z' } } },
    }))),
  ]);
  await page.locator('#consolidate-preview').waitFor();
  await page.click('#consolidate-confirm');
  await page.locator('#consolidate-outcome .alert-success').waitFor();
  // Docenti is measured per area: AAF's own result (at target, 3) moves AAF
  // only, though ARUO and ASICT weigh the same objective.
  const later = await overviewScores(page);
  assert.deepEqual(
    { ARUO: later.ARUO, ASICT: later.ASICT, ADID: later.ADID, AAF: later.AAF },
    { ARUO: '2,80', ASICT: '4,00', ADID: '4,00', AAF: '3,00' },
  );
  const stored = await storedData(page);
  const state = JSON.parse(stored.state);
  assert.deepEqual(
    Object.keys(state.progress).sort(),
    [...Object.keys(APEC), ...Object.keys(ARUO), ...Object.keys(ASICT)].sort(),
    'the first batch is kept',
  );
  assert.equal(state.progress_by_area.AAF['soddisfazione-docenti-i1'].value, '4.2');
  assert.equal(JSON.parse(stored.backups)[0].reason, 'consolidate');
});

app.test('two files disagreeing on one indicator: the newer wins unless the other value is picked', async ({ t, page }) => {
  await gotoTransfer(page);
  const stored = await storedData(page);
  const older = { 'soddisfazione-residenze-i1': { value: '3', updated_at: '2023-05-01T10:00:00Z', updated_by: 'rossi' } };
  const newer = {
    'soddisfazione-residenze-i1': { value: '5', updated_at: '2023-06-01T10:00:00Z', updated_by: 'bianchi' },
    'sito-ateneo-i1': { level: 3 },
  };
  await page.setInputFiles('#consolidate-files', [
    jsonFile('vecchio.json', snapshotWith(older)),
    jsonFile('nuovo.json', snapshotWith(newer)),
  ]);
  const conflicts = page.locator('#consolidate-conflicts');
  await conflicts.waitFor();
  const conflict = conflicts.locator('fieldset.conflict[data-indicator="soddisfazione-residenze-i1"]');
  assert.equal(await conflicts.locator('fieldset.conflict').count(), 1);
  const text = await conflict.innerText();
  const title = DEFAULT.plan.objectives.find((o) => o.id === 'soddisfazione-residenze').title;
  assert.ok(text.includes(title), text);
  assert.match(text, /ACL/);
  assert.match(text, /5 · nuovo\.json · 01\/06\/2023 \d\d:\d\d · bianchi/, text);
  assert.match(text, /3 · vecchio\.json · 01\/05\/2023 \d\d:\d\d · rossi/, text);
  const [newest, other] = await conflict.locator('input[type="radio"]').all();
  assert.ok(await newest.isChecked(), 'the newer value is selected');
  assert.ok(!(await other.isChecked()));
  // Residenze alone in ACL: 5 is at excellence (4), 3 at threshold (1).
  const aclAfter = page.locator('#preview-areas tr[data-area="ACL"] td.after');
  assert.equal(await aclAfter.innerText(), '4,00');
  await expectNoSeriousA11yViolations(page, t);

  // Picking the older value updates the preview before anything is stored.
  await other.check();
  await page.locator('#preview-areas tr[data-area="ACL"] td.after', { hasText: /^1,00$/ }).waitFor();
  assert.deepEqual(await storedData(page), stored, 'nothing stored before confirming');
  await page.click('#consolidate-confirm');
  await page.locator('#consolidate-outcome .alert-success').waitFor();

  const state = JSON.parse((await storedData(page)).state);
  assert.equal(state.progress['soddisfazione-residenze-i1'].value, '3');
  assert.equal(state.progress['soddisfazione-residenze-i1'].updated_by, 'rossi');
  assert.equal(state.progress['sito-ateneo-i1'].level, 3, 'the other entries are merged');
});

app.test('files of another plan and broken files are set aside, each with its reason, and the good ones stay ready', async ({ t, page }) => {
  await gotoTransfer(page);
  await page.setInputFiles('#consolidate-files', [jsonFile('APEC.json', snapshotWith(APEC))]);
  await page.locator('#consolidate-preview').waitFor();
  await page.click('#consolidate-confirm');
  await page.locator('#consolidate-outcome .alert-success').waitFor();
  const before = await storedData(page);

  const otherPlan = snapshotWith(ARUO, (s) => {
    s.plan.id = 'polimi-2024';
    s.plan.year = 2024;
    return s;
  });
  const invalid = snapshotWith(ASICT, (s) => {
    s.plan.objectives[0].assignments[0].area = 'XYZ';
    return s;
  });
  await page.setInputFiles('#consolidate-files', [
    jsonFile('ASICT.json', snapshotWith(ASICT)),
    jsonFile('piano-2024.json', otherPlan),
    jsonFile('rotto.json', '{ "format": '),
    jsonFile('area-sconosciuta.json', invalid),
  ]);
  // The three bad files are set aside, each with its reasons; ASICT's good
  // file stays ready to merge without being chosen again.
  const blocked = page.locator('#consolidate-set-aside');
  await blocked.waitFor();
  assert.match(await page.locator('#consolidate-set-aside-heading').innerText(), /File lasciati da parte: 3/);
  assert.match(await blocked.innerText(), /gli altri \(1\) sono pronti/);
  assert.deepEqual(
    await page.locator('#consolidate-files-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.file)),
    ['ASICT.json'],
  );

  const mismatch = blocked.locator('.plan-mismatch[data-source="piano-2024.json"]');
  const mismatchText = await mismatch.innerText();
  assert.match(mismatchText, /polimi-2024/);
  assert.match(mismatchText, /anno: 2023 → 2024/, mismatchText);
  assert.equal(await blocked.locator('.plan-mismatch').count(), 1, 'only the file of another plan');

  assert.match(await blocked.locator('.import-errors[data-source="rotto.json"]').innerText(), /riga 1/);
  const unknown = await blocked.locator('.import-errors[data-source="area-sconosciuta.json"]').innerText();
  assert.match(unknown, /plan\.objectives\[0\]\.assignments\[0\]\.area/, unknown);
  assert.equal(await blocked.locator('.import-errors').count(), 2);
  await expectNoSeriousA11yViolations(page, t);
  assert.deepEqual(await storedData(page), before, 'stored data untouched before confirming');

  // Confirming merges the good file only.
  await page.click('#consolidate-confirm');
  await page.locator('#consolidate-outcome .alert-success').waitFor();
  const after = await storedData(page);
  assert.notDeepEqual(after.state, before.state, "ASICT's results merged");
  assert.equal(JSON.parse(after.state).plan.id, JSON.parse(before.state).plan.id, 'the plan of the other file is not taken');

  // A batch of bad files only: nothing to merge, every reason listed.
  await page.setInputFiles('#consolidate-files', [jsonFile('rotto.json', '{ "format": ')]);
  await page.locator('#consolidate-blocked').waitFor();
  assert.equal(await page.locator('#consolidate-confirm').count(), 0);
});

app.test('compare shows what differs from a snapshot and stores nothing', async ({ t, page }) => {
  await gotoTransfer(page);
  await page.setInputFiles('#consolidate-files', [jsonFile('APEC.json', snapshotWith(APEC))]);
  await page.locator('#consolidate-preview').waitFor();
  await page.click('#consolidate-confirm');
  await page.locator('#consolidate-outcome .alert-success').waitFor();
  const before = await storedData(page);

  await page.getByRole('navigation').getByRole('link', { name: 'Confronta' }).click();
  await page.locator('h1', { hasText: 'Confronta con uno snapshot' }).waitFor({ timeout: 20_000 });
  const other = snapshotWith(ARUO, (s) => {
    s.plan.objectives[0].title += ' (rev.)';
    return s;
  });
  await page.setInputFiles('#compare-file', jsonFile('altro.json', other));
  const result = page.locator('#compare-result');
  await result.waitFor();
  assert.match(await result.locator('h3').innerText(), /altro\.json/);
  assert.deepEqual(await result.locator('.objectives-changed li').allInnerTexts(), [DEFAULT.plan.objectives[0].id]);
  assert.deepEqual(
    (await result.locator('.progress-added li').allInnerTexts()).sort(),
    Object.keys(ARUO).sort(),
  );
  assert.deepEqual(await result.locator('.progress-removed li').allInnerTexts(), ['sito-ateneo-i1']);
  assert.match(await result.innerText(), /Avanzamenti solo nei dati locali/);
  const apec = result.locator('#preview-areas tr[data-area="APEC"]');
  assert.equal(await apec.locator('td.before').innerText(), '3,00');
  assert.equal(await apec.locator('td.after').innerText(), '—');
  assert.equal(await result.locator('#preview-areas tr[data-area="ARUO"] td.after').innerText(), '2,80');
  await expectNoSeriousA11yViolations(page, t);

  // A broken file shows its errors, still without storing anything.
  await page.setInputFiles('#compare-file', jsonFile('rotto.json', 'non è json'));
  await page.locator('#compare-errors').waitFor();
  assert.match(await page.locator('#compare-errors').innerText(), /rotto\.json/);

  assert.deepEqual(await storedData(page), before, 'compare stores nothing');
});
