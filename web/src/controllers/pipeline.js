// The pipeline's user actions: typing, sliding and stepping logits, the true class, the
// temperature, the classes and the gradient step. Each asks a transition for the next state
// and commits it; the view draws every commit.
import { pageView } from '../lesson-plan.js';
import { NETWORK_CLASSES, parseLogit, parseTemperature } from '../limits.js';
import { PICTURE_CLASSES, pictureLabel, pictureName } from '../network-state.js';
import * as edit from '../transitions.js';
import { lossCurve } from '../curves.js';

export class PipelineController {
  constructor({ store, core, views }) {
    this.store = store;
    this.core = core;
    this.view = views.pipeline;
    this.explanation = views.explanation;
    this.view.drawWithDetails((data) => this.explanation.render(data));
    let curve = null; // made when the plot is first drawn (after the first render)
    this.curve = () => curve || (curve = lossCurve(core));
    this.view.bind(this);
    store.subscribe((state, derived, how) => this.render(state, derived, how));
  }

  get state() {
    return this.store.state;
  }

  get shownLogits() {
    return this.store.derived.logits;
  }

  render(state, { logits, result }, { editing = null, first }) {
    const edited = state.logits.map((z, i) => (i < NETWORK_CLASSES ? z !== null : undefined));
    this.view.render({ ...state, logits }, result, {
      curve: this.curve, editing, edited, source: edit.logitSource(state), truthNote: this.truthNote(state), deferDetails: first,
    });
    this.explanation.show(pageView(state) === 'pipeline');
    if (first) this.view.details.drawInTasks();
  }

  // Says so where the true class is not the class of the picture shown.
  truthNote(state) {
    const label = pictureLabel(state.picture);
    if (label === null) return 'Your drawing has no class of its own: the true class is the one you choose.';
    if (!edit.truthDisagrees(state, label)) return '';
    return `${pictureName(state.picture)} shows a ${PICTURE_CLASSES[label]}, but the true class is set to ${state.classes[state.truth]}: the loss scores the probabilities against ${state.classes[state.truth]}.`;
  }

  logitText(i, text) {
    const r = parseLogit(text);
    if (r.error) return this.view.fieldMessage(i, `${this.state.classes[i]} logit: ${r.error}. Still using ${this.state.logits[i]}.`);
    this.view.fieldMessage(i, null);
    this.store.commit(edit.setLogit(this.state, i, r.value), { editing: `logit-${i}` });
  }

  logitValue(i, value) {
    this.view.fieldMessage(i, null);
    this.store.commit(edit.setLogit(this.state, i, value));
  }

  /** The network's logits, or your own (starting from the values shown). */
  logitSource(kind) {
    this.view.clearMessages();
    this.view.logitsNotice(null);
    this.store.commit(kind === 'network' ? edit.useNetworkLogits(this.state) : edit.useOwnLogits(this.state, this.shownLogits));
  }

  logitStep(i, delta) {
    const next = edit.stepLogit(this.state, this.shownLogits, i, delta);
    if (!next) return;
    this.view.fieldMessage(i, null);
    this.store.commit(next);
  }

  truth(i) {
    this.store.commit(edit.setTruth(this.state, i));
  }

  temperatureText(text) {
    const r = parseTemperature(text);
    if (r.error) return this.view.fieldMessage('temperature', `Temperature: ${r.error}. Still using ${this.state.temperature}.`);
    this.view.fieldMessage('temperature', null);
    this.store.commit(edit.setTemperature(this.state, r.value), { editing: 'temperature' });
  }

  temperatureValue(value) {
    this.view.fieldMessage('temperature', null);
    this.store.commit(edit.setTemperature(this.state, Number(value.toPrecision(3))));
  }

  temperatureStep(delta) {
    const next = edit.stepTemperature(this.state, delta);
    if (!next) return;
    this.view.fieldMessage('temperature', null);
    this.store.commit(next);
  }

  rename(i, text) {
    const next = edit.renameClass(this.state, i, text);
    if (next.error) return this.view.fieldMessage('classes', `Class ${i + 1} name: ${next.error}. Still “${this.state.classes[i]}”.`);
    this.view.fieldMessage('classes', null);
    this.store.commit(next);
  }

  remove(i) {
    const next = edit.removeClass(this.state, i, this.shownLogits);
    if (!next) return;
    this.view.fieldMessage('classes', null);
    this.store.commit(next);
  }

  add() {
    const next = edit.addClass(this.state);
    if (!next) return;
    this.view.fieldMessage('classes', null);
    this.store.commit(next);
  }

  /** One step of gradient descent on the logits with learning rate 1 (the core's gradient). */
  gradientStep() {
    const gradient = this.core.logitGradient(this.shownLogits, this.state.truth, { temperature: this.state.temperature });
    const next = edit.gradientStep(this.state, this.shownLogits, gradient);
    if (next) this.store.commit(next);
  }
}
