// The compare view's part of a link: both tables with the same rows, one width, a label per row.
import { LIMITS, isValidClassCount as validCount, parseCell } from './limits.js';
import { COMPARE_PRESET, defaultNames } from './presets.js';

// Both tables with the same rows and one width, a label per row, values fit for the input kind.
export function reconcileCompare(base, read, notices) {
  if (Object.keys(read).length === 0) return base;
  const input = read.input ?? base.input;
  let classes = read.classes && validCount(read.classes.length) ? read.classes : undefined;
  if (read.classes && !classes) notices.push(`Ignored k: ${read.classes.length} classes, but the comparison shows ${LIMITS.minClasses} to ${LIMITS.maxClasses}.`);
  const width = (rows) => (rows && rows.length && validCount(rows[0].length) ? rows[0].length : undefined);
  const c = classes ? classes.length : width(read.nn1) ?? width(read.nn2) ?? base.classes.length;
  if (!classes) classes = c === base.classes.length ? base.classes : defaultNames(c);
  const fit = (rows, key) => {
    if (!rows) return undefined;
    const bad = rows.findIndex((row) => row.length !== c || row.some((x) => parseCell(input)(String(x)).error));
    if (bad < 0) return rows;
    notices.push(`Ignored ${key}: row ${bad + 1} does not have ${c} ${input === 'p' ? 'probabilities in [0, 1]' : 'logits'}.`);
    return undefined;
  };
  const fallbackRows = (rows) => (rows.length && rows[0].length === c && input === base.input ? rows : undefined);
  let nn1 = fit(read.nn1, 'a');
  let nn2 = fit(read.nn2, 'b');
  const uniform = (n) => Array.from({ length: n }, () => new Array(c).fill(input === 'p' ? 1 / c : 0));
  nn1 = nn1 ?? fallbackRows(base.nn1);
  nn2 = nn2 ?? fallbackRows(base.nn2);
  if (!nn1 && !nn2) {
    notices.push('The comparison tables could not be read: showing the slide’s NN1 and NN2.');
    return structuredClone(COMPARE_PRESET.state);
  }
  nn1 = nn1 ?? uniform(nn2.length);
  nn2 = nn2 ?? uniform(nn1.length);
  if (nn1.length !== nn2.length) {
    const n = Math.min(nn1.length, nn2.length);
    notices.push(`NN1 has ${nn1.length} rows and NN2 ${nn2.length}: used the first ${n} of each.`);
    nn1 = nn1.slice(0, n);
    nn2 = nn2.slice(0, n);
  }
  let labels = read.labels ?? base.labels;
  if (labels.some((y) => y >= c)) {
    notices.push(`Ignored y: a label is not one of the ${c} classes.`);
    labels = base.labels.every((y) => y < c) ? base.labels : [];
  }
  if (labels.length !== nn1.length) {
    if (read.labels) notices.push(`y has ${labels.length} labels for ${nn1.length} rows: ${labels.length < nn1.length ? 'the missing ones are 0' : 'used the first ' + nn1.length}.`);
    labels = nn1.map((_, i) => (i < labels.length ? labels[i] : 0));
  }
  return { classes: [...classes], nn1, nn2, labels, input };
}


