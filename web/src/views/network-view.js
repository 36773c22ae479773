// The network's part of the page: the picture (chosen or drawn), the feature maps, and
// the training controls. Owns those elements; draws what it is given; decides nothing.
import { Deferred, byId, el, fieldMessage, setProp, setText, showValue } from '../dom.js';
import { formatCount, formatNumber, formatPercent, formatSigned } from '../format.js';
import { PICTURE_CLASSES, PICTURE_COUNTS, pictureLabel, pictureName } from '../network-state.js';
import { drawGray } from '../render/pixels.js';
import { renderLossCurve } from '../render/plots.js';

const BRUSH = 1.6; // pixels of the 32 x 32 picture

export class NetworkView {
  constructor(root) {
    const $ = (id) => byId(root, id);
    this.e = {
      picture: $('picture'), pictureClass: $('picture-class'), canvas: $('picture-canvas'), clear: $('clear-picture'),
      conv: $('conv-maps'), relu: $('relu-maps'), pool: $('pool-maps'), flat: $('flat-vector'),
      featureCount: $('feature-count'), logits: $('network-logits'),
      panel: $('training'), train: $('train'), step: $('step'), reset: $('reset'), seed: $('seed'),
      seedMessage: $('seed-message'), steps: $('training-steps'), loss: $('training-loss'), accuracy: $('test-accuracy'),
      gradient: $('network-gradient'), curve: $('training-curve'), report: $('step-report'),
    };
    this.maps = null;
    this.pixels = null;
    this.drawings = new Deferred(); // the pixels renderPass puts off
    // The menu's 300 pictures are added by fillPictureMenu, in order; until then it has the one shown.
    this.groups = { test: el('optgroup', { label: 'Test set (never trained on)' }), training: el('optgroup', { label: 'Training set' }) };
    this.e.picture.append(this.groups.test, this.groups.training, el('option', { value: 'drawing', text: 'Your drawing' }));
  }

  // Adds the options of a set's pictures up to `count`.
  addPictureOptions(set, count) {
    const group = this.groups[set];
    for (let i = group.children.length; i < Math.min(count, PICTURE_COUNTS[set]); i++) {
      group.append(el('option', { value: `${set}.${i}`, text: pictureName({ set, index: i }) }));
    }
  }

  /** Fills the picture menu 25 options a task, so no task is long (docs/performance.md). */
  fillPictureMenu() {
    const set = ['test', 'training'].find((s) => this.groups[s].children.length < PICTURE_COUNTS[s]);
    if (!set) return;
    this.addPictureOptions(set, this.groups[set].children.length + 25);
    setTimeout(() => this.fillPictureMenu());
  }

  /** Handlers: picture({set, index}), draw(pixels, done), blank(), train(), step(), reset(), seed(text). */
  bind(h) {
    const e = this.e;
    e.picture.addEventListener('change', () => {
      const [set, index] = e.picture.value.split('.');
      if (set === 'drawing') h.blank();
      else h.picture({ set, index: Number(index) });
    });
    e.clear.addEventListener('click', () => h.blank());
    e.train.addEventListener('click', () => h.train());
    e.step.addEventListener('click', () => h.step());
    e.reset.addEventListener('click', () => h.reset());
    e.seed.addEventListener('change', () => h.seed(e.seed.value));
    // Drawing: dark strokes on the picture, in the picture's own 32 x 32 pixels.
    const paint = (ev) => {
      if (!this.pixels) return;
      const box = e.canvas.getBoundingClientRect();
      const side = e.canvas.width;
      const cx = ((ev.clientX - box.left) / box.width) * side, cy = ((ev.clientY - box.top) / box.height) * side;
      const next = Float64Array.from(this.pixels);
      for (let y = 0; y < side; y++) {
        for (let x = 0; x < side; x++) {
          const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
          if (d < BRUSH) next[y * side + x] = Math.min(next[y * side + x], d < BRUSH - 0.8 ? 0 : 0.4);
        }
      }
      this.pixels = next;
      h.draw(next);
    };
    e.canvas.addEventListener('pointerdown', (ev) => { ev.preventDefault(); e.canvas.setPointerCapture(ev.pointerId); paint(ev); });
    e.canvas.addEventListener('pointermove', (ev) => { if (e.canvas.hasPointerCapture(ev.pointerId)) paint(ev); });
  }

  show(visible) {
    setProp(this.e.panel, 'hidden', !visible);
  }

  /** The picture and every layer of the forward pass. */
  renderPass({ picture, pixels, pass, names }, { deferPixels = false } = {}) {
    this.pixels = pixels;
    if (picture.set !== 'drawing') this.addPictureOptions(picture.set, picture.index + 1);
    this.e.picture.value = picture.set === 'drawing' ? 'drawing' : `${picture.set}.${picture.index}`;
    const label = pictureLabel(picture);
    const where = `${picture.set === 'test' ? 'test' : 'training'} picture ${picture.index + 1}`;
    setText(this.e.pictureClass, label === null ? 'Your drawing: no class of its own.' : `This is a ${PICTURE_CLASSES[label]} (${where}).`);
    const { filters, convSide, pooledSide } = pass;
    if (!this.maps) {
      const canvases = (side, parent, what) => {
        const list = Array.from({ length: filters }, (_, f) => el('canvas', {
          width: String(side), height: String(side), class: 'map', role: 'img', 'aria-label': `${what}, filter ${f + 1}`,
        }));
        parent.replaceChildren(...list);
        return list;
      };
      this.maps = {
        conv: canvases(convSide, this.e.conv, 'Convolution output'),
        relu: canvases(convSide, this.e.relu, 'After ReLU'),
        pool: canvases(pooledSide, this.e.pool, 'After max pooling'),
      };
      setText(this.e.featureCount, String(pass.pooled.length));
    }
    // The pixels of the picture and the maps; with deferPixels they wait in this.drawings (on
    // loading, drawn a layer a task: the canvases are in place, so nothing moves).
    const convArea = convSide * convSide, poolArea = pooledSide * pooledSide;
    const largest = (values) => values.reduce((m, v) => Math.max(m, Math.abs(v)), 1e-12);
    const convScale = largest(pass.conv), reluScale = largest(pass.relu);
    const layer = (maps, values, area, low, high) => () => {
      for (let f = 0; f < filters; f++) drawGray(maps[f], values.subarray(f * area, (f + 1) * area), low, high);
    };
    this.drawings.set([
      () => drawGray(this.e.canvas, pixels, 0, 1),
      layer(this.maps.conv, pass.conv, convArea, -convScale, convScale),
      layer(this.maps.relu, pass.relu, convArea, 0, reluScale),
      layer(this.maps.pool, pass.pooled, poolArea, 0, reluScale),
      () => drawGray(this.e.flat, pass.pooled, 0, reluScale),
    ]);
    if (!deferPixels) this.drawings.draw();
    this.e.logits.replaceChildren(...pass.logits.map((z, i) => el('span', { class: 'network-logit' },
      `${names[i] ?? `Output ${i + 1}`} `, outputOf(z, formatNumber(z), `Network ${names[i] ?? i + 1} logit`))));
  }

  /** Steps, losses, accuracy, this picture's y - t, the loss curve. */
  renderTraining({ seed, steps, lastLoss, accuracy, gradient, names, curve, training, canTrain, canStep, editingSeed }) {
    // Unchanged since the last call (an edit of a logit changes none of this): nothing to do.
    const key = JSON.stringify([seed, steps, lastLoss, accuracy, gradient, names, curve.length, training, canTrain, canStep, editingSeed]);
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    if (!editingSeed) this.e.seed.value = String(seed);
    setText(this.e.steps, formatCount(steps));
    showValue(this.e.loss, lastLoss, lastLoss === null ? '—' : formatNumber(lastLoss));
    showValue(this.e.accuracy, accuracy, accuracy === null ? '…' : formatPercent(accuracy));
    setText(this.e.gradient, gradient ? gradient.map((g, i) => `${names[i]} ${formatSigned(g)}`).join(', ') : '— (the true class is not one the network has)');
    this.e.train.setAttribute('aria-pressed', String(training));
    setText(this.e.train, training ? 'Pause' : 'Train');
    this.e.train.setAttribute('aria-label', 'Train');
    this.e.train.disabled = !canTrain && !training;
    this.e.step.disabled = !canStep;
    if (curve !== this.drawnCurve || curve.length !== this.drawnLength) {
      renderLossCurve(this.e.curve, curve);
      this.drawnCurve = curve;
      this.drawnLength = curve.length;
    }
  }

  stepReport(text) {
    setText(this.e.report, text);
  }

  seedMessage(text) {
    fieldMessage(this.e.seed, this.e.seedMessage, text);
  }

  /** Whether the seed field has the focus (its typed text is then left alone). */
  isEditingSeed() {
    return this.e.seed.getRootNode().activeElement === this.e.seed;
  }
}

function outputOf(value, text, label) {
  const out = el('output', { 'aria-label': label });
  showValue(out, value, text);
  return out;
}
