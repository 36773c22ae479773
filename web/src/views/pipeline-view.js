// The pipeline: the true class, logits, temperature, probabilities, the loss, and below them
// the formulas, the plot and the classes. Owns those elements, turns raw events into
// calls on the handlers it is given, and draws what it is told. It decides nothing.
import { pageView } from '../lesson-plan.js';
import { Deferred, byId, el, fieldMessage, setProp, setStyle, setText, showValue } from '../dom.js';
import { formatInput, formatNumber, formatProbability, formatSigned } from '../format.js';
import { LIMITS } from '../limits.js';
import { renderGradientDerivation, renderGradientFormula, renderLossFormula, renderSoftmaxFormula } from '../render/math.js';
import { renderLossPlot } from '../render/plots.js';

// The logit bars and sliders span this range; typed values may go beyond it.
export const BAR_RANGE = 10;

const clamp = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

export class PipelineView {
  constructor(root) {
    const $ = (id) => byId(root, id);
    this.details = new Deferred(); // the formulas, plot and explanation render puts off
    this.e = {
      pipeline: $('pipeline'), details: $('details'),
      trueClass: $('true-class'), logitRows: $('logit-rows'),
      probabilityRows: $('probability-rows'), probabilitySum: $('probability-sum'), loss: $('loss'),
      lossSentence: $('loss-sentence'), softmaxFormula: $('softmax-formula'), lossFormula: $('loss-formula'),
      gradientFormula: $('gradient-formula'), gradientStep: $('gradient-step'), temperature: $('temperature'),
      temperatureSlider: $('temperature-slider'), temperatureMessage: $('temperature-message'), plot: $('loss-plot'),
      classList: $('class-list'), addClass: $('add-class'), classesMessage: $('classes-message'),
      truthNote: $('truth-note'), logitsNetwork: $('logits-network'), logitsOwn: $('logits-own'), logitsNotice: $('logits-notice'),
      gradientNote: $('gradient-note-formula'), gradientTitle: $('gradient-title-formula'), derivation: $('gradient-derivation'),
    };
    this.builtNames = null;
    this.rows = [];
    this.onDetails = () => {};
  }

  /** Handlers: logitText(i, text), logitValue(i, value), logitStep(i, delta),
   *  logitSource('network' | 'own'), truth(i), temperatureText(text), temperatureValue(value),
   *  temperatureStep(delta), rename(i, text), remove(i), add(), gradientStep(). */
  bind(h) {
    this.h = h;
    const e = this.e;
    e.trueClass.addEventListener('change', () => h.truth(Number(e.trueClass.value)));
    e.temperature.addEventListener('input', () => h.temperatureText(e.temperature.value));
    e.temperature.addEventListener('keydown', (ev) => this.arrowKeys(ev, (d) => h.temperatureStep(d)));
    e.temperatureSlider.addEventListener('input', () => h.temperatureValue(10 ** Number(e.temperatureSlider.value)));
    e.addClass.addEventListener('click', () => h.add());
    e.gradientStep.addEventListener('click', () => h.gradientStep());
    for (const radio of [e.logitsNetwork, e.logitsOwn]) radio.addEventListener('change', () => h.logitSource(radio.value));
  }

  // ↑/↓ step a value by 0.1 (with Shift by 1), as on a spin button.
  arrowKeys(ev, step) {
    if (ev.key !== 'ArrowUp' && ev.key !== 'ArrowDown') return;
    ev.preventDefault();
    step((ev.key === 'ArrowUp' ? 1 : -1) * (ev.shiftKey ? 1 : 0.1));
  }

  // --- structure: rebuilt only when the classes change --------------------------------

  buildClasses(names) {
    const h = this.h;
    this.builtNames = [...names];
    this.rows = names.map((name, i) => this.buildLogitRow(name, i, h));
    this.e.logitRows.replaceChildren(...this.rows.map((r) => r.root));
    this.probabilityRows = names.map((name) => {
      const fill = el('div', { class: 'bar-fill' });
      const value = el('output', { 'aria-label': `${name} probability` });
      const root = el('div', { class: 'probability-row' },
        el('span', { class: 'row-name' }, name, trueTag()),
        el('div', { class: 'bar-track probability-track', 'aria-hidden': 'true' }, fill),
        value);
      return { root, fill, value };
    });
    this.e.probabilityRows.replaceChildren(...this.probabilityRows.map((r) => r.root));

    this.e.trueClass.replaceChildren(...names.map((name, i) => el('option', { value: String(i), text: name })));

    this.e.classList.replaceChildren(...names.map((name, i) => {
      const input = el('input', { type: 'text', value: name, 'aria-label': `Class ${i + 1} name`, autocomplete: 'off', spellcheck: 'false' });
      input.addEventListener('change', () => h.rename(i, input.value));
      const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove ${name}`, text: 'Remove' });
      if (names.length <= LIMITS.minClasses) remove.disabled = true;
      remove.addEventListener('click', () => h.remove(i));
      return el('li', {}, input, remove);
    }));
    this.e.addClass.disabled = names.length >= LIMITS.maxClasses;
  }

  buildLogitRow(name, i, h) {
    const id = `logit-${i}`;
    const text = el('input', {
      id, class: 'number-input', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      'aria-label': `${name} logit`, 'aria-describedby': `${id}-message`,
    });
    const slider = el('input', { type: 'range', min: String(-BAR_RANGE), max: String(BAR_RANGE), step: '0.01', 'aria-label': `${name} logit slider` });
    const fill = el('div', { class: 'bar-fill' });
    const arrow = el('div', { class: 'gradient-arrow' });
    const track = el('div', { class: 'bar-track logit-track', 'aria-hidden': 'true' }, el('div', { class: 'zero-line' }), fill, arrow);
    const gradient = el('output', { class: 'gradient', 'aria-label': `${name} gradient` });
    const direction = el('span', { class: 'direction' });
    const message = el('p', { id: `${id}-message`, class: 'field-message', 'aria-live': 'polite' });
    // Whose logit this is: typed, or the network's output.
    const edited = el('span', { class: 'edited-mark' });
    const source = el('p', { class: 'logit-source' }, edited);
    text.addEventListener('input', () => h.logitText(i, text.value));
    text.addEventListener('keydown', (ev) => this.arrowKeys(ev, (d) => h.logitStep(i, d)));
    slider.addEventListener('input', () => h.logitValue(i, Number(slider.value)));
    // Dragging the bar sets the logit under the pointer.
    const fromPointer = (ev) => {
      const box = track.getBoundingClientRect();
      const value = ((ev.clientX - box.left) / box.width) * 2 * BAR_RANGE - BAR_RANGE;
      h.logitValue(i, Math.round(clamp(value, -BAR_RANGE, BAR_RANGE) * 100) / 100);
    };
    track.addEventListener('pointerdown', (ev) => { track.setPointerCapture(ev.pointerId); fromPointer(ev); });
    track.addEventListener('pointermove', (ev) => { if (track.hasPointerCapture(ev.pointerId)) fromPointer(ev); });
    const root = el('div', { class: 'logit-row' },
      el('label', { class: 'row-name', for: id }, el('span', { text: name }), el('span', { class: 'visually-hidden', text: ' logit' }), trueTag()),
      text, source, track, slider,
      el('p', { class: 'gradient-line' }, el('span', { class: 'gradient-symbol', text: '∂L/∂z ' }), gradient, ' ', direction),
      message);
    return { root, text, slider, fill, arrow, gradient, direction, message, source, edited };
  }

  // --- drawing -------------------------------------------------------------------------

  /**
   * Draws a state and the core's numbers for it. `editing` names the text field the
   * user is typing in, which keeps its text as typed.
   */
  render(state, result, { curve, editing, edited, source, truthNote, deferDetails = false }) {
    if (!this.builtNames || this.builtNames.join('\u0000') !== state.classes.join('\u0000')) this.buildClasses(state.classes);
    const { classes: names, logits, truth, temperature } = state;
    const { probabilities, log10Probabilities, gradient, loss } = result;
    const probabilityText = (i) => formatProbability(probabilities[i], log10Probabilities[i]);
    this.show(pageView(state) === 'pipeline');

    this.rows.forEach((r, i) => {
      if (editing !== `logit-${i}`) setProp(r.text, 'value', formatInput(logits[i]));
      setProp(r.slider, 'value', String(clamp(logits[i], -BAR_RANGE, BAR_RANGE)));
      drawSignedBar(r.fill, logits[i] / BAR_RANGE);
      showValue(r.gradient, gradient[i], formatSigned(gradient[i]));
      // The gradient step moves the logit against the gradient.
      const move = -gradient[i];
      setText(r.direction, Math.abs(move) < 5e-5 ? 'barely moves' : move > 0 ? '→ raise' : '← lower');
      setProp(r.arrow, 'className', `gradient-arrow ${move > 0 ? 'right' : 'left'}`);
      const zeroAt = 50 + clamp(logits[i] / BAR_RANGE, -1, 1) * 50;
      const length = Math.min(Math.abs(move) * temperature, 1) * 25;
      setStyle(r.arrow, 'left', `${move > 0 ? zeroAt : zeroAt - length}%`);
      setStyle(r.arrow, 'width', `${length}%`);
      r.root.classList.toggle('is-true', i === truth);
      setText(r.edited, edited[i] === undefined ? 'typed (the network has 2 outputs)' : edited[i] ? 'typed' : 'from the network');
      r.root.classList.toggle('is-edited', edited[i] !== false);
    });
    this.probabilityRows.forEach((r, i) => {
      setStyle(r.fill, 'width', `${probabilities[i] * 100}%`);
      showValue(r.value, probabilities[i], probabilityText(i));
      r.root.classList.toggle('is-true', i === truth);
    });
    showValue(this.e.probabilitySum, result.probabilitySum, formatNumber(result.probabilitySum));
    showValue(this.e.loss, loss, formatNumber(loss));
    setText(this.e.lossSentence, `The picture is a ${names[truth]}: L = −ln y(${names[truth]}) = −ln ${probabilityText(truth)}, with ln the natural logarithm (the slides’ log).`);
    const scaled = temperature !== 1;
    setText(this.e.gradientNote, scaled ? `∂L/∂zᵢ = (yᵢ − tᵢ)/T, T = ${formatInput(temperature)}` : '∂L/∂zᵢ = yᵢ − tᵢ');
    setText(this.e.gradientTitle, scaled ? '(y − t)/T' : 'y − t');
    setText(this.e.truthNote, truthNote);
    setProp(this.e.logitsNetwork, 'checked', source === 'network');
    setProp(this.e.logitsOwn, 'checked', source !== 'network');

    setProp(this.e.trueClass, 'value', String(truth));
    if (editing !== 'temperature') setProp(this.e.temperature, 'value', formatInput(temperature));
    setProp(this.e.temperatureSlider, 'value', String(Math.log10(temperature)));

    const data = { ...result, names, logits, truth, temperature };
    // The formulas, the plot and the explanation, below the pipeline; with deferDetails they
    // wait in this.details (on loading, drawn a part a task).
    this.details.set([
      () => renderSoftmaxFormula(this.e.softmaxFormula, data),
      () => renderLossFormula(this.e.lossFormula, data),
      () => renderGradientFormula(this.e.gradientFormula, data),
      () => renderGradientDerivation(this.e.derivation, data),
      () => renderLossPlot(this.e.plot, { curve, probability: probabilities[truth], loss, name: names[truth] }),
      () => this.onDetails({ ...data, probabilityText, source }),
    ]);
    if (!deferDetails) this.details.draw();
  }

  show(visible) {
    for (const part of [this.e.pipeline, this.e.details]) setProp(part, 'hidden', !visible);
  }

  // --- messages and panels ---------------------------------------------------------------

  /** Shows (or clears, with null) the message under a field ('temperature', 'classes' or
   *  a logit's index) and marks the field invalid. */
  fieldMessage(field, text) {
    if (field === 'temperature') fieldMessage(this.e.temperature, this.e.temperatureMessage, text);
    else if (field === 'classes') fieldMessage(null, this.e.classesMessage, text);
    else fieldMessage(this.rows[field].text, this.rows[field].message, text);
  }

  clearMessages() {
    this.rows.forEach((_, i) => this.fieldMessage(i, null));
  }

  /** A line under the logits' switch (the picture changed while they were typed), or none. */
  logitsNotice(text) {
    setText(this.e.logitsNotice, text || '');
  }

  /** Who else draws with the details (the explanation): called with their data, in their turn. */
  drawWithDetails(draw) {
    this.onDetails = draw;
  }
}

// A bar from the middle (0) to `fraction` of the half-width, left for negative values.
function drawSignedBar(fill, fraction) {
  const f = clamp(fraction, -1, 1);
  setStyle(fill, 'left', `${f < 0 ? 50 + f * 50 : 50}%`);
  setStyle(fill, 'width', `${Math.abs(f) * 50}%`);
  fill.classList.toggle('negative', f < 0);
  fill.classList.toggle('beyond', Math.abs(fraction) > 1);
}

// "(true)" after the true class's name; the accessible names stay "Dog logit", "Dog probability".
const trueTag = () => el('span', { class: 'true-tag', 'aria-hidden': 'true', text: ' (true)' });
