// The report for the Direzione Generale against the release build: the
// printable page (print media hides the app frame, Chromium prints it to a
// multi-page A4 PDF), and the XLSX and CSV downloads, each read back here: the
// workbook through a small zip reader, the CSV parsed with its dialect.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { DEFAULT, importProgress } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';
import { sharedStrings, unzip } from './support/zip.mjs';


// A note written to break a naive CSV (separator, quotes, a line break) and to
// run as a formula in a spreadsheet that trusted it.
const HOSTILE_NOTE = '=SOMMA(1;2) "citato"; fine\nseconda riga';

// programmazione-pta (ARUO only) at target with the hostile note;
// soddisfazione-residenze (ACL only) measured at 3,5.
const PROGRESS = {
  'programmazione-pta-i1': {
    level: 3,
    note: HOSTILE_NOTE,
    updated_at: '2026-11-20T10:30:00+01:00',
    updated_by: 'Rossi',
  },
  'soddisfazione-residenze-i1': { value: '3.5' },
};

const app = useApp();

async function gotoReport(page, path = '/report') {
  await page.goto(path);
  await page.locator('.report-area').first().waitFor({ timeout: 20_000 });
}

/** Clicks `selector` and returns the download's suggested name and bytes. */
async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), bytes: await readFile(await d.path()) };
}

/** RFC 4180 parsing: quoted fields may hold the separator, quotes and line breaks. */
function parseCsv(text, sep) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  assert.equal(field, '', 'the file ends with a line break');
  return rows;
}

app.test('the report shows the scorecard and every area with objectives, levels and notes', async ({ t, page }) => {
  await importProgress(page, PROGRESS);
  await page.goto('/');
  await page.locator('.report-link a').click();
  await page.locator('.report-area').first().waitFor({ timeout: 20_000 });
  assert.equal(new URL(page.url()).pathname, '/report');

  assert.match(await page.locator('h1').innerText(), /Report/);
  assert.match(await page.locator('#report-plan').innerText(), /2023/);
  assert.match(await page.locator('#report-date').innerText(), /^\d{2}\/\d{2}\/\d{4}$/);
  assert.equal(await page.locator('#report-areas tbody tr').count(), DEFAULT.plan.areas.length);
  assert.equal(await page.locator('#report-pillars tbody tr').count(), DEFAULT.plan.pillars.length);
  assert.match(await page.locator('#report-areas tr[data-code="ARUO"]').innerText(), /3,00.*provvisorio/s);
  assert.equal(await page.locator('.report-area').count(), DEFAULT.plan.areas.length);

  const objective = page.locator('.report-area[data-area="ARUO"] .report-objective[data-objective="programmazione-pta"]');
  assert.match(await objective.innerText(), /Peso: 15 %/);
  const row = objective.locator('tr[data-indicator="programmazione-pta-i1"]');
  assert.equal(await row.locator('.report-reached').innerText(), 'target');
  assert.match(await row.locator('.report-note').innerText(), /=SOMMA\(1;2\) "citato"; fine/);
  assert.match(await row.locator('.report-note').innerText(), /Rossi/);
  const residenze = page.locator('tr[data-indicator="soddisfazione-residenze-i1"]');
  assert.match(await residenze.locator('.report-reached').innerText(), /^3,5 scala 1–6$/);

  await expectNoSeriousA11yViolations(page, t);
});

app.test('one area has its own report, linked from the area page', async ({ page }) => {
  await importProgress(page, PROGRESS);
  await page.goto('/area/ARUO');
  await page.locator('.report-link a').click();
  await page.locator('.report-area').first().waitFor({ timeout: 20_000 });
  assert.equal(new URL(page.url()).pathname, '/report/ARUO');
  assert.equal(await page.locator('.report-area').count(), 1);
  assert.equal(await page.locator('#report-areas tbody tr').count(), 1);
  assert.equal(await page.locator('#report-pillars').count(), 0);
  assert.match(await page.locator('#report-scope').innerText(), /^ARUO — /);

  await page.goto('/report/XYZ');
  await page.locator('h1').waitFor();
  assert.match(await page.locator('article.report').innerText(), /«XYZ»/);
});

app.test('printed, the report drops the app frame and makes a multi-page A4 PDF', async ({ page }) => {
  await importProgress(page, PROGRESS);
  await gotoReport(page);
  assert.ok(await page.locator('.app-header nav').isVisible(), 'on screen the navigation shows');

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.app-header nav').isVisible(), false, 'navigation hidden in print');
  assert.equal(await page.locator('.app-header').isVisible(), false, 'header hidden in print');
  assert.equal(await page.locator('#report-print').isVisible(), false, 'buttons hidden in print');
  assert.ok(await page.locator('#report-areas').isVisible(), 'the scorecard prints');
  assert.ok(await page.locator('.report-area[data-area="ARUO"] h2').isVisible(), 'areas print');
  const style = await page.locator('.report-area[data-area="ACL"]').evaluate((el) => {
    const s = getComputedStyle(el);
    return { breakBefore: s.breakBefore, color: s.color };
  });
  assert.equal(style.breakBefore, 'page', 'each area starts a page');
  assert.equal(style.color, 'rgb(0, 0, 0)', 'black on white');
  const objectiveBreak = await page
    .locator('.report-objective')
    .first()
    .evaluate((el) => getComputedStyle(el).breakInside);
  assert.equal(objectiveBreak, 'avoid');

  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
  // The scorecard, then at least one page per area.
  assert.ok(pages.length > DEFAULT.plan.areas.length, `${pages.length} pages`);
  // A4 is 595 × 842 points.
  assert.match(pdf.toString('latin1'), /\/MediaBox\s*\[0 0 595(\.\d+)? 841(\.\d+)?\]|\/MediaBox\s*\[0 0 595(\.\d+)? 842(\.\d+)?\]/);
});

/** Whether poppler-utils' pdftotext is installed (scripts/setup.sh does not install it). */
function hasPdftotext() {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** The text of the page printed to PDF, page by page (pdftotext, poppler-utils). */
async function printedPages(page) {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  const dir = await mkdtemp(join(tmpdir(), 'cruscotto-report-'));
  try {
    await writeFile(join(dir, 'report.pdf'), pdf);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'report.pdf'), '-'], { encoding: 'utf8' });
    return text.split('\f').filter((p) => p.trim() !== '');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

app.test('every printed page has the header, the data cut-off and its number', async ({ t, page }) => {
  if (!hasPdftotext()) {
    t.skip('pdftotext (poppler-utils) is not installed');
    return;
  }
  await importProgress(page, PROGRESS);
  await gotoReport(page);
  assert.equal(await page.locator('#report-institution').innerText(), 'Politecnico di Milano');
  assert.match(await page.locator('#report-plan').innerText(), /Aree Dirigenziali 2023$/);
  // The cut-off is the newest result's stamp (10:30 in Rome), not today.
  assert.match(await page.locator('#report-as-of').innerText(), /^20\/11\/2026 \d{2}:30$/);

  await page.emulateMedia({ media: 'print' });
  const pages = await printedPages(page);
  assert.ok(pages.length > DEFAULT.plan.areas.length, `${pages.length} pages`);
  pages.forEach((text, i) => {
    assert.match(text, new RegExp(`pagina ${i + 1} di ${pages.length}`), `page ${i + 1} is numbered`);
    assert.match(text, /Politecnico di Milano · Obiettivi di Performance Organizzativa/, `page ${i + 1} header`);
    assert.match(text, /Dati aggiornati al 20\/11\/2026/, `page ${i + 1} footer`);
  });

  // In English, the words of the page number follow the interface.
  await page.emulateMedia({ media: 'screen' });
  await page.selectOption('#lang-select', 'en');
  await page.locator('h1', { hasText: 'Performance objectives report' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const english = await printedPages(page);
  assert.match(english[0], new RegExp(`page 1 of ${english.length}`));
  assert.match(english[0], /Data as of 20 Nov 2026/);

  // Leaving the report takes its header, footer and numbers with it.
  await page.emulateMedia({ media: 'screen' });
  await page.locator('.app-header nav a').first().click();
  await page.locator('#area-scores').waitFor();
  await page.emulateMedia({ media: 'print' });
  const overview = (await printedPages(page)).join('\n');
  assert.doesNotMatch(overview, /page 1 of|Data as of/);
});

app.test('one area\'s printed report starts on that area', async ({ t, page }) => {
  if (!hasPdftotext()) {
    t.skip('pdftotext (poppler-utils) is not installed');
    return;
  }
  await importProgress(page, PROGRESS);
  await gotoReport(page, '/report/ARUO');
  await page.emulateMedia({ media: 'print' });
  const pages = await printedPages(page);
  assert.match(pages[0], /pagina 1 di/);
  assert.match(pages[0], /ARUO — /);
  assert.match(pages[0], /Punteggio dell'area: 3,00/, 'the area on page 1');
  assert.match(pages[0], /Risultati raggiunti e scostamenti/, 'with its results');
});

app.test('each area opens with its results and gaps, and the distribution by level', async ({ t, page }) => {
  await importProgress(page, PROGRESS);
  await gotoReport(page);

  const pta = page.locator('#relazione-ARUO tr[data-objective="programmazione-pta"]');
  assert.match(await pta.locator('th').innerText(), /^Piano straordinario.*\(15 %\)/s);
  assert.equal(await pta.locator('.relazione-reached').innerText(), 'target');
  assert.equal(await pta.locator('.relazione-level-gap').innerText(), '0,00');
  // The note's first sentence (the hostile note has a line break: its first line).
  assert.equal(await pta.locator('.relazione-note').innerText(), '=SOMMA(1;2) "citato"; fine');
  const residenze = page.locator('#relazione-ACL tr[data-objective="soddisfazione-residenze"]');
  assert.equal(await residenze.locator('.relazione-gap').innerText(), '−0,5 scala 1–6');
  assert.equal(await residenze.locator('.relazione-level-gap').innerText(), '−2,00', 'at threshold: two levels below target');

  // An objective with several indicators: its own row, then one per indicator.
  const energy = page.locator('#relazione-AGIS tr[data-objective="risparmio-energetico"]');
  assert.equal(await energy.count(), 4);
  assert.match(await energy.first().innerText(), /A\/B\/C/);

  // ARUO: one objective at target (weight 15), the rest not assessed.
  const aruo = page.locator('#distribution-ARUO');
  assert.equal(await aruo.locator('tbody tr').count(), 5);
  assert.match(await aruo.locator('tr[data-band="target"]').innerText(), /1 \(\d+(,\d)? %\)\s+15 \(15 %\)/);
  const all = page.locator('#distribution-all');
  assert.equal(await all.locator('tbody tr').count(), 5);
  assert.match(await all.locator('tr[data-band="target"]').innerText(), /^target\s+1 /);

  await expectNoSeriousA11yViolations(page, t);

  await page.selectOption('#report-csv-table', 'relazione');
  const { name, bytes } = await download(page, '#report-csv');
  assert.match(name, /-relazione\.csv$/);
  const [head, ...body] = parseCsv(bytes.toString('utf8').slice(1), ';');
  assert.deepEqual(head.slice(0, 5), ['Area', 'Obiettivo', 'Titolo', 'Peso %', 'Indicatore']);
  const row = body.find((r) => r[0] === 'ACL' && r[1] === 'soddisfazione-residenze');
  assert.equal(row[head.indexOf('Scostamento dal target')], '-0,5');
  assert.equal(row[head.indexOf('Scostamento in livelli')], '-2,00');

  await page.selectOption('#report-csv-table', 'distribution');
  const dist = await download(page, '#report-csv');
  assert.match(dist.name, /-distribuzione\.csv$/);
  const [dhead, ...drows] = parseCsv(dist.bytes.toString('utf8').slice(1), ';');
  assert.deepEqual(dhead, ['Ambito', 'Fascia', 'Obiettivi', '% degli obiettivi', 'Peso', '% del peso']);
  assert.equal(drows.length, (DEFAULT.plan.areas.length + 1) * 5);
});

app.test('the xlsx download holds the scorecard and the objectives with numbers as numbers', async ({ page }) => {
  await importProgress(page, PROGRESS);
  await gotoReport(page, '/report/ARUO');
  const { name, bytes } = await download(page, '#report-xlsx');
  assert.match(name, /^cruscotto-polimi-2023-ARUO-\d{4}-\d{2}-\d{2}\.xlsx$/);
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');

  const files = unzip(bytes);
  const sheets = [...files['xl/workbook.xml'].matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheets, ['Scorecard', 'Obiettivi', 'Risultati e scostamenti', 'Distribuzione per livello']);
  const strings = sharedStrings(files);
  for (const header of ['Area', 'Pilastro', 'Peso %', 'Soglia', 'Eccellenza', 'Nota', 'Aggiornato da']) {
    assert.ok(strings.includes(header), `header ${header}`);
  }
  assert.ok(strings.includes(HOSTILE_NOTE.replace('\n', '\n')), 'the note is kept as text, whole');
  assert.ok(strings.includes('Rossi'));

  // Scorecard row 2 is ARUO: its score 3 is a number cell, not text.
  const scorecard = files['xl/worksheets/sheet1.xml'];
  assert.match(scorecard, /<c r="D2"[^>]*><v>3<\/v><\/c>/);
  assert.match(scorecard, /<pane [^>]*ySplit="1"/, 'header frozen');

  // Objectives: a row per indicator of ARUO; programmazione-pta weighs 15 at level 3.
  const objectives = files['xl/worksheets/sheet2.xml'];
  assert.doesNotMatch(objectives, /<f>/, 'no formula anywhere');
  const ptaRow = strings.indexOf('programmazione-pta');
  const rowNumber = objectives.match(new RegExp(`<c r="C(\\d+)" [^>]*t="s"[^>]*><v>${ptaRow}</v>`))?.[1];
  assert.ok(rowNumber, 'the objective has a row');
  assert.match(objectives, new RegExp(`<c r="E${rowNumber}"[^>]*><v>15</v>`), 'weight as a number');
  assert.match(objectives, new RegExp(`<c r="F${rowNumber}"[^>]*><v>3</v>`), 'level as a number');
  // Updated at 10:30 in Rome, shown in local time as on screen: an Excel date serial.
  assert.match(objectives, new RegExp(`<c r="R${rowNumber}"[^>]*><v>46346\\.4375<`), 'stamp as a date');
});

app.test('the csv download uses the Italian dialect and defuses a hostile note', async ({ page }) => {
  await importProgress(page, PROGRESS);
  await gotoReport(page);
  const { name, bytes } = await download(page, '#report-csv');
  assert.match(name, /^cruscotto-polimi-2023-tutte-le-aree-\d{4}-\d{2}-\d{2}\.csv$/);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');

  const rows = parseCsv(bytes.toString('utf8').slice(1), ';');
  const [head, ...body] = rows;
  assert.deepEqual(head.slice(0, 5), ['Area', 'Pilastro', 'Obiettivo', 'Titolo', 'Peso %']);
  assert.ok(body.every((r) => r.length === head.length), 'every row has every column');
  const col = (title) => head.indexOf(title);

  const pta = body.find((r) => r[col('Obiettivo')] === 'programmazione-pta');
  assert.equal(pta[col('Area')], 'ARUO');
  assert.equal(pta[col('Peso %')], '15');
  assert.equal(pta[col('Livello')], '3,00', 'a level as the screens show it');
  assert.equal(pta[col('Fascia')], 'target');
  assert.equal(pta[col('Nota')], `'${HOSTILE_NOTE}`, 'apostrophe before =, the rest intact');
  assert.equal(pta[col('Aggiornato il (ora locale)')], '2026-11-20 10:30:00', 'local time, as on screen');
  assert.equal(pta[col('Aggiornato da')], 'Rossi');

  const residenze = body.find((r) => r[col('Obiettivo')] === 'soddisfazione-residenze');
  assert.equal(residenze[col('Raggiunto')], '3,5', 'decimal comma');
  assert.equal(residenze[col('Tipo')], 'numero');

  // A level description listing steps ("- Progettazione grafica…") is text
  // to every spreadsheet: no apostrophe before it.
  const levels = body.flatMap((r) => [r[col('Soglia')], r[col('Target')], r[col('Eccellenza')]]);
  assert.ok(levels.some((v) => v.startsWith('- ')), 'the plan lists steps with dashes');
  assert.ok(!levels.some((v) => v.startsWith("'")), 'and none is guarded');

  // An objective with several indicators: its own row names them, once.
  const energy = body.filter((r) => r[col('Obiettivo')] === 'risparmio-energetico');
  assert.deepEqual(energy.map((r) => r[col('Indicatore')]), ['A/B/C', 'A', 'B', 'C']);
  assert.notEqual(energy[0][col('Peso %')], '');
  assert.deepEqual(energy.slice(1).map((r) => r[col('Peso %')]), ['', '', '']);
});

app.test('the area scorecard is a csv of its own, with a status that says what it means', async ({ page }) => {
  await importProgress(page, PROGRESS);
  await gotoReport(page);
  await page.selectOption('#report-csv-table', 'scorecard');
  const { name, bytes } = await download(page, '#report-csv');
  assert.match(name, /^cruscotto-polimi-2023-tutte-le-aree-\d{4}-\d{2}-\d{2}-punteggi\.csv$/);
  const [head, ...body] = parseCsv(bytes.toString('utf8').slice(1), ';');
  assert.deepEqual(head, [
    'Tipo', 'Codice', 'Nome', 'Punteggio', '% del target', 'Peso valutato', 'Peso totale',
    'Obiettivi valutati', 'Obiettivi', 'Stato', 'Revisione', 'Punteggio validato',
    'Inviata il (ora locale)', 'Inviata da', 'Sigillo (SHA-256)',
  ]);
  assert.equal(body.length, DEFAULT.plan.areas.length + DEFAULT.plan.pillars.length);
  const aruo = body.find((r) => r[1] === 'ARUO');
  assert.equal(aruo[3], '3,00');
  assert.equal(aruo[5], '15');
  assert.equal(aruo[7], '1');
  assert.equal(aruo[9], 'provvisorio');
  assert.equal(aruo[10], 'Bozza', 'the review is a column of its own');
  assert.match(await page.locator('#report-status-legend').innerText(), /non è la validazione/);
});

app.test('in English the csv uses commas and decimal points and English titles', async ({ page }) => {
  await importProgress(page, PROGRESS);
  await gotoReport(page);
  await page.selectOption('#lang-select', 'en');
  await page.locator('h1', { hasText: 'Performance objectives report' }).waitFor();
  const { bytes } = await download(page, '#report-csv');
  const [head, ...body] = parseCsv(bytes.toString('utf8').slice(1), ',');
  assert.deepEqual(head.slice(0, 3), ['Area', 'Pillar', 'Objective']);
  const residenze = body.find((r) => r[head.indexOf('Objective')] === 'soddisfazione-residenze');
  assert.equal(residenze[head.indexOf('Reached')], '3.5');
  assert.equal(residenze[head.indexOf('Kind')], 'number');

  const xlsx = unzip((await download(page, '#report-xlsx')).bytes);
  assert.match(xlsx['xl/workbook.xml'], /<sheet name="Objectives"/);
});
