// Screenshots of the screens at desktop and phone width, Italian and English,
// for checking by eye (not a test): node tests/e2e/support/shots.mjs OUT_DIR
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { DEFAULT } from './app.mjs';
import { launchChromium } from './browser.mjs';
import { REPO_ROOT, startStaticServer } from './server.mjs';

const out = process.argv[2] ?? 'target/shots';
await mkdir(out, { recursive: true });
const server = await startStaticServer();
const browser = await launchChromium();
const SIZES = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
const SETTINGS = (lang, role) => JSON.stringify({ lang, ...role });
// A state with the cycle under way (issue #17): evidence on a result, ARUO
// submitted (its seal no longer matches, as after a change), ASICT returned
// with a remark, ADID validated.
const CYCLE = (() => {
  const s = structuredClone(DEFAULT);
  const at = '2024-01-20T09:00:00Z';
  s.progress['programmazione-pta-i1'] = {
    level: 4, note: 'Programmazione approvata dal CdA', updated_at: at, updated_by: 'Maria Rossi (ARUO)',
    evidence: [
      { id: 'ev-1', kind: 'protocol', title: 'Delibera CdA', reference: 'Prot. 123456/2023', date: '2023-07-25', sha256: 'ab'.repeat(32), file_name: 'delibera.pdf', added_by: 'Maria Rossi (ARUO)' },
      { id: 'ev-2', kind: 'link', title: 'Pagina della programmazione', reference: 'https://www.polimi.it/programmazione' },
    ],
  };
  s.area_status = {
    ARUO: { state: 'submitted', changed_at: at, submitted_at: at, submitted_by: 'Maria Rossi (ARUO)', seal: 'cd'.repeat(32) },
    ASICT: { state: 'returned', changed_at: at, submitted_at: at, submitted_by: 'Luca Bianchi (ASICT)', comment: 'Completare le evidenze', objectives: { polimiapp: { comment: 'Allegare il verbale di rilascio' } } },
    ADID: { state: 'validated', changed_at: at, submitted_at: at, submitted_by: 'Anna Neri (ADID)' },
  };
  return JSON.stringify(s);
})();
// The 2023 plan adopted and revised three times (issue #18): the engine's
// golden file; and the same with one more change waiting to be recorded.
const REVISED = await readFile(join(REPO_ROOT, 'engine/tests/golden/v6-polimi-2023-revised.json'), 'utf8');
const UNRECORDED = (() => {
  const s = JSON.parse(REVISED);
  const i = s.plan.objectives.findIndex((o) => o.id === 'piano-manutenzioni');
  const before = structuredClone(s.plan.objectives[i]);
  s.plan.objectives[i].indicators[0].target.value = '80';
  s.plan.objectives[i].indicators[0].threshold.value = '75';
  s.plan.unrecorded = [{ objective: 'piano-manutenzioni', position: i, before }];
  return JSON.stringify(s);
})();
const SCREENS = [
  ['overview-new', '/', null],
  ['overview-manager', '/', { area: 'ARUO', name: 'Maria Rossi', asked: true }],
  ['area', '/area/ARUO', { area: 'ARUO', asked: true }],
  ['objective-guard', '/objective/piano-manutenzioni', { area: 'ARUO', asked: true }],
  ['objective-per-area', '/objective/soddisfazione-docenti?area=ARUO', { area: 'ARUO', asked: true }],
  ['transfer', '/transfer', { area: 'ARUO', asked: true }],
  ['report', '/report/ARUO', { area: 'ARUO', asked: true }],
  ['settings', '/settings', { area: 'ARUO', asked: true }],
  ['objective-date', '/objective/campus-bovisa-nord', { office: true, asked: true }],
  ['editor', '/editor', { office: true, asked: true }],
  ['campaign', '/campaign', { office: true, asked: true }, CYCLE],
  ['objective-evidence', '/objective/programmazione-pta?area=ARUO', { area: 'ARUO', asked: true }, CYCLE],
  ['area-submitted', '/area/ARUO', { area: 'ARUO', asked: true }, CYCLE],
  ['registry', '/registry', { office: true, asked: true }, REVISED],
  ['area-revised', '/area/ARUO', { office: true, asked: true }, REVISED],
  ['editor-revision', '/editor', { office: true, asked: true }, UNRECORDED],
  ['report-revised', '/report', { office: true, asked: true }, REVISED],
];
// SHOTS=registry,editor-revision takes only those.
const only = process.env.SHOTS?.split(',');
for (const lang of ['it', 'en']) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const [name, path, role, state] of SCREENS.filter(([n]) => !only || only.includes(n))) {
      const context = await browser.newContext({ baseURL: server.url, viewport, locale: 'it-IT' });
      const page = await context.newPage();
      await page.goto('/');
      await page.evaluate((s) => localStorage.setItem('cruscotto.settings', s), SETTINGS(lang, role ?? {}));
      if (state) await page.evaluate((s) => localStorage.setItem('cruscotto.state', s), state);
      await page.goto(path);
      await page.locator('main h1').first().waitFor({ timeout: 20_000 });
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, `${name}-${size}-${lang}.png`), fullPage: size === 'phone' });
      await context.close();
    }
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}`);
