// A page fixture that records what must never happen: console errors, uncaught
// exceptions, CSP violations and requests to other origins. Each test ends by checking it.
'use strict';
const base = require('@playwright/test');

const test = base.test.extend({
  problems: async ({ page }, use) => {
    const problems = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
    page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
    page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
    page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['127.0.0.1', ''].includes(url.hostname) && !['file:', 'data:', 'blob:'].includes(url.protocol)) {
        problems.push(`request to another origin: ${r.url()}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    await use(problems);
  },
});

const exact = { exact: true };
// A value output's full-precision number (the text shows it rounded), once the page has drawn
// it: an output is in the HTML before the core loads, without a value.
const valueOf = async (page, name) => {
  const output = page.getByLabel(name, exact);
  await base.expect(output).toHaveAttribute('data-value', /./);
  return Number(await output.getAttribute('data-value'));
};
const expectValue = (page, name, expected, digits = 12) =>
  base.expect.poll(() => valueOf(page, name), { message: name }).toBeCloseTo(expected, digits);

// Opens the page and waits for what a user sees once it works: the toolbar's buttons come
// alive when the core has loaded and the page has drawn (before that they are disabled).
async function open(page, url) {
  const response = await page.goto(url);
  await base.expect(page.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  return response;
}

module.exports = { test, expect: base.expect, exact, valueOf, expectValue, open };
