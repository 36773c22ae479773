// The compare view's user actions: editing cells, labels, rows and classes, and switching
// between probabilities and logits. A table that is not valid yet stays a draft: the metrics
// keep showing the last complete table.
import { pageView } from '../lesson-plan.js';
import { compareMetrics } from '../compute.js';
import { comparisonCurves } from '../curves.js';
import { parseCell } from '../limits.js';
import * as edit from '../transitions.js';

const NETS = ['NN1', 'NN2'];
const KEEP_LAST = 'The metrics still show the last complete table.';
// Whether a row's largest value is shared (softmax keeps the order, so logits tie as their probabilities do).
const hasTopTie = (row) => row.filter((x) => x === Math.max(...row)).length > 1;

export class CompareController {
  constructor({ store, core, views }) {
    this.store = store;
    this.core = core;
    this.view = views.compare;
    this.draft = null; // the state with the table as typed, while it is not valid yet
    this.curvesDrawn = false;
    this.view.bind(this);
    store.subscribe((state, derived, how) => this.render(state, derived, how));
  }

  get state() {
    return this.store.state;
  }

  // The hidden view is not drawn: switching views is a commit that draws it.
  render(state, { metrics }, { keepCells = false }) {
    this.draft = null;
    const visible = pageView(state) === 'compare';
    if (visible) {
      this.view.render(state.compare, metrics, { keepCells, ties: [state.compare.nn1, state.compare.nn2].map((rows) => rows.map(hasTopTie)) });
      if (!this.curvesDrawn) {
        this.curvesDrawn = true;
        setTimeout(() => this.view.renderCurves(comparisonCurves(this.core)));
      }
    }
    this.view.show(visible);
  }

  cell(n, r, j, text) {
    const typed = this.draft || this.state;
    const c = typed.compare;
    const parsed = parseCell(c.input)(text);
    this.view.markCell(n, r, j, Boolean(parsed.error));
    if (parsed.error) return this.view.cellMessage(`${NETS[n]} row ${r + 1} ${c.classes[j]}: ${parsed.error}. ${KEEP_LAST}`);
    const next = edit.setCell(typed, n, r, j, parsed.value);
    try {
      compareMetrics(this.core, next.compare);
    } catch (error) {
      this.draft = next;
      return this.view.cellMessage(`${error.message}. ${KEEP_LAST}`);
    }
    this.view.cellMessage(null);
    this.view.clearMarks();
    this.store.commit(next, { keepCells: true });
  }

  label(r, y) {
    this.reshape(edit.setLabel(this.state, r, y), 'Not applied:');
  }

  input(kind) {
    const next = edit.switchInput(this.state, kind, (row) => this.core.softmax(row));
    if (next.error) {
      this.view.showInput(this.state.compare.input);
      return this.view.cellMessage(next.error);
    }
    this.reshape(next, 'Could not switch:');
  }

  addRow() {
    this.reshape(edit.addRow(this.state), 'Could not add a row:');
  }

  removeRow(r) {
    this.reshape(edit.removeRow(this.state, r), 'Could not remove the row:');
  }

  addClass() {
    this.reshape(edit.addCompareClass(this.state), 'Could not add a class:');
  }

  removeClass(j) {
    const name = this.state.compare.classes[j];
    this.reshape(edit.removeCompareClass(this.state, j), `Could not remove ${name}: set its probabilities to 0 first, or switch to logits.`);
  }

  renameClass(j, text) {
    const next = edit.renameCompareClass(this.state, j, text);
    if (next.error) return this.view.cellMessage(`Class ${j + 1} name: ${next.error}. Still “${this.state.compare.classes[j]}”.`);
    this.reshape(next, 'Not applied:');
  }

  // A change to the table's shape (null: nothing to do); refused with the core's reason if a row breaks.
  reshape(next, refusal) {
    if (!next) return;
    this.view.clearMarks();
    const error = this.store.commit(next);
    this.view.cellMessage(error && `${refusal} ${error}.`);
  }
}
