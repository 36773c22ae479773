// Wires the page together: the link gives the state, the core computes, the views draw,
// and every change goes back into the address.
import { CompareView } from './compare-view.js';
import { evaluateText } from './evaluate.js';
import { formatCount, formatNumber, formatSigned } from './format.js';
import { NETWORK_LIMITS, PICTURE_SIDE, readSeed, toShades } from './network-state.js';
import { NetworkSession } from './network-session.js';
import { NetworkView } from './network-view.js';
import { findPreset } from './presets.js';
import {
  LIMITS, NETWORK_CLASSES, defaultNames, defaultState, parseCell, parseLogit, parseName, parseTemperature, presetOf, readLink, writeLink,
} from './state.js';
import { View } from './view.js';

const view = new View(document);
const compareView = new CompareView(document);
const networkView = new NetworkView(document);
const SCORE_EVERY_MS = 300; // the test score takes a few ms: not every frame while training
const STEPS_PER_FRAME = 2; // about 120 steps a second: slow enough to watch the loss fall, about 2 ms a frame
const URL_DELAY_MS = 120; // history.replaceState is rate-limited; while dragging, write the latest only
const NETS = ['NN1', 'NN2'];
const BIG_TEXT = 200000; // bytes
// Text up to this many characters is evaluated in the page at once (50 KB took 16 ms in V8,
// cold): starting the worker and its core takes longer than that (about 0.25 s).
const INLINE_TEXT = 50000;

// The loss curve −ln p for the pipeline's plot, from the core, once, in one call: for each
// probability p the logits (ln(p / (1 − p)), 0), whose softmax gives the true class p.
function lossCurve(core) {
  const probabilities = Array.from({ length: 200 }, (_, i) => {
    const k = i + 1;
    return k === 200 ? 1 : Math.exp(-7 * (1 - k / 200)) * (k / 200); // dense near 0, where it is steep
  });
  // p = 1 has no finite logit; 40 gives 1 − 4e-18, the same point on the plot.
  const logits = probabilities.flatMap((p) => [p === 1 ? 40 : Math.log(p / (1 - p)), 0]);
  const { losses } = core.softmaxCrossEntropyBatch(logits, 2, probabilities.map(() => 0));
  return probabilities.map((p, i) => [p, losses[i]]);
}

// Penalty and gradient size of cross-entropy and squared error against the true class's
// probability, for two classes, from the core: logits (z, 0) for z in [−8, 8], true class 0.
// Cross-entropy, its gradient and the squared error come from one batch call each.
function comparisonCurves(core) {
  const zs = Array.from({ length: 161 }, (_, k) => -8 + k / 10);
  const rows = zs.map((z) => [z, 0]);
  const labels = zs.map(() => 0);
  const ceBatch = core.softmaxCrossEntropyBatch(rows.flat(), 2, labels);
  const seRows = core.batchMetrics(rows, labels, { logits: true }).rows.meanSquaredError;
  const ps = rows.map((z) => core.softmax(z)[0]);
  const points = (value) => ps.map((p, k) => [p, value(k)]);
  return {
    penalty: [{ points: points((k) => ceBatch.losses[k]), label: 'cross-entropy −ln p' },
      { points: points((k) => seRows[k]), label: 'squared error', dashed: true }],
    gradient: [{ points: points((k) => Math.abs(ceBatch.gradient[2 * k])), label: 'cross-entropy' },
      { points: points((k) => Math.abs(core.squaredErrorGradient(rows[k], 0)[0])), label: 'squared error', dashed: true }],
  };
}

// The link is read before the core loads, so the embed layout is there from the first paint
// (switching it on later would move everything: a layout shift).
const opened = readLink(location.search);
const captionOf = (preset) => (preset ? preset.caption : 'Your own numbers: choose an example to start again from the slides.');
view.setEmbed(opened.state.embed);
view.showCaption(captionOf(presetOf(opened.state)));

function pageAddress() {
  return location.href.split(/[?#]/)[0];
}

function start(core) {
  // The loss plot's curve, made when the plot is first drawn (after the first render).
  let lossPoints = null;
  const curve = () => lossPoints || (lossPoints = lossCurve(core));
  // The compare view's curves: made when first shown, in a task after the tables and metrics.
  let curvesDrawn = false;
  let state = opened.state;
  let draft = null; // the compare table as typed, while it is not valid yet
  let embedOpen = false;
  let urlTimer = null;
  let lastEvaluation = null;
  let loadedFile = null; // a File too big for the text box
  const notices = [...opened.notices];
  const session = new NetworkSession(core);
  let shown = null; // what the page shows: the network's pass and the logits used
  let training = false;

  // The metrics of the comparison on screen: an edit elsewhere keeps the same tables.
  let measured = { compare: null, metrics: null };
  const compareMetrics = (compare) => {
    if (measured.compare === compare) return measured.metrics;
    const options = { logits: compare.input === 'z' };
    const metrics = [compare.nn1, compare.nn2].map((rows, n) => {
      try {
        return core.batchMetrics(rows, compare.labels, options);
      } catch (error) {
        throw new Error(`${NETS[n]} ${error.message}`);
      }
    });
    measured = { compare, metrics };
    return metrics;
  };
  try {
    // The slide's tables need no check; a link's do, before anything is shown.
    if (JSON.stringify(state.compare) !== JSON.stringify(defaultState().compare)) compareMetrics(state.compare);
  } catch (error) {
    notices.push(`The comparison in the link was refused (${error.message}): showing the slide’s NN1 and NN2.`);
    state = { ...state, compare: defaultState().compare };
  }
  view.showNotices(notices);

  function writeUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      view.setFullPageLink(pageAddress() + writeLink({ ...state, embed: false }));
      try {
        history.replaceState(null, '', writeLink(state));
      } catch {
        // Some file:// contexts refuse; the Copy link button still gives the address.
      }
    }, URL_DELAY_MS);
  }

  // The single way the state changes: compute first, so a state the core refuses is
  // never shown and the last good one stays. Returns null, or why it was refused.
  function update(next, { editing = null, keepCells = false } = {}) {
    let result, metrics, pass, logits;
    try {
      session.sync(next.seed, next.history);
      // The forward pass changes only with the picture or the weights, not with an edit.
      if (shown && shown.version === session.version && shown.picture === next.picture) pass = shown.pass;
      else {
        const pixels = session.pixelsOf(next.picture);
        pass = session.forward(pixels);
        pass.pixels = pixels;
      }
      logits = next.logits.map((z, i) => (z === null ? pass.logits[i] : z));
      result = core.explain(logits, next.truth, { temperature: next.temperature });
      // Checked when they change; measured when shown.
      if (next.view === 'compare' || next.compare !== state.compare) metrics = compareMetrics(next.compare);
    } catch (error) {
      if (next.view === 'pipeline') view.shareStatus(`Not applied: ${error.message}`);
      return error.message;
    }
    state = next;
    draft = null;
    const preset = presetOf(state);
    const edited = state.logits.map((z, i) => (i < NETWORK_CLASSES ? z !== null : undefined));
    // On loading, the pipeline first; the formulas and plot, the maps' pixels and the training
    // panel each in a task of its own, so that the first paint comes sooner and no task is long.
    const first = !shown;
    view.render({ ...state, logits }, result,
      { curve, presetId: preset && preset.id, caption: captionOf(preset), editing, edited, deferDetails: first });
    networkView.show(state.view === 'pipeline');
    if (first || shown.pass !== pass || shown.names !== state.classes) {
      networkView.renderPass({ picture: state.picture, pixels: pass.pixels, pass, names: state.classes }, { deferPixels: first });
    }
    shown = { version: session.version, picture: state.picture, pass, logits, names: state.classes };
    if (first) {
      view.details.drawInTasks();
      networkView.drawings.drawInTasks();
      setTimeout(renderTraining);
    } else renderTraining();
    // The hidden view is not drawn: switching views is an update that draws it.
    if (state.view === 'compare') {
      compareView.render(state.compare, metrics, { keepCells });
      if (!curvesDrawn) {
        curvesDrawn = true;
        setTimeout(() => compareView.renderCurves(comparisonCurves(core)));
      }
    }
    compareView.show(state.view === 'compare');
    if (embedOpen) view.showEmbed(true, embedCode());
    writeUrl();
    return null;
  }

  const withLogit = (i, value) => ({ ...state, logits: state.logits.map((z, j) => (j === i ? value : z)) });
  const withNetworkLogits = (s) => ({ ...s, logits: s.logits.map((z, i) => (i < NETWORK_CLASSES ? null : z)) });
  const withCompare = (change) => ({ ...state, compare: { ...state.compare, ...change } });

  // The test score (100 forward passes) runs after the frame that changed the weights: in
  // steps of a few pictures, each its own task, so loading or a click never blocks the page;
  // while training, at once, at most every SCORE_EVERY_MS. Until then the last score stays.
  let scoreTimer = null;
  function scheduleScore() {
    if (scoreTimer !== null) return;
    scoreTimer = setTimeout(() => {
      scoreTimer = null;
      if (session.scoreTestSet({ inSteps: !training })) renderTraining();
      else scheduleScore();
    }, training ? SCORE_EVERY_MS : 0);
  }

  function renderTraining() {
    if (!session.score || session.score.version !== session.version) scheduleScore();
    const target = state.truth < NETWORK_CLASSES ? state.truth : null;
    networkView.renderTraining({
      seed: state.seed, steps: session.steps, lastLoss: session.lastLoss, accuracy: session.score ? session.score.accuracy : null,
      gradient: target === null ? null : core.logitGradient(shown.pass.logits, target),
      names: state.classes, curve: session.curve, training, canTrain: session.canTrain,
      canStep: session.canTrain && target !== null, editingSeed: document.activeElement === networkView.e.seed,
    });
  }

  // Train: STEPS_PER_FRAME steps an animation frame (about 2 ms), so the page stays responsive.
  function trainFrame() {
    if (!training) return;
    let count = 0;
    for (; count < STEPS_PER_FRAME && session.canTrain; count++) session.train(1);
    if (!session.canTrain) training = false;
    if (count) update({ ...state, history: session.history });
    else renderTraining();
    if (training) requestAnimationFrame(trainFrame);
    else networkView.stepReport(session.canTrain ? '' : `Stopped at ${formatCount(NETWORK_LIMITS.maxSteps)} steps, as many as a link can replay. Reset to start again.`);
  }

  const f = (x) => formatNumber(x);
  const listOf = (values) => values.map((v, i) => `${state.classes[i]} ${formatSigned(v)}`).join(', ');

  networkView.bind({
    picture(picture) {
      networkView.stepReport('');
      const label = session.labelOf(picture);
      update({ ...state, picture, truth: label < state.classes.length ? label : state.truth });
    },
    draw(pixels) {
      update({ ...state, picture: { set: 'drawing', pixels: toShades(pixels) } });
    },
    blank() {
      networkView.stepReport('');
      update({ ...state, picture: { set: 'drawing', pixels: new Array(PICTURE_SIDE * PICTURE_SIDE).fill(1) } });
    },
    train() {
      training = !training && session.canTrain;
      // Training is about the network: its own logits go back into the pipeline, so the
      // probabilities and the loss move as it learns.
      if (training && state.logits.some((z, i) => i < NETWORK_CLASSES && z !== null)) update(withNetworkLogits(state));
      if (training) requestAnimationFrame(trainFrame);
      else {
        writeUrl();
        renderTraining();
      }
    },
    step() {
      const target = state.truth;
      if (target >= NETWORK_CLASSES || !session.canTrain) return;
      const before = shown.pass.logits; // the pass on screen: this picture, these weights
      const gradient = core.logitGradient(before, target);
      const lossBefore = session.step(state.picture, target);
      update(withNetworkLogits({ ...state, history: session.history })); // runs the next forward pass
      const after = shown.pass.logits;
      const lossAfter = core.crossEntropyFromLogits(after, target);
      networkView.stepReport(`One step on this picture toward ${state.classes[target]}. At the logits, y − t was ${listOf(gradient)}. ` +
        `The network’s logits went from ${listOf(before)} to ${listOf(after)}, and this picture’s loss from ${f(lossBefore)} to ${f(lossAfter)}.`);
    },
    reset() {
      training = false;
      networkView.stepReport('');
      update({ ...state, history: [] });
    },
    seed(text) {
      const r = readSeed(text);
      if (r.error) return networkView.seedMessage(`Seed: ${r.error}. Still using ${state.seed}.`);
      networkView.seedMessage(null);
      training = false;
      update({ ...state, seed: r.value, history: [] });
    },
  });
  function embedCode() {
    const src = pageAddress() + writeLink({ ...state, embed: true });
    const safe = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<iframe src="${safe}" title="Softmax and cross-entropy explainer" width="100%" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  }

  async function copy(text, done) {
    try {
      await navigator.clipboard.writeText(text);
      view.shareStatus(done);
    } catch {
      view.shareStatus(`Copy this: ${text}`);
    }
  }

  view.bind({
    logitText(i, text) {
      const r = parseLogit(text);
      if (r.error) return view.fieldMessage(i, `${state.classes[i]} logit: ${r.error}. Still using ${state.logits[i]}.`);
      view.fieldMessage(i, null);
      update(withLogit(i, r.value), { editing: `logit-${i}` });
    },
    logitValue(i, value) {
      view.fieldMessage(i, null);
      update(withLogit(i, value));
    },
    useNetworkLogit(i) {
      view.fieldMessage(i, null);
      update(withLogit(i, null));
    },
    logitStep(i, delta) {
      const value = Math.round((shown.logits[i] + delta) * 1e6) / 1e6;
      if (parseLogit(String(value)).error) return;
      view.fieldMessage(i, null);
      update(withLogit(i, value));
    },
    truth(i) {
      update({ ...state, truth: i });
    },
    temperatureText(text) {
      const r = parseTemperature(text);
      if (r.error) return view.fieldMessage('temperature', `Temperature: ${r.error}. Still using ${state.temperature}.`);
      view.fieldMessage('temperature', null);
      update({ ...state, temperature: r.value }, { editing: 'temperature' });
    },
    temperatureValue(value) {
      view.fieldMessage('temperature', null);
      update({ ...state, temperature: Number(value.toPrecision(3)) });
    },
    temperatureStep(delta) {
      const value = Math.round((state.temperature + delta) * 1e6) / 1e6;
      if (parseTemperature(String(value)).error) return;
      view.fieldMessage('temperature', null);
      update({ ...state, temperature: value });
    },
    preset(id) {
      const preset = findPreset(id);
      if (!preset) return;
      for (let i = 0; i < state.classes.length; i++) view.fieldMessage(i, null);
      compareView.cellMessage(null);
      const next = preset.view === 'compare'
        ? { ...state, compare: structuredClone(preset.state) }
        : { ...state, ...structuredClone(preset.state) };
      update({ ...next, view: preset.view });
    },
    view(name) {
      update({ ...state, view: name });
    },
    copyLink() {
      copy(pageAddress() + writeLink(state), 'Link copied: it opens exactly this view.');
    },
    toggleEmbed() {
      embedOpen = !embedOpen;
      view.showEmbed(embedOpen, embedCode());
    },
    copyEmbed() {
      view.selectEmbedCode();
      copy(embedCode(), 'Embed code copied.');
    },
    rename(i, text) {
      const others = state.classes.filter((_, j) => j !== i);
      const r = parseName(text, others);
      if (r.error) return view.fieldMessage('classes', `Class ${i + 1} name: ${r.error}. Still “${state.classes[i]}”.`);
      view.fieldMessage('classes', null);
      update({ ...state, classes: state.classes.map((n, j) => (j === i ? r.value : n)) });
    },
    remove(i) {
      if (state.classes.length <= LIMITS.minClasses) return;
      const keep = (_, j) => j !== i;
      const truth = state.truth === i ? 0 : state.truth > i ? state.truth - 1 : state.truth;
      view.fieldMessage('classes', null);
      // The network's outputs belong to positions: a removed class fixes the others' values.
      update({ ...state, classes: state.classes.filter(keep), logits: shown.logits.filter(keep), truth });
    },
    add() {
      if (state.classes.length >= LIMITS.maxClasses) return;
      view.fieldMessage('classes', null);
      update({ ...state, classes: [...state.classes, newClassName(state.classes)], logits: [...state.logits, 0] });
    },
    gradientStep() {
      // One step of gradient descent with learning rate 1: z ← z − ∂L/∂z (from the core).
      const gradient = core.logitGradient(shown.logits, state.truth, { temperature: state.temperature });
      const next = shown.logits.map((z, i) => Math.round((z - gradient[i]) * 1e12) / 1e12);
      if (next.some((z) => parseLogit(String(z)).error)) return;
      update({ ...state, logits: next });
    },
    dismissNotices() {
      view.showNotices([]);
    },
  });

  // A change to the compare table's shape; refused with the core's reason if a row breaks.
  function reshape(change, refusal) {
    compareView.clearMarks();
    const error = update(withCompare(change));
    compareView.cellMessage(error && `${refusal} ${error}.`);
  }

  compareView.bind({
    cell(n, r, j, text) {
      const c = state.compare;
      const parsed = parseCell(c.input)(text);
      const where = `${NETS[n]} row ${r + 1} ${c.classes[j]}`;
      compareView.markCell(n, r, j, Boolean(parsed.error));
      if (parsed.error) return compareView.cellMessage(`${where}: ${parsed.error}. The metrics still show the last complete table.`);
      draft = draft || structuredClone(c);
      draft[n === 0 ? 'nn1' : 'nn2'][r][j] = parsed.value;
      try {
        compareMetrics(draft);
      } catch (error) {
        return compareView.cellMessage(`${error.message}. The metrics still show the last complete table.`);
      }
      compareView.cellMessage(null);
      compareView.clearMarks();
      update({ ...state, compare: draft }, { keepCells: true });
    },
    label(r, y) {
      reshape({ labels: state.compare.labels.map((l, i) => (i === r ? y : l)) }, 'Not applied:');
    },
    input(kind) {
      const c = state.compare;
      if (kind === c.input) return;
      // Convert so the predictions stay the same: softmax (the core) one way, ln p the other.
      const convert = (rows) => rows.map((row) => (kind === 'p' ? core.softmax(row) : row.map((p) => Math.log(p))));
      if (kind === 'z' && [...c.nn1, ...c.nn2].some((row) => row.some((p) => p === 0))) {
        compareView.e.input.value = c.input;
        return compareView.cellMessage('A probability of 0 has no logit (ln 0 = −∞): make every probability above 0 first.');
      }
      reshape({ input: kind, nn1: convert(c.nn1), nn2: convert(c.nn2) }, 'Could not switch:');
    },
    addRow() {
      const c = state.compare;
      if (c.nn1.length >= LIMITS.maxRows) return;
      const uniform = () => new Array(c.classes.length).fill(c.input === 'p' ? 1 / c.classes.length : 0);
      reshape({ nn1: [...c.nn1, uniform()], nn2: [...c.nn2, uniform()], labels: [...c.labels, 0] }, 'Could not add a row:');
    },
    removeRow(r) {
      const c = state.compare;
      if (c.nn1.length <= 1) return;
      const keep = (_, i) => i !== r;
      reshape({ nn1: c.nn1.filter(keep), nn2: c.nn2.filter(keep), labels: c.labels.filter(keep) }, 'Could not remove the row:');
    },
    addClass() {
      const c = state.compare;
      if (c.classes.length >= LIMITS.maxClasses) return;
      const widen = (rows) => rows.map((row) => [...row, 0]);
      reshape({ classes: [...c.classes, newClassName(c.classes)], nn1: widen(c.nn1), nn2: widen(c.nn2) }, 'Could not add a class:');
    },
    removeClass(j) {
      const c = state.compare;
      if (c.classes.length <= LIMITS.minClasses) return;
      const narrow = (rows) => rows.map((row) => row.filter((_, i) => i !== j));
      const labels = c.labels.map((y) => (y === j ? 0 : y > j ? y - 1 : y));
      reshape({ classes: c.classes.filter((_, i) => i !== j), nn1: narrow(c.nn1), nn2: narrow(c.nn2), labels },
        `Could not remove ${c.classes[j]}: set its probabilities to 0 first, or switch to logits.`);
    },
    renameClass(j, text) {
      const c = state.compare;
      const r = parseName(text, c.classes.filter((_, i) => i !== j));
      if (r.error) return compareView.cellMessage(`Class ${j + 1} name: ${r.error}. Still “${c.classes[j]}”.`);
      reshape({ classes: c.classes.map((n, i) => (i === j ? r.value : n)) }, 'Not applied:');
    },
    evaluate(text, mode) {
      if (text.trim() === '' && loadedFile) runEvaluation(loadedFile, mode, loadedFile.name);
      else runEvaluation(text, mode);
    },
    async loadFile(file) {
      if (file.size > 64 * 1024 * 1024) return compareView.evaluateProgress(null, `${file.name} is larger than 64 MB; split it first.`);
      // A big file stays out of the text box, where megabytes of text would make typing slow,
      // and is read by the worker, not here.
      loadedFile = file.size > BIG_TEXT ? file : null;
      const text = loadedFile ? '' : await file.text();
      compareView.setEvaluateText(text, loadedFile && `${file.name} (${(file.size / 1e6).toFixed(1)} MB) is loaded and evaluated from the file; fix it and load it again, or paste text here instead.`);
      runEvaluation(loadedFile || text, compareView.e.mode.value, file.name);
    },
    download() {
      if (!lastEvaluation || !lastEvaluation.csv) return;
      const url = URL.createObjectURL(new Blob([lastEvaluation.csv], { type: 'text/csv' }));
      const a = Object.assign(document.createElement('a'), { href: url, download: 'predictions-with-loss.csv' });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    send() {
      const r = lastEvaluation;
      if (!r || !r.rows) return;
      if (r.classes.length > LIMITS.maxClasses) return compareView.evaluateProgress(null, `The comparison shows at most ${LIMITS.maxClasses} classes.`);
      const names = [];
      for (const name of r.classes) {
        const checked = parseName(name, names);
        if (checked.error) return compareView.evaluateProgress(null, `Class name ${checked.error}: rename it in the file to send it to the comparison.`);
        names.push(checked.value);
      }
      const uniform = () => new Array(names.length).fill(r.mode === 'p' ? 1 / names.length : 0);
      const compare = {
        classes: names, input: r.mode, labels: r.rows.map((x) => x.label),
        nn1: r.rows.map((x) => x.prediction), nn2: r.rows.map(uniform),
      };
      if (!update({ ...state, compare, view: 'compare' })) {
        compareView.evaluateProgress(null, 'Sent: your file is NN1; NN2 is a network that guesses uniformly, to compare against.');
        document.getElementById('compare-title').scrollIntoView();
      }
    },
  });

  // Evaluation runs in a worker so a 100,000-row file does not freeze the page; small text, and
  // everything where a worker cannot start (pages opened from file://), runs here.
  let worker;
  let runId = 0;
  // `input` is pasted text or a File; a File's bytes go to the worker as they are (transferred).
  async function runEvaluation(input, mode, source = 'the pasted text') {
    if (typeof input === 'string' && input.trim() === '') return compareView.evaluateProgress(null, 'Paste predictions or load a file first.');
    const id = ++runId;
    const started = performance.now();
    compareView.evaluateProgress(0, `Evaluating ${source}…`);
    const finish = (result) => {
      if (id !== runId) return;
      lastEvaluation = result;
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      const skipped = (result.bad || []).length;
      compareView.evaluateProgress(null, result.error
        ? `Could not evaluate ${source}: ${result.error}.`
        : `${formatCount(result.used)} rows evaluated, ${formatCount(skipped)} left out${skipped ? ' (listed below)' : ''}; ${result.classes.length} classes, read as ${result.mode === 'p' ? 'probabilities' : 'logits'}; ${seconds} s.`);
      compareView.showEvaluation(result);
    };
    const inline = async () => {
      const text = typeof input === 'string' ? input : await input.text();
      setTimeout(() => finish(evaluateText(core, text, mode)), 0);
    };
    if (typeof input === 'string' && input.length <= INLINE_TEXT) return inline();
    if (worker === undefined) {
      try {
        worker = new Worker('eval-worker.js');
      } catch {
        worker = null;
      }
    }
    if (!worker) return inline();
    // Set per run, like onmessage: a worker that fails later falls back for the run in hand.
    worker.onerror = (event) => { event.preventDefault(); worker = null; inline(); };
    worker.onmessage = ({ data }) => {
      if (data.id !== runId) return;
      if (data.result) finish(data.result);
      else compareView.evaluateProgress(data.progress, `Evaluating ${source}… ${Math.round(data.progress * 100)}%`);
    };
    if (typeof input === 'string') return worker.postMessage({ id, text: input, mode });
    const buffer = await input.arrayBuffer();
    worker.postMessage({ id, buffer, mode }, [buffer]);
  }

  update(state);
  view.showReady();
  setTimeout(() => networkView.fillPictureMenu());
}

function newClassName(names) {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  let k = names.length + 1;
  let name = defaultNames(k)[k - 1];
  while (taken.has(name.toLowerCase())) name = `Class ${++k}`;
  return name;
}

// The page starts in a task of its own: the core's instantiation and the first render, in one
// promise chain, made one long task.
LossCore.loadLossCore().then((core) => setTimeout(() => start(core)), (error) => view.showLoadError(error.message));
