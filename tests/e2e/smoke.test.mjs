// Smoke test: the release build opens on the embedded 2023 plan, cleanly and accessibly.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { expectNoSeriousA11yViolations } from './support/axe.mjs';
import { useApp } from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

// The expected title and year come from the plan the app embeds, so this test
// follows the data file instead of repeating it.
const { plan } = JSON.parse(
  await readFile(join(REPO_ROOT, 'engine', 'data', 'polimi-2023.json'), 'utf8'),
);

const app = useApp();

app.test('opens on the 2023 plan, in Italian, with no errors or foreign requests', async ({ page }) => {
  await page.locator('h1').filter({ hasText: plan.title }).waitFor({ timeout: 20_000 });
  assert.match(await page.locator('main').innerText(), new RegExp(`\\b${plan.year}\\b`));
  assert.equal(await page.locator('html').getAttribute('lang'), 'it');
  assert.ok((await page.title()).length > 0, 'the document has a title');
});

app.test('has no serious or critical accessibility violations', async ({ t, page }) => {
  await page.locator('h1').filter({ hasText: plan.title }).waitFor({ timeout: 20_000 });
  await expectNoSeriousA11yViolations(page, t);
});

// A deep link must load the app too (absolute asset URLs, SPA fallback): the
// router then shows its own page for an unknown address, never a blank one.
app.test('starts on a deep link', { path: '/una/rotta/che/non/esiste' }, async ({ page }) => {
  const heading = page.locator('main h1');
  await heading.waitFor({ timeout: 20_000 });
  assert.notEqual((await heading.innerText()).trim(), '');
});
