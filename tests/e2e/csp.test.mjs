// Content-Security-Policy: every screen works under the policy of index.html,
// which allows only the app's own files (and compiling its wasm), with not one
// violation; and the policy is really enforced, not only written down.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { useApp } from './support/browser.mjs';
import { REPO_ROOT } from './support/server.mjs';

const { plan } = JSON.parse(
  await readFile(join(REPO_ROOT, 'engine', 'data', 'polimi-2023.json'), 'utf8'),
);
const objective = plan.objectives[0].id;

/** Every route of src/app.rs, with an element that shows the screen has rendered. */
const ROUTES = [
  ['/', '#area-scores'],
  ['/area/ARUO', '#area-score-ARUO'],
  [`/objective/${objective}`, '#objective-title'],
  ['/editor', 'main h1'],
  ['/transfer', '#export-download'],
  ['/settings', 'main h1'],
];
const LOAD = { timeout: 20_000 };

const app = useApp();

/** Collects the page's CSP violation events (from the first script on) in window.__cspViolations. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const messages = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) messages.push(m.text());
  });
  return messages;
}

app.test('the page carries the strict policy, with the loader script allowed by its hash', async ({ page }) => {
  await page.locator('#area-scores').waitFor(LOAD);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = Object.fromEntries(
    policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]),
  );
  assert.deepEqual(directives['default-src'], ["'self'"]);
  assert.deepEqual(directives['style-src'], ["'self'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['object-src'], ["'none'"]);
  // index.html's first script sets a <base> of this origin (the app's folder).
  assert.deepEqual(directives['base-uri'], ["'self'"]);
  assert.deepEqual(directives['form-action'], ["'none'"]);
  const [self, wasm, ...hashes] = directives['script-src'];
  assert.deepEqual([self, wasm], ["'self'", "'wasm-unsafe-eval'"]);
  assert.ok(hashes.length >= 1, 'the hash of the inline loader script');
  for (const hash of hashes) assert.match(hash, /^'sha256-[A-Za-z0-9+/]+=*'$/);
});

app.test('every screen renders with no policy violation and no foreign request', async ({ t, page }) => {
  const messages = await watchViolations(page);
  for (const [path, ready] of ROUTES) {
    await page.goto(path);
    await page.locator(ready).first().waitFor(LOAD);
    // Let late effects (charts, focus, lazily set styles) run too.
    await page.waitForTimeout(200);
    const violations = await page.evaluate(() => window.__cspViolations);
    t.diagnostic(`${path}: ${violations.length} violations`);
    assert.deepEqual(violations, [], `CSP violations on ${path}`);
  }
  assert.deepEqual(messages, [], 'console messages about the Content Security Policy');
});

app.test('exporting a snapshot (a blob: download) works under the policy', { path: '/transfer' }, async ({ page }) => {
  const messages = await watchViolations(page);
  await page.reload();
  await page.locator('#export-download').waitFor(LOAD);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-download')]);
  const text = await readFile(await download.path(), 'utf8');
  assert.equal(JSON.parse(text).plan.id, plan.id);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(messages, []);
});

// Guards the guard: if the policy were missing or lax, the tests above would pass
// on nothing. An injected inline script and an inline style must both be refused.
// (eval cannot be tried from here: Playwright's evaluate is exempt from the policy.)
app.test('the policy is enforced: injected inline scripts and styles are refused', async (t) => {
  const session = await app.open(t, '/');
  const { page } = session;
  await watchViolations(page);
  await page.reload();
  await page.locator('#area-scores').waitFor(LOAD);
  const outcome = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.body.append(script);
    const probe = document.createElement('p');
    probe.setAttribute('style', 'margin-left: 123px');
    document.body.append(probe);
    return { injected: window.__injected === true, style: getComputedStyle(probe).marginLeft };
  });
  assert.deepEqual(outcome, { injected: false, style: '0px' });
  await page.waitForFunction(() => window.__cspViolations.length >= 2);
  const directives = (await page.evaluate(() => window.__cspViolations)).map((v) => v.split(' ')[0]).sort();
  assert.deepEqual(directives, ['script-src-elem', 'style-src-attr']);
  // The only console errors are the two refusals this test caused.
  assert.equal(session.problems.consoleErrors.length, 2);
  assert.ok(session.problems.consoleErrors.every((e) => e.includes('Content Security Policy')));
  assert.deepEqual(session.problems.pageErrors, []);
  assert.deepEqual(session.problems.foreignRequests, []);
  await session.context.close();
});
