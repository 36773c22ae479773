// Reading a link's lists: percent-decoding that never throws, and lists checked item by item.
import { LIMITS, parseRowValue } from './limits.js';

// Rows of a table: ';' between rows, ',' between values; each value a number as typed.
export function readRows(raw) {
  const rows = raw.split(';');
  if (rows.length > LIMITS.maxRows) return { error: `${rows.length} rows, more than ${LIMITS.maxRows}` };
  const values = [];
  for (let r = 0; r < rows.length; r++) {
    const row = readList(rows[r], parseRowValue, `row ${r + 1} value`);
    if (row.error) return row;
    values.push(row.value);
  }
  return { value: values };
}

// A comma-separated list: each item percent-decoded, then checked. The first bad item
// makes the whole list an error (a list with a hole in it is not the list that was meant).
export function readList(raw, parseItem, noun, max = LIMITS.maxClasses) {
  const items = raw.split(',');
  if (items.length > max) return { error: `${items.length} values, more than ${max}` };
  const values = [];
  for (let i = 0; i < items.length; i++) {
    const item = decode(items[i]);
    if (item === undefined) return { error: `${noun} ${i + 1} has broken percent-encoding` };
    const r = parseItem(item, i, values);
    if (r.error) return { error: `${noun} ${i + 1} ${r.error}` };
    values.push(r.value);
  }
  return { value: values };
}

// decodeURIComponent that returns undefined instead of throwing. ('+' stays '+': numbers
// like 1e+300 are written with it.)
export function decode(text) {
  try {
    return decodeURIComponent(String(text));
  } catch {
    return undefined;
  }
}
