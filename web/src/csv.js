// Reading a CSV/TSV of a model's predictions: a header with the class names, one row per
// example. Text only; the numbers are checked again by the core (sums, ranges, labels).
import { parseNumber, quote, readDecimal } from './numbers.js';

export const MAX_FILE_CLASSES = 1000; // the core's limit

/** Splits one line on `delimiter`, honouring "quoted, fields" with "" for a quote. */
export function splitLine(line, delimiter) {
  if (!line.includes('"')) return line.split(delimiter).map((field) => field.trim()); // the common case, at once
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field.trim());
  return fields;
}

function detectDelimiter(header) {
  if (header.includes('\t')) return '\t';
  if (header.includes(';') && !header.includes(',')) return ';';
  return ',';
}

// The header's columns: class names, the label column (or one-hot label:<class> columns) and
// an id column. Returns {error} or {classes, columns, oneHotColumns}.
function readHeader(header, lineNo) {
  const columns = { classes: [], label: -1, oneHot: [], id: -1 };
  const seen = new Set();
  for (let c = 0; c < header.length; c++) {
    const name = header[c];
    const lower = name.toLowerCase();
    if (name === '') return { error: `line ${lineNo}: column ${c + 1} of the header has no name` };
    if (seen.has(lower)) return { error: `line ${lineNo}: the header names ${quote(name)} twice` };
    seen.add(lower);
    if (lower === 'id') columns.id = c;
    else if (lower === 'label') columns.label = c;
    else if (lower.startsWith('label:')) columns.oneHot.push([name.slice(6).trim(), c]);
    else columns.classes.push([name, c]);
  }
  const classes = columns.classes.map(([name]) => name);
  if (classes.length < 2) return { error: `line ${lineNo}: the header needs at least 2 class columns, found ${classes.length}` };
  if (classes.length > MAX_FILE_CLASSES) return { error: `line ${lineNo}: ${classes.length} classes, more than ${MAX_FILE_CLASSES}` };
  let oneHotColumns = null;
  if (columns.label < 0) {
    if (columns.oneHot.length === 0) return { error: `line ${lineNo}: the header has no label column (“label”, or one “label:<class>” per class)` };
    const byName = new Map(columns.oneHot.map(([name, c]) => [name.toLowerCase(), c]));
    oneHotColumns = classes.map((name) => byName.get(name.toLowerCase()));
    if (oneHotColumns.some((c) => c === undefined) || columns.oneHot.length !== classes.length) {
      return { error: `line ${lineNo}: the one-hot label columns must be exactly label:${classes.join(', label:')}` };
    }
  }
  return { classes, columns, oneHotColumns, classIndex: new Map(classes.map((name, i) => [name.toLowerCase(), i])) };
}

// One row's predictions and label, or {reason} it cannot be read.
function readRow(cells, { classes, columns, oneHotColumns, classIndex }) {
  const row = new Array(classes.length);
  for (let j = 0; j < classes.length; j++) {
    const cell = cells[columns.classes[j][1]];
    row[j] = readDecimal(cell);
    if (!Number.isFinite(row[j])) return { reason: `${classes[j]}: ${parseNumber(cell).error}` };
  }
  if (oneHotColumns) {
    const hot = oneHotColumns.map((c) => cells[c]);
    if (hot.every((v) => v === '0' || v === '1') && hot.filter((v) => v === '1').length === 1) return { row, label: hot.indexOf('1') };
    return { reason: `the label columns (${hot.join(', ')}) are not one-hot` };
  }
  const text = cells[columns.label];
  if (classIndex.has(text.toLowerCase())) return { row, label: classIndex.get(text.toLowerCase()) };
  if (/^\d+$/.test(text) && Number(text) < classes.length) return { row, label: Number(text) };
  return { reason: `unknown label ${quote(text)} (the classes are ${classes.slice(0, 5).join(', ')}${classes.length > 5 ? ', …' : ''})` };
}

/**
 * Parses predictions. Returns {error} when the file as a whole cannot be read, else
 * {classes, predictions, labels, lines, ids, sources, bad, mode, delimiter, header}:
 * rows that could be read, their line numbers (from 1) and text, and the lines that could
 * not ({line, reason}). `mode` is 'p' or 'z' ('auto' picks 'p' when every value is in [0, 1]).
 */
export function parseTable(text, { mode = 'auto', onProgress = () => {} } = {}) {
  const allLines = String(text).split(/\r\n|\n|\r/);
  const h = allLines.findIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (h < 0) return { error: 'there is nothing to evaluate: paste a header line and at least one row' };
  const delimiter = detectDelimiter(allLines[h]);
  const header = splitLine(allLines[h], delimiter);
  const layout = readHeader(header, h + 1);
  if (layout.error) return layout;
  const out = { classes: layout.classes, predictions: [], labels: [], lines: [], ids: [], sources: [], bad: [], delimiter, header: allLines[h] };
  let allInUnitRange = true;
  const total = allLines.length;
  for (let i = h + 1; i < total; i++) {
    if (i % 5000 === 0) onProgress(i / total);
    const line = allLines[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const cells = splitLine(line, delimiter);
    const read = cells.length === header.length ? readRow(cells, layout) : { reason: `has ${cells.length} fields, the header has ${header.length}` };
    if (read.reason) {
      out.bad.push({ line: i + 1, reason: read.reason });
      continue;
    }
    if (allInUnitRange && read.row.some((x) => x < 0 || x > 1)) allInUnitRange = false;
    out.predictions.push(read.row);
    out.labels.push(read.label);
    out.lines.push(i + 1);
    out.ids.push(layout.columns.id >= 0 ? cells[layout.columns.id] : '');
    out.sources.push(line);
  }
  onProgress(1);
  out.mode = mode === 'auto' ? (allInUnitRange ? 'p' : 'z') : mode;
  return out;
}
