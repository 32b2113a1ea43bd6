// Screenshots of the screens at desktop and phone width, Italian and English,
// for checking by eye (not a test): node tests/e2e/support/shots.mjs OUT_DIR
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

import { launchChromium } from './browser.mjs';
import { startStaticServer } from './server.mjs';

const out = process.argv[2] ?? 'target/shots';
await mkdir(out, { recursive: true });
const server = await startStaticServer();
const browser = await launchChromium();
const SIZES = { desktop: { width: 1366, height: 900 }, phone: { width: 390, height: 844 } };
const SETTINGS = (lang, role) => JSON.stringify({ lang, ...role });
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
];
for (const lang of ['it', 'en']) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    for (const [name, path, role] of SCREENS) {
      const context = await browser.newContext({ baseURL: server.url, viewport, locale: 'it-IT' });
      const page = await context.newPage();
      await page.goto('/');
      await page.evaluate((s) => localStorage.setItem('cruscotto.settings', s), SETTINGS(lang, role ?? {}));
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
