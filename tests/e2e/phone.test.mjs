// Every screen on a phone (issue #15), against the release build: at 390×844
// nothing is wider than the screen, so the page never scrolls sideways and
// the header spans the width. Tables become stacked rows on a narrow screen;
// an element that scrolls sideways inside a box made for it (a chart) is
// allowed, the page itself is not.

import assert from 'node:assert/strict';

import { LOAD, importProgress } from './support/app.mjs';
import { useApp } from './support/browser.mjs';

const app = useApp();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

const SCREENS = [
  ['/', '#area-scores'],
  ['/area/ARUO', '#area-score-ARUO'],
  ['/objective/programmazione-pta', '#objective-title'],
  ['/objective/rotazione-rup', '#per-area-hint'],
  ['/objective/risparmio-energetico', '#objective-title'],
  ['/transfer', '#import-file'],
  ['/compare', 'main h1'],
  ['/report', '.report-area'],
  ['/report/ARUO', '.report-area'],
  ['/settings', 'main h1'],
  ['/editor', '#f-plan-title'],
];

/** Elements reaching past the right edge, outside any box that scrolls or clips them. */
function overflowing() {
  const width = document.documentElement.clientWidth;
  const clipped = (el) => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > width + 1 && !clipped(el)) {
      const id = el.id ? `#${el.id}` : '';
      const cls = el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      out.push(`${el.tagName.toLowerCase()}${id}${cls} (right ${Math.round(r.right)} > ${width})`);
    }
  }
  return { out: out.slice(0, 8), scroll: document.documentElement.scrollWidth, width };
}

app.test('no screen is wider than a 390 px phone', { context: PHONE }, async ({ page }) => {
  await importProgress(page, {
    'programmazione-pta-i1': { level: 3, note: 'Piano approvato dal CdA nella seduta di luglio' },
    'risparmio-energetico-a': { value: '40000000' },
  });
  const problems = [];
  for (const [path, ready] of SCREENS) {
    await page.goto(path);
    await page.locator(ready).first().waitFor(LOAD);
    const { out, scroll, width } = await page.evaluate(overflowing);
    if (scroll > width || out.length > 0) problems.push(`${path}: page ${scroll} px in ${width} px; ${out.join(', ')}`);
    const header = await page.locator('header').first().boundingBox();
    if (header && Math.abs(header.width - width) > 1) problems.push(`${path}: header ${header.width} px wide in ${width} px`);
  }
  assert.deepEqual(problems, []);
});
