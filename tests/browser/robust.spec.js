// Offline, a core that cannot load, leaks over 100,000 edits, keyboard-only flows.
'use strict';
const path = require('node:path');
const { test, expect, exact, valueOf, open } = require('./fixtures.js');

const ROOT = path.resolve(__dirname, '..', '..');

test('every view works with every request outside the page\'s origin blocked', async ({ page, context, problems }) => {
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.push(url.href);
    return route.abort();
  });
  await open(page, '/?preset=three-classes');
  await expect.poll(() => valueOf(page, 'Dog probability')).toBeCloseTo(6.59001138885967907e-1, 12); // reference.py
  await open(page, '/?preset=nn1-vs-nn2');
  await expect(page.getByLabel('NN2 cross-entropy', exact)).toHaveText('1.06'); // the slide
  await page.getByLabel('Load a file', exact).setInputFiles(path.join(ROOT, 'web', 'static', 'example-predictions.csv'));
  await expect(page.locator('#evaluate-status')).toContainText('8 rows evaluated');
  expect(blocked).toEqual([]);
  expect(problems).toEqual([]);
});

test('if the wasm file is missing, the page says so plainly', async ({ page }) => {
  // Neither the binary (fetched over http) nor its base64 script (the fallback) is there.
  await page.route('**/loss-core-module.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route('**/loss-core-wasm.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.locator('#load-status')).toContainText('The page cannot compute anything: The loss core could not load');
  await expect(page.locator('#pipeline')).toBeHidden();
  await expect(page.locator('#compare-view')).toBeHidden();
});

for (const simd of [true, false]) {
  test(`a browser ${simd ? 'with' : 'without'} WASM SIMD gets the ${simd ? 'SIMD' : 'scalar'} build, with the same numbers`, async ({ page, problems }) => {
    // Chromium cannot turn SIMD off, so the page is told so: WebAssembly.validate refuses the
    // SIMD probe, as it does in Safari before 16.4.
    if (!simd) {
      await page.addInitScript(() => {
        const validate = WebAssembly.validate;
        WebAssembly.validate = (bytes) => !new Uint8Array(bytes).includes(253) && validate(bytes);
      });
    }
    const wasm = [];
    page.on('request', (request) => { if (request.url().endsWith('.wasm')) wasm.push(new URL(request.url()).pathname); });
    await open(page, '/?preset=three-classes');
    await expect.poll(() => valueOf(page, 'Dog probability')).toBeCloseTo(6.59001138885967907e-1, 12); // reference.py
    expect(wasm).toEqual([simd ? '/loss-core-module.wasm' : '/loss-core-module-scalar.wasm']);
    expect(await page.evaluate(async () => (await LossCore.loadLossCore()).simd)).toBe(simd);
    expect(problems).toEqual([]);
  });
}

test('if WebAssembly is turned off, the page says so plainly', async ({ page }) => {
  await page.addInitScript(() => { delete window.WebAssembly; });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.locator('#load-status')).toContainText('It needs WebAssembly');
  await expect(page.locator('#pipeline')).toBeHidden();
  expect(errors).toEqual([]);
});

test('100,000 edits leave the wasm memory and the JS heap where they were after the first 1,000', async ({ page, problems }) => {
  test.setTimeout(600000);
  await open(page, '/');
  await expect(page.locator('#load-status')).toBeHidden();
  const figures = await page.evaluate(async () => {
    const core = await LossCore.loadLossCore();
    const logit = document.getElementById('logit-0');
    const temperature = document.getElementById('temperature');
    const edit = (i) => {
      logit.value = String((i % 200) / 20 - 5);
      logit.dispatchEvent(new Event('input'));
      if (i % 10 === 0) {
        temperature.value = String(0.5 + (i % 7) / 4);
        temperature.dispatchEvent(new Event('input'));
      }
    };
    const measure = () => { gc(); return { wasm: core.wasmMemoryBytes(), heapInUse: core.heapBytesInUse(), js: performance.memory.usedJSHeapSize }; };
    for (let i = 0; i < 1000; i++) edit(i);
    const first = measure();
    const started = performance.now();
    for (let i = 1000; i < 100000; i++) edit(i);
    const msPerEdit = (performance.now() - started) / 99000;
    return { first, last: measure(), msPerEdit };
  });
  console.log(`leaks: after 1,000 edits wasm ${figures.first.wasm} B, JS heap ${figures.first.js} B; after 100,000 wasm ${figures.last.wasm} B, JS heap ${figures.last.js} B; ${figures.msPerEdit.toFixed(3)} ms per edit`);
  expect(figures.last.wasm).toBe(figures.first.wasm);
  expect(figures.last.heapInUse).toBe(figures.first.heapInUse);
  // The JS heap after a full GC moves by allocator noise only: well under 1 MB.
  expect(Math.abs(figures.last.js - figures.first.js)).toBeLessThan(1024 * 1024);
  expect(problems).toEqual([]);
});

test('keyboard alone: edit the compare table, switch views, load and evaluate a file', async ({ page, problems }) => {
  await open(page, '/?preset=nn1-vs-nn2');
  await page.getByLabel('NN1 row 1 Dog', exact).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0.8');
  await page.keyboard.press('Tab'); // to NN1 row 1 Cat
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0.2');
  // By hand: NN1 CE = (ln(1/0.8) + ln(1/0.9) + ln(1/0.4)) / 3.
  await expect.poll(() => valueOf(page, 'NN1 cross-entropy')).toBeCloseTo((Math.log(1 / 0.8) + Math.log(1 / 0.9) + Math.log(1 / 0.4)) / 3, 12);
  await page.keyboard.press('Tab'); // Row 1 true class
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('Row 1 true class', exact)).toHaveValue('1');
  await page.getByLabel('Predictions (CSV or TSV)', exact).focus();
  await page.keyboard.type('Dog,Cat,label\n0.9,0.1,Dog\n0.2,0.8,Cat\n');
  await page.keyboard.press('Tab'); // Load a file
  await page.keyboard.press('Tab'); // Predictions are
  await page.keyboard.press('Tab'); // Evaluate
  await expect(page.getByRole('button', { name: 'Evaluate' })).toBeFocused();
  await page.keyboard.press('Enter');
  // By hand: (ln(1/0.9) + ln(1/0.8)) / 2.
  await expect.poll(() => valueOf(page, 'File cross-entropy')).toBeCloseTo((Math.log(1 / 0.9) + Math.log(1 / 0.8)) / 2, 12);
  await page.getByRole('button', { name: 'Pipeline' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Dog logit', exact)).toBeVisible();
  expect(problems).toEqual([]);
});
