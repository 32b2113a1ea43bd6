// Nothing is ever lost (issue 5), in the browser: a full storage is reported
// with the way out and keeps what was saved; unreadable stored data opens the
// recovery screen and is kept for download; two tabs editing at once keep both
// edits; the last edit survives an immediate reload although saves are gathered.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { DEFAULT, LOAD, expectValue, fillStorage, importProgress, openObjective, snapshotWith } from './support/app.mjs';
import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();
const STATE_KEY = 'cruscotto.state';

/** The stored progress entry of an indicator (null when none). */
async function storedEntry(page, indicator) {
  return page.evaluate(
    ([key, id]) => JSON.parse(localStorage.getItem(key) ?? '{}').progress?.[id] ?? null,
    [STATE_KEY, indicator],
  );
}

/** The unreadable data set aside (issue #16), oldest first: `{ found_at, kind, raw }`. */
async function setAside(page) {
  return page.evaluate(() => Object.keys(localStorage)
    .filter((k) => k.startsWith('cruscotto.unreadable.'))
    .sort()
    .map((k) => JSON.parse(localStorage.getItem(k))));
}

/** The raw texts set aside, sorted. */
async function setAsideRaws(page) {
  return (await setAside(page)).map((s) => s.raw).sort();
}

/** Clicks `selector` and returns the text of the file it downloads. */
async function downloadText(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return readFile(await download.path(), 'utf8');
}

/** Waits until the stored value of `indicator` is `value` (a decimal string). */
async function waitForStoredValue(page, indicator, value) {
  await page.waitForFunction(
    ([key, id, want]) => JSON.parse(localStorage.getItem(key) ?? '{}').progress?.[id]?.value === want,
    [STATE_KEY, indicator, value],
    { timeout: 10_000 },
  );
}

app.test('an edit followed at once by a reload is kept', async ({ page }) => {
  await openObjective(page, 'soddisfazione-residenze');
  await page.locator('#value-soddisfazione-residenze-i1').pressSequentially('4,2');
  // No wait: the save gathered for a few hundred milliseconds must still happen.
  await page.reload();
  await page.locator('#objective-title').waitFor(LOAD);
  await expectValue(page, '#value-soddisfazione-residenze-i1', '4,2');
  assert.equal((await storedEntry(page, 'soddisfazione-residenze-i1'))?.value, '4.2');
});

app.test('an edit followed at once by leaving the page is kept', async ({ page }) => {
  await openObjective(page, 'soddisfazione-residenze');
  await page.locator('#value-soddisfazione-residenze-i1').pressSequentially('3,9');
  await page.goto('about:blank');
  await openObjective(page, 'soddisfazione-residenze');
  await expectValue(page, '#value-soddisfazione-residenze-i1', '3,9');
});

app.test('with the storage full the error offers the export, which has the edit, and the saved data still reads', async ({ t, page }) => {
  await openObjective(page, 'soddisfazione-residenze');
  const field = page.locator('#value-soddisfazione-residenze-i1');
  await field.pressSequentially('4,2');
  await waitForStoredValue(page, 'soddisfazione-residenze-i1', '4.2');

  // Fill the rest of the quota, down to single characters.
  const filled = await fillStorage(page);
  assert.ok(filled > 0, 'the storage was filled');

  // One more digit: the state grows and cannot be stored.
  await field.fill('4,25');
  const alert = page.locator('#storage-error');
  await alert.waitFor({ timeout: 10_000 });
  assert.match(await alert.innerText(), /memoria del browser è piena/);
  await expectNoSeriousA11yViolations(page, t);

  // The way out, right in the alert: the export has the edit that could not be stored.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Esporta ora' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.progress['soddisfazione-residenze-i1'].value, '4.25');

  // What was stored before the storage filled up still reads after a reload.
  // The export clears the reminder's mark in the settings, which frees a few
  // bytes: fill them again, so the pending edit still cannot be written and
  // the reload shows what was stored before.
  await fillStorage(page);
  await page.reload();
  await openObjective(page, 'soddisfazione-residenze');
  await expectValue(page, '#value-soddisfazione-residenze-i1', '4,2');
  assert.equal((await storedEntry(page, 'soddisfazione-residenze-i1'))?.value, '4.2');
});

// Cut off in the middle of the plan: JSON that ends too early.
const GARBAGE = '{"format":"cruscotto-snapshot","version":1,"plan":{"id":"polimi-2023","title":"Piano tronc';

app.test('unreadable stored data opens the recovery screen, is downloaded as it is, and starting over works', async ({ t, page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  await page.evaluate(([key, garbage]) => localStorage.setItem(key, garbage), [STATE_KEY, GARBAGE]);
  await page.reload();

  await page.locator('#recovery-title').waitFor(LOAD);
  assert.equal(await page.locator('#area-scores').count(), 0, 'the app is not shown');
  assert.match(await page.locator('#recovery-reasons').innerText(), /JSON valido.*riga 1, colonna \d+/);
  await expectNoSeriousA11yViolations(page, t);

  // Kept as it is, in place and set aside, with when it was found.
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.state')), GARBAGE);
  const kept = await setAside(page);
  assert.deepEqual(kept.map(({ kind, raw }) => ({ kind, raw })), [{ kind: 'state', raw: GARBAGE }]);
  assert.ok(!Number.isNaN(Date.parse(kept[0].found_at)), kept[0].found_at);

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#recovery-download')]);
  assert.match(download.suggestedFilename(), /^cruscotto-dati-non-leggibili-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(await readFile(await download.path(), 'utf8'), GARBAGE);
  await page.locator('#recovery-download-status', { hasText: 'Scaricato' }).waitFor();

  // Starting over asks first, and says that nothing is discarded.
  await page.click('#recovery-fresh');
  await page.locator('#recovery-confirm-text', { hasText: 'Non viene scartato nulla' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.state')), GARBAGE, 'nothing written before the answer');
  await page.click('#recovery-confirm-go');
  await page.locator('#area-scores').waitFor(LOAD);
  const state = await page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.state')));
  assert.equal(state.plan.id, 'polimi-2023');
  assert.deepEqual(state.progress, {});
  // Still set aside, and said so, until discarded.
  await page.locator('#unreadable-alert').waitFor();
  assert.deepEqual(await setAsideRaws(page), [GARBAGE]);

  await page.reload();
  await page.locator('#area-scores').waitFor(LOAD);
  await page.locator('#unreadable-alert').waitFor();
  await page.click('#set-aside-discard-0');
  await page.click('#set-aside-discard-confirm-0');
  await page.locator('#unreadable-alert').waitFor({ state: 'detached' });
  assert.deepEqual(await setAside(page), []);
});

app.test('a second unreadable state is set aside next to the first, each downloadable, and starting over discards neither', async ({ page }) => {
  // What a version before issue #16 set aside, under its one key, and a newer
  // unreadable state.
  const OLDER = 'not json, set aside by an earlier version';
  await page.locator('#area-scores').waitFor(LOAD);
  await page.evaluate(([key, older, garbage]) => {
    localStorage.setItem('cruscotto.unreadable', older);
    localStorage.setItem(key, garbage);
  }, [STATE_KEY, OLDER, GARBAGE]);
  await page.reload();
  await page.locator('#recovery-title').waitFor(LOAD);

  // Both kept, the older one moved into the list (its old key is gone only
  // because the copy reads back).
  assert.deepEqual(await setAsideRaws(page), [GARBAGE, OLDER].sort());
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.unreadable')), null);
  assert.match(await page.locator('#recovery-text').innerText(), /restano da parte/);

  // Listed, each downloadable as it is.
  await page.locator('#set-aside-1').waitFor();
  assert.equal(await page.locator('#set-aside-list > li').count(), 2);
  const downloaded = [await downloadText(page, '#set-aside-download-0'), await downloadText(page, '#set-aside-download-1')];
  assert.deepEqual(downloaded.sort(), [GARBAGE, OLDER].sort());

  // Starting over says what happens to them, and keeps both.
  await page.click('#recovery-fresh');
  const confirm = page.locator('#recovery-confirm-text');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /Non viene scartato nulla.*\(2\)/s);
  await page.click('#recovery-confirm-go');
  await page.locator('#area-scores').waitFor(LOAD);
  assert.deepEqual(await setAsideRaws(page), [GARBAGE, OLDER].sort());

  await page.reload();
  await page.locator('#unreadable-alert').waitFor(LOAD);
  assert.equal(await page.locator('#unreadable-alert #set-aside-list > li').count(), 2);
});

app.test('unreadable data that cannot be set aside (storage full) is said so, and starting over asks, saying it deletes it', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  const big = `not json ${'y'.repeat(200_000)}`;
  await page.evaluate(([key, raw]) => localStorage.setItem(key, raw), [STATE_KEY, big]);
  await fillStorage(page);
  await page.reload();
  await page.locator('#recovery-title').waitFor(LOAD);

  // No room for the copy: nothing claims it is set aside.
  assert.deepEqual(await setAside(page), []);
  const text = await page.locator('#recovery-text').innerText();
  assert.match(text, /non è stato possibile metterli da parte/);
  assert.doesNotMatch(text, /restano da parte/);
  assert.equal(await downloadText(page, '#recovery-download'), big);

  await page.click('#recovery-fresh');
  await page.locator('#recovery-confirm-text', { hasText: 'saranno cancellati' }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY), big, 'nothing written before the answer');
});

app.test('an unreadable list of backups is set aside before anything writes it, and its readable backups are kept', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  const good = {
    taken_at: '2026-11-20T10:00:00Z',
    reason: 'import',
    snapshot: snapshotWith({ 'programmazione-pta-i1': { level: 2 } }),
  };
  // One readable backup and one that is not a backup at all.
  const broken = JSON.stringify([good, { taken_at: 5 }]);
  await page.evaluate((b) => localStorage.setItem('cruscotto.backups', b), broken);
  await page.reload();
  await page.locator('#area-scores').waitFor(LOAD);

  // Set aside at start, and said so.
  await page.locator('#unreadable-alert [data-kind="backups"]').waitFor();
  assert.deepEqual((await setAside(page)).map(({ kind, raw }) => ({ kind, raw })), [{ kind: 'backups', raw: broken }]);

  // The readable backup is listed, not "no backups".
  await page.goto('/transfer');
  await page.locator('#backup-list').waitFor(LOAD);
  assert.equal(await page.locator('#backup-list .backup-when').count(), 1);
  await page.locator('#backups-set-aside').waitFor();

  // The next import writes the list: the readable backup stays in it, and
  // the whole unreadable text stays set aside.
  await importProgress(page, { 'programmazione-pta-i1': { level: 4 } });
  const backups = await page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.backups')));
  assert.equal(backups.length, 2);
  assert.deepEqual(backups[1], good);
  assert.deepEqual(await setAsideRaws(page), [broken]);
  assert.equal(await page.locator('#unreadable-alert #set-aside-list > li').count(), 1);
});

app.test('the recovery screen imports a snapshot file instead', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  await page.evaluate(([key]) => localStorage.setItem(key, 'not json at all'), [STATE_KEY]);
  await page.reload();
  await page.locator('#recovery-title').waitFor(LOAD);

  await page.setInputFiles('#recovery-file', {
    name: 'rotto.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "altro"}'),
  });
  await page.locator('#recovery-failure').waitFor();
  assert.match(await page.locator('#recovery-failure').innerText(), /format/);

  const snapshot = structuredClone(DEFAULT);
  snapshot.progress = { 'programmazione-pta-i1': { level: 4 } };
  await page.setInputFiles('#recovery-file', {
    name: 'buono.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(snapshot)),
  });
  await page.locator('#area-scores').waitFor(LOAD);
  assert.equal((await storedEntry(page, 'programmazione-pta-i1'))?.level, 4);
  assert.deepEqual(await setAsideRaws(page), ['not json at all']);
});

app.test('two tabs editing different indicators at once keep both edits, in both tabs and after a reload', async ({ t }) => {
  const a = await app.open(t, '/objective/donazioni');
  const pageA = a.page;
  const pageB = await a.context.newPage();
  await pageB.goto('/objective/donazioni');
  await pageA.locator('#value-donazioni-a').waitFor(LOAD);
  await pageB.locator('#value-donazioni-b').waitFor(LOAD);

  // Both typed before either saves.
  await Promise.all([
    pageA.locator('#value-donazioni-a').pressSequentially('12'),
    pageB.locator('#value-donazioni-b').pressSequentially('34'),
  ]);

  await expectValue(pageA, '#value-donazioni-b', '34');
  await expectValue(pageB, '#value-donazioni-a', '12');
  await waitForStoredValue(pageA, 'donazioni-a', '12');
  await waitForStoredValue(pageA, 'donazioni-b', '34');

  await pageA.reload();
  await pageA.locator('#objective-title').waitFor(LOAD);
  await expectValue(pageA, '#value-donazioni-a', '12');
  await expectValue(pageA, '#value-donazioni-b', '34');
  a.assertClean();
});

app.test('two tabs editing the same indicator: the newer edit wins and the other tab shows it', async ({ t }) => {
  const a = await app.open(t, '/objective/donazioni');
  const pageA = a.page;
  const pageB = await a.context.newPage();
  await pageB.goto('/objective/donazioni');
  await pageA.locator('#value-donazioni-a').waitFor(LOAD);
  await pageB.locator('#value-donazioni-a').waitFor(LOAD);

  // B's edit comes second, so it is the newer (B's field may already show A's).
  await pageA.locator('#value-donazioni-a').fill('5');
  await pageB.locator('#value-donazioni-a').fill('7');

  await expectValue(pageA, '#value-donazioni-a', '7');
  await expectValue(pageB, '#value-donazioni-a', '7');
  await waitForStoredValue(pageB, 'donazioni-a', '7');

  await pageB.reload();
  await pageB.locator('#objective-title').waitFor(LOAD);
  await expectValue(pageB, '#value-donazioni-a', '7');
  a.assertClean();
});

app.test('with the storage full an import says only what is true: the backup is there, the new state is not stored', async ({ page }) => {
  await page.goto('/transfer');
  await page.locator('#import-file').waitFor(LOAD);
  // A first visit stores the shipped plan soon after it opens.
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STATE_KEY);
  const before = await page.evaluate((key) => localStorage.getItem(key), STATE_KEY);

  // Room for the backup of the current state, not for an import 4 MB larger.
  const needed = await page.evaluate((key) => JSON.stringify(JSON.stringify([
    { taken_at: new Date().toISOString(), reason: 'import', snapshot: localStorage.getItem(key) },
  ])).length + 4096, STATE_KEY);
  await fillStorage(page);
  await page.evaluate((need) => {
    const fillers = Object.keys(localStorage).filter((k) => k.startsWith('filler-'))
      .sort((a, b) => localStorage.getItem(a).length - localStorage.getItem(b).length);
    let freed = 0;
    for (const k of fillers) {
      if (freed >= need) break;
      freed += k.length + localStorage.getItem(k).length;
      localStorage.removeItem(k);
    }
  }, needed);

  const s = structuredClone(DEFAULT);
  // Larger than anything freed above (at most one 1 MB filler beyond what the backup needs).
  s.progress = { 'programmazione-pta-i1': { level: 4, note: 'x'.repeat(4 << 20) } };
  await page.setInputFiles('#import-file', {
    name: 'grande.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(s)),
  });
  await page.locator('#import-preview').waitFor();
  await page.click('#import-confirm');

  // Not stored, and said so, with the export; the backup is announced because it is there.
  const outcome = page.locator('#import-outcome .alert-warning');
  await outcome.waitFor({ timeout: 10_000 });
  assert.match(await outcome.innerText(), /non salvati nel browser/);
  assert.match(await outcome.innerText(), /salvato tra i backup/);
  assert.equal(await page.locator('#import-outcome .alert-success').count(), 0, 'no "saved" message');
  await page.locator('#storage-error').waitFor();
  const backups = await page.evaluate(() => JSON.parse(localStorage.getItem('cruscotto.backups')));
  assert.equal(backups[0].reason, 'import');
  assert.equal(backups[0].snapshot, before);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY), before, 'the stored state is the previous one');
});

app.test('with the storage full and no room even for the backup, the import changes nothing and says why', async ({ page }) => {
  await page.goto('/transfer');
  await page.locator('#import-file').waitFor(LOAD);
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, STATE_KEY);
  const before = await page.evaluate((key) => localStorage.getItem(key), STATE_KEY);
  await fillStorage(page);

  const s = structuredClone(DEFAULT);
  s.progress = { 'programmazione-pta-i1': { level: 4 } };
  await page.setInputFiles('#import-file', {
    name: 'progresso.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(s)),
  });
  await page.locator('#import-preview').waitFor();
  await page.click('#import-confirm');
  const refused = page.locator('.alert-danger', { hasText: 'Nessun dato è stato modificato' });
  await refused.first().waitFor();
  assert.match(await refused.first().innerText(), /memoria del browser è piena/);
  assert.equal(await page.locator('#import-outcome .alert').count(), 0, 'no outcome announced');
  assert.equal(await page.evaluate(() => localStorage.getItem('cruscotto.backups')), null, 'no backup written');
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), STATE_KEY), before);
});

app.test('with the storage full, closing the tab with edits not stored makes the browser ask, and nothing is lost', async ({ t }) => {
  const { page, context } = await app.open(t, '/objective/soddisfazione-residenze');
  const field = page.locator('#value-soddisfazione-residenze-i1');
  await field.waitFor(LOAD);
  await field.pressSequentially('4,2');
  await waitForStoredValue(page, 'soddisfazione-residenze-i1', '4.2');

  // Everything stored: closing does not ask.
  const asked = [];
  const onDialog = (dialog) => {
    asked.push(dialog.type());
    return dialog.dismiss();
  };
  const quiet = await context.newPage();
  quiet.on('dialog', onDialog);
  await quiet.goto('/objective/soddisfazione-residenze');
  await quiet.locator('#value-soddisfazione-residenze-i1').waitFor(LOAD);
  await quiet.locator('#value-soddisfazione-residenze-i1').click();
  const closed = new Promise((resolve) => quiet.once('close', resolve));
  await quiet.close({ runBeforeUnload: true });
  await Promise.race([closed, new Promise((r) => setTimeout(r, 3_000))]);
  assert.ok(quiet.isClosed(), 'closed without asking');
  assert.deepEqual(asked, [], 'no question with everything stored');

  await fillStorage(page);
  await field.fill('4,25');
  await page.locator('#storage-error').waitFor({ timeout: 10_000 });

  // Closing asks; dismissing the question keeps the page and the edit.
  page.on('dialog', onDialog);
  await page.close({ runBeforeUnload: true });
  await expect(() => asked.length > 0);
  assert.deepEqual(asked, ['beforeunload']);
  assert.equal(page.isClosed(), false, 'the page stays open');
  await expectValue(page, '#value-soddisfazione-residenze-i1', '4,25');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('#storage-error').getByRole('button', { name: 'Esporta ora' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(exported.progress['soddisfazione-residenze-i1'].value, '4.25');
});

/** Polls `condition` for up to 5 s. */
async function expect(condition) {
  for (let i = 0; i < 50 && !(await condition()); i += 1) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writes what `page` has pending at once, as leaving it does. */
async function flushNow(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
}

/**
 * Two tabs on `path` whose clock the test can hold (`a.context.clock`), so
 * that one tab's gathered save cannot come before the other's.
 */
async function twoTabs(t, path) {
  const a = await app.open(t, '/');
  await a.context.clock.install();
  const pageA = await a.context.newPage();
  const pageB = await a.context.newPage();
  await pageA.goto(path);
  await pageB.goto(path);
  return { a, pageA, pageB };
}

app.test('two tabs, one indicator: a value typed in one and a note in the other are both kept', async ({ t }) => {
  const { a, pageA, pageB } = await twoTabs(t, '/objective/donazioni');
  await pageA.locator('#value-donazioni-a').waitFor(LOAD);
  await pageB.locator('#note-donazioni-a').waitFor(LOAD);

  // A types the value, B the note and stores it at once, before A's save
  // (the clock is held, see below): A then reconciles its unsaved, older
  // value with B's newer note, the case where one of them used to be lost.
  const start = await pageA.evaluate(() => Date.now());
  await a.context.clock.pauseAt(start + 2_000);
  await pageA.locator('#value-donazioni-a').pressSequentially('12');
  await a.context.clock.pauseAt(start + 2_010);
  await pageB.locator('#note-donazioni-a').fill('verificato con la ragioneria');
  await flushNow(pageB);
  await pageA.locator('#tab-lost').waitFor({ timeout: 1_000 }).then(
    () => assert.fail('no edit is lost'),
    () => {},
  );
  await a.context.clock.resume();

  await pageA.waitForFunction(
    ([key]) => {
      const e = JSON.parse(localStorage.getItem(key) ?? '{}').progress?.['donazioni-a'];
      return e?.value === '12' && e?.note === 'verificato con la ragioneria';
    },
    [STATE_KEY],
    { timeout: 10_000 },
  );
  for (const page of [pageA, pageB]) {
    await expectValue(page, '#value-donazioni-a', '12');
    await expectValue(page, '#note-donazioni-a', 'verificato con la ragioneria');
    assert.equal(await page.locator('#tab-lost').count(), 0, 'nothing lost, nothing to say');
  }
  await pageA.reload();
  await pageA.locator('#objective-title').waitFor(LOAD);
  await expectValue(pageA, '#value-donazioni-a', '12');
  await expectValue(pageA, '#note-donazioni-a', 'verificato con la ragioneria');
  a.assertClean();
});

app.test('two tabs, one value: the newer wins, the other tab shows the value it lost and puts it back', async ({ t }) => {
  // The browser's clock is held while both type, so that A's gathered save
  // (300 ms) cannot come first: A's value is older and still unsaved when
  // B's newer one is stored, the case where a value can be lost.
  const { a, pageA, pageB } = await twoTabs(t, '/objective/donazioni');
  await pageA.locator('#value-donazioni-a').waitFor(LOAD);
  await pageB.locator('#value-donazioni-a').waitFor(LOAD);

  const start = await pageA.evaluate(() => Date.now());
  await a.context.clock.pauseAt(start + 2_000);
  await pageA.locator('#value-donazioni-a').pressSequentially('5');
  await a.context.clock.pauseAt(start + 2_010);
  await pageB.locator('#value-donazioni-a').fill('7');
  await flushNow(pageB);

  const lost = pageA.locator('#tab-lost');
  await lost.waitFor({ timeout: 10_000 });
  const item = lost.locator('li[data-indicator="donazioni-a"]');
  assert.match(await item.innerText(), /5.*→.*7/s);
  await expectValue(pageA, '#value-donazioni-a', '7');
  await waitForStoredValue(pageA, 'donazioni-a', '7');
  assert.equal(await pageB.locator('#tab-lost').count(), 0);
  await a.context.clock.resume();

  // Keeping this tab's value makes it the newer one, in both tabs.
  await pageA.click('#tab-keep-mine');
  await lost.waitFor({ state: 'detached' });
  await waitForStoredValue(pageA, 'donazioni-a', '5');
  await expectValue(pageA, '#value-donazioni-a', '5');
  await expectValue(pageB, '#value-donazioni-a', '5');
  a.assertClean();
});

app.test('a save is confirmed by reading it back: a write the browser silently drops is reported, with the export', async ({ page }) => {
  await openObjective(page, 'soddisfazione-residenze');
  const field = page.locator('#value-soddisfazione-residenze-i1');
  await field.pressSequentially('4,2');
  await waitForStoredValue(page, 'soddisfazione-residenze-i1', '4.2');

  // The browser accepts the next writes of the state without an error, and keeps nothing.
  await page.evaluate((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (k !== key) setItem.call(this, k, v);
    };
  }, STATE_KEY);
  await field.fill('4,25');
  const alert = page.locator('#storage-error');
  await alert.waitFor({ timeout: 10_000 });
  assert.match(await alert.innerText(), /non ha conservato i dati scritti: le ultime modifiche non sono salvate/);
  assert.equal((await storedEntry(page, 'soddisfazione-residenze-i1'))?.value, '4.2');
  await alert.getByRole('button', { name: 'Esporta ora' }).waitFor();
});
