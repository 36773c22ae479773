// How numbers are written on the page. Only formatting: every value comes from the core.

const SUPERSCRIPT = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
const MINUS = '\u2212';

/** 4 decimals in the everyday range (0.9500, 0.0513), powers of ten outside it. */
export function formatNumber(x, decimals = 4) {
  if (Number.isNaN(x)) return '—';
  if (x === Infinity) return '∞';
  if (x === -Infinity) return `${MINUS}∞`;
  if (x === 0) return (0).toFixed(decimals);
  const abs = Math.abs(x);
  if (abs >= 1000 && abs < 1e5) return withMinus(String(Number(x.toFixed(2))));
  if (abs >= 10 ** -decimals && abs < 1e5) return withMinus(x.toFixed(decimals));
  return scientific(x, 3);
}

/** A probability, written as a power of ten where it is too small for 4 decimals (or
 *  underflows to 0 in a double): e^{-2000} is shown as 1.02×10⁻⁸⁶⁹ from its log10. Near 1, with
 *  enough decimals that 1 − p keeps 3 digits (0.99999802, not 1.0000), so that −ln p beside a
 *  loss of 1.98×10⁻⁶ reads true. */
export function formatProbability(p, log10p) {
  if (p < 1e-4 && Number.isFinite(log10p)) return formatPowerOfTen(log10p);
  if (p > 1 - 1e-4 && p < 1) return p.toFixed(Math.min(15, Math.ceil(-Math.log10(1 - p)) + 2));
  return formatNumber(p);
}

/** Signed, for gradients: +0.0500 / −0.0500. */
export function formatSigned(x, decimals = 4) {
  const text = formatNumber(x, decimals);
  return x > 0 ? `+${text}` : text;
}

/** A logit as it goes back into its text field: short but exact enough to round-trip visibly. */
export function formatInput(x) {
  const plain = String(x);
  if (plain.length <= 9) return plain;
  return String(Number(x.toPrecision(7)));
}

/** 10^l written out, for e^{z} terms given as log10 by the core: 19.00, 1.97×10⁴³⁴. */
export function formatPowerOfTen(log10) {
  if (!Number.isFinite(log10)) return log10 > 0 ? '∞' : '0';
  if (log10 > -4 && log10 < 5) return withMinus((10 ** log10).toPrecision(4));
  let exponent = Math.floor(log10);
  let mantissa = (10 ** (log10 - exponent)).toFixed(2);
  if (mantissa === '10.00') [mantissa, exponent] = ['1.00', exponent + 1];
  return `${mantissa}×10${toSuperscript(String(exponent))}`;
}

function scientific(x, digits) {
  const [mantissa, exponent] = x.toExponential(digits - 1).split('e');
  return `${withMinus(mantissa)}×10${toSuperscript(String(Number(exponent)))}`;
}

function withMinus(text) {
  return text.replace('-', MINUS);
}

function toSuperscript(text) {
  return [...text].map((c) => SUPERSCRIPT[c] || c).join('');
}

/** Up to 4 decimals, trailing zeros dropped: for logits and exponents (2.9444, 0, 1000, −0.15). */
export function formatShort(x) {
  if (!Number.isFinite(x)) return formatNumber(x);
  const abs = Math.abs(x);
  if (x !== 0 && (abs < 1e-4 || abs >= 1e6)) return scientific(x, 4);
  return withMinus(String(Number(x.toFixed(4))));
}

/** A tuple of numbers, (0.9500, 0.0500), each written by `format`. */
export const formatTuple = (xs, format = formatNumber) => `(${xs.map((x) => format(x)).join(', ')})`;

/** A share as a whole percentage, 0.55 → "55 %". */
export const formatPercent = (p) => `${(p * 100).toFixed(0)} %`;

/** A whole number with thousands separators, 100000 → "100,000" (without Intl, whose first use is slow). */
export function formatCount(n) {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
