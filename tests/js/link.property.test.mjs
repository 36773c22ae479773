// Property-based tests of the link reader and writer (fast-check, seeded so runs repeat).
import test from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readLink, writeLink, isValidState } from '../../web/src/link.js';
import { LIMITS, PARTS } from '../../web/src/limits.js';

const SEED = 20261128;
const RUNS = 500;

const name = fc.string({ minLength: 1, maxLength: LIMITS.maxNameLength, unit: 'grapheme' })
  .map((s) => s.trim())
  .filter((s) => s.length > 0 && s.length <= LIMITS.maxNameLength && !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s));
const names = (min) => fc.uniqueArray(name, { minLength: min, maxLength: LIMITS.maxClasses, selector: (s) => s.toLowerCase() });
const finite = (min, max) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x));
const logit = fc.oneof(finite(-1e300, 1e300), fc.integer({ min: -20, max: 20 }), finite(-10, 10));
const probability = finite(0, 1);

// Any state the page can show.
const picture = fc.oneof(
  fc.integer({ min: 0, max: 99 }).map((index) => ({ set: 'test', index })),
  fc.integer({ min: 0, max: 199 }).map((index) => ({ set: 'training', index })),
  fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1024, maxLength: 1024 }).map((k) => ({ set: 'drawing', pixels: k.map((x) => x / 15) })));
const historyItem = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.tuple(picture, fc.integer({ min: 0, max: 1 })).map(([p, target]) => ({ picture: p, target })));
const validState = names(LIMITS.minClasses).chain((classes) => fc.record({
  classes: fc.constant(classes),
  logits: fc.array(logit, { minLength: classes.length, maxLength: classes.length })
    .chain((z) => fc.tuple(fc.boolean(), fc.boolean()).map(([a, b]) => z.map((x, i) => ((i === 0 && a) || (i === 1 && b) ? null : x)))),
  picture,
  seed: fc.integer({ min: 0, max: 4294967295 }),
  history: fc.array(historyItem, { maxLength: 4 }),
  truth: fc.integer({ min: 0, max: classes.length - 1 }),
  temperature: finite(LIMITS.minTemperature, LIMITS.maxTemperature),
  view: fc.constantFrom('pipeline', 'compare', 'lesson'),
  step: fc.integer({ min: 1, max: 7 }),
  embed: fc.boolean(),
  parts: fc.oneof(fc.constant(null), fc.subarray(PARTS, { minLength: 1 })),
  landscape: fc.record({ loss: fc.constantFrom('ce', 'se', 'both'), other: fc.constant(null), zoom: fc.constantFrom(0.25, 1, 2.5, 16), rate: fc.constantFrom(0.01, 1, 37.5, 100) }).map((l) => ({ ...l })),
  compare: names(LIMITS.minClasses).chain((k) => fc.integer({ min: 1, max: LIMITS.maxRows }).chain((rows) =>
    fc.constantFrom('p', 'z').chain((input) => {
      const row = fc.array(input === 'p' ? probability : logit, { minLength: k.length, maxLength: k.length });
      return fc.record({
        classes: fc.constant(k),
        nn1: fc.array(row, { minLength: rows, maxLength: rows }),
        nn2: fc.array(row, { minLength: rows, maxLength: rows }),
        labels: fc.array(fc.integer({ min: 0, max: k.length - 1 }), { minLength: rows, maxLength: rows }),
        input: fc.constant(input),
      }).map((c) => ({ ...c }));
    }))),
// The lesson's step is written only with the lesson: elsewhere a link opens it at step 1.
}).map((s) => ({ ...s, step: s.view === 'lesson' ? s.step : 1 })));

test('write then read gives the same state, with no notices', () => {
  fc.assert(fc.property(validState, (state) => {
    assert.ok(isValidState(state));
    const link = writeLink(state);
    if (link.length - 1 > 4000) return; // longer than the reader takes: refused on purpose
    const back = readLink(link);
    assert.deepEqual(back.notices, []);
    assert.deepEqual(back.state, state);
  }), { seed: SEED, numRuns: RUNS });
});

// Strings that look like links: known keys with hostile or random values.
const keys = fc.constantFrom('v', 'preset', 'c', 'z', 't', 'T', 'pic', 's', 'h', 'view', 'embed', 'parts', 'll', 'lo', 'lz', 'lr', 'k', 'a', 'b', 'y', 'in', '__proto__', 'constructor', 'toString', '');
const value = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('1e999', 'NaN', '-0', '0x10', '%', '%E0%A4%A', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '1;2,3', ',,,', 'n,n', 'test.1', 'draw.AA', '3000,1', 'test.2:1,5'));
const linkish = fc.array(fc.tuple(keys, value), { maxLength: 12 }).map((pairs) => '?' + pairs.map(([k, v]) => `${k}=${v}`).join('&'));

test('reading any string never throws and gives a valid state', () => {
  fc.assert(fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), linkish), (text) => {
    const { state, notices } = readLink(text);
    assert.ok(isValidState(state), JSON.stringify(text));
    assert.ok(Array.isArray(notices) && notices.every((n) => typeof n === 'string'));
    // What it reads writes back to a link that reads the same state again.
    const again = readLink(writeLink(state));
    assert.deepEqual(again.state, state);
  }), { seed: SEED, numRuns: RUNS * 4 });
});
