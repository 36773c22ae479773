// The network the page shows, kept equal to what the state says: the seed and the training
// history. A link is replayed step by step; Train and Step extend the history. No DOM.
import { NETWORK_LIMITS } from './limits.js';
import { totalSteps, withTraining } from './network-state.js';

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);
// Test pictures scored per task: few enough that no task is long while the page loads
// (docs/performance.md).
const SCORE_PICTURES_PER_STEP = 4;

export class NetworkSession {
  constructor(core) {
    this.core = core;
    this.net = null;
    this.seed = null;
    this.history = [];
    this.curve = []; // [step, batch loss] for every training step
    this.version = 0; // changes whenever the weights do
    this.pictures = new Map();
    this.score = null;
    this.scoring = null; // a test score in progress
  }

  /** Brings the network to the seed and history given: the steps a longer history adds are
   *  taken (Train and Step extend it); anything else rebuilds it from the seed. */
  sync(seed, history) {
    if (this.net && seed === this.seed && (history === this.history || sameJson(history, this.history))) {
      this.history = history; // the state's own array: the next commit's check is by identity
      return;
    }
    const added = this.net && seed === this.seed ? addedSteps(this.history, history) : null;
    if (!added) {
      if (this.net) this.net.dispose();
      this.net = this.core.createNetwork({ seed });
      this.seed = seed;
      this.history = [];
      this.curve = [];
      this.changed();
    }
    for (const item of added || history) {
      if (typeof item === 'number') this.train(item);
      else this.step(item.picture, item.target);
    }
    this.history = history; // equal to what the steps built; kept by identity, as above
  }

  /** The pixels of a picture in the state (a set's picture, from the core, or a drawing). */
  pixelsOf(picture) {
    return picture.set === 'drawing' ? Float64Array.from(picture.pixels) : this.setPicture(picture).pixels;
  }

  /** A set picture's label (0 Dog, 1 Cat); null for a drawing. */
  labelOf(picture) {
    return picture.set === 'drawing' ? null : this.setPicture(picture).label;
  }

  // A set's picture {pixels, label}, from the core once, then kept.
  setPicture({ set, index }) {
    const key = `${set}.${index}`;
    if (!this.pictures.has(key)) this.pictures.set(key, this.net.picture(set, index));
    return this.pictures.get(key);
  }

  forward(pixels) {
    return this.net.forward(pixels);
  }

  /** `count` training steps, one at a time so the loss curve has every step. */
  train(count) {
    const before = this.steps; // training and single-picture steps so far: the curve's x axis
    for (let k = 1; k <= count; k++) this.curve.push([before + k, this.net.train(1)]);
    this.history = withTraining(this.history, count);
    this.changed();
  }

  /** One step on one picture toward `target`: its loss before the step. */
  step(picture, target) {
    const loss = this.net.step(this.pixelsOf(picture), target);
    this.history = [...this.history, { picture, target }];
    this.changed();
    return loss;
  }

  get steps() {
    return totalSteps(this.history);
  }

  get canTrain() {
    return this.steps < NETWORK_LIMITS.maxSteps && this.history.length < NETWORK_LIMITS.maxHistory;
  }

  /**
   * Scores the test set for the current weights, once per change of them: all at once, or
   * with {inSteps: true} SCORE_PICTURES_PER_STEP pictures a call, so no call is a long task.
   * True once `score` is up to date; a change of the weights between calls starts again.
   */
  scoreTestSet({ inSteps = false } = {}) {
    if (this.currentScore) return true;
    if (!inSteps) {
      this.score = { version: this.version, ...this.net.evaluate('test') };
      return true;
    }
    if (!this.scoring || this.scoring.version !== this.version) {
      this.scoring = { version: this.version, steps: this.net.evaluateInSteps('test', SCORE_PICTURES_PER_STEP) };
    }
    const next = this.scoring.steps.next();
    if (!next.done) return false;
    this.score = { version: this.scoring.version, ...next.value };
    this.scoring = null;
    return true;
  }

  /** The test score for the weights as they are now, or null until it is measured. */
  get currentScore() {
    return this.score && this.score.version === this.version ? this.score : null;
  }

  get lastLoss() {
    return this.curve.length ? this.curve[this.curve.length - 1][1] : null;
  }

  changed() {
    this.version++;
  }

  dispose() {
    if (this.net) this.net.dispose();
    this.net = null;
  }
}

// What `next` adds to `history` (more steps in its last number, then new items), or null
// where it is not an extension of it.
function addedSteps(history, next) {
  if (next.length < history.length) return null;
  const last = history.length - 1;
  for (let i = 0; i < last; i++) if (!sameJson(history[i], next[i])) return null;
  if (last < 0) return next;
  const [a, b] = [history[last], next[last]];
  if (typeof a === 'number' && typeof b === 'number' && b >= a) return [...(b > a ? [b - a] : []), ...next.slice(last + 1)];
  return sameJson(a, b) ? next.slice(last + 1) : null;
}
