// The yearly cycle (issue #17), against the release build: ARUO's manager
// records a result with evidence and submits it (a sealed file); ASICT's
// manager submits too; the office consolidates both files and an altered copy
// of ARUO's (a result changed after sealing), sees on the campaign screen ARUO
// submitted with a broken seal, ASICT submitted and the seven other areas late,
// returns ASICT with a remark and validates ARUO with one level changed and
// why; ARUO's screen then shows the self-assessed and the validated score. A
// comparison of two managers' files lists each changed result with before,
// after, date and author, and never a row for a timestamp alone.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { LOAD, expectText, jsonFile } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';
import { sharedStrings, unzip } from './support/zip.mjs';

const app = useApp();

/** Chooses "manager of `area`" with `name` in the overview's role panel. */
async function becomeManager(page, area, name) {
  await page.goto('/');
  await page.locator('#role-panel').waitFor(LOAD);
  await page.selectOption('#role-panel-area', area);
  await page.fill('#role-panel-name', name);
  await page.click('#role-panel-save');
  await page.locator('#role-panel').waitFor({ state: 'detached' });
}

/** Submits `area` from its screen; returns the downloaded file's text. */
async function submit(page, area) {
  await page.goto(`/area/${area}`);
  await page.locator('#submit-area').waitFor(LOAD);
  await page.click('#submit-area');
  await page.locator('#submit-panel').waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#submit-confirm')]);
  await page.locator('#submit-status .text-success').waitFor();
  return readFile(await download.path(), 'utf8');
}

app.test('a manager submits with evidence, the office sees broken seals and late areas, returns one and validates another', async ({ t, page }) => {
  // ARUO's manager: a result and its evidence.
  await becomeManager(page, 'ARUO', 'Maria Rossi');
  await page.goto('/objective/programmazione-pta?area=ARUO');
  await page.locator('#objective-title').waitFor(LOAD);
  await page.locator('#level-programmazione-pta-i1-4').check();
  const evidence = page.locator('section.evidence[data-indicator="programmazione-pta-i1"]');
  await evidence.locator('summary').click();
  // A link that is not a web address is refused at its field, and nothing is added.
  await page.selectOption('#evidence-kind-programmazione-pta-i1', 'link');
  await page.fill('#evidence-title-programmazione-pta-i1', 'Pagina della programmazione');
  await page.fill('#evidence-reference-programmazione-pta-i1', 'javascript:alert(1)');
  await evidence.locator('.evidence-submit').click();
  await expectText(page, '#evidence-reference-error-programmazione-pta-i1', 'Un link deve essere un indirizzo che inizia con http:// o https://.');
  assert.equal(await evidence.locator('.evidence-item').count(), 0);
  await page.fill('#evidence-reference-programmazione-pta-i1', 'https://www.polimi.it/programmazione');
  await evidence.locator('.evidence-submit').click();
  await evidence.locator('.evidence-item').first().waitFor();
  // A protocol number, dated, with the fingerprint of the document.
  await page.selectOption('#evidence-kind-programmazione-pta-i1', 'protocol');
  await page.fill('#evidence-title-programmazione-pta-i1', 'Delibera CdA');
  await page.fill('#evidence-reference-programmazione-pta-i1', 'Prot. 123456/2023');
  await page.fill('#evidence-date-programmazione-pta-i1', '25/07/2023');
  await page.setInputFiles('#evidence-file-programmazione-pta-i1', { name: 'delibera.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 delibera') });
  await page.locator('#evidence-file-status-programmazione-pta-i1', { hasText: 'Impronta di delibera.pdf' }).waitFor();
  await evidence.locator('.evidence-submit').click();
  await page.waitForFunction(() => document.querySelectorAll('section.evidence[data-indicator="programmazione-pta-i1"] .evidence-item').length === 2);
  // Only the link opens, in a new tab; the protocol number is text.
  const link = evidence.locator('a.evidence-reference');
  assert.equal(await link.count(), 1);
  assert.equal(await link.getAttribute('href'), 'https://www.polimi.it/programmazione');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await expectNoSeriousA11yViolations(page, t);
  // Kept across a reload.
  await page.reload();
  await page.locator('section.evidence[data-indicator="programmazione-pta-i1"] .evidence-item').nth(1).waitFor(LOAD);

  // Submitting says what is not assessed yet (a warning, not a block).
  await page.goto('/area/ARUO');
  await page.locator('#submit-area').waitFor(LOAD);
  await page.click('#submit-area');
  assert.equal(await page.locator('#submit-not-assessed li').count(), 9);
  await expectNoSeriousA11yViolations(page, t);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#submit-confirm')]);
  const aruoText = await readFile(await download.path(), 'utf8');
  const aruo = JSON.parse(aruoText);
  assert.equal(aruo.version, 6);
  assert.equal(aruo.area, 'ARUO');
  assert.equal(aruo.area_status.ARUO.state, 'submitted');
  assert.equal(aruo.area_status.ARUO.submitted_by, 'Maria Rossi (ARUO)');
  assert.match(aruo.area_status.ARUO.seal, /^[0-9a-f]{64}$/);
  const items = aruo.progress['programmazione-pta-i1'].evidence;
  assert.deepEqual(items.map((e) => e.kind), ['link', 'protocol']);
  assert.equal(items[1].date, '2023-07-25');
  assert.match(items[1].sha256, /^[0-9a-f]{64}$/);
  await page.locator('#area-review [data-state="submitted"]').waitFor();
  assert.equal(await page.locator('#area-seal-broken').count(), 0);
  // A change after submitting shows at once that the sent file no longer matches.
  await page.goto('/objective/programmazione-pta?area=ARUO');
  await page.locator('#level-programmazione-pta-i1-3').waitFor(LOAD);
  await page.locator('#level-programmazione-pta-i1-3').check();
  await page.goto('/area/ARUO');
  await page.locator('#area-seal-broken').waitFor(LOAD);
  // The altered copy: the file exported after that change, status unchanged.
  const altered = structuredClone(aruo);
  altered.progress['programmazione-pta-i1'].level = 1;
  altered.progress['programmazione-pta-i1'].updated_at = '2030-01-01T10:00:00Z';

  // ASICT's manager, on another device.
  const asictDevice = await app.open(t, '/');
  const ap = asictDevice.page;
  await becomeManager(ap, 'ASICT', 'Luca Bianchi');
  await ap.goto('/objective/polimiapp?area=ASICT');
  await ap.locator('#level-polimiapp-i1-3').waitFor(LOAD);
  await ap.locator('#level-polimiapp-i1-3').check();
  const asictText = await submit(ap, 'ASICT');
  await asictDevice.context.close();

  // The planning office consolidates the three files.
  const office = await app.open(t, '/transfer');
  const op = office.page;
  await op.locator('#consolidate-files').waitFor(LOAD);
  await op.setInputFiles('#consolidate-files', [
    jsonFile('ARUO.json', aruoText),
    jsonFile('ASICT.json', asictText),
    jsonFile('ARUO-modificato.json', JSON.stringify(altered)),
  ]);
  await op.locator('#consolidate-preview').waitFor();
  const filesTable = op.locator('#consolidate-files-table');
  assert.match(await filesTable.locator('tr[data-file="ARUO.json"]').innerText(), /ARUO: Inviata, sigillo valido/);
  assert.match(await filesTable.locator('tr[data-file="ARUO-modificato.json"]').innerText(), /SIGILLO NON VALIDO/);
  // The preview says whose state changes.
  assert.match(await op.locator('#statuses-changed li[data-area="ARUO"]').innerText(), /ARUO: Bozza → Inviata/);
  assert.match(await op.locator('#statuses-changed li[data-area="ASICT"]').innerText(), /ASICT: Bozza → Inviata/);
  await op.click('#consolidate-confirm');
  await op.locator('#consolidate-outcome .alert-success').waitFor();

  // The campaign: ARUO with a broken seal, ASICT submitted, seven late.
  await op.goto('/campaign');
  await op.locator('#campaign-table').waitFor(LOAD);
  const row = (area) => op.locator(`#campaign-table tr[data-area="${area}"]`);
  assert.equal(await row('ARUO').getAttribute('data-state'), 'submitted');
  assert.equal(await row('ARUO').locator('.seal-broken').count(), 1);
  assert.equal(await row('ASICT').getAttribute('data-state'), 'submitted');
  assert.equal(await row('ASICT').locator('.seal-ok').count(), 1);
  assert.match(await row('ASICT').innerText(), /Luca Bianchi \(ASICT\)/);
  assert.equal(await op.locator('#campaign-table tr.late').count(), 7);
  assert.equal(await op.locator('#campaign-table tr[data-state="draft"]').count(), 7);
  await op.locator('#campaign-broken').waitFor();
  // What the files changed, area by area, against the state before them.
  await expectText(op, '#campaign-table tr[data-area="ARUO"] td.changed-since', '1');
  await expectText(op, '#campaign-table tr[data-area="ASICT"] td.changed-since', '1');
  await expectText(op, '#campaign-table tr[data-area="AAF"] td.changed-since', '—');
  await expectText(op, '#campaign-counts', 'Inviate: 2 su 9 · validate: 0 · in ritardo: 7');
  await expectNoSeriousA11yViolations(op, t);

  // ASICT goes back with a remark.
  await row('ASICT').locator('.review-open').click();
  await op.locator('#review-panel[data-area="ASICT"]').waitFor();
  await op.fill('#review-comment-polimiapp', 'Allegare il verbale di rilascio');
  await op.press('#review-comment-polimiapp', 'Tab');
  await op.click('#review-return');
  await op.locator('#review-status .text-success').waitFor();
  assert.equal(await row('ASICT').getAttribute('data-state'), 'returned');
  await op.click('#review-close');

  // ARUO is validated with one level changed, and why.
  await row('ARUO').locator('.review-open').click();
  await op.locator('#review-panel[data-area="ARUO"]').waitFor();
  await op.selectOption('#review-level-programmazione-pta', '4');
  await op.click('#review-validate');
  await op.locator('#review-reason-needed').waitFor();
  assert.equal(await row('ARUO').getAttribute('data-state'), 'submitted', 'nothing validated without a reason');
  await op.fill('#review-reason-programmazione-pta', 'Il livello inviato con il sigillo è documentato dalla delibera');
  await op.press('#review-reason-programmazione-pta', 'Tab');
  await op.click('#review-validate');
  await op.locator('#review-status .text-success').waitFor();
  assert.equal(await row('ARUO').getAttribute('data-state'), 'validated');
  await expectText(op, '#campaign-counts', 'Inviate: 1 su 9 · validate: 1 · in ritardo: 8');
  const scores = await row('ARUO').locator('td.num').allInnerTexts();
  assert.notEqual(scores[1], scores[2], 'self-assessed and validated differ');

  // The overview shows the office's score beside the self-assessed one.
  await op.goto('/');
  await op.locator('#area-scores tr[data-area="ARUO"] .validated-score').waitFor(LOAD);
  // ARUO's screen shows both scores and the office's word.
  await op.goto('/area/ARUO');
  await op.locator('#area-validated-score').waitFor(LOAD);
  assert.notEqual(await op.locator('#area-validated-score').innerText(), await op.locator('#area-self-score').innerText());
  assert.match(await op.locator('#office-remarks').innerText(), /documentato dalla delibera/);

  // The report and the workbook carry both scores and the evidence.
  await op.goto('/report/ARUO');
  await op.locator('.report-area').first().waitFor(LOAD);
  assert.match(await op.locator('.report-area-review').innerText(), /Revisione: Validata · inviata il .* da Maria Rossi \(ARUO\) · sigillo [0-9a-f]{64}/);
  assert.match(await op.locator('.report-area-validated').innerText(), /Punteggio validato dall’ufficio: \d,\d\d \(autovalutato: \d,\d\d\)/);
  assert.match(await op.locator('.report-objective[data-objective="programmazione-pta"] .report-objective-validated').innerText(), /Livello validato: 4,00 — Il livello inviato/);
  const reportEvidence = await op.locator('tr[data-indicator="programmazione-pta-i1"] .report-evidence').innerText();
  assert.match(reportEvidence, /Delibera CdA — Prot\. 123456\/2023 \(25\/07\/2023\) SHA-256 [0-9a-f]{64}/);
  assert.match(reportEvidence, /Pagina della programmazione — https:\/\/www\.polimi\.it\/programmazione/);
  const [xlsxDownload] = await Promise.all([op.waitForEvent('download'), op.click('#report-xlsx')]);
  const workbook = unzip(await readFile(await xlsxDownload.path()));
  const strings = sharedStrings(workbook);
  for (const text of ['Revisione', 'Punteggio validato', 'Sigillo (SHA-256)', 'Evidenze', 'Livello validato', 'Validata', 'Il livello inviato con il sigillo è documentato dalla delibera']) {
    assert.ok(strings.includes(text), `the workbook holds ${text}`);
  }
  assert.ok(strings.some((x) => x.startsWith('Pagina della programmazione — https://www.polimi.it/programmazione')), 'the evidence in the workbook');
  await office.context.close();
});

app.test('comparing two managers files lists each changed result with before, after, date and author, never a timestamp alone', async ({ page }) => {
  const base = (progress) => {
    return JSON.stringify({ format: 'cruscotto-snapshot', version: 5, ...structuredClone(JSON.parse(DEFAULT_TEXT)), progress });
  };
  const before = {
    'programmazione-pta-i1': { level: 4, updated_at: '2024-01-10T10:00:00Z', updated_by: 'Maria Rossi (ARUO)' },
    'supporto-vqr-i1': { level: 3, updated_at: '2024-01-10T10:00:00Z', updated_by: 'Maria Rossi (ARUO)' },
  };
  const after = structuredClone(before);
  after['programmazione-pta-i1'] = { level: 1, updated_at: '2024-01-20T09:30:00Z', updated_by: 'Paolo Verdi (ARUO)' };
  after['supporto-vqr-i1'].updated_at = '2024-01-21T08:00:00Z'; // a timestamp alone
  await page.goto('/compare');
  await page.locator('#compare-base-file').waitFor(LOAD);
  await page.setInputFiles('#compare-base-file', jsonFile('ARUO-gennaio.json', base(before)));
  await page.locator('#compare-base-name', { hasText: 'ARUO-gennaio.json' }).waitFor();
  await page.setInputFiles('#compare-file', jsonFile('ARUO-febbraio.json', base(after)));
  await page.locator('#changes-table').waitFor();
  const rows = page.locator('#changes-table tbody tr');
  assert.equal(await rows.count(), 1, 'the timestamp-only change is not a row');
  assert.equal(await rows.first().getAttribute('data-indicator'), 'programmazione-pta-i1');
  const beforeCell = await rows.first().locator('td.before').innerText();
  const afterCell = await rows.first().locator('td.after').innerText();
  assert.match(beforeCell, /livello 4/);
  assert.match(beforeCell, /Maria Rossi \(ARUO\)/);
  assert.match(afterCell, /livello 1/);
  assert.match(afterCell, /Paolo Verdi \(ARUO\)/);
  assert.match(afterCell, /20\/01\/2024/);
  // Only the timestamp differs: nothing changed.
  await page.setInputFiles('#compare-file', jsonFile('ARUO-copia.json', base({ ...before, 'supporto-vqr-i1': after['supporto-vqr-i1'] })));
  await page.locator('#changes-none').waitFor();
});

const DEFAULT_TEXT = await readFile(new URL('../../engine/data/polimi-2023.json', import.meta.url), 'utf8');

app.test('the office sets the self-assessment deadline in the editor, and the campaign counts lateness from it', async ({ page }) => {
  await page.goto('/campaign');
  await page.locator('#campaign-deadline').waitFor(LOAD);
  await expectText(page, '#campaign-deadline', 'Scadenza dell’autovalutazione: 31/01/2024');
  await page.goto('/editor');
  await page.locator('#plan-self-assessment-deadline').waitFor(LOAD);
  await page.fill('#plan-self-assessment-deadline', '31/12/2099');
  await page.press('#plan-self-assessment-deadline', 'Tab');
  await page.goto('/campaign');
  await expectText(page, '#campaign-deadline', 'Scadenza dell’autovalutazione: 31/12/2099');
  assert.equal(await page.locator('#campaign-table tr.late').count(), 0, 'nobody is late before the deadline');
});
