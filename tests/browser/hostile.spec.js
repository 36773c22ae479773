// Hostile share links (tests/browser/hostile-links.js): for each, no script runs, no dialog
// opens, nothing is thrown, the page shows a valid state with a notice naming what was
// ignored, and the controls still work afterwards.
'use strict';
const { test, expect, open } = require('./fixtures.js');
const { corpus } = require('./hostile-links.js');

const LINKS = corpus();
const CHUNKS = 6;

for (let c = 0; c < CHUNKS; c++) {
  const chunk = LINKS.filter((_, i) => i % CHUNKS === c);
  test(`hostile links, part ${c + 1} of ${CHUNKS} (${chunk.length} links)`, async ({ page, problems }) => {
    test.setTimeout(180000);
    const { readLink } = await import('../../web/src/link.js');
    for (const [query, mustNotice] of chunk) {
      const label = query.length > 80 ? query.slice(0, 80) + '…' : query;
      await open(page, '/' + query);
      await expect(page.locator('#load-status'), label).toBeHidden();
      const seen = await page.evaluate(() => {
        const values = [...document.querySelectorAll('output[aria-label$=" probability"]')].map((o) => Number(o.dataset.value));
        return {
          xss: window.__xss,
          values,
          noticesShown: !document.getElementById('notices').hidden,
          notices: [...document.querySelectorAll('#notice-list li')].map((li) => li.textContent),
          injected: document.querySelectorAll('#notice-list *:not(li), .logit-row img, iframe, script:not([src])').length,
          // Notices quote what the link said ("NaN"); everything else must not show it.
          text: document.body.innerText.replace(document.getElementById('notices').innerText, ''),
        };
      });
      expect(seen.xss, label).toBeUndefined();
      expect(seen.injected, label).toBe(0);
      expect(seen.values.length, label).toBeGreaterThanOrEqual(2);
      for (const v of seen.values) expect(Number.isFinite(v) && v >= 0 && v <= 1, label).toBe(true);
      expect(seen.text, label).not.toMatch(/NaN|undefined/);
      // Every notice the link reader gives is on the page, as text.
      const expected = readLink(query).notices;
      for (const n of expected) expect(seen.notices, label).toContain(n);
      if (mustNotice) expect(seen.noticesShown, label).toBe(true);
      else expect(seen.noticesShown, label).toBe(false);
      // The controls still work: the first logit field drives the first probability.
      await page.getByRole('button', { name: 'Pipeline' }).click();
      const first = page.locator('.logit-row input.number-input').first();
      await first.fill('0');
      await page.locator('.logit-row input.number-input').nth(1).fill('0');
      await expect.poll(async () => Number(await page.locator('.probability-row output').first().getAttribute('data-value')), label)
        .toBeGreaterThan(0);
    }
    expect(problems).toEqual([]);
  });
}
