// The loss landscape's numbers, all from the core: the loss over a grid of two logits (one
// batch call per map) and gradient descent's path. No DOM; tested in Node.
import { LANDSCAPE } from './limits.js';

export const GRID = 128; // points a side
const HALF_SPAN = 6; // logits either side of the centre at zoom 1

/** The two logits on the axes: the true class's (x) and another (y). */
export function axesOf(state) {
  const { truth, classes, landscape } = state;
  const other = landscape.other !== null && landscape.other < classes.length && landscape.other !== truth
    ? landscape.other : classes.findIndex((_, j) => j !== truth);
  return { x: truth, y: other };
}

/** A square window around (cx, cy): {x0, x1, y0, y1}. */
export function windowAround(cx, cy, zoom) {
  const half = HALF_SPAN / zoom;
  return { x0: cx - half, x1: cx + half, y0: cy - half, y1: cy + half };
}

/** Whether (x, y) is inside the middle of a window (where the map need not move to show it). */
export function insideMiddle(w, x, y, margin = 0.15) {
  const mx = (w.x1 - w.x0) * margin, my = (w.y1 - w.y0) * margin;
  return x > w.x0 + mx && x < w.x1 - mx && y > w.y0 + my && y < w.y1 - my;
}

/** The grid point (column a, row b from the top) in logits. */
export function gridPoint(w, a, b, n = GRID) {
  return [w.x0 + ((a + 0.5) / n) * (w.x1 - w.x0), w.y1 - ((b + 0.5) / n) * (w.y1 - w.y0)];
}

/**
 * The loss ('ce' or 'se') over the window, n × n values, row-major from the top-left: the other
 * logits held at `logits`, at temperature T (the core sees z / T, as softmax(z / T) does).
 */
export function lossGrid(core, { logits, truth, temperature, axes, window: w, loss, n = GRID }) {
  const c = logits.length;
  const rows = new Float64Array(n * n * c);
  for (let b = 0; b < n; b++) {
    for (let a = 0; a < n; a++) {
      const at = (b * n + a) * c;
      for (let k = 0; k < c; k++) rows[at + k] = logits[k] / temperature;
      const [x, y] = gridPoint(w, a, b, n);
      rows[at + axes.x] = x / temperature;
      rows[at + axes.y] = y / temperature;
    }
  }
  const labels = new Float64Array(n * n).fill(truth);
  return (loss === 'se' ? core.squaredErrorBatch(rows, c, labels) : core.softmaxCrossEntropyBatch(rows, c, labels)).losses;
}

/** The gradient the map's loss has at `logits`: cross-entropy's (y − t)/T or squared error's. */
export function gradientOf(core, logits, truth, temperature, loss) {
  return loss === 'se' ? core.squaredErrorGradient(logits, truth, { temperature }) : core.logitGradient(logits, truth, { temperature });
}

/** `steps` steps of gradient descent, z ← z − η ∇L: the logits after each, starting point first. */
export function descentPath(core, { logits, truth, temperature, loss, rate, steps = LANDSCAPE.steps }) {
  const path = [logits];
  for (let s = 0; s < steps; s++) {
    const z = path[path.length - 1];
    const g = gradientOf(core, z, truth, temperature, loss);
    path.push(z.map((v, i) => v - rate * g[i]));
  }
  return path;
}
