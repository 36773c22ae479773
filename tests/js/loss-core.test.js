// The JS API on the built module in Node: reference values, defaults, errors, memory.
// Run after `npm run build`. Reference values: tests/reference/reference.py (Python
// decimal, 50 digits) unless the comment says otherwise.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
let core;
test.before(async () => {
  core = await require(root).loadLossCore();
});

function close(actual, expected, tolerance = 1e-12) {
  const ok = actual === expected || Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected));
  assert.ok(ok, `${actual} is not within ${tolerance} of ${expected}`);
}
function closeAll(actual, expected, tolerance) {
  assert.ok(Array.isArray(actual), 'the result is a plain array');
  assert.equal(actual.length, expected.length);
  actual.forEach((a, i) => close(a, expected[i], tolerance));
}

test('the package main loads the core', () => {
  assert.equal(typeof require(root).loadLossCore, 'function');
  for (const name of ['softmax', 'logSoftmax', 'logSumExp', 'crossEntropy', 'crossEntropyFromLogits',
    'logitGradient', 'entropy', 'klDivergence', 'batchMetrics']) {
    assert.equal(typeof core[name], 'function', name);
  }
});

test('softmax: the slides and reference values', () => {
  // Slide: logits (ln 19, 0) give Dog 0.95 / Cat 0.05.
  closeAll(core.softmax([Math.log(19), 0]), [0.95, 0.05]);
  closeAll(core.softmax([1, 2, 3]), [9.00305731703804580e-2, 2.44728471054797652e-1, 6.65240955774821890e-1]);
  closeAll(core.softmax(new Float64Array([1, 2, 3]), { temperature: 0.5 }),
    [1.58762399764667663e-2, 1.17310427826198363e-1, 8.66813332197334871e-1]);
  // By hand: exact after the max shift.
  assert.deepEqual(core.softmax([1000, -1000]), [1, 0]);
  assert.deepEqual(core.softmax([1e308, 0]), [1, 0]);
});

test('softmaxJacobian: the slides’ derivatives, as rows', () => {
  // By hand: y = (0.95, 0.05): y(1 − y) = 0.0475 on the diagonal, −y_Dog y_Cat = −0.0475 off it.
  const j = core.softmaxJacobian([Math.log(19), 0]);
  closeAll(j[0], [0.0475, -0.0475]);
  closeAll(j[1], [-0.0475, 0.0475]);
  // By hand: logits (2, 0): y_Dog = 1/(1 + e^-2) = 0.8807970779778823; y(1 − y) = 0.10499358540350662; at T = 2, y = 0.7310585786300049, y(1 − y)/2 = 0.09830596662074093.
  close(core.softmaxJacobian([2, 0])[0][0], 0.10499358540350662);
  close(core.softmaxJacobian([2, 0], { temperature: 2 })[1][0], -0.09830596662074093);
  assert.throws(() => core.softmaxJacobian([1, NaN]), /logit 2 is not a finite number/);
});

test('logSoftmax and logSumExp', () => {
  closeAll(core.logSoftmax([1, 2, 3]), [-2.40760596444438030, -1.40760596444438030, -4.07605964444380304e-1]);
  assert.deepEqual(core.logSoftmax([1000, -1000]), [0, -2000]);
  close(core.logSumExp([1, 2, 3]), 3.40760596444438030);
  assert.equal(core.logSumExp([1.7e308, 0]), 1.7e308);
});

test('cross-entropy: the slides and reference values', () => {
  // Slide: true Dog (1, 0), predicted (0.9, 0.1): -ln 0.9 = 0.1054.
  close(core.crossEntropy([1, 0], [0.9, 0.1]), 1.05360515657826301e-1);
  // Slide: Dog 0.95 from logits (ln 19, 0), true Dog: -ln 0.95 = 0.0513.
  close(core.crossEntropyFromLogits([Math.log(19), 0], 0), 5.12932943875505334e-2);
  close(core.crossEntropyFromLogits([1.5, -0.3, 0.8], 2), 1.20795201410958880);
  close(core.crossEntropyFromLogits([1.5, -0.3, 0.8], 2, { temperature: 2, labelSmoothing: 0.1 }), 1.10395052635483556);
  close(core.crossEntropyFromLogits([1.5, -0.3, 0.8], [0.2, 0.3, 0.5], { temperature: 0.7, labelSmoothing: 0.25 }),
    1.61881921735496124);
  // By hand: a certain mistake costs +Infinity, not an error.
  assert.equal(core.crossEntropy([0, 1], [1, 0]), Infinity);
  assert.equal(core.crossEntropyFromLogits([1000, -1000], 1), 2000);
  close(core.entropy([0.2, 0.3, 0.5]), 1.02965301406457353);
  close(core.klDivergence([0.2, 0.3, 0.5], [0.1, 0.6, 0.3]), 1.86098093827000811e-1);
});

test('logitGradient: the slides\' y - t', () => {
  // Slide: dL/dz_i = y_i - t_i: (0.95 - 1, 0.05 - 0).
  closeAll(core.logitGradient([Math.log(19), 0], 0), [-0.05, 0.05]);
  closeAll(core.logitGradient([1.5, -0.3, 0.8], 2, { temperature: 2, labelSmoothing: 0.1 }),
    [2.20158988622484391e-1, 7.96194594220878951e-2, -2.99778448044572286e-1]);
});

test('batchMetrics: the slides\' NN1 / NN2 table', () => {
  const truth = [[1, 0], [0, 1], [1, 0]];
  const nn1 = core.batchMetrics([[0.9, 0.1], [0.1, 0.9], [0.4, 0.6]], truth);
  const nn2 = core.batchMetrics([[0.6, 0.4], [0.3, 0.7], [0.1, 0.9]], [0, 1, 0]);
  // Slide: 0.33 / 0.25 / 0.38 and 0.33 / 0.71 / 1.06, here to full precision.
  close(nn1.classificationError, 1 / 3);
  close(nn1.meanSquaredError, 2.53333333333333333e-1);
  close(nn1.crossEntropy, 3.75670587729935889e-1);
  close(nn2.classificationError, 1 / 3);
  close(nn2.meanSquaredError, 7.06666666666666667e-1);
  close(nn2.crossEntropy, 1.05669522023292292);
  assert.deepEqual(nn2.rows.classificationError, [0, 0, 1]);
  close(nn2.rows.crossEntropy[2], -Math.log(0.1));
  // The same from logits (ln a, ln b).
  const fromLogits = core.batchMetrics([[0.9, 0.1], [0.1, 0.9], [0.4, 0.6]].map((r) => r.map(Math.log)), [0, 1, 0],
    { logits: true });
  close(fromLogits.crossEntropy, 3.75670587729935889e-1);
});

test('bad input throws an Error with the core\'s message', () => {
  const cases = [
    [() => core.softmax([]), 'logits are empty'],
    [() => core.softmax([1, 2, NaN]), 'logit 3 is not a finite number'],
    [() => core.softmax([1, 'x']), 'logit 2 is not a finite number'],
    [() => core.logSumExp([Infinity]), 'logit 1 is not a finite number'],
    [() => core.softmax(new Array(1001).fill(0)), '1001 logits, more than the limit of 1000 classes'],
    [() => core.softmax([1, 2], { temperature: 0 }), 'temperature must be a finite number greater than 0, got 0'],
    [() => core.softmax([1, 2], { temperature: Infinity }), 'temperature must be a finite number greater than 0, got inf'],
    [() => core.crossEntropyFromLogits([1, 2], 0, { labelSmoothing: 2 }), 'label smoothing must be in [0, 1], got 2'],
    [() => core.crossEntropyFromLogits([1, 2], 2), 'class index 2 is out of range: 2 classes have indices 0 to 1'],
    [() => core.logitGradient([1, 2], 0.5), 'class index 0.5 is not an integer'],
    [() => core.crossEntropy([1, 0], [0.7, 0.5]), 'predicted probabilities sum to 1.2, not 1'],
    [() => core.crossEntropy([1.5, -0.5], [0.5, 0.5]), 'target probability 1 is 1.5, outside [0, 1]'],
    [() => core.crossEntropy([1, 0], [0.5, 0.25, 0.25]), 'target has 2 probabilities but the prediction has 3'],
    [() => core.crossEntropyFromLogits([1, 2], [1, 0, 0]), 'target has 3 probabilities but there are 2 logits'],
    [() => core.batchMetrics([[0.9, 0.1], [0.7, 0.5]], [0, 1]), 'row 2: predicted probabilities sum to 1.2, not 1'],
    [() => core.batchMetrics([[0.9, 0.1], [0.2, 0.3, 0.5]], [0, 1]), 'row 2 has 3 probabilities, not 2 like row 1'],
    [() => core.batchMetrics([], []), 'there are no rows'],
    [() => core.batchMetrics([[0.9, 0.1]], [0, 1]), '2 class indices for 1 rows'],
    [() => core.batchMetrics([[1, 2]], [0], { logits: true, temperature: -1 }),
      'temperature must be a finite number greater than 0, got -1'],
  ];
  for (const [call, message] of cases) assert.throws(call, { name: 'Error', message });
});

test('values that are not arrays throw a TypeError', () => {
  assert.throws(() => core.softmax('1, 2'), { name: 'TypeError', message: 'logits must be an array of numbers' });
  assert.throws(() => core.softmax(null), TypeError);
  assert.throws(() => core.crossEntropyFromLogits([1, 2], '0'), TypeError);
  assert.throws(() => core.batchMetrics([[1, 0], 5], [0, 0]), { message: 'predicted row 2 is not an array of numbers' });
  assert.throws(() => core.softmax([1, 2], 2), { message: 'options must be an object' });
});

test('more than 10,000,000 values in one call is refused', () => {
  const row = new Float64Array(1000);
  const rows = new Array(10001).fill(row);
  assert.throws(() => core.batchMetrics(rows, new Array(10001).fill(0), { logits: true }),
    { message: '10001000 values, more than the limit of 10000000 per call' });
});

test('100,000 calls do not grow the wasm memory', () => {
  const z = [2.5, -1, 0.3];
  for (let i = 0; i < 1000; i++) core.logitGradient(z, 1);
  const before = core.wasmMemoryBytes();
  const inUse = core.heapBytesInUse();
  for (let i = 0; i < 100000; i++) {
    core.softmax(z);
    core.crossEntropyFromLogits(z, i % 3);
    if (i % 10 === 0) core.batchMetrics([[0.9, 0.1], [0.2, 0.8]], [0, 1]);
    if (i % 100 === 0) assert.throws(() => core.softmax([NaN]));
  }
  assert.equal(core.wasmMemoryBytes(), before);
  // Stricter than the memory size, which has room to hide a leak: nothing stays allocated.
  assert.equal(core.heapBytesInUse(), inUse);
});

test('explain: the page\'s numbers agree with the single functions', () => {
  const z = [1.5, -0.3, 0.8];
  const e = core.explain(z, 2, { temperature: 2 });
  closeAll(e.scaledLogits, [0.75, -0.15, 0.4]);
  closeAll(e.probabilities, core.softmax(z, { temperature: 2 }));
  closeAll(e.gradient, core.logitGradient(z, 2, { temperature: 2 }));
  close(e.loss, core.crossEntropyFromLogits(z, 2, { temperature: 2 }));
  // By hand: L = ln Σ_k e^{z_k/T} − z_true/T, and the gradient sums to (1 − 1)/T = 0.
  close(e.logSum - 0.4, e.loss);
  assert.ok(Math.abs(e.gradientSum) < 1e-15);
  // Slide: -ln 0.95 = 0.0513 (reference.py).
  close(core.explain([Math.log(19), 0], 0).loss, 5.12932943875505334e-2);
  assert.throws(() => core.explain([1, 2], 5), { message: 'class index 5 is out of range: 2 classes have indices 0 to 1' });
});

test('batchMetrics with skipInvalidRows lists bad rows and evaluates the rest', () => {
  const r = core.batchMetrics([[0.9, 0.1], [0.7, 0.5], [0.1, 0.9], [0.4, 0.6]], [0, 0, 1, 0], { skipInvalidRows: true });
  assert.deepEqual(r.usedRows, [0, 2, 3]);
  assert.deepEqual(r.skipped, [{ row: 1, reason: 'row 2: predicted probabilities sum to 1.2, not 1' }]);
  close(r.crossEntropy, 3.75670587729935889e-1); // slide: NN1, reference.py
  assert.throws(() => core.batchMetrics([[0.5, 0.6]], [0], { skipInvalidRows: true }),
    { message: 'no valid rows; the first problem: row 1: predicted probabilities sum to 1.1, not 1' });
});

test('squaredErrorGradient: by hand', () => {
  // 2 classes, true class 0: dSE/dz_0 = -4 p (1 - p)^2 = -0.0095 at the slide's p = 0.95.
  closeAll(core.squaredErrorGradient([Math.log(19), 0], 0), [-0.0095, 0.0095]);
});

test('createNetwork: the tiny CNN through the JS API, the same numbers as the native run', async () => {
  const { PICTURE_COUNTS, PICTURE_SIDE, pictureLabel } = await import('../../web/src/network-state.js');
  const net = core.createNetwork({ seed: 2 });
  try {
    assert.deepEqual(net.counts(), PICTURE_COUNTS); // the page's link reader knows the sets' sizes
    // The page names each picture's class without drawing it: the same labels as the core's.
    for (const set of ['training', 'test']) {
      for (let index = 0; index < PICTURE_COUNTS[set]; index++) assert.equal(pictureLabel({ set, index }), net.picture(set, index).label, `${set} ${index}`);
    }
    assert.equal(net.side, PICTURE_SIDE);
    const picture = net.picture('test', 0);
    assert.equal(picture.label, 0);
    assert.equal(picture.pixels.length, 1024);
    const start = net.forward(picture.pixels);
    assert.equal(start.conv.length, 4 * 30 * 30);
    assert.equal(start.pooled.length, 4 * 15 * 15);
    // Recorded natively (g++ -O2) with tests/cpp/cnn_test.cpp's run: seed 2, 100 steps.
    close(net.evaluate('test').loss, 0.68161599211592416, 1e-9);
    net.train(60);
    net.train(40);
    assert.equal(net.steps, 100);
    closeAll(net.forward(picture.pixels).logits, [2.7953652494569821, -2.7617234892622009], 1e-6);
    assert.equal(net.evaluate('test').accuracy, 0.99);
    // A step on one picture returns its loss before the step, and lowers it.
    const before = core.crossEntropyFromLogits(net.forward(picture.pixels).logits, 1);
    close(net.step(picture.pixels, 1), before);
    assert.ok(core.crossEntropyFromLogits(net.forward(picture.pixels).logits, 1) < before);
    // Scored a few pictures at a time: the same numbers, bit for bit.
    const steps = net.evaluateInSteps('test', 7);
    let next = steps.next(), shares = 0;
    for (; !next.done; next = steps.next()) shares++;
    assert.equal(shares, 14); // 100 pictures, 7 a step: 15 steps, the last returns the score
    assert.deepEqual(next.value, net.evaluate('test'));
    net.reset();
    assert.equal(net.steps, 0);
    closeAll(net.forward(picture.pixels).logits, start.logits, 0);
    assert.throws(() => net.forward([1, 2]), /the picture has 2 pixels; the network takes 32 x 32 = 1024/);
    assert.throws(() => net.step(picture.pixels, 2), /the target class 2 is not between 0 and 1/);
    assert.throws(() => net.picture('test', 100), /there is no picture 101 in the test set/);
    assert.throws(() => net.picture('holiday', 0), /the set must be "training" or "test"/);
    assert.throws(() => net.train(1.5), /whole number/);
    assert.throws(() => core.createNetwork({ seed: -1 }), /the seed must be a whole number/);
  } finally {
    net.dispose();
  }
  assert.throws(() => net.steps, /disposed/);
});

test('softmaxCrossEntropyBatch: the slides by the SIMD build, the scalar build within 1e-12 of it', async () => {
  const scalar = await require(root).loadLossCore({ simd: false });
  assert.equal(core.simd, true); // Node 20 runs WASM SIMD, so the default is the SIMD build
  assert.equal(scalar.simd, false);
  for (const build of [core, scalar]) {
    // Rows (ln 19, 0) true Dog and (1000, -1000) true Cat. reference.py: -ln 0.95; by hand: 2000
    // exactly; slide: y - t = (-0.05, 0.05); by hand: (1, -1).
    const r = build.softmaxCrossEntropyBatch([Math.log(19), 0, 1000, -1000], 2, [0, 1]);
    close(r.losses[0], 5.12932943875505334e-2);
    assert.equal(r.losses[1], 2000);
    close(r.meanLoss, (5.12932943875505334e-2 + 2000) / 2);
    closeAll(Array.from(r.gradient), [-0.05, 0.05, 1, -1]);
    assert.throws(() => build.softmaxCrossEntropyBatch([1, NaN, 0, 0], 2, [0, 1]), /^Error: row 1: logit 2 is not a finite number$/);
    assert.throws(() => build.softmaxCrossEntropyBatch([1, 2, 3], 2, [0, 1]), /3 logits for 2 rows of 2 classes/);
    assert.throws(() => build.softmaxCrossEntropyBatch([1, 2], 2, [2]), /row 1: .*class index 2/);
    for (const classes of [0, 1.5, NaN, 1001, '2']) {
      assert.throws(() => build.softmaxCrossEntropyBatch([1, 2], classes, [0]), /classes must be a whole number from 1 to 1000/);
    }
    assert.throws(() => build.softmaxCrossEntropyBatch([], 2, []), /there are no rows/);
    assert.throws(() => build.softmaxCrossEntropyBatch(['a', 2], 2, [0]), /row 1: logit 1 is not a finite number/);
    assert.throws(() => build.softmaxCrossEntropyBatch(new Float64Array(4), 2, [0, 0.5]), /row 2: class index 0.5 is not an integer/);
  }
  // Batches with odd widths (the SIMD loops' one-value tails), rows two at a time (up to 32
  // classes) and one at a time (37), and logits 700 apart (subnormal and zero exponentials):
  // every loss and gradient value within 1e-12 of the scalar build's.
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const classes of [2, 10, 11, 37]) {
    const rows = 3000;
    const logits = Float64Array.from({ length: rows * classes }, () => -700 * next());
    const labels = Float64Array.from({ length: rows }, (_, r) => r % classes);
    const a = core.softmaxCrossEntropyBatch(logits, classes, labels);
    const b = scalar.softmaxCrossEntropyBatch(logits, classes, labels);
    close(a.meanLoss, b.meanLoss);
    a.losses.forEach((x, i) => close(x, b.losses[i]));
    let worst = 0;
    a.gradient.forEach((x, i) => { worst = Math.max(worst, Math.abs(x - b.gradient[i])); });
    assert.ok(worst <= 1e-12, `gradients differ by ${worst}`);
    assert.ok(a.gradient.some((x, i) => x !== b.gradient[i]), 'the two builds are different code paths');
  }
});
