// "Loss landscape": one map (or two side by side) of the loss over two logits, with contours,
// the current point, the step against the gradient, the path of Descend, and its controls.
// Owns those elements; turns pointer and key events into logits on the map's axes.
import { byId, createNode, el, fieldMessage, setAttr, setProp, setText } from '../dom.js';
import { formatInput, formatNumber } from '../format.js';
import { contourPath, drawHeatmap, drawLegend } from '../render/heatmap.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs = {}) => createNode({ ns: SVG, tag, attrs, children: [] });
const LOSS_NAMES = { ce: 'cross-entropy', se: 'squared error' };
const CONTOURS = 9;

export class LandscapeView {
  constructor(root) {
    const $ = (id) => byId(root, id);
    this.e = {
      loss: $('landscape-loss'), other: $('landscape-other'), zoomIn: $('landscape-zoom-in'), zoomOut: $('landscape-zoom-out'),
      rate: $('learning-rate'), rateMessage: $('learning-rate-message'), descend: $('descend'), maps: $('landscape-maps'), text: $('landscape-text'),
    };
    this.section = $('landscape');
    this.maps = [];
    this.window = null;
    this.visible = false;
  }

  /** callback() when the panel comes into view: maps off screen are not drawn (docs/performance.md). */
  watchVisibility(callback) {
    this.observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible && !this.visible) {
        this.visible = true;
        callback();
      } else this.visible = visible;
    }, { rootMargin: '200px' });
    this.observer.observe(this.section);
  }

  stopWatching() {
    if (this.observer) this.observer.disconnect();
  }

  /** Handlers: loss(kind), other(index), zoom(factor), rateText(text), descend(), moveTo(x, y), nudge(dx, dy). */
  bind(h) {
    this.h = h;
    const e = this.e;
    e.loss.addEventListener('change', () => h.loss(e.loss.value));
    e.other.addEventListener('change', () => h.other(Number(e.other.value)));
    e.zoomIn.addEventListener('click', () => h.zoom(2));
    e.zoomOut.addEventListener('click', () => h.zoom(0.5));
    e.rate.addEventListener('input', () => h.rateText(e.rate.value));
    e.descend.addEventListener('click', () => h.descend());
  }

  /** The controls: the loss, the other logit's choices (names but the true class), zoom and rate. */
  showControls({ loss, names, truth, other, zoom, rate, editingRate }) {
    setProp(this.e.loss, 'value', loss);
    const choices = names.map((name, i) => [i, name]).filter(([i]) => i !== truth);
    const key = choices.map(([i, n]) => `${i}:${n}`).join('|');
    if (this.otherKey !== key) {
      this.otherKey = key;
      this.e.other.replaceChildren(...choices.map(([i, name]) => el('option', { value: String(i), text: name })));
    }
    setProp(this.e.other, 'value', String(other));
    setProp(this.e.other, 'disabled', choices.length < 2);
    setProp(this.e.zoomIn, 'disabled', !zoom.canIn);
    setProp(this.e.zoomOut, 'disabled', !zoom.canOut);
    if (!editingRate) setProp(this.e.rate, 'value', formatInput(rate));
  }

  rateMessage(text) {
    fieldMessage(this.e.rate, this.e.rateMessage, text);
  }

  /**
   * The maps: `maps` = [{loss, values, lo, hi}] over `window` ({x0, x1, y0, y1}) with n × n
   * points; `point`, `arrowTo` and `path` in logits on the axes; `names` {x, y} for the axes.
   */
  draw({ maps, n, window, point, arrowTo, path, diagonal, names, text }) {
    const kinds = maps.map((m) => m.loss).join();
    if (this.builtFor !== kinds) this.build(maps.map((m) => m.loss), n);
    this.window = window;
    this.n = n;
    const g = ([x, y]) => [((x - window.x0) / (window.x1 - window.x0)) * n, ((window.y1 - y) / (window.y1 - window.y0)) * n];
    const [px, py] = g(point);
    const [ax, ay] = g(arrowTo);
    maps.forEach((m, k) => {
      const map = this.maps[k];
      drawHeatmap(map.canvas, m.values, n, m.lo, m.hi);
      const levels = Array.from({ length: CONTOURS }, (_, i) => m.lo + ((i + 1) / (CONTOURS + 1)) * (m.hi - m.lo));
      setAttr(map.contours, 'd', contourPath(m.values, n, levels));
      setText(map.lo, formatNumber(m.lo, 2));
      setText(map.hi, formatNumber(m.hi, 2));
      setText(map.caption, `${LOSS_NAMES[m.loss]} over ${names.x} (across, ${formatNumber(window.x0, 1)} to ${formatNumber(window.x1, 1)}) and ${names.y} (up, ${formatNumber(window.y0, 1)} to ${formatNumber(window.y1, 1)})`);
      for (const [attr, v] of [['cx', px], ['cy', py]]) setAttr(map.point, attr, v.toFixed(2));
      // The across logit as the slider's value, within the map's span; the text says both.
      setAttr(map.point, 'aria-valuemin', window.x0.toFixed(4));
      setAttr(map.point, 'aria-valuemax', window.x1.toFixed(4));
      setAttr(map.point, 'aria-valuenow', point[0].toFixed(4));
      setAttr(map.point, 'aria-valuetext', `${names.x} ${formatNumber(point[0])}, ${names.y} ${formatNumber(point[1])}`);
      setAttr(map.point, 'aria-label', `${names.x} and ${names.y} logits`);
      setAttr(map.arrow, 'd', arrowPath(px, py, ax, ay));
      setAttr(map.path, 'points', (path || []).map((z) => g(z).map((v) => v.toFixed(2)).join(',')).join(' '));
      setAttr(map.diagonal, 'd', diagonal ? `M${(px - n).toFixed(2)},${(py + n).toFixed(2)}L${(px + n).toFixed(2)},${(py - n).toFixed(2)}` : '');
      setAttr(map.svg, 'data-window', [window.x0, window.x1, window.y0, window.y1].join(','));
    });
    setText(this.e.text, text);
  }

  // The figures: a canvas for the colours, an SVG over it for lines and the point, a legend.
  build(kinds, n) {
    this.builtFor = kinds.join();
    this.maps = kinds.map((loss) => {
      const canvas = el('canvas', { width: String(n), height: String(n), class: 'landscape-canvas', 'aria-hidden': 'true' });
      const overlay = svg('svg', { viewBox: `0 0 ${n} ${n}`, preserveAspectRatio: 'none', class: 'landscape-overlay', 'data-loss': loss });
      const parts = {
        contours: svg('path', { class: 'contours' }), diagonal: svg('path', { class: 'diagonal' }),
        path: svg('polyline', { class: 'descent-path' }), arrow: svg('path', { class: 'descent-arrow' }),
        point: svg('circle', { r: '3.2', class: 'landscape-point', tabindex: '0', role: 'slider' }),
      };
      overlay.append(parts.contours, parts.diagonal, parts.path, parts.arrow, parts.point);
      this.bindPointer(overlay, parts.point);
      const legend = el('canvas', { width: '128', height: '8', class: 'landscape-legend', 'aria-hidden': 'true' });
      drawLegend(legend);
      const lo = el('span'), hi = el('span');
      const caption = el('figcaption');
      const figure = el('figure', { class: 'landscape-map' }, el('div', { class: 'landscape-box' }, canvas, overlay),
        el('p', { class: 'landscape-scale' }, lo, legend, hi), caption);
      return { canvas, svg: overlay, ...parts, lo, hi, caption, figure };
    });
    this.e.maps.replaceChildren(...this.maps.map((m) => m.figure));
  }

  // Dragging on the map moves the point there; arrow keys on the point move it a step.
  bindPointer(overlay, point) {
    const toLogits = (ev) => {
      const box = overlay.getBoundingClientRect();
      const w = this.window;
      const fx = (ev.clientX - box.left) / box.width, fy = (ev.clientY - box.top) / box.height;
      return [w.x0 + fx * (w.x1 - w.x0), w.y1 - fy * (w.y1 - w.y0)];
    };
    overlay.addEventListener('pointerdown', (ev) => { overlay.setPointerCapture(ev.pointerId); this.h.moveTo(...toLogits(ev)); });
    overlay.addEventListener('pointermove', (ev) => { if (overlay.hasPointerCapture(ev.pointerId)) this.h.moveTo(...toLogits(ev)); });
    point.addEventListener('keydown', (ev) => {
      const step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[ev.key];
      if (!step) return;
      ev.preventDefault();
      this.h.nudge(...step.map((s) => s * (ev.shiftKey ? 1 : 0.1)));
    });
  }

}

// A line from the point with a head at its end (grid coordinates).
function arrowPath(x0, y0, x1, y1) {
  const dx = x1 - x0, dy = y1 - y0;
  const length = Math.hypot(dx, dy);
  if (length < 0.5) return '';
  const ux = dx / length, uy = dy / length, head = Math.min(4, length / 2);
  const left = [x1 - head * (ux + uy * 0.6), y1 - head * (uy - ux * 0.6)];
  const right = [x1 - head * (ux - uy * 0.6), y1 - head * (uy + ux * 0.6)];
  const p = (q) => `${q[0].toFixed(2)},${q[1].toFixed(2)}`;
  return `M${p([x0, y0])}L${p([x1, y1])}M${p(left)}L${p([x1, y1])}L${p(right)}`;
}
