// Reading numbers people type or links carry, strictly, with messages that say what is wrong.
// Shared by the typed fields and the link reader so both accept exactly the same text.

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses `text` as a decimal number within [min, max].
 * Returns {value} or {error}, where error completes "<field>: ..." ("“abc” is not a number").
 */
export function parseNumber(text, { min = -Infinity, max = Infinity } = {}) {
  const raw = String(text);
  const value = readDecimal(raw);
  if (Number.isNaN(value)) return { error: notDecimal(withMinus(raw.trim()), quote(raw)) };
  if (!Number.isFinite(value)) return { error: `${quote(raw)} is too large to be a number here` };
  if (value < min || value > max) return { error: `${quote(raw)} is outside the range ${formatBound(min)} to ${formatBound(max)}` };
  return { value };
}

/**
 * The number `text` is as a plain decimal (surrounding spaces and a typographic minus allowed),
 * or NaN: parseNumber's common case, without its messages, for a million numbers in a file.
 */
export function readDecimal(text) {
  const trimmed = withMinus(text.trim());
  if (!DECIMAL.test(trimmed)) return NaN;
  const value = Number(trimmed);
  return value === 0 ? 0 : value; // -0 becomes 0
}

const withMinus = (text) => (text.includes('\u2212') ? text.replace(/\u2212/g, '-') : text);

function notDecimal(trimmed, shown) {
  if (trimmed === '') return 'is empty: type a number';
  if (/^[+-]?\d+,\d+$/.test(trimmed)) return `${shown} uses a comma: write the decimal mark as a point (${trimmed.replace(',', '.')})`;
  if (/\s/.test(trimmed)) return `${shown} has spaces inside: type one number`;
  return `${shown} is not a number`;
}

// Text shown back to the user inside a message, shortened so a pasted essay stays readable,
// with control and text-direction characters made visible as �, so they cannot reorder the message.
export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
export function quote(text) {
  const s = String(text).replace(CONTROL_CHARACTERS, '\ufffd');
  return `“${s.length > 24 ? s.slice(0, 24) + '…' : s}”`;
}

function formatBound(x) {
  return Math.abs(x) >= 1e6 ? x.toExponential().replace('e+', 'e') : String(x);
}
