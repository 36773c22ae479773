// The built core in a real browser: over http, under the strict CSP, and from file://.
'use strict';
const path = require('node:path');
const { test, expect } = require('./fixtures.js');
const { PLAIN_URL } = require('./playwright.config.js');

const FILE_URL = 'file://' + path.resolve(__dirname, '..', '..', 'dist', 'index.html');

// The API inside the page, on the slides' numbers.
async function coreResults(page) {
  return page.evaluate(async () => {
    const core = await LossCore.loadLossCore();
    let error = null;
    try { core.softmax([1, NaN]); } catch (e) { error = e.message; }
    return {
      softmax: core.softmax([Math.log(19), 0]),
      loss: core.crossEntropyFromLogits([Math.log(19), 0], 0),
      nn2: core.batchMetrics([[0.6, 0.4], [0.3, 0.7], [0.1, 0.9]], [0, 1, 0]).crossEntropy,
      error,
    };
  });
}

for (const [name, url] of [['http with the strict CSP', '/'], ['http without CSP', PLAIN_URL], ['file://', FILE_URL]]) {
  test(`the core computes in the page (${name})`, async ({ page, problems }) => {
    const response = await page.goto(url);
    if (name.includes('strict')) {
      expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    }
    const r = await coreResults(page);
    // Slide: Dog 0.95 / Cat 0.05; -ln 0.95 = 0.0513 (reference.py: 0.0512932943875505334);
    // NN2 cross-entropy 1.06 (reference.py: 1.05669522023292292).
    expect(r.softmax[0]).toBeCloseTo(0.95, 12);
    expect(r.softmax[1]).toBeCloseTo(0.05, 12);
    expect(r.loss).toBeCloseTo(0.0512932943875505334, 12);
    expect(r.nn2).toBeCloseTo(1.05669522023292292, 12);
    expect(r.error).toBe('logit 2 is not a finite number');
    expect(problems).toEqual([]);
  });
}
