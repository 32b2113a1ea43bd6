// Share links (issue #19): a manager's area results, with a note on every
// result, as a link made in one browser and opened in a fresh one, which
// shows the usual preview and, once confirmed, the same scores; the whole
// plan is too long for a link and says so; a cut, altered or too-long link
// is refused; cancelling stores nothing and clears the address bar; in a
// folder (/cruscotto/) the link is made from the page's own address.

import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';

import { DEFAULT, LOAD, jsonFile, overviewScores } from './support/app.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();
const inFolder = useApp({ base: '/cruscotto/', fallback: '404' });

const NOTE = (i) =>
  `Attività completata nei tempi previsti (${i}). Il documento finale è stato approvato con delibera del ` +
  'Consiglio di Amministrazione e pubblicato sul portale di Ateneo; restano da completare le azioni di ' +
  "comunicazione verso il personale, previste entro il primo trimestre dell'anno successivo.";

/** The 2023 plan with every result of `area` recorded, each with a note. */
function fullArea(area) {
  const s = structuredClone(DEFAULT);
  s.progress = {};
  s.progress_by_area = {};
  s.plan.objectives
    .filter((o) => o.assignments.some((a) => a.area === area))
    .forEach((o, i) => {
      for (const ind of o.indicators) {
        const entry = ind.kind === 'milestone'
          ? { level: 3 }
          : ind.kind === 'number' ? { value: ind.target.value } : { done_on: '2023-06-15' };
        Object.assign(entry, { note: NOTE(i), updated_at: '2024-01-15T10:30:00+01:00', updated_by: `Maria Rossi (${area})` });
        if (o.measurement === 'per_area') {
          (s.progress_by_area[area] ??= {})[ind.id] = entry;
        } else {
          s.progress[ind.id] = entry;
        }
      }
    });
  return JSON.stringify(s);
}

app.test('an area’s results shared as a link open in a fresh browser with the preview, and give the same scores', async ({ t, page }) => {
  await page.goto('/transfer');
  await page.locator('#import-file').waitFor(LOAD);
  await page.setInputFiles('#import-file', jsonFile('aruo.json', fullArea('ARUO')));
  await page.click('#import-confirm');
  await page.locator('#import-outcome .alert-success').waitFor();
  const sent = await overviewScores(page);
  assert.notEqual(sent.ARUO, '—');

  await page.goto('/transfer');
  await page.locator('#share-scope').waitFor(LOAD);
  await page.selectOption('#share-scope', 'ARUO');
  await page.click('#share-make');
  const link = await page.locator('#share-link').inputValue();
  assert.ok(link.length <= 8000, `${link.length} characters`);
  assert.match(link, /\/transfer#s=1\.[A-Za-z0-9_-]+$/);
  // The browser's deflate is raw DEFLATE, as the format says: Node reads it.
  const payload = JSON.parse(inflateRawSync(Buffer.from(link.split('#s=1.')[1], 'base64url')).toString('utf8'));
  assert.equal(payload.kind, 'area');
  assert.equal(payload.area, 'ARUO');

  // The whole plan does not fit: refused, with the file suggested.
  await page.selectOption('#share-scope', '');
  await page.click('#share-make');
  await page.locator('#share-error', { hasText: 'scarica invece il file' }).waitFor();

  // A fresh browser: nothing stored. The link shows the preview first.
  const other = await app.open(t, link);
  const fresh = other.page;
  await fresh.locator('#import-preview').waitFor(LOAD);
  assert.match(await fresh.locator('#import-preview').innerText(), /ARUO/);
  assert.equal(await fresh.evaluate(() => localStorage.getItem('cruscotto.state')), null, 'nothing stored before the confirmation');
  await fresh.click('#import-confirm');
  await fresh.locator('#import-outcome .alert-success').waitFor();
  assert.equal(new URL(fresh.url()).hash, '', 'the link leaves the address bar');
  const received = await overviewScores(fresh);
  assert.equal(received.ARUO, sent.ARUO);
  other.assertClean();
});

app.test('a cut link is refused with a message and changes nothing', { path: '/transfer#s=1.q1YqSkxJSS0qVrJSMjI' }, async ({ page }) => {
  await page.locator('#share-open-error', { hasText: 'incompleto o alterato' }).waitFor(LOAD);
  assert.equal(await page.locator('#import-preview').count(), 0);
  assert.equal(new URL(page.url()).hash, '');
});

app.test('a link received too long is refused with the file suggested, and imports nothing', { path: `/transfer#s=1.${'A'.repeat(8100)}` }, async ({ page }) => {
  await page.locator('#share-open-error', { hasText: 'chiedi invece il file' }).waitFor(LOAD);
  assert.match(await page.locator('#share-open-error').innerText(), /8\.?000/);
  assert.equal(await page.locator('#import-preview').count(), 0);
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.state')), null);
  assert.equal(new URL(page.url()).hash, '');
});

app.test('an altered link names the character that cannot be in it', { path: '/transfer#s=1.q1YqSkxJSS0q!VrJSMjI' }, async ({ page }) => {
  await page.locator('#share-open-error', { hasText: 'carattere 17' }).waitFor(LOAD);
  assert.equal(await page.locator('#import-preview').count(), 0);
});

inFolder.test('served from a folder, the link is made from the page’s address, and cancelling it stores none of its results and clears the address bar', async ({ t, page }) => {
  await page.goto('transfer');
  await page.locator('#share-scope').waitFor(LOAD);
  await page.selectOption('#share-scope', 'ARUO');
  await page.click('#share-make');
  const link = await page.locator('#share-link').inputValue();
  assert.equal(new URL(link).pathname, '/cruscotto/transfer');
  assert.equal(new URL(link).origin, new URL(page.url()).origin);

  const other = await inFolder.open(t, link);
  const fresh = other.page;
  await fresh.locator('#import-preview').waitFor(LOAD);
  await fresh.click('#import-cancel');
  await fresh.locator('#import-outcome').waitFor();
  assert.equal(new URL(fresh.url()).hash, '', 'the link leaves the address bar');
  assert.equal(new URL(fresh.url()).pathname, '/cruscotto/transfer');
  // The app may store its (untouched) plan; none of the link's results.
  const stored = JSON.parse(await fresh.evaluate(() => localStorage.getItem('cruscotto.state')) ?? '{}');
  assert.deepEqual(Object.keys(stored.progress ?? {}), [], 'no result stored');
  assert.deepEqual(Object.keys(stored.progress_by_area ?? {}), [], 'no area result stored');
  await fresh.reload();
  await fresh.locator('#import-file').waitFor(LOAD);
  assert.equal(await fresh.locator('#import-preview').count(), 0, 'a reload does not open the link again');
  // A plain static host answers a first visit's deep link with 404.html (and
  // status 404, which the console reports); nothing else may go wrong.
  assert.deepEqual(other.problems.foreignRequests, []);
  assert.deepEqual(other.problems.pageErrors, []);
  assert.deepEqual(other.problems.consoleErrors.filter((e) => !/status of 404 .*\/cruscotto\/transfer/.test(e)), []);
});
