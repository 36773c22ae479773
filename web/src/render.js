// Renderers: each takes data and an element and only draws. No state, no decisions.
import { createNode, patch, setAttr, setText } from './dom.js';
import { formatNumber, formatPowerOfTen, formatProbability, formatShort, formatSigned } from './format.js';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const SVG = 'http://www.w3.org/2000/svg';
const HTML = 'http://www.w3.org/1999/xhtml';

// --- MathML: formulas typeset by the browser, no fonts or scripts to download ---------
// Formulas are described (see patch in dom.js), then patched in: an edit rewrites numbers only.

const describe = (ns, tag, attrs, children) => ({ ns, tag, attrs: attrs || {}, children });
const m = (tag, ...children) => describe(MATHML, tag, null, children);
const mi = (text) => m('mi', text);
const mn = (text) => m('mn', text);
const mo = (text) => m('mo', text);
const mtext = (text) => m('mtext', text);
// ln with a thin space after it: "ln 0.95", not "ln0.95".
const ln = () => row(mi('ln'), describe(MATHML, 'mspace', { width: '0.2em' }, []));
const row = (...children) => m('mrow', ...children);
const frac = (a, b) => m('mfrac', a, b);
const sup = (a, b) => m('msup', a, b);
const sub = (a, b) => m('msub', a, b);
const block = (...children) => describe(MATHML, 'math', { display: 'block' }, children);
const e = (exponent) => sup(mi('e'), exponent);
// A class name as a subscript: y_Dog.
const named = (symbol, name) => sub(mi(symbol), mtext(name));

/** y_j = e^{z_j/T} / Σ_k e^{z_k/T}, then each class with its live numbers. */
export function renderSoftmaxFormula(el, { names, logits, temperature, scaledLogits, log10Terms, log10Sum, probabilities, log10Probabilities }) {
  const scaled = temperature !== 1;
  const exponentOf = (j) => (scaled ? row(mn(formatShort(logits[j])), mo('/'), mn(formatShort(temperature))) : mn(formatShort(logits[j])));
  const general = scaled ? row(sub(mi('z'), mi('j')), mo('/'), mi('T')) : sub(mi('z'), mi('j'));
  const generalSum = scaled ? row(sub(mi('z'), mi('k')), mo('/'), mi('T')) : sub(mi('z'), mi('k'));
  const lines = [
    block(sub(mi('y'), mi('j')), mo('='), frac(e(general), row(sub(mo('∑'), mi('k')), e(generalSum)))),
  ];
  const terms = [];
  const values = [];
  names.forEach((_, j) => {
    if (j > 0) { terms.push(mo('+')); values.push(mo('+')); }
    terms.push(e(exponentOf(j)));
    values.push(mn(formatPowerOfTen(log10Terms[j])));
  });
  lines.push(block(mo('∑'), mo('='), ...terms));
  lines.push(block(mo('='), ...values, mo('='), mn(formatPowerOfTen(log10Sum))));
  names.forEach((name, j) => {
    lines.push(block(named('y', name), mo('='), frac(e(exponentOf(j)), mo('∑')), mo('='),
      frac(mn(formatPowerOfTen(log10Terms[j])), mn(formatPowerOfTen(log10Sum))), mo('='), mn(formatProbability(probabilities[j], log10Probabilities[j]))));
  });
  if (scaled) {
    lines.push(block(mtext('with '), mi('z'), mo('/'), mi('T'), mo('='), mtext('('),
      ...scaledLogits.flatMap((s, j) => (j ? [mo(','), mn(formatShort(s))] : [mn(formatShort(s))])), mtext(')')));
  }
  patch(el, lines);
}

/** L = −ln y_true, and H(p, q) = −Σ p ln q with every term. */
export function renderLossFormula(el, { names, truth, probabilities, log10Probabilities, logProbabilities, target, loss }) {
  const trueName = names[truth];
  const p = (i) => mn(formatProbability(probabilities[i], log10Probabilities[i]));
  const lnValue = (i) => mn(formatSigned(logProbabilities[i]));
  const first = block(mi('L'), mo('='), mo('−'), ln(), named('y', trueName), mo('='), mo('−'), ln(), p(truth));
  const firstValue = block(mo('='), mo('−'), mo('('), lnValue(truth), mo(')'), mo('='), mn(formatNumber(loss)));
  const terms = [];
  names.forEach((name, i) => {
    if (i > 0) terms.push(mo('+'));
    terms.push(row(mn(formatShort(target[i])), mo('·'), ln(), p(i)));
  });
  const second = block(m('mi', 'H'), mo('('), mi('t'), mo(','), mi('y'), mo(')'), mo('='), mo('−'), mo('∑'),
    sub(mi('t'), mi('i')), ln(), sub(mi('y'), mi('i')));
  const third = block(mo('='), mo('−'), mo('('), ...terms, mo(')'), mo('='), mn(formatNumber(loss)));
  const note = describe(HTML, 'p', { class: 'hint' },
    [`t is the true label, one-hot: 1 for ${trueName}, 0 for the rest, so only ${trueName}’s term counts (a term with t = 0 is 0 even where y = 0).`]);
  patch(el, [first, firstValue, second, third, note]);
}

/** ∂L/∂z_i = (y_i − t_i) / T per class, with its sign. */
export function renderGradientFormula(el, { names, probabilities, target, gradient, temperature }) {
  const scaled = temperature !== 1;
  const general = block(frac(row(mi('∂'), mi('L')), row(mi('∂'), sub(mi('z'), mi('i')))), mo('='),
    scaled ? frac(row(sub(mi('y'), mi('i')), mo('−'), sub(mi('t'), mi('i'))), mi('T')) : row(sub(mi('y'), mi('i')), mo('−'), sub(mi('t'), mi('i'))));
  const lines = names.map((name, i) => {
    const difference = row(mn(formatNumber(probabilities[i])), mo('−'), mn(formatShort(target[i])));
    return block(frac(row(mi('∂'), mi('L')), row(mi('∂'), named('z', name))), mo('='),
      scaled ? frac(difference, mn(formatShort(temperature))) : difference, mo('='), mn(formatSigned(gradient[i])));
  });
  patch(el, [general, ...lines]);
}

// --- SVG drawings ----------------------------------------------------------------------

const svg = (tag, attrs, ...children) => createNode(describe(SVG, tag, attrs, children));

/** The curve −ln p over p in (0, 1] (`curve()` gives its points), with the current point on it. */
export function renderLossPlot(el, { curve, probability, loss, name }) {
  const left = 40, right = 310, top = 12, bottom = 180, yMax = 5;
  const x = (p) => left + p * (right - left);
  const y = (l) => bottom - (Math.min(l, yMax) / yMax) * (bottom - top);
  // The axes and the curve are drawn once (and again only for a new class name); an edit
  // moves just the point, its guide line and its label.
  if (el.dataset.drawnFor !== name || !el.lossPoint) {
    const path = curve().map(([p, l], i) => `${i ? 'L' : 'M'}${x(p).toFixed(1)},${y(l).toFixed(1)}`).join('');
    const parts = [
      svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }),
      svg('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }),
    ];
    for (const p of [0, 0.25, 0.5, 0.75, 1]) {
      parts.push(svg('text', { x: x(p), y: bottom + 14, class: 'tick', 'text-anchor': 'middle' }, String(p)));
    }
    for (let l = 0; l <= yMax; l++) {
      parts.push(svg('text', { x: left - 6, y: y(l) + 4, class: 'tick', 'text-anchor': 'end' }, String(l)));
    }
    parts.push(svg('text', { x: (left + right) / 2, y: bottom + 32, class: 'axis-label', 'text-anchor': 'middle' }, `probability of the true class (${name})`));
    parts.push(svg('text', { x: 12, y: (top + bottom) / 2, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 12 ${(top + bottom) / 2})` }, 'loss −ln p'));
    parts.push(svg('path', { d: path, class: 'curve' }));
    el.lossPoint = { guide: svg('line', { class: 'guide' }), dot: svg('circle', { r: 6 }), label: svg('text', { class: 'point-label' }) };
    parts.push(el.lossPoint.guide, el.lossPoint.dot, el.lossPoint.label);
    el.replaceChildren(...parts);
    el.dataset.drawnFor = name;
  }
  const { guide, dot, label } = el.lossPoint;
  const offChart = loss > yMax;
  const px = x(probability), py = y(loss);
  for (const [k, v] of Object.entries({ x1: px, y1: bottom, x2: px, y2: py })) setAttr(guide, k, v);
  setAttr(dot, 'cx', px);
  setAttr(dot, 'cy', py);
  setAttr(dot, 'class', offChart ? 'point off-chart' : 'point');
  setAttr(label, 'x', Math.min(px + 10, right - 70));
  setAttr(label, 'y', Math.max(py + (offChart ? 16 : -10), top + 12));
  setText(label, `${offChart ? '↑ ' : ''}L = ${formatNumber(loss)}`);
}

// Axes for a plot of p in [0, 1] against a value in [0, yMax].
function axes(yMax, yLabel, xLabel, box) {
  const { left, right, top, bottom } = box;
  const x = (p) => left + p * (right - left);
  const y = (v) => bottom - (Math.min(v, yMax) / yMax) * (bottom - top);
  const parts = [
    svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }),
    svg('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }),
    svg('text', { x: (left + right) / 2, y: bottom + 28, class: 'axis-label', 'text-anchor': 'middle' }, xLabel),
    svg('text', { x: 10, y: (top + bottom) / 2, class: 'axis-label', 'text-anchor': 'middle', transform: `rotate(-90 10 ${(top + bottom) / 2})` }, yLabel),
  ];
  for (const p of [0, 0.5, 1]) parts.push(svg('text', { x: x(p), y: bottom + 13, class: 'tick', 'text-anchor': 'middle' }, String(p)));
  for (const v of [0, yMax / 2, yMax]) parts.push(svg('text', { x: left - 5, y: y(v) + 4, class: 'tick', 'text-anchor': 'end' }, String(Number(v.toFixed(2)))));
  return { x, y, parts };
}

/** Several curves over p in [0, 1]: series = [{points: [[p, value]], dashed, label}]. */
export function renderCurves(el, series, { yMax, yLabel }) {
  const { x, y, parts } = axes(yMax, yLabel, 'p, the true class’s probability', { left: 36, right: 310, top: 10, bottom: 160 });
  series.forEach((s, i) => {
    const d = s.points.map(([p, v], k) => `${k ? 'L' : 'M'}${x(p).toFixed(1)},${y(v).toFixed(1)}`).join('');
    parts.push(svg('path', { d, class: s.dashed ? 'curve dashed' : 'curve' }));
    parts.push(svg('text', { x: 200, y: 22 + i * 14, class: s.dashed ? 'legend dashed' : 'legend' }, `${s.dashed ? '- - ' : '——'} ${s.label}`));
  });
  el.replaceChildren(...parts);
}

/** Counts of examples per loss bin (the last bin is open-ended). */
export function renderHistogram(el, counts, binWidth = 0.5) {
  const left = 36, right = 310, top = 10, bottom = 140;
  const max = Math.max(1, ...counts);
  const w = (right - left) / counts.length;
  const parts = [
    svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }),
    svg('text', { x: (left + right) / 2, y: bottom + 30, class: 'axis-label', 'text-anchor': 'middle' }, 'per-example loss −ln p'),
    svg('text', { x: left - 5, y: top + 8, class: 'tick', 'text-anchor': 'end' }, String(max)),
  ];
  counts.forEach((n, i) => {
    const h = (n / max) * (bottom - top);
    parts.push(svg('rect', { x: left + i * w + 1, y: bottom - h, width: w - 2, height: h, class: 'histogram-bar' }, svg('title', {}, `${n} examples`)));
    if (i % 2 === 0) {
      const label = i === counts.length - 1 ? `${i * binWidth}+` : String(i * binWidth);
      parts.push(svg('text', { x: left + i * w, y: bottom + 13, class: 'tick', 'text-anchor': 'middle' }, label));
    }
  });
  el.replaceChildren(...parts);
}

/** The training loss (one point per recorded step) against the step number. */
export function renderLossCurve(el, curve) {
  const left = 36, right = 310, top = 10, bottom = 120;
  const maxStep = Math.max(10, ...curve.map(([s]) => s));
  const maxLoss = Math.max(1, ...curve.map(([, l]) => l));
  const x = (s) => left + (s / maxStep) * (right - left);
  const y = (l) => bottom - (l / maxLoss) * (bottom - top);
  const parts = [
    svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, class: 'axis' }),
    svg('line', { x1: left, y1: top, x2: left, y2: bottom, class: 'axis' }),
    svg('text', { x: (left + right) / 2, y: bottom + 26, class: 'axis-label', 'text-anchor': 'middle' }, 'training step'),
    svg('text', { x: left - 5, y: top + 8, class: 'tick', 'text-anchor': 'end' }, formatNumber(maxLoss, 2)),
    svg('text', { x: left - 5, y: bottom, class: 'tick', 'text-anchor': 'end' }, '0'),
    svg('text', { x: right, y: bottom + 13, class: 'tick', 'text-anchor': 'end' }, String(maxStep)),
    svg('text', { x: left + 6, y: top + 8, class: 'legend' }, 'training loss (batch of 10)'),
  ];
  if (curve.length > 1) {
    const d = curve.map(([s, l], k) => `${k ? 'L' : 'M'}${x(s).toFixed(1)},${y(l).toFixed(1)}`).join('');
    parts.push(svg('path', { d, class: 'curve' }));
  }
  el.replaceChildren(...parts);
}
