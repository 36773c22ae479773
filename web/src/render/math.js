// The formulas, typeset as MathML with the live numbers in them. Each takes data and an
// element and only draws.
import { patch } from '../dom.js';
import { formatNumber, formatPowerOfTen, formatProbability, formatShort, formatSigned } from '../format.js';

const MATHML = 'http://www.w3.org/1998/Math/MathML';
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

