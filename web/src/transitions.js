// Pure state edits: each takes the state (and what it needs to know) and returns the next
// state, or {error} where the edit is refused. No DOM, no core: tested in Node
// (tests/js/transitions.test.mjs). The store then asks the core whether it can show it.
import { LIMITS, NETWORK_CLASSES, PARTS, parseLogit, parseName, parseTemperature } from './limits.js';
import { withTraining } from './network-state.js';
import { defaultNames } from './presets.js';

const replaceAt = (list, i, value) => list.map((x, j) => (j === i ? value : x));
const without = (list, i) => list.filter((_, j) => j !== i);
// An index after removing `removed`: the removed one falls back to 0, later ones shift down.
const shiftIndex = (index, removed) => (index === removed ? 0 : index > removed ? index - 1 : index);
// Rounded to 1e-6, so that ↑ from 0.1 gives 0.2, not 0.20000000000000001.
const roundStep = (x) => Math.round(x * 1e6) / 1e6;

// --- the pipeline ----------------------------------------------------------------------

export const setLogit = (state, i, value) => ({ ...state, logits: replaceAt(state.logits, i, value) });

/** Every logit the network has back from the network (null in the state: "n" in the link);
 *  typed extra classes keep theirs. */
export const useNetworkLogits = (state) => ({ ...state, logits: state.logits.map((z, i) => (i < NETWORK_CLASSES ? null : z)) });

/** Every logit typed: the network's become the values shown (`shownLogits`), to edit from. */
export const useOwnLogits = (state, shownLogits) => ({ ...state, logits: state.logits.map((z, i) => (z === null ? shownLogits[i] : z)) });

/** Whose logits the pipeline shows: 'network' (all the network has), 'own' (all typed) or 'mixed'. */
export function logitSource(state) {
  const fromNetwork = state.logits.filter((z) => z === null).length;
  return fromNetwork === 0 ? 'own' : fromNetwork === Math.min(NETWORK_CLASSES, state.logits.length) ? 'network' : 'mixed';
}

/** Whether the true class differs from the class of the picture shown (a drawing has none). */
export function truthDisagrees(state, pictureLabel) {
  return pictureLabel !== null && pictureLabel < state.classes.length && pictureLabel !== state.truth;
}

/** ↑ / ↓ on a logit: from the value shown. Null where the result is out of range. */
export function stepLogit(state, shownLogits, i, delta) {
  const value = roundStep(shownLogits[i] + delta);
  return parseLogit(String(value)).error ? null : setLogit(state, i, value);
}

export const setTruth = (state, truth) => ({ ...state, truth });

export const setTemperature = (state, temperature) => ({ ...state, temperature });

/** ↑ / ↓ on the temperature. Null where the result is out of range. */
export function stepTemperature(state, delta) {
  const value = roundStep(state.temperature + delta);
  return parseTemperature(String(value)).error ? null : setTemperature(state, value);
}

/** A class name that is not taken: Class 3, Class 4, ... */
export function newClassName(names) {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  let k = names.length + 1;
  let name = defaultNames(k)[k - 1];
  while (taken.has(name.toLowerCase())) name = `Class ${++k}`;
  return name;
}

export function addClass(state) {
  if (state.classes.length >= LIMITS.maxClasses) return null;
  return { ...state, classes: [...state.classes, newClassName(state.classes)], logits: [...state.logits, 0] };
}

/** Removes class i. The network's outputs belong to positions, so the logits left keep the
 *  values shown (`shownLogits`), and the true class shifts with its class. */
export function removeClass(state, i, shownLogits) {
  if (state.classes.length <= LIMITS.minClasses) return null;
  return { ...state, classes: without(state.classes, i), logits: without(shownLogits, i), truth: shiftIndex(state.truth, i) };
}

export function renameClass(state, i, text) {
  const r = parseName(text, without(state.classes, i));
  if (r.error) return { error: r.error };
  return { ...state, classes: replaceAt(state.classes, i, r.value) };
}

/** One step of gradient descent on the logits, learning rate 1: z ← z − ∂L/∂z. Null where a
 *  logit would leave the range. */
export function gradientStep(state, shownLogits, gradient) {
  const next = shownLogits.map((z, i) => Math.round((z - gradient[i]) * 1e12) / 1e12);
  return next.some((z) => parseLogit(String(z)).error) ? null : { ...state, logits: next };
}

export function applyPreset(state, preset) {
  const next = preset.view === 'compare'
    ? { ...state, compare: structuredClone(preset.state) }
    : { ...state, ...structuredClone(preset.state) };
  return { ...next, view: preset.view };
}

export const showView = (state, view) => ({ ...state, view });

/** The lesson at step n (from 1). */
export const showStep = (state, step) => ({ ...state, view: 'lesson', step });

/** The loss landscape's settings: {loss, other, zoom, rate}, any of them. */
export const setLandscape = (state, change) => ({ ...state, landscape: { ...state.landscape, ...change } });

/** Every logit typed, set to these values (a point on the landscape, a step of descent). */
export const setLogits = (state, logits) => ({ ...state, logits: [...logits] });

/** Shows or leaves out one part of the page (null: every part); null where none would be left. */
export function setPart(state, name, on) {
  const shown = (state.parts || PARTS).filter((p) => p !== name || on);
  const parts = PARTS.filter((p) => shown.includes(p) || (on && p === name));
  if (parts.length === 0) return null;
  return { ...state, parts: parts.length === PARTS.length ? null : parts };
}

// --- the network -----------------------------------------------------------------------

/** A picture of a set, with its label (0 Dog, 1 Cat). An edit belongs to the picture it was
 *  made on: the new picture shows the network's logits, and its label becomes the true class. */
export function choosePicture(state, picture, label) {
  const truth = label !== null && label < state.classes.length ? label : state.truth;
  return useNetworkLogits({ ...state, picture, truth });
}

/** A drawing (pixels already in the link's 16 shades), seen through the network's logits. */
export const drawPicture = (state, pixels) => useNetworkLogits({ ...state, picture: { set: 'drawing', pixels } });

/** Training steps taken: the history grows; the network's logits show in the pipeline. */
export const train = (state, count) => useNetworkLogits({ ...state, history: withTraining(state.history, count) });

/** One step on the picture shown toward its true class (only the network's classes). */
export function stepOnPicture(state) {
  if (state.truth >= NETWORK_CLASSES) return null;
  return useNetworkLogits({ ...state, history: [...state.history, { picture: state.picture, target: state.truth }] });
}

export const resetNetwork = (state) => ({ ...state, history: [] });

export const setSeed = (state, seed) => ({ ...state, seed, history: [] });

// --- the compare tables ----------------------------------------------------------------

const withCompare = (state, change) => ({ ...state, compare: { ...state.compare, ...change } });
const NETS = ['nn1', 'nn2'];

/** A typed cell: net n (0 NN1, 1 NN2), row r, class j. */
export function setCell(state, n, r, j, value) {
  const key = NETS[n];
  return withCompare(state, { [key]: replaceAt(state.compare[key], r, replaceAt(state.compare[key][r], j, value)) });
}

export const setLabel = (state, r, y) => withCompare(state, { labels: replaceAt(state.compare.labels, r, y) });

/** Rows as probabilities ('p') or logits ('z'), converted so the predictions stay the same:
 *  `softmax` (the core's) one way, ln p the other. */
export function switchInput(state, kind, softmax) {
  const c = state.compare;
  if (kind === c.input) return state;
  if (kind === 'z' && [...c.nn1, ...c.nn2].some((row) => row.some((p) => p === 0))) {
    return { error: 'A probability of 0 has no logit (ln 0 = −∞): make every probability above 0 first.' };
  }
  const convert = (rows) => rows.map((row) => (kind === 'p' ? softmax(row) : row.map((p) => Math.log(p))));
  return withCompare(state, { input: kind, nn1: convert(c.nn1), nn2: convert(c.nn2) });
}

const uniformRow = (width, input) => new Array(width).fill(input === 'p' ? 1 / width : 0);

export function addRow(state) {
  const c = state.compare;
  if (c.nn1.length >= LIMITS.maxRows) return null;
  const row = () => uniformRow(c.classes.length, c.input);
  return withCompare(state, { nn1: [...c.nn1, row()], nn2: [...c.nn2, row()], labels: [...c.labels, 0] });
}

export function removeRow(state, r) {
  const c = state.compare;
  if (c.nn1.length <= 1) return null;
  return withCompare(state, { nn1: without(c.nn1, r), nn2: without(c.nn2, r), labels: without(c.labels, r) });
}

export function addCompareClass(state) {
  const c = state.compare;
  if (c.classes.length >= LIMITS.maxClasses) return null;
  const widen = (rows) => rows.map((row) => [...row, 0]);
  return withCompare(state, { classes: [...c.classes, newClassName(c.classes)], nn1: widen(c.nn1), nn2: widen(c.nn2) });
}

export function removeCompareClass(state, j) {
  const c = state.compare;
  if (c.classes.length <= LIMITS.minClasses) return null;
  const narrow = (rows) => rows.map((row) => without(row, j));
  return withCompare(state, {
    classes: without(c.classes, j), nn1: narrow(c.nn1), nn2: narrow(c.nn2), labels: c.labels.map((y) => shiftIndex(y, j)),
  });
}

export function renameCompareClass(state, j, text) {
  const r = parseName(text, without(state.compare.classes, j));
  if (r.error) return { error: r.error };
  return withCompare(state, { classes: replaceAt(state.compare.classes, j, r.value) });
}

/** An evaluated file (at most LIMITS.maxRows rows) as NN1; NN2 guesses uniformly, to compare against. */
export function sendEvaluation(state, evaluation) {
  if (evaluation.classes.length > LIMITS.maxClasses) return { error: `The comparison shows at most ${LIMITS.maxClasses} classes.` };
  const names = [];
  for (const name of evaluation.classes) {
    const checked = parseName(name, names);
    if (checked.error) return { error: `Class name ${checked.error}: rename it in the file to send it to the comparison.` };
    names.push(checked.value);
  }
  const compare = {
    classes: names,
    input: evaluation.mode,
    labels: evaluation.rows.map((x) => x.label),
    nn1: evaluation.rows.map((x) => x.prediction),
    nn2: evaluation.rows.map(() => uniformRow(names.length, evaluation.mode)),
  };
  return { ...state, compare, view: 'compare' };
}
