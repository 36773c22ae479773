// The compare view: the NN1 / NN2 tables, the metrics and the "why" plots. Owns those
// elements, turns events into handler calls and draws what it is told.
import { byId, el, setProp, setText, showValue } from '../dom.js';
import { formatInput, formatNumber } from '../format.js';
import { LIMITS } from '../limits.js';
import { renderCurves } from '../render/plots.js';

const NETS = ['NN1', 'NN2'];
const METRICS = [
  ['classificationError', 'classification error', 'Classification error'],
  ['meanSquaredError', 'mean squared error', 'Mean squared error'],
  ['crossEntropy', 'cross-entropy', 'Cross-entropy'],
];


// The slide rounds to 2 decimals; the exact value is beside it.
const twoDecimals = (x) => formatNumber(x, 2);

export class CompareView {
  constructor(root) {
    const $ = (id) => byId(root, id);
    this.e = {
      root: $('compare-view'), input: $('compare-input'), addRow: $('compare-add-row'), addClass: $('compare-add-class'),
      message: $('compare-message'), tables: [$('nn1-table'), $('nn2-table')], classes: $('compare-classes'),
      metrics: $('metrics-body'), summary: $('metrics-summary'), penalty: $('penalty-plot'), gradient: $('gradient-plot'),
      title: $('compare-title'),
    };
    this.built = null;
    this.buildMetrics();
  }

  /** Handlers: cell(net, row, column, text), label(row, index), input(kind), addRow(),
   *  removeRow(row), addClass(), removeClass(index), renameClass(index, text). */
  bind(h) {
    this.h = h;
    const e = this.e;
    e.input.addEventListener('change', () => h.input(e.input.value));
    e.addRow.addEventListener('click', () => h.addRow());
    e.addClass.addEventListener('click', () => h.addClass());
  }

  buildMetrics() {
    this.metricCells = METRICS.map(([key, lower, title]) => {
      const outputs = NETS.map((net) => el('output', { 'aria-label': `${net} ${lower}` }));
      const exacts = NETS.map(() => el('span', { class: 'exact' }));
      const prefers = el('td', { class: 'prefers' });
      this.e.metrics.append(el('tr', {}, el('th', { scope: 'row', text: title }),
        ...outputs.map((o, i) => el('td', {}, o, exacts[i])), prefers));
      return { key, title, outputs, exacts, prefers };
    });
  }

  // Rebuilt when the table's shape or names change; otherwise cells are updated in place.
  build(compare) {
    const h = this.h;
    const shape = JSON.stringify([compare.classes, compare.nn1.length, compare.input]);
    if (this.built === shape) return;
    this.built = shape;
    const names = compare.classes;
    const hat = compare.input === 'p' ? '' : ' logit';
    this.cells = [];
    this.rowOutputs = [];
    this.labelSelects = [];
    this.e.tables.forEach((table, n) => {
      const net = NETS[n];
      const head = el('tr', {}, el('th', { scope: 'col', text: 'Row' }),
        ...names.map((name) => el('th', { scope: 'col', text: `${name}^${hat}` })),
        el('th', { scope: 'col', text: 'True' }),
        el('th', { scope: 'col', text: 'right?' }), el('th', { scope: 'col', text: 'sq. err' }), el('th', { scope: 'col', text: '−ln y' }),
        ...(n === 0 ? [el('th', { scope: 'col' }, el('span', { class: 'visually-hidden', text: 'Remove' }))] : []));
      const rows = compare.nn1.map((_, r) => {
        const inputs = names.map((name, j) => {
          const input = el('input', { type: 'text', inputmode: 'decimal', class: 'cell-input', autocomplete: 'off', spellcheck: 'false', 'aria-label': `${net} row ${r + 1} ${name}` });
          input.addEventListener('input', () => h.cell(n, r, j, input.value));
          return input;
        });
        this.cells[n] = this.cells[n] || [];
        this.cells[n][r] = inputs;
        let truth;
        if (n === 0) {
          truth = el('select', { 'aria-label': `Row ${r + 1} true class` }, ...names.map((name, j) => el('option', { value: String(j), text: name })));
          truth.addEventListener('change', () => h.label(r, Number(truth.value)));
          this.labelSelects[r] = truth;
        } else {
          truth = el('span', { class: 'label-text' });
          (this.labelTexts = this.labelTexts || [])[r] = truth;
        }
        const outs = [el('output', { 'aria-label': `${net} row ${r + 1} classification error` }), el('output', { 'aria-label': `${net} row ${r + 1} squared error` }), el('output', { 'aria-label': `${net} row ${r + 1} cross-entropy` })];
        (this.rowOutputs[n] = this.rowOutputs[n] || [])[r] = outs;
        const remove = n === 0 ? [el('td', {}, (() => {
          const b = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove row ${r + 1}`, text: '×' });
          if (compare.nn1.length <= 1) b.disabled = true;
          b.addEventListener('click', () => h.removeRow(r));
          return b;
        })())] : [];
        return el('tr', {}, el('th', { scope: 'row', text: `#${r + 1}` }), ...inputs.map((i) => el('td', {}, i)),
          el('td', {}, truth), ...outs.map((o) => el('td', { class: 'num' }, o)), ...remove);
      });
      table.replaceChildren(el('caption', { text: net }), el('thead', {}, head), el('tbody', {}, ...rows));
    });
    this.e.classes.replaceChildren(...names.map((name, i) => {
      const input = el('input', { type: 'text', value: name, 'aria-label': `Compare class ${i + 1} name`, autocomplete: 'off' });
      input.addEventListener('change', () => h.renameClass(i, input.value));
      const remove = el('button', { type: 'button', class: 'remove', 'aria-label': `Remove class ${name}`, text: 'Remove' });
      remove.disabled = names.length <= LIMITS.minClasses;
      remove.addEventListener('click', () => h.removeClass(i));
      return el('li', {}, input, remove);
    }));
    this.e.addRow.disabled = compare.nn1.length >= LIMITS.maxRows;
    this.e.addClass.disabled = names.length >= LIMITS.maxClasses;
  }

  /** Draws the committed table and the core's metrics for it; `ties` marks rows whose top
   *  prediction is shared. `keepCells` keeps the cells' text as typed. */
  render(compare, metrics, { keepCells = false, ties }) {
    this.build(compare);
    setProp(this.e.input, 'value', compare.input);
    [compare.nn1, compare.nn2].forEach((rows, n) => rows.forEach((row, r) => row.forEach((x, j) => {
      if (!keepCells) setProp(this.cells[n][r][j], 'value', formatInput(x));
    })));
    compare.labels.forEach((y, r) => {
      setProp(this.labelSelects[r], 'value', String(y));
      setText(this.labelTexts[r], compare.classes[y]);
    });
    metrics.forEach((m, n) => m.rows.crossEntropy.forEach((ce, r) => {
      const [wrong, se, ceOut] = this.rowOutputs[n][r];
      showValue(wrong, m.rows.classificationError[r], m.rows.classificationError[r] ? (ties[n][r] ? '✗ tie' : '✗') : '✓');
      showValue(se, m.rows.meanSquaredError[r], formatNumber(m.rows.meanSquaredError[r], 2));
      showValue(ceOut, ce, formatNumber(ce, 2));
    }));
    for (const row of this.metricCells) {
      const values = metrics.map((m) => m[row.key]);
      values.forEach((v, n) => { showValue(row.outputs[n], v, twoDecimals(v)); setText(row.exacts[n], ` (${formatNumber(v)})`); });
      setText(row.prefers, values[0] === values[1] ? 'tie' : values[0] < values[1] ? 'NN1' : 'NN2');
    }
    const [ce1, ce2] = metrics.map((m) => m.rows.crossEntropy);
    const gaps = ce1.map((x, r) => Math.abs(x - ce2[r]));
    const worstRow = gaps.indexOf(Math.max(...gaps));
    const tie = ties.some((rows) => rows.some(Boolean)) ? ' A tie for the top prediction (✗ tie) counts as wrong, as in the slides’ classification error.' : '';
    setText(this.e.summary, `Lower is better for all three. Row ${worstRow + 1} makes the biggest difference in cross-entropy (NN1 ${formatNumber(ce1[worstRow], 2)}, NN2 ${formatNumber(ce2[worstRow], 2)}).${tie}`);
  }

  /** The penalty and gradient curves (they never change: drawn once). */
  renderCurves(curves) {
    renderCurves(this.e.penalty, curves.penalty, { yMax: 4, yLabel: 'penalty', cutLabel: '↑ cut at 4: −ln y → ∞' });
    renderCurves(this.e.gradient, curves.gradient, { yMax: 1.1, yLabel: '|gradient|' });
  }

  cellMessage(text) {
    setText(this.e.message, text || '');
  }

  markCell(n, r, j, invalid) {
    const input = this.cells[n][r][j];
    if (invalid) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  }

  clearMarks() {
    for (const net of this.cells) for (const row of net) for (const input of row) input.removeAttribute('aria-invalid');
  }

  /** Puts the input kind back as the table has it (after a refused switch). */
  showInput(kind) {
    setProp(this.e.input, 'value', kind);
  }

  scrollIntoView() {
    this.e.title.scrollIntoView();
  }

  show(visible) {
    setProp(this.e.root, 'hidden', !visible);
  }
}

