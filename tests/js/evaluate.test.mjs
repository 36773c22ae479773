// Reading and evaluating a predictions file (web/src/csv.js, evaluate.js) with the built core,
// as the worker does. Run after `npm run build`.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { splitLine } from '../../web/src/csv.js';
import { evaluateText } from '../../web/src/evaluate.js';

const require = createRequire(import.meta.url);
const core = await require('../..').loadLossCore();

test('splitLine: plain fields are trimmed; quoted fields keep delimiters and "" quotes', () => {
  assert.deepEqual(splitLine(' 0.9 , 0.1,Dog ', ','), ['0.9', '0.1', 'Dog']);
  assert.deepEqual(splitLine('0.9\t0.1\t', '\t'), ['0.9', '0.1', '']);
  assert.deepEqual(splitLine('"a, b",0.5, "say ""hi""" ', ','), ['a, b', '0.5', 'say "hi"']);
  // A quote inside a field is text, as in a field without quotes.
  assert.deepEqual(splitLine('5" screen,0.5', ','), ['5" screen', '0.5']);
});

test('evaluateText: the shipped example file gives reference.py\'s cross-entropy', () => {
  const text = fs.readFileSync(new URL('../../web/static/example-predictions.csv', import.meta.url), 'utf8');
  const r = evaluateText(core, text, 'auto');
  // reference.py (as in the browser test of the same file).
  assert.ok(Math.abs(r.metrics.crossEntropy - 6.00990380956820887e-1) <= 1e-12);
});

test('evaluateText: the worst examples, largest loss first, ties in line order', () => {
  // True class Dog; Dog's probability p gives loss -ln p (by hand): 0.5 -> ln 2, 0.1 -> ln 10.
  const text = 'Dog,Cat,label\n0.5,0.5,Dog\n0.9,0.1,Dog\n0.5,0.5,Dog\n0.1,0.9,Dog\n0.1,0.9,Dog\n';
  const r = evaluateText(core, text, 'auto');
  assert.deepEqual(r.worst.map((w) => w.line), [5, 6, 2, 4, 3]);
  const ln10 = 2.302585092994046, ln2 = 0.6931471805599453;
  const expected = [ln10, ln10, ln2, ln2, 0.10536051565782628];
  r.worst.forEach((w, i) => assert.ok(Math.abs(w.loss - expected[i]) <= 1e-15, `line ${w.line}: ${w.loss}`));
  // 3,000 rows with many equal losses: the ten worst are what a full stable sort gives.
  let seed = 3;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rows = ['Dog,Cat,label'];
  for (let i = 0; i < 3000; i++) {
    const p = (1 + Math.floor(next() * 9)) / 10;
    rows.push(`${p},${(1 - p).toFixed(1)},${i % 2 ? 'Cat' : 'Dog'}`);
  }
  const big = evaluateText(core, rows.join('\n'), 'auto');
  const losses = core.batchMetrics(rows.slice(1).map((l) => l.split(',').slice(0, 2).map(Number)),
    rows.slice(1).map((_, i) => i % 2), { skipInvalidRows: true }).rows.crossEntropy;
  const sorted = losses.map((loss, i) => ({ loss, line: i + 2 })).sort((a, b) => b.loss - a.loss).slice(0, 10);
  assert.deepEqual(big.worst.map((w) => w.line), sorted.map((s) => s.line));
});
