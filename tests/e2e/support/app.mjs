// What the end-to-end tests do again and again with the app: the shipped 2023
// plan, importing progress through the transfer screen, opening a screen, and
// waiting for a text or a field value before asserting it (Leptos fills the
// page after mount, so a plain read could see the moment before).

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { REPO_ROOT } from './server.mjs';

/** The embedded 2023 plan as a snapshot (the file the app opens on). */
export const DEFAULT = JSON.parse(
  await readFile(join(REPO_ROOT, 'engine', 'data', 'polimi-2023.json'), 'utf8'),
);

/** The first screen can take a while on a loaded 2-core machine. */
export const LOAD = { timeout: 20_000 };

/**
 * Imports the 2023 plan with `progress` through the transfer screen and waits for
 * the success message. `version` writes an older snapshot version.
 */
export async function importProgress(page, progress, { version } = {}) {
  const s = structuredClone(DEFAULT);
  if (version !== undefined) s.version = version;
  s.progress = progress;
  await page.goto('/transfer');
  await page.locator('#import-file').waitFor(LOAD);
  await page.setInputFiles('#import-file', {
    name: 'progresso.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(s)),
  });
  await page.locator('#import-preview').waitFor();
  await page.click('#import-confirm');
  await page.locator('#import-outcome .alert-success').waitFor();
}

/** Waits until the element's text (trimmed) is exactly `expected`, then asserts it. */
export async function expectText(page, selector, expected) {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.textContent.trim() === want,
      [selector, expected],
      { timeout: 5_000 },
    );
  } catch {
    // Fall through to the assertion, which names what was found.
  }
  assert.equal((await page.locator(selector).textContent())?.trim(), expected, selector);
}

/** Waits until an input's value is `expected`, then asserts it. */
export async function expectValue(page, selector, expected) {
  try {
    await page.waitForFunction(
      ([sel, want]) => document.querySelector(sel)?.value === want,
      [selector, expected],
      { timeout: 5_000 },
    );
  } catch {
    // Reported by the assertion below.
  }
  assert.equal(await page.locator(selector).inputValue(), expected, selector);
}

export async function openObjective(page, id) {
  await page.goto(`/objective/${id}`);
  await page.locator('#objective-title').waitFor(LOAD);
}

export async function openArea(page, code) {
  await page.goto(`/area/${code}`);
  await page.locator(`#area-score-${code}`).waitFor(LOAD);
}

/** The embedded 2023 plan with the given progress, as a snapshot file's text. */
export function snapshotWith(progress, change = (s) => s) {
  const s = structuredClone(DEFAULT);
  s.progress = structuredClone(progress);
  return JSON.stringify(change(s), null, 2);
}

/** A JSON file for `page.setInputFiles`. */
export function jsonFile(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text) };
}

/** The overview's area scores as text, by area code ("3,00", "—", ...). */
export async function overviewScores(page) {
  await page.goto('/');
  const rows = page.locator('#area-scores tbody tr[data-area]');
  await rows.first().waitFor(LOAD);
  const scores = {};
  for (const row of await rows.all()) {
    const text = (await row.locator('td.score').innerText()).trim();
    scores[await row.getAttribute('data-area')] = text.split(/\s+/)[0];
  }
  return scores;
}

/**
 * Runs in the page (`page.evaluate`, `page.addInitScript`): fills what is left
 * of the origin's local storage, down to the last character, so that the app's
 * next larger save fails. Returns how many filler items it wrote.
 */
export function fillLocalStorage() {
  let n = 0;
  for (const size of [1 << 20, 1 << 16, 1 << 10, 64, 1]) {
    const chunk = 'x'.repeat(size);
    for (;;) {
      try {
        localStorage.setItem(`filler-${n}`, chunk);
        n += 1;
      } catch (e) {
        if (e.name !== 'QuotaExceededError') throw e;
        break;
      }
    }
  }
  // The last few characters a key name left free: grow one value to the brim.
  const last = `filler-${n - 1}`;
  for (;;) {
    try {
      localStorage.setItem(last, `${localStorage.getItem(last)}x`);
    } catch (e) {
      if (e.name !== 'QuotaExceededError') throw e;
      break;
    }
  }
  return n;
}

/** [`fillLocalStorage`] in `page` now. */
export async function fillStorage(page) {
  return page.evaluate(fillLocalStorage);
}
