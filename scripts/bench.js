// npm run bench: the figures behind the performance goals, printed as tables.
//   1. page weight: what the first view transfers (raw and gzip)
//   2. core throughput: softmax + cross-entropy + gradient, wasm vs native (-O2), vs a memory pass
//   3. training the tiny CNN: steps per second, wasm vs native, and through the page's JS API
//   4. TensorFlow.js (tfjs-core with its wasm backend) on the same batches
//   5. Lighthouse 12.2.3 in Debian's Chromium, desktop and mobile, on every view
//   6. interaction: input event to finished update, in Chromium, over 1,000 scripted edits
//   7. a 100,000 x 10 file in the evaluate view: time to metrics, long tasks meanwhile
// Timings vary with the machine and its load; run on an idle machine and compare ratios.
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { sizes, printTable } = require('./size.js');
const { createServer } = require('./serve.js');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'build', 'bench');

let built = false;
function buildBenchmarks() {
  if (built) return;
  built = true;
  fs.mkdirSync(out, { recursive: true });
  const loss = ['cpp/checks.cpp', 'cpp/loss.cpp', 'cpp/batch.cpp', 'cpp/metrics.cpp'];
  const sources = ['-Icpp', ...loss, 'bench/bench_core.cpp'];
  execFileSync('g++', ['-O2', '-std=c++17', ...sources, '-o', path.join(out, 'bench_native')], { cwd: root, stdio: 'inherit' });
  // The two wasm builds the page chooses between: with WASM SIMD and without.
  for (const [name, flags] of [['bench_wasm.js', ['-msimd128']], ['bench_wasm_scalar.js', []]]) {
    execFileSync('em++', ['-O2', '-std=c++17', ...flags, ...sources, '-sALLOW_MEMORY_GROWTH=1', '-sMAXIMUM_MEMORY=2GB',
      '-sSINGLE_FILE=1', '-o', path.join(out, name)], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
  }
  const cnn = ['-Icpp', ...loss, 'cpp/pictures.cpp', 'cpp/cnn.cpp', 'bench/bench_training.cpp'];
  execFileSync('g++', ['-O2', '-std=c++17', ...cnn, '-o', path.join(out, 'training_native')], { cwd: root, stdio: 'inherit' });
  execFileSync('em++', ['-O2', '-std=c++17', ...cnn, '-sALLOW_MEMORY_GROWTH=1', '-sSINGLE_FILE=1',
    '-o', path.join(out, 'training_wasm.js')], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
}

// The page's own module through its JS API (dist/loss-core.js), as the Train button uses it.
async function trainingThroughApi() {
  const core = await require(path.join(root, 'dist', 'loss-core.js')).loadLossCore();
  let start = performance.now();
  const net = core.createNetwork({ seed: 1 });
  const setupMs = performance.now() - start;
  net.train(20);
  start = performance.now();
  for (let i = 0; i < 500; i++) net.train(1); // one call per step, as the page makes them
  const stepsPerSecond = 500 / ((performance.now() - start) / 1000);
  const pixels = net.picture('test', 0).pixels;
  start = performance.now();
  for (let i = 0; i < 2000; i++) net.forward(pixels);
  const forwardUs = ((performance.now() - start) / 2000) * 1000;
  const testAccuracy = net.evaluate('test').accuracy;
  net.dispose();
  return { setupMs, stepsPerSecond, forwardUs, testAccuracy };
}

async function training() {
  const native = lines(execFileSync(path.join(out, 'training_native'), { encoding: 'utf8' }))[0];
  const wasm = lines(execFileSync('node', [path.join(out, 'training_wasm.js')], { encoding: 'utf8' }))[0];
  const api = await trainingThroughApi();
  console.log('\n## Training the tiny CNN: SGD steps of 10 pictures (forward, backward, update), seed 1\n');
  console.log('| build | sets drawn (ms) | steps per second | forward pass (µs) | test accuracy after 520 steps |');
  console.log('|---|---:|---:|---:|---:|');
  const row = (name, r) => console.log(`| ${name} | ${r.setupMs.toFixed(1)} | ${r.stepsPerSecond.toFixed(0)} | ${r.forwardUs.toFixed(1)} | ${r.testAccuracy.toFixed(2)} |`);
  row('native g++ -O2', native);
  row('wasm em++ -O2 (Node)', wasm);
  row('the page module via its JS API (Node)', api);
  console.log(`\nwasm speed / native: ${(wasm.stepsPerSecond / native.stepsPerSecond).toFixed(2)}× (steps per second).`);
}

const lines = (text) => text.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));

function throughput(tf) {
  const native = lines(execFileSync(path.join(out, 'bench_native'), { encoding: 'utf8' }));
  const wasm = lines(execFileSync('node', [path.join(out, 'bench_wasm.js')], { encoding: 'utf8' }));
  const scalar = lines(execFileSync('node', [path.join(out, 'bench_wasm_scalar.js')], { encoding: 'utf8' }));
  console.log('\n## Core throughput: softmax + cross-entropy + gradient, ns per element (lower is better)\n');
  console.log('wasm SIMD: the build browsers with WASM SIMD load; wasm scalar: the fallback for the rest.');
  console.log('Memory pass: read, scale and write the same bytes, in the SIMD build (which vectorizes it).\n');
  console.log('| rows | classes | wasm SIMD | wasm scalar | native -O2 | SIMD speed / native | scalar speed / native | memory pass | SIMD / memory pass |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  wasm.forEach((w, i) => {
    const n = native[i], s = scalar[i];
    console.log(`| ${w.rows.toLocaleString('en')} | ${w.classes} | ${w.coreNs.toFixed(2)} | ${s.coreNs.toFixed(2)} | ${n.coreNs.toFixed(2)} | ${(n.coreNs / w.coreNs).toFixed(2)}× | ${(n.coreNs / s.coreNs).toFixed(2)}× | ${w.memoryNs.toFixed(2)} | ${(w.coreNs / w.memoryNs).toFixed(1)}× |`);
  });
  console.log(`\nTensorFlow.js ${require('@tensorflow/tfjs-core/package.json').version}, wasm backend (SIMD ${tf.simd ? 'on' : 'off'}, threads ${tf.threads ? 'on' : 'off'}), float32, same batches:\n`);
  console.log('| rows | classes | TF.js wasm ns per element | core wasm SIMD ns per element | core speed / TF.js |');
  console.log('|---:|---:|---:|---:|---:|');
  for (const t of tf.rows) {
    const w = wasm.find((x) => x.rows === t.rows && x.classes === t.classes);
    console.log(`| ${t.rows.toLocaleString('en')} | ${t.classes} | ${t.ns.toFixed(2)} | ${w.coreNs.toFixed(2)} | ${(t.ns / w.coreNs).toFixed(2)}× |`);
  }
}

// In the page: each edit sets an input's value and dispatches `input`, as typing or a slider
// does; the page updates every number and drawing in that handler. "Script" stops the clock
// there; "with layout" also makes the browser compute style and layout for the new DOM
// (getBoundingClientRect), which it would otherwise do before the next paint. The first 200
// edits, while V8 compiles the page's code, are reported apart from the 1,000 measured after.
function editInPage({ selector, values }) {
  const input = document.querySelector(selector);
  const quantiles = (times) => {
    const sorted = [...times].sort((a, b) => a - b);
    return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)], max: sorted[sorted.length - 1] };
  };
  const run = (count, offset) => {
    const script = [], withLayout = [];
    for (let i = 0; i < count; i++) {
      input.value = values[(offset + i) % values.length];
      const start = performance.now();
      input.dispatchEvent(new Event('input'));
      const written = performance.now();
      document.body.getBoundingClientRect();
      script.push(written - start);
      withLayout.push(performance.now() - start);
    }
    return { script: quantiles(script), withLayout: quantiles(withLayout) };
  };
  const warmUp = run(200, 0);
  return { warmUp, measured: run(1000, 200) };
}

// The page served from dist/ with the strict CSP, in Debian's Chromium: fn(browser, base URL).
async function withChromium(fn) {
  const { chromium } = require('playwright-core');
  const server = createServer(path.join(root, 'dist'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    return await fn(browser, `http://127.0.0.1:${server.address().port}/`);
  } finally {
    await browser.close();
    server.close();
  }
}

// From now on, the durations of the page's long tasks (over 50 ms) in window.longTasks, from
// the browser's own PerformanceObserver.
const watchLongTasks = (page) => page.evaluate(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
});

// A drag on the Dog logit's bar with the mouse, as a learner does: 240 moves, one an animation frame.
async function dragInPage(page) {
  await watchLongTasks(page);
  const box = await page.locator('.logit-row').first().locator('.logit-track').boundingBox();
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i < 240; i++) {
    const f = Math.abs(((i % 120) / 60) - 1); // back and forth across the bar
    await page.mouse.move(box.x + 2 + f * (box.width - 4), y);
    await page.evaluate(() => new Promise(requestAnimationFrame));
  }
  await page.mouse.up();
  return page.evaluate(() => ({ longTasks: window.longTasks.length, longest: Math.max(0, ...window.longTasks) }));
}

async function interaction() {
  await withChromium(async (browser, base) => {
    const page = await browser.newPage();
    const open = async (query, { landscape = false } = {}) => {
      await page.goto(base + query);
      await page.waitForSelector('#load-status', { state: 'hidden' });
      // The loss landscape redraws with every edit while it is in view (a 128 × 128 grid a map).
      if (landscape) {
        await page.evaluate(() => document.getElementById('landscape').scrollIntoView());
        await page.waitForSelector('#landscape-maps figure');
      }
    };
    const values = Array.from({ length: 100 }, (_, i) => String((i + 1) / 101));
    const cases = [
      ['pipeline: a logit', '?preset=dog-cat', '#logit-0', values],
      ['a logit, the loss landscape in view (one 128 × 128 map)', '?preset=dog-cat', '#logit-0', values, { landscape: true }],
      ['a logit, the loss landscape in view (both maps)', '?preset=dog-cat&ll=both', '#logit-0', values, { landscape: true }],
      ['pipeline, 3 classes: temperature', '?preset=hot-and-cold', '#temperature', values.map((v) => String(0.5 + Number(v)))],
      ['compare: a table cell', '?preset=nn1-vs-nn2&v=1&in=z&a=1,0;0,1;0,1&b=1,0;0,1;0,1&view=compare', '[aria-label="NN1 row 1 Dog"]', values],
    ];
    const rows = [];
    for (const [name, query, selector, vals, options] of cases) {
      await open(query, options);
      rows.push([name, await page.evaluate(editInPage, { selector, values: vals })]);
    }
    await open('?preset=dog-cat');
    const drag = await dragInPage(page);
    const ms = (x) => x.toFixed(2);
    const share = (x) => `${(100 * x / 16.7).toFixed(0)}%`;
    console.log('\n## Interaction: input event to finished update (16.7 ms = one frame at 60 Hz)\n');
    console.log('Median and 95th percentile over 1,000 edits after 200 to warm up; the share of a frame in brackets.\n');
    console.log('| view | script: median | script: p95 | with style and layout: median | with style and layout: p95 | first 200 edits, with layout: p95 |');
    console.log('|---|---:|---:|---:|---:|---:|');
    for (const [name, r] of rows) {
      const { script, withLayout } = r.measured;
      console.log(`| ${name} | ${ms(script.median)} (${share(script.median)}) | ${ms(script.p95)} (${share(script.p95)}) | ${ms(withLayout.median)} (${share(withLayout.median)}) | ${ms(withLayout.p95)} (${share(withLayout.p95)}) | ${ms(r.warmUp.withLayout.p95)} |`);
    }
    console.log(`\nDragging the Dog logit's bar with the mouse, 240 moves: ${drag.longTasks} long tasks (over 50 ms)${drag.longTasks ? `, the longest ${drag.longest.toFixed(0)} ms` : ''}.`);
  });
}

// The evaluate view with a 100,000 x 10 logits file (the browser test's file): time from
// choosing it to the metrics on screen, and the main thread's long tasks meanwhile, once the
// page has loaded and settled.
async function largeFile() {
  let seed = 1;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 8 - 4;
  const lines = ['c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,label'];
  for (let i = 0; i < 100000; i++) lines.push(`${Array.from({ length: 10 }, () => next().toFixed(4)).join(',')},${i % 10}`);
  const file = path.join(out, 'large-100000x10.csv');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(file, lines.join('\n'));
  const runs = [];
  await withChromium(async (browser, base) => {
    for (let run = 0; run < 3; run++) {
      const page = await browser.newPage();
      await page.goto(`${base}?view=compare&v=1`);
      await page.waitForSelector('#load-status', { state: 'hidden' });
      await page.waitForTimeout(1000);
      await watchLongTasks(page);
      const started = await page.evaluate(() => performance.now());
      await page.locator('#evaluate-file').setInputFiles(file);
      await page.waitForFunction(() => /100,000 rows evaluated/.test(document.getElementById('evaluate-status').textContent), null, { timeout: 120000 });
      runs.push(await page.evaluate((t0) => ({ seconds: (performance.now() - t0) / 1000, longTasks: window.longTasks }), started));
      await page.close();
    }
  });
  console.log(`\n## A 100,000 x 10 logits file (${(fs.statSync(file).size / 1e6).toFixed(1)} MB) in the evaluate view, three runs\n`);
  console.log('| run | file chosen to metrics on screen | main-thread tasks over 50 ms | the longest |');
  console.log('|---:|---:|---:|---:|');
  runs.forEach((r, i) => console.log(`| ${i + 1} | ${r.seconds.toFixed(2)} s | ${r.longTasks.length} | ${r.longTasks.length ? `${Math.max(...r.longTasks).toFixed(0)} ms` : '—'} |`));
}

// The same batch in TensorFlow.js's wasm backend: per-row loss -logSoftmax(z)_y and gradient
// softmax(z) - t. TF.js computes in float32 (the core in float64); times include reading
// both results out (dataSync), as the core's include writing them.
async function tensorflowJs() {
  const tf = require('@tensorflow/tfjs-core');
  require('@tensorflow/tfjs-backend-wasm');
  await tf.setBackend('wasm');
  await tf.ready();
  const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
  const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
  const cases = [[100000, 2], [100000, 10], [10000, 1000]];
  const rows = [];
  for (const [n, c] of cases) {
    const z = new Float32Array(n * c);
    let state = 42n;
    for (let i = 0; i < z.length; i++) { // the same generator as bench_core.cpp
      state = (state * 6364136223846793005n + 1442695040888963407n) & 0xffffffffffffffffn;
      z[i] = Number(state >> 11n) * 2 ** -53 * 8 - 4;
    }
    const labels = Int32Array.from({ length: n }, (_, r) => r % c);
    const logits = tf.tensor2d(z, [n, c]);
    const target = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), c), 'float32');
    const run = () => tf.tidy(() => {
      const logP = tf.logSoftmax(logits);
      tf.neg(tf.sum(tf.mul(target, logP), 1)).dataSync();
      tf.sub(tf.exp(logP), target).dataSync();
    });
    run();
    let best = Infinity;
    for (let batch = 0; batch < 3; batch++) {
      const start = performance.now();
      let runs = 0;
      do { run(); runs++; } while (performance.now() - start < 250 / 3);
      best = Math.min(best, (performance.now() - start) / runs);
    }
    rows.push({ rows: n, classes: c, ns: (best * 1e6) / (n * c) });
    tf.dispose([logits, target]);
  }
  return { rows, simd, threads };
}

// Lighthouse on each view, with the strict CSP the page ships with.
async function lighthouseScores() {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const server = createServer(path.join(root, 'dist'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
  const views = [['pipeline', '?preset=dog-cat'], ['compare', '?preset=nn1-vs-nn2'], ['embedded pipeline', '?preset=dog-cat&embed=1']];
  const results = [];
  try {
    for (const [form, config] of [['desktop', desktopConfig], ['mobile', undefined]]) {
      for (const [view, query] of views) {
        const r = await lighthouse(base + query, { port: chrome.port, output: 'json', logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] }, config);
        const c = r.lhr.categories;
        const failing = Object.values(r.lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual').map((a) => a.id);
        const metric = (id) => r.lhr.audits[id].displayValue;
        results.push({ form, view, performance: c.performance.score, accessibility: c.accessibility.score,
          bestPractices: c['best-practices'].score, seo: c.seo.score, failing,
          metrics: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}` });
      }
    }
  } finally {
    await chrome.kill();
    server.close();
  }
  return results;
}

async function lighthouse() {
  const scores = await lighthouseScores();
  console.log('\n## Lighthouse 12.2.3 (Debian Chromium, headless, strict CSP), scores out of 100\n');
  console.log('| form | view | performance | accessibility | best practices | SEO | metrics | audits below full marks |');
  console.log('|---|---|---:|---:|---:|---:|---|---|');
  const pct = (x) => Math.round(x * 100);
  for (const r of scores) {
    console.log(`| ${r.form} | ${r.view} | ${pct(r.performance)} | ${pct(r.accessibility)} | ${pct(r.bestPractices)} | ${pct(r.seo)} | ${r.metrics} | ${r.failing.join(', ') || '—'} |`);
  }
}

// `npm run bench` runs every section; `npm run bench -- lighthouse training` only those named.
const SECTIONS = {
  size: async () => { console.log('## Page weight: the first view\n'); printTable(sizes()); },
  throughput: async () => { buildBenchmarks(); throughput(await tensorflowJs()); },
  training: async () => { buildBenchmarks(); await training(); },
  interaction,
  largefile: largeFile,
  lighthouse,
};

async function main() {
  const asked = process.argv.slice(2);
  const unknown = asked.filter((name) => !SECTIONS[name]);
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}: choose from ${Object.keys(SECTIONS).join(', ')}`);
  for (const name of asked.length ? asked : Object.keys(SECTIONS)) await SECTIONS[name]();
}

main().catch((error) => { console.error(error); process.exit(1); });
