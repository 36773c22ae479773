// "Evaluate your own predictions": the text box, the file and mode choices, progress, and
// the results (metrics, histogram, worst examples, lines left out). Owns those elements.
import { byId, el, setText, showValue } from '../dom.js';
import { formatNumber } from '../format.js';
import { renderHistogram } from '../render/plots.js';

const LISTED_BAD_LINES = 200;

export class EvaluateView {
  constructor(root) {
    const $ = (id) => byId(root, id);
    this.e = {
      text: $('evaluate-text'), file: $('evaluate-file'), mode: $('evaluate-mode'), run: $('evaluate-run'),
      progress: $('evaluate-progress'), status: $('evaluate-status'), results: $('evaluate-results'),
      fileError: $('file-error'), fileMse: $('file-mse'), fileCe: $('file-ce'), histogram: $('loss-histogram'),
      worst: $('worst-body'), download: $('evaluate-download'), send: $('evaluate-send'),
      bad: $('evaluate-bad'), badList: $('evaluate-bad-list'), panel: root.querySelector('.evaluate-panel'),
    };
  }

  /** Handlers: evaluate(text, mode), loadFile(file, mode), download(), send(). */
  bind(h) {
    const e = this.e;
    e.run.addEventListener('click', () => h.evaluate(e.text.value, e.mode.value));
    e.file.addEventListener('change', () => { if (e.file.files[0]) h.loadFile(e.file.files[0], e.mode.value); });
    e.download.addEventListener('click', () => h.download());
    e.send.addEventListener('click', () => h.send());
    // Dropping a file anywhere on the evaluation panel loads it.
    e.panel.addEventListener('dragover', (ev) => { ev.preventDefault(); e.panel.classList.add('is-drop'); });
    e.panel.addEventListener('dragleave', () => e.panel.classList.remove('is-drop'));
    e.panel.addEventListener('drop', (ev) => {
      ev.preventDefault();
      e.panel.classList.remove('is-drop');
      const file = ev.dataTransfer && ev.dataTransfer.files[0];
      if (file) h.loadFile(file, e.mode.value);
    });
  }

  /** A file chosen before the handlers were bound (while the core loaded), with the mode. */
  chosenFile() {
    const file = this.e.file.files && this.e.file.files[0];
    return file ? { file, mode: this.e.mode.value } : null;
  }

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
    const shown = bad.slice(0, LISTED_BAD_LINES);
    this.e.badList.replaceChildren(...shown.map((b) => el('li', { text: `line ${b.line}: ${b.reason}` })),
      ...(bad.length > shown.length ? [el('li', { text: `… and ${bad.length - shown.length} more` })] : []));
  }
}
