// SVG plots. Each takes data and an element and only draws; all four share axes().
import { createNode, setAttr, setText } from '../dom.js';
import { formatNumber } from '../format.js';

const SVG = 'http://www.w3.org/2000/svg';
const svg = (tag, attrs, ...children) => createNode({ ns: SVG, tag, attrs, children });
const pathOf = (points, x, y) => points.map(([a, b], k) => `${k ? 'L' : 'M'}${x(a).toFixed(1)},${y(b).toFixed(1)}`).join('');

/**
 * Axes in a box {left, right, top, bottom}: x from 0 to xMax, y from 0 to yMax (values above
 * are drawn at yMax). Ticks are [value, text] pairs; a null label is left out. Returns the
 * scales and the parts drawn so far.
 */
function axes({ left, right, top, bottom }, { xMax = 1, yMax, xTicks = [], yTicks = [], xLabel, yLabel, xLabelGap = 28, yAxis = true }) {
  const x = (v) => left + (v / xMax) * (right - left);
  const y = (v) => bottom - (Math.min(v, yMax) / yMax) * (bottom - top);
  const parts = [svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' })];
  if (yAxis) parts.push(svg('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }));
  for (const [v, text, anchor = 'middle'] of xTicks) parts.push(svg('text', { x: x(v), y: bottom + 13, class: 'tick', 'text-anchor': anchor }, text));
  for (const [v, text] of yTicks) parts.push(svg('text', { x: left - 5, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, text));
  if (xLabel) parts.push(svg('text', { x: (left + right) / 2, y: bottom + xLabelGap, class: 'axis-label', 'text-anchor': 'middle' }, xLabel));
  if (yLabel) {
    const cx = left - 30, cy = (top + bottom) / 2;
    parts.push(svg('text', { x: cx, y: cy, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 ${cx} ${cy})` }, yLabel));
  }
  return { x, y, parts };
}

const ticks = (values) => values.map((v) => [v, String(Number(v.toFixed(2)))]);

/** The curve −ln p over p in (0, 1] (`curve()` gives its points), with the current point on it. */
export function renderLossPlot(el, { curve, probability, loss, name }) {
  const box = { left: 40, right: 310, top: 12, bottom: 180 };
  const yMax = 5;
  const { x, y, parts } = axes(box, {
    yMax, xTicks: ticks([0, 0.25, 0.5, 0.75, 1]), yTicks: ticks([0, 1, 2, 3, 4, 5]),
    xLabel: `probability of the true class (${name})`, xLabelGap: 32, yLabel: 'loss −ln y',
  });
  // The axes and the curve are drawn once (and again only for a new class name); an edit
  // moves just the point, its guide line and its label.
  if (el.dataset.drawnFor !== name || !el.lossPoint) {
    parts.push(svg('path', { d: pathOf(curve(), x, y), class: 'curve' }));
    el.lossPoint = { guide: svg('line', { class: 'guide' }), dot: svg('circle', { r: 6 }), label: svg('text', { class: 'point-label' }) };
    parts.push(el.lossPoint.guide, el.lossPoint.dot, el.lossPoint.label);
    el.replaceChildren(...parts);
    el.dataset.drawnFor = name;
  }
  const { guide, dot, label } = el.lossPoint;
  const offChart = loss > yMax;
  const px = x(probability), py = y(loss);
  for (const [k, v] of Object.entries({ x1: px, y1: box.bottom, x2: px, y2: py })) setAttr(guide, k, v);
  setAttr(dot, 'cx', px);
  setAttr(dot, 'cy', py);
  setAttr(dot, 'class', offChart ? 'point off-chart' : 'point');
  setAttr(label, 'x', Math.min(px + 10, box.right - 70));
  setAttr(label, 'y', Math.max(py + (offChart ? 16 : -10), box.top + 12));
  setText(label, `${offChart ? '↑ ' : ''}L = ${formatNumber(loss)}`);
}

/** Several curves over y in [0, 1]: series = [{points: [[y, value]], dashed, label}]; values
 *  above yMax are drawn at yMax, and `cutLabel` says so at the top of the plot. */
export function renderCurves(el, series, { yMax, yLabel, cutLabel }) {
  const { x, y, parts } = axes({ left: 36, right: 310, top: 10, bottom: 160 }, {
    yMax, xTicks: ticks([0, 0.5, 1]), yTicks: ticks([0, yMax / 2, yMax]), xLabel: 'y, the true class’s probability', yLabel,
  });
  series.forEach((s, i) => {
    parts.push(svg('path', { d: pathOf(s.points, x, y), class: s.dashed ? 'curve dashed' : 'curve' }));
    parts.push(svg('text', { x: 200, y: 22 + i * 14, class: s.dashed ? 'legend dashed' : 'legend' }, `${s.dashed ? '- - ' : '——'} ${s.label}`));
  });
  if (cutLabel) parts.push(svg('text', { x: x(0) + 6, y: 20, class: 'legend' }, cutLabel));
  el.replaceChildren(...parts);
}

/** Counts of examples per loss bin (the last bin is open-ended). */
export function renderHistogram(el, counts, binWidth = 0.5) {
  const max = Math.max(1, ...counts);
  const box = { left: 36, right: 310, top: 10, bottom: 140 };
  const labelled = counts.map((_, i) => i).filter((i) => i % 2 === 0);
  const { x, y, parts } = axes(box, {
    xMax: counts.length, yMax: max, yAxis: false, xLabel: 'per-example loss −ln y', xLabelGap: 30,
    xTicks: labelled.map((i) => [i, i === counts.length - 1 ? `${i * binWidth}+` : String(i * binWidth)]), yTicks: [[max * 0.9, String(max)]],
  });
  const w = x(1) - x(0);
  counts.forEach((n, i) => {
    parts.push(svg('rect', { x: x(i) + 1, y: y(n), width: w - 2, height: box.bottom - y(n), class: 'histogram-bar' }, svg('title', {}, `${n} examples`)));
  });
  el.replaceChildren(...parts);
}

/** The training loss (one point per recorded step) against the step number. */
export function renderLossCurve(el, curve) {
  const maxStep = Math.max(10, ...curve.map(([s]) => s));
  const maxLoss = Math.max(1, ...curve.map(([, l]) => l));
  const { x, y, parts } = axes({ left: 36, right: 310, top: 10, bottom: 120 }, {
    xMax: maxStep, yMax: maxLoss, xLabel: 'training step', xLabelGap: 26,
    xTicks: [[maxStep, String(maxStep), 'end']], yTicks: [[maxLoss * 0.93, formatNumber(maxLoss, 2)], [0, '0']],
  });
  parts.push(svg('text', { x: 42, y: 18, class: 'legend' }, 'training loss (batch of 10)'));
  if (curve.length > 1) parts.push(svg('path', { d: pathOf(curve, x, y), class: 'curve' }));
  el.replaceChildren(...parts);
}
