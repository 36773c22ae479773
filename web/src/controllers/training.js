// The network's user actions: choosing or drawing a picture, Train (an animation-frame loop),
// Step, Reset and the seed; and the test score, computed in short tasks after the weights change.
import { pageView } from '../lesson-plan.js';
import { formatCount, formatNumber, formatSigned } from '../format.js';
import { NETWORK_CLASSES, NETWORK_LIMITS, readSeed } from '../limits.js';
import { PICTURE_SIDE, toShades } from '../network-state.js';
import * as edit from '../transitions.js';

const SCORE_EVERY_MS = 300; // the test score takes a few ms: not every frame while training
const STEPS_PER_FRAME = 2; // about 120 steps a second: slow enough to watch the loss fall

export class TrainingController {
  constructor({ store, core, session, views }) {
    this.store = store;
    this.core = core;
    this.session = session;
    this.view = views.network;
    this.pipelineView = views.pipeline;
    this.training = false;
    this.scoreTimer = null;
    this.frame = null;
    this.view.bind(this);
    store.subscribe((state, derived, how) => this.render(state, derived, how));
  }

  get state() {
    return this.store.state;
  }

  render(state, derived, { first }) {
    this.view.show(pageView(state) === 'pipeline');
    const shown = this.shown;
    if (first || shown.pass !== derived.pass || shown.names !== state.classes) {
      this.view.renderPass({ picture: state.picture, pixels: derived.pass.pixels, pass: derived.pass, names: state.classes }, { deferPixels: first });
    }
    this.shown = { pass: derived.pass, names: state.classes };
    if (first) {
      this.view.drawings.drawInTasks();
      setTimeout(() => this.renderTraining());
    } else this.renderTraining();
  }

  renderTraining() {
    const { session, state } = this;
    if (!session.currentScore) this.scheduleScore();
    const target = state.truth < NETWORK_CLASSES ? state.truth : null;
    this.view.renderTraining({
      seed: state.seed, steps: session.steps, lastLoss: session.lastLoss, accuracy: session.score ? session.score.accuracy : null,
      gradient: target === null ? null : this.core.logitGradient(this.store.derived.pass.logits, target),
      names: state.classes, curve: session.curve, training: this.training, canTrain: session.canTrain,
      canStep: session.canTrain && target !== null, editingSeed: this.view.isEditingSeed(),
    });
  }

  // The test score (100 forward passes) runs after the frame that changed the weights: in
  // steps of a few pictures, each its own task, so loading or a click never blocks the page;
  // while training, at once, at most every SCORE_EVERY_MS. Until then the last score stays.
  scheduleScore() {
    if (this.scoreTimer !== null) return;
    this.scoreTimer = setTimeout(() => {
      this.scoreTimer = null;
      if (this.session.scoreTestSet({ inSteps: !this.training })) this.renderTraining();
      else this.scheduleScore();
    }, this.training ? SCORE_EVERY_MS : 0);
  }

  picture(picture) {
    this.view.stepReport('');
    this.tellIfTypedLogitsLeft(picture);
    this.store.commit(edit.choosePicture(this.state, picture, this.session.labelOf(picture)));
  }

  // Typed logits belong to the picture they were typed for: a new picture shows the network's.
  tellIfTypedLogitsLeft(picture) {
    const typed = edit.logitSource(this.state) !== 'network';
    const shown = this.state.picture;
    const same = picture && picture.set === shown.set && picture.index === shown.index;
    this.pipelineView.logitsNotice(typed && !same
      ? 'A new picture: the logits are the network’s for it again (your typed logits belonged to the last picture).' : null);
  }

  draw(pixels) {
    this.store.commit(edit.drawPicture(this.state, toShades(pixels)));
  }

  blank() {
    this.view.stepReport('');
    this.tellIfTypedLogitsLeft(null);
    this.store.commit(edit.drawPicture(this.state, new Array(PICTURE_SIDE * PICTURE_SIDE).fill(1)));
  }

  /** Train / Pause. Training is about the network: its own logits go back into the pipeline. */
  train() {
    this.training = !this.training && this.session.canTrain;
    if (this.training) {
      this.store.commit(edit.useNetworkLogits(this.state));
      this.frame = requestAnimationFrame(() => this.trainFrame());
    } else {
      this.store.scheduleLink();
      this.renderTraining();
    }
  }

  // STEPS_PER_FRAME steps an animation frame (about 2 ms), so the page stays responsive.
  trainFrame() {
    if (!this.training) return;
    const count = Math.min(STEPS_PER_FRAME, NETWORK_LIMITS.maxSteps - this.session.steps);
    if (count > 0 && this.session.canTrain) this.store.commit(edit.train(this.state, count));
    if (!this.session.canTrain) {
      this.training = false;
      this.renderTraining();
      this.view.stepReport(`Stopped at ${formatCount(NETWORK_LIMITS.maxSteps)} steps, as many as a link can replay. Reset to start again.`);
    } else this.frame = requestAnimationFrame(() => this.trainFrame());
  }

  /** One SGD step on the picture shown, toward its true class; says what it did. */
  step() {
    const state = this.state;
    const next = edit.stepOnPicture(state);
    if (!next || !this.session.canTrain) return;
    const before = this.store.derived.pass.logits; // the pass on screen: this picture, these weights
    const gradient = this.core.logitGradient(before, state.truth);
    const lossBefore = this.core.crossEntropyFromLogits(before, state.truth);
    if (this.store.commit(next)) return;
    const after = this.store.derived.pass.logits;
    const lossAfter = this.core.crossEntropyFromLogits(after, state.truth);
    const f = (x) => formatNumber(x);
    const listOf = (values) => values.map((v, i) => `${state.classes[i]} ${formatSigned(v)}`).join(', ');
    this.view.stepReport(`One step on this picture toward ${state.classes[state.truth]}. At the logits, y − t was ${listOf(gradient)}. ` +
      `The network’s logits went from ${listOf(before)} to ${listOf(after)}, and this picture’s loss from ${f(lossBefore)} to ${f(lossAfter)}.`);
  }

  reset() {
    this.training = false;
    this.view.stepReport('');
    this.store.commit(edit.resetNetwork(this.state));
  }

  seed(text) {
    const r = readSeed(text);
    if (r.error) return this.view.seedMessage(`Seed: ${r.error}. Still using ${this.state.seed}.`);
    this.view.seedMessage(null);
    this.training = false;
    this.store.commit(edit.setSeed(this.state, r.value));
  }

  destroy() {
    this.training = false;
    cancelAnimationFrame(this.frame);
    clearTimeout(this.scoreTimer);
  }
}
