// Accessibility scans with axe-core, for every page the tests visit.

import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';

/** Impacts that fail a test; minor and moderate ones are reported only. */
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe on the page as it is now (WCAG 2.x A and AA rules plus best practices)
 * and fails on any serious or critical violation, naming the rule and elements.
 */
export async function expectNoSeriousA11yViolations(page, t) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const describe = (v) =>
    `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`;
  for (const v of results.violations.filter((v) => !BLOCKING.has(v.impact))) {
    t?.diagnostic?.(`axe (not blocking) ${describe(v)}`);
  }
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact)).map(describe);
  assert.deepEqual(blocking, [], 'serious or critical accessibility violations');
  return results;
}
