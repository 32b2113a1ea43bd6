// The first visit's overview, prerendered at build time (issue #6: the first
// overview within 1.5 times the time a static page takes).
//
// A first visit to / always shows the same screen: the overview of the shipped
// 2023 plan, nothing measured yet, in Italian. This runs the built app once in
// headless chromium, takes the markup the first wasm module renders, and
// returns it for index.html, so that the browser paints that overview from the
// HTML while the wasm is still on its way; the app removes it when it mounts
// (`cruscotto_app::start`) and renders the same screen, live. The copy's ids
// are prefixed with "pre-" (and every reference to them), so that nothing,
// neither a test nor an assistive technology, ever sees two elements with one
// id. Its links are ordinary links to the same addresses, which the first
// module would open with a page load too.
//
// index.html hides it (an inline script in its head, `no-prerender`) whenever
// the app would show anything else: another address, stored data or settings.

import { launchChromium } from '../tests/e2e/support/browser.mjs';
import { startBenchServer } from './bench/server.mjs';

/** The overview markup of a first visit, rendered by the app built in `dir`. */
export async function prerenderOverview(dir) {
  const server = await startBenchServer(dir);
  let browser;
  try {
    browser = await launchChromium();
    // No service worker: sw.js is written after this, and the first visit has none.
    const context = await browser.newContext({ serviceWorkers: 'block', locale: 'it-IT', timezoneId: 'Europe/Rome' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/`);
    await page.locator('#area-scores tbody tr').first().waitFor({ timeout: 60_000 });
    if (errors.length > 0) throw new Error(`the app failed while prerendering: ${errors.join(' | ')}`);
    return await page.evaluate(() => {
      const REFERENCES = ['for', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns'];
      return [...document.body.children]
        .filter((e) => e.tagName !== 'SCRIPT' && e.tagName !== 'NOSCRIPT' && !e.hasAttribute('data-prerender'))
        .map((top) => {
          const copy = top.cloneNode(true);
          for (const e of [copy, ...copy.querySelectorAll('*')]) {
            if (e.id) e.id = `pre-${e.id}`;
            for (const name of REFERENCES) {
              const value = e.getAttribute(name);
              if (value) e.setAttribute(name, value.split(/\s+/).map((id) => `pre-${id}`).join(' '));
            }
            // The page's policy refuses style attributes in markup (the app
            // sets styles through the DOM, which it allows). A first visit's
            // only ones are the empty score bars, drawn by style/main.css.
            const style = e.getAttribute('style');
            if (style !== null) {
              if (!(e.classList.contains('score-bar-fill') && /^width: 0%;?$/.test(style.trim()))) {
                throw new Error(`an inline style the prerendered page cannot keep: <${e.tagName.toLowerCase()} class="${e.className}" style="${style}">`);
              }
              e.removeAttribute('style');
            }
            const href = e.getAttribute('href');
            if (href?.startsWith('#') && href.length > 1) e.setAttribute('href', `#pre-${href.slice(1)}`);
          }
          copy.setAttribute('data-prerender', '');
          return copy.outerHTML;
        })
        .join('');
    });
  } finally {
    await browser?.close();
    await server.close();
  }
}
