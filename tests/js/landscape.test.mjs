// The loss landscape's numbers (web/src/landscape.js) with the built core. References: the
// core's single-example functions at sampled points, and gradient descent computed here in
// float64 from the formulas (softmax, (y − t)/T, and squared error's gradient through the
// softmax's Jacobian), independently of the core.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { axesOf, descentPath, gridPoint, lossGrid, windowAround } from '../../web/src/landscape.js';
import { defaultState } from '../../web/src/presets.js';

const require = createRequire(import.meta.url);
const core = await require('../..').loadLossCore();

// By hand, in float64.
function softmax(z, T = 1) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp((v - m) / T));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
function referencePath(z0, truth, loss, rate, steps, T = 1) {
  const path = [z0];
  for (let k = 0; k < steps; k++) {
    const z = path[path.length - 1];
    const y = softmax(z, T);
    const t = z.map((_, i) => (i === truth ? 1 : 0));
    let g;
    if (loss === 'ce') g = y.map((v, i) => (v - t[i]) / T);
    else {
      // d/dz_j Σ_k (y_k − t_k)² = (2/T) y_j ((y_j − t_j) − Σ_k y_k (y_k − t_k))
      const mean = y.reduce((a, v, i) => a + v * (v - t[i]), 0);
      g = y.map((v, j) => (2 / T) * v * ((v - t[j]) - mean));
    }
    path.push(z.map((v, i) => v - rate * g[i]));
  }
  return path;
}
const close = (a, b, tol) => assert.ok(Math.abs(a - b) <= tol, `${a} is not within ${tol} of ${b}`);

test('the map’s values equal the core’s single-example losses at sampled points', () => {
  const state = { ...defaultState(), classes: ['Dog', 'Cat', 'Bird'], logits: [2, 1, 0.1], truth: 0, temperature: 4 };
  const axes = axesOf(state);
  assert.deepEqual(axes, { x: 0, y: 1 });
  const w = windowAround(2, 1, 1);
  const n = 16;
  const ce = lossGrid(core, { logits: state.logits, truth: 0, temperature: 4, axes, window: w, loss: 'ce', n });
  const se = lossGrid(core, { logits: state.logits, truth: 0, temperature: 4, axes, window: w, loss: 'se', n });
  for (const [a, b] of [[0, 0], [15, 15], [3, 11], [8, 8], [15, 0]]) {
    const [x, y] = gridPoint(w, a, b, n);
    const z = [x, y, 0.1];
    close(ce[b * n + a], core.crossEntropyFromLogits(z, 0, { temperature: 4 }), 1e-12);
    const q = core.softmax(z, { temperature: 4 });
    close(se[b * n + a], (q[0] - 1) ** 2 + q[1] ** 2 + q[2] ** 2, 1e-12);
  }
});

test('Descend from confident-wrong, η = 1, 20 steps: the path equals the float64 reference; cross-entropy escapes, squared error stalls', () => {
  const start = { logits: [4, -2], truth: 1, temperature: 1, rate: 1 };
  const ce = descentPath(core, { ...start, loss: 'ce' });
  const se = descentPath(core, { ...start, loss: 'se' });
  const ceRef = referencePath([4, -2], 1, 'ce', 1, 20);
  const seRef = referencePath([4, -2], 1, 'se', 1, 20);
  assert.equal(ce.length, 21);
  ce.forEach((z, k) => z.forEach((v, i) => close(v, ceRef[k][i], 1e-9)));
  se.forEach((z, k) => z.forEach((v, i) => close(v, seRef[k][i], 1e-9)));
  // The figures: cross-entropy ends near (−0.766, 2.766) with p(Cat) ≈ 0.97; squared
  // error near (3.754, −1.754) with p(Cat) ≈ 0.004.
  close(ce[20][0], -0.766, 5e-4);
  close(ce[20][1], 2.766, 5e-4);
  close(core.softmax(ce[20])[1], 0.97, 5e-3);
  close(se[20][0], 3.754, 5e-4);
  close(se[20][1], -1.754, 5e-4);
  close(core.softmax(se[20])[1], 0.004, 5e-4);
});

test('at another temperature and learning rate the path follows (y − t)/T', () => {
  const path = descentPath(core, { logits: [0.5, 1, -1], truth: 2, temperature: 2, loss: 'ce', rate: 0.5, steps: 5 });
  const ref = referencePath([0.5, 1, -1], 2, 'ce', 0.5, 5, 2);
  path.forEach((z, k) => z.forEach((v, i) => close(v, ref[k][i], 1e-12)));
});
