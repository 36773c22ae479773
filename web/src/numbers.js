// Reading numbers people type or links carry, strictly, with messages that say what is wrong.
// Shared by the typed fields and the link reader so both accept exactly the same text.

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses `text` as a decimal number within [min, max].
 * Returns {value} or {error}, where error completes "<field>: ..." ("“abc” is not a number").
 */
export function parseNumber(text, { min = -Infinity, max = Infinity } = {}) {
  const raw = String(text);
  let trimmed = raw.trim();
  if (trimmed.includes('\u2212')) trimmed = trimmed.replace(/\u2212/g, '-'); // accept a typographic minus sign
  // A plain decimal first; only other text needs the checks that choose its message (a
  // 100,000-line file has a million numbers, nearly all plain).
  if (!DECIMAL.test(trimmed)) return { error: notDecimal(trimmed, quote(raw)) };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: `${quote(raw)} is too large to be a number here` };
  if (value < min || value > max) return { error: `${quote(raw)} is outside the range ${formatBound(min)} to ${formatBound(max)}` };
  return { value: value === 0 ? 0 : value }; // -0 becomes 0
}

function notDecimal(trimmed, shown) {
  if (trimmed === '') return 'is empty: type a number';
  if (/^[+-]?\d+,\d+$/.test(trimmed)) return `${shown} uses a comma: write the decimal mark as a point (${trimmed.replace(',', '.')})`;
  if (/\s/.test(trimmed)) return `${shown} has spaces inside: type one number`;
  return `${shown} is not a number`;
}

// Text shown back to the user inside a message, shortened so a pasted essay stays readable,
// with control and text-direction characters made visible as �, so they cannot reorder the message.
export function quote(text) {
  const s = String(text).replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
  return `“${s.length > 24 ? s.slice(0, 24) + '…' : s}”`;
}

function formatBound(x) {
  return Math.abs(x) >= 1e6 ? x.toExponential().replace('e+', 'e') : String(x);
}
