// The compare view's DOM: the NN1 / NN2 tables, the metrics, the "why" plots and the
// file evaluation. Like view.js it turns events into handler calls and draws what it is told.
import { el, setProp, setText, showValue } from './dom.js';
import { formatInput, formatNumber } from './format.js';
import { renderCurves, renderHistogram } from './render.js';

const NETS = ['NN1', 'NN2'];
const METRICS = [
  ['classificationError', 'classification error', 'Classification error'],
  ['meanSquaredError', 'mean squared error', 'Mean squared error'],
  ['crossEntropy', 'cross-entropy', 'Cross-entropy'],
];


// The slide rounds to 2 decimals; the exact value is beside it.
const twoDecimals = (x) => formatNumber(x, 2);

export class CompareView {
  constructor(doc = document) {
    const $ = (id) => doc.getElementById(id);
    this.e = {
      root: $('compare-view'), input: $('compare-input'), addRow: $('compare-add-row'), addClass: $('compare-add-class'),
      message: $('compare-message'), tables: [$('nn1-table'), $('nn2-table')], classes: $('compare-classes'),
      metrics: $('metrics-body'), summary: $('metrics-summary'), penalty: $('penalty-plot'), gradient: $('gradient-plot'),
      text: $('evaluate-text'), file: $('evaluate-file'), mode: $('evaluate-mode'), run: $('evaluate-run'),
      progress: $('evaluate-progress'), status: $('evaluate-status'), results: $('evaluate-results'),
      fileError: $('file-error'), fileMse: $('file-mse'), fileCe: $('file-ce'), histogram: $('loss-histogram'),
      worst: $('worst-body'), download: $('evaluate-download'), send: $('evaluate-send'),
      bad: $('evaluate-bad'), badList: $('evaluate-bad-list'), panel: doc.querySelector('.evaluate-panel'),
    };
    this.built = null;
    this.buildMetrics();
  }

  /** Handlers: cell(net, row, column, text), label(row, index), input(kind), addRow(),
   *  removeRow(row), addClass(), removeClass(index), renameClass(index, text),
   *  evaluate(text, mode), loadFile(file), download(), send(). */
  bind(h) {
    this.h = h;
    const e = this.e;
    e.input.addEventListener('change', () => h.input(e.input.value));
    e.addRow.addEventListener('click', () => h.addRow());
    e.addClass.addEventListener('click', () => h.addClass());
    e.run.addEventListener('click', () => h.evaluate(e.text.value, e.mode.value));
    e.file.addEventListener('change', () => { if (e.file.files[0]) h.loadFile(e.file.files[0]); });
    e.download.addEventListener('click', () => h.download());
    e.send.addEventListener('click', () => h.send());
    // Dropping a file anywhere on the evaluation panel loads it.
    e.panel.addEventListener('dragover', (ev) => { ev.preventDefault(); e.panel.classList.add('is-drop'); });
    e.panel.addEventListener('dragleave', () => e.panel.classList.remove('is-drop'));
    e.panel.addEventListener('drop', (ev) => {
      ev.preventDefault();
      e.panel.classList.remove('is-drop');
      const file = ev.dataTransfer && ev.dataTransfer.files[0];
      if (file) h.loadFile(file);
    });
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
        el('th', { scope: 'col', text: 'wrong' }), el('th', { scope: 'col', text: 'sq. err' }), el('th', { scope: 'col', text: '−ln p' }),
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
        const outs = [el('output', { 'aria-label': `${net} row ${r + 1} wrong` }), el('output', { 'aria-label': `${net} row ${r + 1} squared error` }), el('output', { 'aria-label': `${net} row ${r + 1} cross-entropy` })];
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
      remove.disabled = names.length <= 2;
      remove.addEventListener('click', () => h.removeClass(i));
      return el('li', {}, input, remove);
    }));
    this.e.addRow.disabled = compare.nn1.length >= 20;
    this.e.addClass.disabled = names.length >= 10;
  }

  /** Draws the committed table and the core's metrics for it. `editing` keeps typed text. */
  render(compare, metrics, { keepCells = false } = {}) {
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
      showValue(wrong, m.rows.classificationError[r], m.rows.classificationError[r] ? '✗' : '✓');
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
    setText(this.e.summary, `Lower is better for all three. Row ${worstRow + 1} makes the biggest difference in cross-entropy (NN1 ${formatNumber(ce1[worstRow], 2)}, NN2 ${formatNumber(ce2[worstRow], 2)}).`);
  }

  /** The penalty and gradient curves (they never change: drawn once). */
  renderCurves(curves) {
    renderCurves(this.e.penalty, curves.penalty, { yMax: 4, yLabel: 'penalty' });
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

  // --- evaluation ------------------------------------------------------------------------

  setEvaluateText(text, placeholder) {
    this.e.text.value = text;
    if (placeholder) this.e.text.placeholder = placeholder;
  }

  evaluateProgress(fraction, text) {
    this.e.progress.hidden = fraction === null;
    if (fraction !== null) this.e.progress.value = fraction;
    setText(this.e.status, text);
  }

  showEvaluation(result) {
    this.e.results.hidden = !result.metrics;
    if (result.metrics) {
      showValue(this.e.fileError, result.metrics.classificationError, formatNumber(result.metrics.classificationError));
      showValue(this.e.fileMse, result.metrics.meanSquaredError, formatNumber(result.metrics.meanSquaredError));
      showValue(this.e.fileCe, result.metrics.crossEntropy, formatNumber(result.metrics.crossEntropy));
      renderHistogram(this.e.histogram, result.histogram);
      this.e.worst.replaceChildren(...result.worst.map((w) => el('tr', {},
        el('td', { text: String(w.line) }), el('td', { text: w.id }), el('td', { text: w.label }),
        el('td', { class: 'num', text: formatNumber(w.probability) }), el('td', { class: 'num', text: formatNumber(w.loss) }))));
      this.e.send.disabled = !result.rows;
    }
    const bad = result.bad || [];
    this.e.bad.hidden = bad.length === 0;
    const shown = bad.slice(0, 200);
    this.e.badList.replaceChildren(...shown.map((b) => el('li', { text: `line ${b.line}: ${b.reason}` })),
      ...(bad.length > shown.length ? [el('li', { text: `… and ${bad.length - shown.length} more` })] : []));
  }

  show(visible) {
    setProp(this.e.root, 'hidden', !visible);
  }
}

