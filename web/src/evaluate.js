// Evaluates a pasted or dropped file of predictions with the core: the slides' three
// metrics over the rows that are valid, each bad line with its reason, the worst examples
// and a histogram of per-example loss. Runs in the worker, or in the page as a fallback.
import { parseTable } from './csv.js';

export const HISTOGRAM_BINS = 12;
export const HISTOGRAM_WIDTH = 0.5; // nats per bin; the last bin holds everything above
const WORST = 10;

export function evaluateText(core, text, mode, onProgress = () => {}) {
  const table = parseTable(text, { mode, onProgress: (f) => onProgress(0.8 * f) });
  if (table.error) return { error: table.error };
  const bad = [...table.bad];
  if (table.predictions.length === 0) return { error: 'no line could be read', bad };
  let r;
  try {
    r = core.batchMetrics(table.predictions, table.labels, { logits: table.mode === 'z', skipInvalidRows: true });
  } catch (error) {
    // Every row was refused by the core: report them all by line.
    return { error: error.message.replace(/row (\d+)/, (_, n) => `line ${table.lines[n - 1]}`), bad };
  }
  onProgress(0.95);
  for (const s of r.skipped) bad.push({ line: table.lines[s.row], reason: s.reason.replace(/^row \d+:? ?/, '') });
  bad.sort((a, b) => a.line - b.line);

  const losses = r.rows.crossEntropy;
  const histogram = new Array(HISTOGRAM_BINS).fill(0);
  for (const loss of losses) histogram[Math.min(HISTOGRAM_BINS - 1, Math.floor(loss / HISTOGRAM_WIDTH))]++;
  const order = largest(losses, WORST);
  const worst = order.map((i) => {
    const row = r.usedRows[i];
    const label = table.labels[row];
    const q = table.mode === 'z' ? core.softmax(table.predictions[row]) : table.predictions[row];
    return { line: table.lines[row], id: table.ids[row], label: table.classes[label], probability: q[label], loss: losses[i] };
  });
  const results = r.usedRows.map((row, i) => `${table.sources[row]}${table.delimiter}${losses[i]}`);
  onProgress(1);
  return {
    classes: table.classes,
    mode: table.mode,
    used: r.usedRows.length,
    metrics: { classificationError: r.classificationError, meanSquaredError: r.meanSquaredError, crossEntropy: r.crossEntropy },
    histogram,
    worst,
    bad,
    csv: [`${table.header}${table.delimiter}loss`, ...results].join('\n') + '\n',
    // Small sets can go to the compare view.
    rows: r.usedRows.length <= 20 ? r.usedRows.map((row) => ({ prediction: table.predictions[row], label: table.labels[row] })) : null,
  };
}

// The indices of the `count` largest values, largest first; ties in index order (as a stable
// sort would give), without sorting all of them.
function largest(values, count) {
  const top = [];
  for (let i = 0; i < values.length; i++) {
    if (top.length === count) {
      if (!(values[i] > values[top[count - 1]])) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && values[i] > values[top[at - 1]]) at--;
    top.splice(at, 0, i);
  }
  return top;
}
