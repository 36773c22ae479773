// The loss landscape's user actions: the loss to map, the other logit, zoom, the learning rate,
// Descend (an animation of gradient descent, a step a frame), and moving the point by drag or
// keys. Every value on the maps comes from the core in one batch call per map and redraw.
import { pageView } from '../lesson-plan.js';
import { formatInput, formatNumber, formatSigned } from '../format.js';
import { LANDSCAPE, parseRate } from '../limits.js';
import { GRID, axesOf, descentPath, gradientOf, insideMiddle, lossGrid, windowAround } from '../landscape.js';
import * as edit from '../transitions.js';

const round = (x) => Math.round(x * 100) / 100; // a point set by hand: to 0.01, as the bars are

export class LandscapeController {
  constructor({ store, core, views }) {
    this.store = store;
    this.core = core;
    this.view = views.landscape;
    this.window = null; // the logits the maps span; moves when the point nears an edge or on zoom
    this.path = null; // Descend's logits, shown until the logits change otherwise
    this.frame = null;
    this.view.bind(this);
    this.view.watchVisibility(() => this.render(this.store.state, this.store.derived, {}));
    store.subscribe((state, derived, how) => this.render(state, derived, how));
  }

  get state() {
    return this.store.state;
  }

  render(state, { logits }, { editing = null } = {}) {
    if (pageView(state) !== 'pipeline' || (state.parts && !state.parts.includes('landscape'))) return;
    const { landscape: l, truth, temperature, classes } = state;
    const axes = axesOf(state);
    const point = [logits[axes.x], logits[axes.y]];
    if (this.path && !sameLogits(this.path[this.shownStep], logits)) this.path = null;
    this.view.showControls({
      loss: l.loss, names: classes, truth, other: axes.y, rate: l.rate, editingRate: editing === 'learning-rate',
      zoom: { canIn: l.zoom * 2 <= LANDSCAPE.maxZoom, canOut: l.zoom / 2 >= LANDSCAPE.minZoom },
    });
    if (!this.view.visible) return; // drawn when it comes into view
    if (!this.window || this.window.zoom !== l.zoom || !insideMiddle(this.window, ...point)) {
      this.window = { ...windowAround(...point, l.zoom), zoom: l.zoom };
    }
    const kinds = l.loss === 'both' ? ['ce', 'se'] : [l.loss];
    const maps = kinds.map((loss) => {
      const values = lossGrid(this.core, { logits, truth, temperature, axes, window: this.window, loss });
      let lo = Infinity, hi = -Infinity;
      for (const v of values) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
      return { loss, values, lo, hi };
    });
    const gradient = gradientOf(this.core, logits, truth, temperature, kinds[0]);
    const arrowTo = [point[0] - l.rate * gradient[axes.x], point[1] - l.rate * gradient[axes.y]];
    this.view.draw({
      maps, n: GRID, window: this.window, point, arrowTo, path: this.path && this.path.map((z) => [z[axes.x], z[axes.y]]),
      diagonal: classes.length === 2, names: { x: classes[axes.x], y: classes[axes.y] },
      text: this.describe(state, { logits, axes, gradient, kind: kinds[0] }),
    });
  }

  // The text alternative: the loss here, the gradient, where Descend ended.
  describe(state, { logits, axes, gradient, kind }) {
    const { classes, truth, temperature } = state;
    const loss = kind === 'se' ? this.core.squaredErrorBatch(logits.map((z) => z / temperature), logits.length, [truth]).losses[0]
      : this.core.crossEntropyFromLogits(logits, truth, { temperature });
    const at = `${classes[axes.x]} ${formatNumber(logits[axes.x])}, ${classes[axes.y]} ${formatNumber(logits[axes.y])}`;
    const grad = `${classes[axes.x]} ${formatSigned(gradient[axes.x])}, ${classes[axes.y]} ${formatSigned(gradient[axes.y])}`;
    let text = `At ${at}, the ${kind === 'se' ? 'squared error' : 'cross-entropy'} is ${formatNumber(loss)} and its gradient ${grad}.`;
    if (this.path) {
      const p = this.core.softmax(logits, { temperature })[truth];
      text += ` Descend: step ${this.shownStep} of ${this.path.length - 1}; p(${classes[truth]}) = ${formatNumber(p)}.`;
    }
    if (classes.length === 2) text += ' The dashed diagonal adds the same number to both logits: the loss does not change along it.';
    return text;
  }

  loss(kind) {
    this.store.commit(edit.setLandscape(this.state, { loss: kind }));
  }

  other(index) {
    this.store.commit(edit.setLandscape(this.state, { other: index }));
  }

  zoom(factor) {
    const zoom = this.state.landscape.zoom * factor;
    if (zoom >= LANDSCAPE.minZoom && zoom <= LANDSCAPE.maxZoom) this.store.commit(edit.setLandscape(this.state, { zoom }));
  }

  rateText(text) {
    const r = parseRate(text);
    if (r.error) return this.view.rateMessage(`Learning rate: ${r.error}. Still using ${formatInput(this.state.landscape.rate)}.`);
    this.view.rateMessage(null);
    this.store.commit(edit.setLandscape(this.state, { rate: r.value }), { editing: 'learning-rate' });
  }

  /** 20 steps of z ← z − η ∇L from the logits shown, a step an animation frame. */
  descend() {
    cancelAnimationFrame(this.frame);
    const { truth, temperature, landscape } = this.state;
    const kind = landscape.loss === 'se' ? 'se' : 'ce';
    this.path = descentPath(this.core, { logits: this.store.derived.logits, truth, temperature, loss: kind, rate: landscape.rate });
    this.shownStep = 0;
    const step = () => {
      if (!this.path) return;
      this.shownStep++;
      this.store.commit(edit.setLogits(this.state, this.path[this.shownStep]));
      if (this.path && this.shownStep < this.path.length - 1) this.frame = requestAnimationFrame(step);
    };
    this.frame = requestAnimationFrame(step);
  }

  moveTo(x, y) {
    const axes = axesOf(this.state);
    const logits = [...this.store.derived.logits];
    logits[axes.x] = round(x);
    logits[axes.y] = round(y);
    this.store.commit(edit.setLogits(this.state, logits));
  }

  nudge(dx, dy) {
    const axes = axesOf(this.state);
    const logits = this.store.derived.logits;
    this.moveTo(logits[axes.x] + dx, logits[axes.y] + dy);
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.view.stopWatching();
    this.path = null;
  }
}

function sameLogits(a, b) {
  return a && a.length === b.length && a.every((v, i) => v === b[i]);
}
