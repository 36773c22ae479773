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
    lines.push(block(mtext('with'), describe(MATHML, 'mspace', { width: '0.4em' }, []), mi('z'), mo('/'), mi('T'), mo('='), mtext('('),
      ...scaledLogits.flatMap((s, j) => (j ? [mo(','), mn(formatShort(s))] : [mn(formatShort(s))])), mtext(')')));
  }
  patch(el, lines);
}

/** L = −ln y_true, the same from the logits, and H(t, y) = −Σ t ln y with every term; then
 *  the slides' symbols, and what the core can do that the page does not show. */
export function renderLossFormula(el, { names, truth, probabilities, log10Probabilities, logProbabilities, target, loss, scaledLogits, logSum, temperature }) {
  const trueName = names[truth];
  const p = (i) => mn(formatProbability(probabilities[i], log10Probabilities[i]));
  const lnValue = (i) => mn(formatSigned(logProbabilities[i]));
  const first = block(mi('L'), mo('='), mo('−'), ln(), named('y', trueName), mo('='), mo('−'), ln(), p(truth));
  const firstValue = block(mo('='), mo('−'), mo('('), lnValue(truth), mo(')'), mo('='), mn(formatNumber(loss)));
  // From the logits, as the slides' L_i is written with scores: L = −z_true + ln Σ_k e^{z_k}.
  const scaled = temperature !== 1;
  const z = (k) => (scaled ? row(sub(mi('z'), k), mo('/'), mi('T')) : sub(mi('z'), k));
  const fromLogits = block(mi('L'), mo('='), mo('−'), z(mtext(trueName)), mo('+'), ln(), sub(mo('∑'), mi('k')), e(z(mi('k'))));
  const fromLogitsValue = block(mo('='), mo('−'), mo('('), mn(formatShort(scaledLogits[truth])), mo(')'), mo('+'), mn(formatShort(logSum)), mo('='), mn(formatNumber(loss)));
  const term = (i) => row(mn(formatShort(target[i])), mo('·'), ln(), p(i));
  const second = block(m('mi', 'H'), mo('('), mi('t'), mo(','), mi('y'), mo(')'), mo('='), mo('−'), mo('∑'),
    sub(mi('t'), mi('i')), ln(), sub(mi('y'), mi('i')));
  const last = names.length - 1;
  // Beyond two classes a term a line: a display formula does not wrap.
  const third = names.length <= 2
    ? [block(mo('='), mo('−'), mo('('), term(0), mo('+'), term(1), mo(')'), mo('='), mn(formatNumber(loss)))]
    : [block(mo('='), mo('−'), mo('('), term(0)),
      ...names.slice(1).map((_, k) => block(mo('+'), term(k + 1), ...(k + 1 === last ? [mo(')')] : []))),
      block(mo('='), mn(formatNumber(loss)))];
  const note = (text) => describe(HTML, 'p', { class: 'hint' }, [text]);
  patch(el, [first, firstValue, fromLogits, fromLogitsValue, second, ...third,
    note(`t is the true label, one-hot: 1 for ${trueName}, 0 for the rest, so only ${trueName}’s term counts (a term with t = 0 is 0 even where y = 0).`),
    note('ln is the natural logarithm, as the slides’ log: with log₂ the slides’ cross-entropies 0.38 and 1.06 would be 0.54 and 1.52.'),
    note('The slides’ symbols: their fⱼ(z) is yⱼ here (softmax of the logits z); their Lᵢ, written with the scores, is the line from the logits above; their H(p, q), with p the true distribution and q the prediction, is H(t, y).'),
    note('The core also takes soft targets (label smoothing, where more than one tᵢ is above 0); this page shows one-hot targets, as the slides do.'),
  ]);
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


/** Why ∂L/∂z_i = y_i − t_i: the slides' derivation through the softmax's derivatives, and the
 *  gradient's components summing to 0 (`gradientSum`, from the core). */
export function renderGradientDerivation(el, { gradientSum, temperature }) {
  const yi = sub(mi('y'), mi('i')), yk = sub(mi('y'), mi('k')), ti = sub(mi('t'), mi('i')), tk = sub(mi('t'), mi('k'));
  const d = (top, bottom) => frac(row(mi('∂'), top), row(mi('∂'), bottom));
  const zi = sub(mi('z'), mi('i'));
  const note = (text) => describe(HTML, 'p', { class: 'hint' }, [text]);
  const lines = [
    block(mi('L'), mo('='), mo('−'), sub(mo('∑'), mi('k')), tk, ln(), yk, mtext(',  '), yk, mo('='), frac(e(sub(mi('z'), mi('k'))), row(sub(mo('∑'), mi('j')), e(sub(mi('z'), mi('j')))))),
    note('The softmax’s derivatives: for its own logit yᵢ(1 − yᵢ), for another logit −yₖyᵢ; both are yₖ(δₖᵢ − yᵢ), with δₖᵢ 1 where k = i and 0 elsewhere.'),
    block(d(yk, zi), mo('='), yk, mo('('), sub(mi('δ'), mi('ki')), mo('−'), yi, mo(')')),
    block(d(mi('L'), zi), mo('='), mo('−'), sub(mo('∑'), mi('k')), frac(tk, yk), yk, mo('('), sub(mi('δ'), mi('ki')), mo('−'), yi, mo(')')),
    block(mo('='), mo('−'), ti, mo('+'), yi, sub(mo('∑'), mi('k')), tk, mo('='), yi, mo('−'), ti),
    note('since the tₖ sum to 1. At temperature T the softmax sees z/T, and the chain rule divides by T: (yᵢ − tᵢ)/T. The components sum to 0:'),
    block(sub(mo('∑'), mi('i')), d(mi('L'), zi), mo('='), frac(row(sub(mo('∑'), mi('i')), yi, mo('−'), sub(mo('∑'), mi('i')), ti), temperature === 1 ? mn('1') : mi('T')),
      mo('='), mn('0')),
    note(`Here the core’s sum is ${formatSigned(gradientSum)}${gradientSum === 0 ? '' : ': 0 up to rounding'}.`),
  ];
  patch(el, lines);
}
