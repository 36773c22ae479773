// "Evaluate your own predictions": pasted text or a file, evaluated by the core in a worker
// (so a 100,000-row file does not freeze the page) or, for small text and where no worker
// can start (file://), in the page; then download the results or send them to compare.
import { evaluateText } from '../evaluate.js';
import { formatCount } from '../format.js';
import * as edit from '../transitions.js';

const MAX_FILE = 64 * 1024 * 1024; // bytes
const BIG_TEXT = 200000; // bytes: a larger file stays out of the text box
// Text up to this many characters is evaluated in the page at once (docs/performance.md):
// starting the worker and its core takes longer than that.
const INLINE_TEXT = 50000;

export class EvaluationController {
  constructor({ store, core, views, browser }) {
    this.store = store;
    this.core = core;
    this.view = views.evaluate;
    this.views = views;
    this.browser = browser;
    this.last = null; // the last evaluation's result
    this.loadedFile = null; // a File too big for the text box
    this.worker = undefined; // undefined: not tried yet; null: cannot start
    this.runId = 0;
    this.view.bind(this);
    // A file chosen while the core was loading is evaluated now, not lost.
    const chosen = this.view.chosenFile();
    if (chosen) this.loadFile(chosen.file, chosen.mode);
  }

  evaluate(text, mode) {
    if (text.trim() === '' && this.loadedFile) this.run(this.loadedFile, mode, this.loadedFile.name);
    else this.run(text, mode);
  }

  async loadFile(file, mode) {
    if (file.size > MAX_FILE) return this.view.evaluateProgress(null, `${file.name} is larger than 64 MB; split it first.`);
    // Megabytes of text in the text box would make typing slow: a big file is read by the worker.
    this.loadedFile = file.size > BIG_TEXT ? file : null;
    const text = this.loadedFile ? '' : await file.text();
    this.view.setEvaluateText(text, this.loadedFile && `${file.name} (${(file.size / 1e6).toFixed(1)} MB) is loaded and evaluated from the file; fix it and load it again, or paste text here instead.`);
    this.run(this.loadedFile || text, mode, file.name);
  }

  download() {
    if (this.last && this.last.csv) this.browser.download('predictions-with-loss.csv', this.last.csv, 'text/csv');
  }

  send() {
    if (!this.last || !this.last.rows) return;
    const next = edit.sendEvaluation(this.store.state, this.last);
    if (next.error) return this.view.evaluateProgress(null, next.error);
    if (!this.store.commit(next)) {
      this.view.evaluateProgress(null, 'Sent: your file is NN1; NN2 is a network that guesses uniformly, to compare against.');
      this.views.compare.scrollIntoView();
    }
  }

  // `input` is pasted text or a File; a File's bytes go to the worker as they are (transferred).
  async run(input, mode, source = 'the pasted text') {
    if (typeof input === 'string' && input.trim() === '') return this.view.evaluateProgress(null, 'Paste predictions or load a file first.');
    const id = ++this.runId;
    const started = performance.now();
    this.view.evaluateProgress(0, `Evaluating ${source}…`);
    const finish = (result) => { if (id === this.runId) this.show(result, source, (performance.now() - started) / 1000); };
    const inline = async () => {
      const text = typeof input === 'string' ? input : await input.text();
      setTimeout(() => finish(evaluateText(this.core, text, mode)), 0);
    };
    if (typeof input === 'string' && input.length <= INLINE_TEXT) return inline();
    if (this.worker === undefined) this.worker = this.browser.createWorker('eval-worker.js');
    const worker = this.worker;
    if (!worker) return inline();
    // Set per run, like onmessage: a worker that fails later falls back for the run in hand.
    worker.onerror = (event) => { event.preventDefault(); this.worker = null; inline(); };
    worker.onmessage = ({ data }) => {
      if (data.id !== this.runId) return;
      if (data.result) finish(data.result);
      else this.view.evaluateProgress(data.progress, `Evaluating ${source}… ${Math.round(data.progress * 100)}%`);
    };
    if (typeof input === 'string') return worker.postMessage({ id, text: input, mode });
    const buffer = await input.arrayBuffer();
    worker.postMessage({ id, buffer, mode }, [buffer]);
  }

  show(result, source, seconds) {
    this.last = result;
    const skipped = (result.bad || []).length;
    this.view.evaluateProgress(null, result.error
      ? `Could not evaluate ${source}: ${result.error}.`
      : `${formatCount(result.used)} rows evaluated, ${formatCount(skipped)} left out${skipped ? ' (listed below)' : ''}; ${result.classes.length} classes, read as ${result.mode === 'p' ? 'probabilities' : 'logits'}; ${seconds.toFixed(2)} s.`);
    this.view.showEvaluation(result);
  }

  destroy() {
    if (this.worker) this.worker.terminate();
    this.runId++;
  }
}
