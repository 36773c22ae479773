// The compare view (the slides' NN1 / NN2 table) and "Evaluate your own predictions".
// Expected values: the slides, and tests/reference/reference.py (Python decimal, 50 digits).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, exact, valueOf, expectValue, open } = require('./fixtures.js');

const ROOT = path.resolve(__dirname, '..', '..');
const SHOTS = path.join(ROOT, 'test-results', 'screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

test('preset nn1-vs-nn2 shows the slide: 0.33 / 0.25 / 0.38 and 0.33 / 0.71 / 1.06', async ({ page, problems }) => {
  await open(page, '/?preset=nn1-vs-nn2');
  await expect(page.getByLabel('Example', exact)).toHaveValue('nn1-vs-nn2');
  await expect(page.getByRole('button', { name: 'Compare networks' })).toHaveAttribute('aria-pressed', 'true');
  // Slide: the rounded figures.
  for (const [name, text] of [['NN1 classification error', '0.33'], ['NN1 mean squared error', '0.25'], ['NN1 cross-entropy', '0.38'],
    ['NN2 classification error', '0.33'], ['NN2 mean squared error', '0.71'], ['NN2 cross-entropy', '1.06']]) {
    await expect(page.getByLabel(name, exact)).toHaveText(text);
  }
  // reference.py: full precision.
  await expectValue(page, 'NN1 classification error', 1 / 3);
  await expectValue(page, 'NN1 mean squared error', 2.53333333333333333e-1);
  await expectValue(page, 'NN1 cross-entropy', 3.75670587729935889e-1);
  await expectValue(page, 'NN2 mean squared error', 7.06666666666666667e-1);
  await expectValue(page, 'NN2 cross-entropy', 1.05669522023292292);
  await expect(page.getByLabel('NN1 row 3 Dog', exact)).toHaveValue('0.4');
  // Row 3 of NN2 costs -ln 0.1: the confident mistake that drives the difference.
  await expectValue(page, 'NN2 row 3 cross-entropy', -Math.log(0.1));
  await expect(page.locator('#metrics-summary')).toContainText('Row 3');
  await page.screenshot({ path: path.join(SHOTS, 'nn1-vs-nn2.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('editing a row changes the metrics to the core\'s values; a half-edited row keeps the last ones', async ({ page, problems }) => {
  await open(page, '/?preset=nn1-vs-nn2');
  const dog = page.getByLabel('NN2 row 3 Dog', exact);
  const cat = page.getByLabel('NN2 row 3 Cat', exact);
  await dog.fill('0.4');
  // The row sums to 1.3 until Cat is fixed: the core's message, the old metrics.
  await expect(page.locator('#compare-message')).toContainText('NN2 row 3: predicted probabilities sum to 1.3, not 1');
  await expectValue(page, 'NN2 cross-entropy', 1.05669522023292292);
  await cat.fill('0.6');
  await expect(page.locator('#compare-message')).toBeEmpty();
  // NN2 now equals NN1 on row 3: by hand, CE = (ln(1/0.6) + ln(1/0.7) + ln(1/0.4)) / 3.
  await expectValue(page, 'NN2 cross-entropy', (Math.log(1 / 0.6) + Math.log(1 / 0.7) + Math.log(1 / 0.4)) / 3);
  const core = await page.evaluate(async () => (await LossCore.loadLossCore())
    .batchMetrics([[0.6, 0.4], [0.3, 0.7], [0.4, 0.6]], [0, 1, 0]));
  expect(await valueOf(page, 'NN2 mean squared error')).toBe(core.meanSquaredError);
  expect(await valueOf(page, 'NN2 cross-entropy')).toBe(core.crossEntropy);
  await expect(page.getByLabel('Example', exact)).toHaveValue('');
  // Bad text in a cell: a message, nothing changes.
  await dog.fill('abc');
  await expect(page.locator('#compare-message')).toContainText('NN2 row 3 Dog: “abc” is not a number');
  await expect(dog).toHaveAttribute('aria-invalid', 'true');
  expect(problems).toEqual([]);
});

test('rows and classes can be added and removed; logits go through softmax', async ({ page, problems }) => {
  await open(page, '/?preset=nn1-vs-nn2');
  await page.getByRole('button', { name: 'Add row' }).click();
  await expect(page.getByLabel('NN1 row 4 Dog', exact)).toHaveValue('0.5');
  await page.getByLabel('Row 4 true class', exact).selectOption('Cat');
  await page.getByRole('button', { name: 'Remove row 4' }).click();
  await expect(page.getByLabel('NN1 row 4 Dog', exact)).toHaveCount(0);
  await expectValue(page, 'NN1 cross-entropy', 3.75670587729935889e-1);
  // Switch to logits: ln p, so the predictions and metrics stay the same.
  await page.getByLabel('Rows are', exact).selectOption('z');
  await expectValue(page, 'NN1 cross-entropy', 3.75670587729935889e-1, 10);
  await page.getByLabel('NN1 row 1 Dog', exact).fill('1000');
  await page.getByLabel('NN1 row 1 Cat', exact).fill('-1000');
  // By hand: row 1 becomes certain and right (CE 0), rows 2 and 3 as before: (ln(1/0.9) + ln(1/0.4)) / 3.
  await expectValue(page, 'NN1 cross-entropy', (Math.log(1 / 0.9) + Math.log(1 / 0.4)) / 3, 10);
  await page.getByRole('button', { name: 'Add class' }).click();
  await expect(page.getByLabel('NN1 row 1 Class 3', exact)).toHaveValue('0');
  expect(problems).toEqual([]);
});

test('the share link of an edited table reopens identically', async ({ page, context, problems }) => {
  await open(page, '/?preset=nn1-vs-nn2');
  await page.getByLabel('NN1 row 2 Dog', exact).fill('0.35');
  await page.getByLabel('NN1 row 2 Cat', exact).fill('0.65');
  await page.getByLabel('Row 1 true class', exact).selectOption('Cat');
  await expect(page).toHaveURL(/view=compare/);
  await expect(page).toHaveURL(/a=0\.9,0\.1;0\.35,0\.65;0\.4,0\.6/);
  const names = ['NN1', 'NN2'].flatMap((n) => ['classification error', 'mean squared error', 'cross-entropy'].map((m) => `${n} ${m}`));
  const before = await Promise.all(names.map((n) => valueOf(page, n)));
  const reopened = await context.newPage();
  await open(reopened, page.url());
  await expect(reopened.getByLabel('NN1 row 2 Dog', exact)).toHaveValue('0.35');
  expect(await Promise.all(names.map((n) => valueOf(reopened, n)))).toEqual(before);
  await expect(reopened.locator('#notices')).toBeHidden();
  expect(problems).toEqual([]);
});

test('the shipped example CSV gives the expected metrics', async ({ page, problems }) => {
  await open(page, '/?preset=nn1-vs-nn2');
  await page.getByLabel('Load a file', exact).setInputFiles(path.join(ROOT, 'web', 'static', 'example-predictions.csv'));
  await expect(page.locator('#evaluate-status')).toContainText('8 rows evaluated, 0 left out');
  // reference.py: 2 of 8 wrong (img-04, img-06); MSE and CE to 17 digits.
  await expectValue(page, 'File classification error', 0.25);
  await expectValue(page, 'File mean squared error', 3.43750000000000000e-1);
  await expectValue(page, 'File cross-entropy', 6.00990380956820887e-1);
  // The worst example: img-06, a Dog given 0.25 (-ln 0.25 = 1.3863).
  await expect(page.locator('#worst-body tr').first()).toContainText('img-06');
  await expect(page.locator('#worst-body tr').first()).toContainText('1.3863');
  await expect(page.getByLabel('Predictions (CSV or TSV)', exact)).toHaveValue(/^# Example predictions/);
  // The download has a loss column.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download results CSV' }).click()]);
  const csv = fs.readFileSync(await download.path(), 'utf8').split('\n');
  expect(csv[0]).toBe('id,Dog,Cat,Bird,label,loss');
  expect(Number(csv[1].split(',')[5])).toBeCloseTo(-Math.log(0.8), 12);
  // Small enough to send to the comparison, as NN1.
  await page.getByRole('button', { name: 'Send to compare' }).click();
  await expect(page.getByLabel('NN1 row 8 Bird', exact)).toHaveValue('0.6');
  await expectValue(page, 'NN1 cross-entropy', 6.00990380956820887e-1);
  expect(problems).toEqual([]);
});

test('a file with bad lines lists them by line number and evaluates the rest', async ({ page, problems }) => {
  await open(page, '/?view=compare&v=1');
  await page.getByLabel('Load a file', exact).setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'bad-lines.csv'));
  await expect(page.locator('#evaluate-status')).toContainText('3 rows evaluated, 4 left out');
  const bad = page.locator('#evaluate-bad-list');
  await expect(bad).toContainText('line 3: has 4 fields, the header has 3');
  await expect(bad).toContainText('line 4: Cat: “abc” is not a number');
  await expect(bad).toContainText('line 5: unknown label “Horse”');
  await expect(bad).toContainText('line 6: predicted probabilities sum to 1.2, not 1');
  // reference.py: the valid lines 2, 7, 8 are the slide's NN1 rows: 0.3757.
  await expectValue(page, 'File cross-entropy', 3.75670587729935889e-1);
  // Fixing a line keeps everything else the user pasted.
  const area = page.getByLabel('Predictions (CSV or TSV)', exact);
  const text = await area.inputValue();
  await area.fill(text.replace('0.7,0.5,Dog', '0.7,0.3,Dog'));
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.locator('#evaluate-status')).toContainText('4 rows evaluated, 3 left out');
  await expect(area).toHaveValue(/0\.3,abc,Cat/);
  expect(problems).toEqual([]);
});

test('a file chosen while the core is still loading is evaluated once it has loaded', async ({ page, problems }) => {
  // The core's wasm is held back until the file is chosen, so the choice surely comes first.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/loss-core-module.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('/?view=compare&v=1');
  await expect(page.locator('#load-status')).toBeVisible();
  await page.getByLabel('Load a file', exact).setInputFiles(path.join(ROOT, 'tests', 'fixtures', 'bad-lines.csv'));
  release();
  await expect(page.locator('#evaluate-status')).toContainText('3 rows evaluated, 4 left out');
  // reference.py: the valid lines 2, 7, 8 are the slide's NN1 rows: 0.3757.
  await expectValue(page, 'File cross-entropy', 3.75670587729935889e-1);
  expect(problems).toEqual([]);
});

test('100,000 rows × 10 classes are evaluated in a worker, with progress, without blocking the page', async ({ page, problems }) => {
  test.setTimeout(120000);
  // A deterministic file: logits from a linear congruential generator, labels i mod 10.
  let seed = 1;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 8 - 4;
  const lines = ['c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,label'];
  for (let i = 0; i < 100000; i++) lines.push(`${Array.from({ length: 10 }, () => next().toFixed(4)).join(',')},${i % 10}`);
  const file = path.join(ROOT, 'test-results', 'large-100000x10.csv');
  fs.writeFileSync(file, lines.join('\n'));
  await open(page, '/?view=compare&v=1');
  await page.evaluate(() => {
    window.longest = 0;
    window.progressSeen = false;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longest = Math.max(window.longest, e.duration); })
      .observe({ type: 'longtask' });
    new MutationObserver(() => { if (/\d+%/.test(document.getElementById('evaluate-status').textContent)) window.progressSeen = true; })
      .observe(document.getElementById('evaluate-status'), { childList: true, characterData: true, subtree: true });
    window.started = performance.now();
  });
  await page.getByLabel('Load a file', exact).setInputFiles(file);
  await expect(page.locator('#evaluate-status')).toContainText('100,000 rows evaluated, 0 left out; 10 classes, read as logits', { timeout: 60000 });
  const figures = await page.evaluate(() => ({ seconds: (performance.now() - window.started) / 1000, longest: window.longest, progress: window.progressSeen }));
  console.log(`100,000 x 10: ${figures.seconds.toFixed(2)} s from choosing the file to metrics; longest main-thread task ${figures.longest.toFixed(0)} ms`);
  expect(figures.progress).toBe(true);
  await expect(page.getByLabel('Predictions (CSV or TSV)', exact)).toHaveValue('');
  expect(await valueOf(page, 'File cross-entropy')).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'Send to compare' })).toBeDisabled();
  expect(problems).toEqual([]);
});

test('small text is evaluated in the page at once; text over 50,000 characters in the worker', async ({ page, problems }) => {
  const workers = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await open(page, '/?view=compare&v=1');
  const area = page.getByLabel('Predictions (CSV or TSV)', exact);
  // The slide's NN1 rows: reference.py's 0.3757.
  await area.fill('Dog,Cat,label\n0.9,0.1,Dog\n0.1,0.9,Cat\n0.4,0.6,Dog\n');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expectValue(page, 'File cross-entropy', 3.75670587729935889e-1);
  expect(workers).toEqual([]);
  // 1,500 copies of those rows (54,014 characters): the same mean, from the worker.
  // Set as a paste does, in one input event (fill types it line by line, which takes long here).
  await area.evaluate((box, text) => { box.value = text; box.dispatchEvent(new Event('input', { bubbles: true })); },
    'Dog,Cat,label\n' + '0.9,0.1,Dog\n0.1,0.9,Cat\n0.4,0.6,Dog\n'.repeat(1500));
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.locator('#evaluate-status')).toContainText('4,500 rows evaluated');
  await expectValue(page, 'File cross-entropy', 3.75670587729935889e-1);
  expect(workers).toEqual(['/eval-worker.js']);
  expect(problems).toEqual([]);
});

test('from file:// the evaluation runs in the page instead of a worker', async ({ page, problems }) => {
  await open(page, 'file://' + path.join(ROOT, 'dist', 'index.html') + '?preset=nn1-vs-nn2');
  await page.getByLabel('Load a file', exact).setInputFiles(path.join(ROOT, 'web', 'static', 'example-predictions.csv'));
  await expectValue(page, 'File cross-entropy', 6.00990380956820887e-1);
  expect(problems.filter((p) => !/Worker|worker/.test(p))).toEqual([]);
});

test('the compare view fits 320 px without horizontal scrolling (wide tables scroll inside)', async ({ page, problems }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  for (const url of ['/?preset=nn1-vs-nn2', '/?preset=nn1-vs-nn2&embed=1']) {
    await open(page, url);
    await expect(page.getByLabel('NN1 cross-entropy', exact)).toHaveText('0.38'); // the slide
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  }
  await page.screenshot({ path: path.join(SHOTS, 'compare-320.png'), fullPage: true });
  expect(problems).toEqual([]);
});
