// The link codec: one declarative table that says what each property is, and how it
// is written to and read back from the address. Reading never trusts the link: every
// value is checked against the table, and whatever is wrong is named in a notice.
//
// State: { view, embed, classes, logits, truth, temperature,       (the pipeline)
//          compare: { classes, nn1, nn2, labels, input } }          (the compare view)
//          picture, seed, history }                                 (the network)
// Link format, version 2 (docs/link-format.md; version 1 links read the same as before):
//   ?v=2&c=Dog,Cat&z=2.9444389791664403,0&t=0&T=1[&embed=1]
//   ?v=2&z=n,n&pic=test.3&s=1&h=120     (z = n: the network's logit; see network-state.js)
//   ?v=2&view=compare&k=Dog,Cat&a=0.9,0.1;0.1,0.9&b=0.6,0.4;0.3,0.7&y=0,1&in=p
//   ?preset=dog-cat[&embed=1]
//   ?view=lesson&step=3                  (the guided lesson at its third step)
// Lists are comma-separated (rows of a table ';'-separated); each item is percent-encoded,
// so a comma in a name is %2C.

import { quote } from './numbers.js';
import { reconcileCompare } from './link-compare.js';
import { decode, readList, readRows } from './link-lists.js';
import {
  LANDSCAPE, LESSON_STEPS, LIMITS, NETWORK_CLASSES, parseStep, isValidClassCount as validCount, parseParts, parseRate, parseZoom, parseCell, parseIndex, parseLogit, parseName, parseRowValue,
  parseTemperature, readSeed,
} from './limits.js';
import {
  isValidHistory, isValidPicture, readHistory, readPicture, writeHistory, writePicture,
} from './network-state.js';
import {
  COMPARE_PRESET, DEFAULT_PRESET, defaultNames, defaultState, findPreset, presetOf,
} from './presets.js';
import { formatCount } from './format.js';

export const LINK_VERSION = 2;
const OLDER_VERSIONS = ['1']; // read exactly as before
export const MAX_LINK_LENGTH = 4000;
export const VIEWS = ['pipeline', 'compare', 'lesson'];
export const INPUTS = ['p', 'z']; // compare rows: probabilities or logits

// In a link, "n" stands for the network's own logit (only the network's classes have one).
const readLogit = (text, index) => (text === 'n' ? (index < NETWORK_CLASSES ? { value: null } : { error: `is n, but only the first ${NETWORK_CLASSES} classes come from the network` }) : parseLogit(text));
const namesField = {
  read: (raw) => readList(raw, (item, index, items) => parseName(item, items.slice(0, index)), 'class name'),
  write: (names) => names.map(encodeURIComponent).join(','),
};
const rowsField = {
  read: (raw) => readRows(raw),
  write: (rows) => rows.map((row) => row.map(String).join(',')).join(';'),
};
const choice = (values, what) => ({
  read: (raw) => (values.includes(decode(raw)) ? { value: decode(raw) } : { error: `${quote(decode(raw) ?? raw)} is not ${what}` }),
  write: String,
});

// The table. `key` is the name in the link; `path` where the value lives in the state;
// `read` takes the raw (still percent-encoded) value and returns {value} or {error};
// `write` gives the raw value. Rules between fields are applied after, in `reconcile*`.
export const FIELDS = [
  { group: 'pipeline', path: ['classes'], key: 'c', ...namesField },
  { group: 'pipeline', path: ['logits'], key: 'z', read: (raw) => readList(raw, readLogit, 'logit'), write: (v) => v.map((z) => (z === null ? 'n' : String(z))).join(',') },
  { group: 'pipeline', path: ['truth'], key: 't', read: (raw) => parseIndex(decode(raw) ?? ''), write: String },
  { group: 'pipeline', path: ['temperature'], key: 'T', read: (raw) => parseTemperature(decode(raw) ?? ''), write: String },
  { group: 'compare', path: ['compare', 'classes'], key: 'k', ...namesField },
  { group: 'compare', path: ['compare', 'nn1'], key: 'a', ...rowsField },
  { group: 'compare', path: ['compare', 'nn2'], key: 'b', ...rowsField },
  { group: 'compare', path: ['compare', 'labels'], key: 'y', read: (raw) => readList(raw, parseIndex, 'label', LIMITS.maxRows), write: (v) => v.join(',') },
  { group: 'compare', path: ['compare', 'input'], key: 'in', ...choice(INPUTS, 'p or z') },
  { group: 'network', path: ['picture'], key: 'pic', read: (raw) => readPicture(decode(raw) ?? ''), write: writePicture },
  { group: 'network', path: ['seed'], key: 's', read: (raw) => readSeed(decode(raw) ?? ''), write: String },
  { group: 'network', path: ['history'], key: 'h', read: (raw) => readHistory(raw, decode), write: writeHistory },
  { group: 'page', path: ['view'], key: 'view', ...choice(VIEWS, 'a view'), fallback: 'pipeline' },
  {
    group: 'page', path: ['embed'], key: 'embed', fallback: false,
    read: (raw) => (raw === '1' || raw === '0' ? { value: raw === '1' } : { error: `${quote(decode(raw) ?? raw)} is not 1 or 0` }),
    write: (on) => (on ? '1' : '0'),
  },
  { group: 'landscape', path: ['landscape', 'loss'], key: 'll', ...choice(LANDSCAPE.losses, 'ce, se or both') },
  { group: 'landscape', path: ['landscape', 'other'], key: 'lo', read: (raw) => parseIndex(decode(raw) ?? ''), write: String },
  { group: 'landscape', path: ['landscape', 'zoom'], key: 'lz', read: (raw) => parseZoom(decode(raw) ?? ''), write: String },
  { group: 'landscape', path: ['landscape', 'rate'], key: 'lr', read: (raw) => parseRate(decode(raw) ?? ''), write: String },
  { group: 'page', path: ['step'], key: 'step', fallback: 1, read: (raw) => parseStep(decode(raw) ?? ''), write: String },
  { group: 'page', path: ['parts'], key: 'parts', fallback: null, read: (raw) => parseParts(decode(raw) ?? ''), write: (parts) => parts.join(',') },
];

const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));
// Keys that are not state fields but still belong to the format.
const META_KEYS = new Set(['v', 'preset']);

const get = (state, path) => path.reduce((o, k) => (o == null ? undefined : o[k]), state);
// Groups written where they differ from the base, whatever the view.
const OPTIONAL_GROUPS = ['network', 'landscape'];

const validNames = (c) => Array.isArray(c) && c.length >= LIMITS.minClasses && c.length <= LIMITS.maxClasses &&
  c.every((name, i) => parseName(name, c.slice(0, i)).value === name);

/** Is this a state the page can show, as far as the link format goes? (Whether each
 *  probability row sums to 1 is for the core to say.) */
export function isValidState(s) {
  const c = s && s.classes;
  const k = s && s.compare && s.compare.classes;
  const rowsOk = (rows) => Array.isArray(rows) && rows.length >= 1 && rows.length <= LIMITS.maxRows &&
    rows.every((row) => Array.isArray(row) && row.length === k.length &&
      row.every((x) => parseCell(s.compare.input)(String(x)).value === x));
  return validNames(c) &&
    Array.isArray(s.logits) && s.logits.length === c.length &&
    s.logits.every((z, i) => (z === null ? i < NETWORK_CLASSES : parseLogit(String(z)).value === z)) &&
    isValidPicture(s.picture) && Number.isInteger(s.seed) && readSeed(String(s.seed)).value === s.seed &&
    isValidHistory(s.history) &&
    Number.isInteger(s.truth) && s.truth >= 0 && s.truth < c.length &&
    parseTemperature(String(s.temperature)).value === s.temperature &&
    VIEWS.includes(s.view) && Number.isInteger(s.step) && s.step >= 1 && s.step <= LESSON_STEPS && typeof s.embed === 'boolean' && isValidLandscape(s.landscape, c.length, s.truth) && (s.parts === null || sameJson(parseParts(String(s.parts)).value, s.parts)) &&
    INPUTS.includes(s.compare.input) && validNames(k) && rowsOk(s.compare.nn1) && rowsOk(s.compare.nn2) &&
    s.compare.nn1.length === s.compare.nn2.length && Array.isArray(s.compare.labels) &&
    s.compare.labels.length === s.compare.nn1.length &&
    s.compare.labels.every((y) => Number.isInteger(y) && y >= 0 && y < k.length);
}

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

function isValidLandscape(l, classes, truth) {
  return Boolean(l) && LANDSCAPE.losses.includes(l.loss) && parseZoom(String(l.zoom)).value === l.zoom &&
    parseRate(String(l.rate)).value === l.rate &&
    (l.other === null || (Number.isInteger(l.other) && l.other >= 0 && l.other < classes && l.other !== truth));
}

// The defaults, for comparing only (never handed out: defaultState() gives fresh copies).
let defaultsForComparing = null;
const defaults = () => defaultsForComparing || (defaultsForComparing = defaultState());

// What a link leaves out stands for these values: the defaults, with the example's own
// (its picture) where the link names a pipeline example.
const baseOf = (preset) => (preset && preset.view === 'pipeline' ? { ...defaults(), ...preset.state } : defaults());

// Does a group of the state differ from the base, so that a link must carry it?
function groupIsBase(state, group, base) {
  return FIELDS.filter((f) => f.group === group).every((f) => sameJson(get(state, f.path), get(base, f.path)));
}

/**
 * The address query for a state: the current view's preset as a short link where the
 * view shows one, each group's fields where they differ from the default.
 */
export function writeLink(state) {
  const preset = presetOf(state);
  const base = baseOf(preset);
  const parts = [];
  if (preset) parts.push(`preset=${preset.id}`);
  const groups = ['pipeline', 'compare', ...OPTIONAL_GROUPS].filter((g) => {
    if (preset && preset.view === g) return false;
    if (OPTIONAL_GROUPS.includes(g)) return !groupIsBase(state, g, base);
    return g === state.view || !groupIsBase(state, g, defaults());
  });
  if (groups.length) parts.push(`v=${LINK_VERSION}`);
  for (const field of FIELDS) {
    const value = get(state, field.path);
    if (value === undefined || (OPTIONAL_GROUPS.includes(field.group) && sameJson(value, get(base, field.path)))) continue;
    if (field.group === 'page') {
      const implied = preset ? preset.view : 'pipeline';
      if (field.key === 'view' ? value === implied : value === field.fallback) continue;
      if (field.key === 'step' && state.view !== 'lesson') continue; // the lesson's place, kept but not written elsewhere
    } else if (!groups.includes(field.group)) {
      continue;
    }
    parts.push(`${field.key}=${field.write(value)}`);
  }
  return '?' + parts.join('&');
}

/**
 * Reads a query string (with or without '?'). Never throws. Returns {state, notices}:
 * a valid state, closest to what the link asked for, and plain-text notices naming what
 * was ignored.
 */
export function readLink(search) {
  const notices = [];
  let text = String(search ?? '');
  if (text.startsWith('?')) text = text.slice(1);
  if (text === '') return { state: defaultState(), notices };
  if (text.length > MAX_LINK_LENGTH) {
    notices.push(`The link is ${formatCount(text.length)} characters long, more than this page reads (${formatCount(MAX_LINK_LENGTH)}): showing the default example.`);
    return { state: defaultState(), notices };
  }

  const raw = new Map(); // key -> raw value; a Map, so "__proto__" is just a key
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = decode(eq < 0 ? part : part.slice(0, eq));
    const value = eq < 0 ? '' : part.slice(eq + 1);
    if (key === undefined) {
      notices.push(`Ignored ${quote(part)}: its percent-encoding is broken.`);
    } else if (!FIELD_BY_KEY.has(key) && !META_KEYS.has(key)) {
      notices.push(`Ignored the unknown setting ${quote(key)}.`);
    } else if (raw.has(key)) {
      notices.push(`The setting ${quote(key)} appears more than once: used the first.`);
    } else {
      raw.set(key, value);
    }
  }

  // Where to start: a preset, or the defaults.
  const base = defaultState();
  let preset = null;
  if (raw.has('preset')) {
    const id = decode(raw.get('preset'));
    preset = findPreset(id);
    if (preset) {
      if (preset.view === 'compare') base.compare = structuredClone(preset.state);
      else Object.assign(base, structuredClone(preset.state));
      base.view = preset.view;
    } else {
      notices.push(`There is no example called ${quote(id ?? raw.get('preset'))}: showing “${DEFAULT_PRESET.id}”.`);
    }
  }
  const groupsSet = new Set(FIELDS.filter((f) => f.group !== 'page' && raw.has(f.key)).map((f) => f.group));
  if (raw.has('v')) {
    const v = decode(raw.get('v'));
    if (v !== String(LINK_VERSION) && !OLDER_VERSIONS.includes(v)) {
      const newer = /^\d+$/.test(v ?? '') && Number(v) > LINK_VERSION;
      notices.push(newer
        ? `The link was made by a newer version of this page (v${v}): read as version ${LINK_VERSION}.`
        : `The link version ${quote(v ?? raw.get('v'))} is not one this page knows: read as version ${LINK_VERSION}.`);
    }
  } else if (groupsSet.size > 0) {
    notices.push(`The link has no version: read as version ${LINK_VERSION}.`);
  }
  if (preset && groupsSet.has(preset.view)) {
    notices.push(`The link names the example “${preset.id}” and also sets its values: used the values it sets.`);
  }

  // Each field on its own, then the rules between fields.
  const read = { compare: {}, landscape: {} };
  for (const field of FIELDS) {
    if (!raw.has(field.key)) continue;
    const r = field.read(raw.get(field.key));
    if (r.error) notices.push(`Ignored ${field.key}: ${r.error}.`);
    else if (field.path.length === 2) read[field.path[0]][field.path[1]] = r.value;
    else read[field.path[0]] = r.value;
  }
  const state = reconcilePipeline(base, read, notices);
  state.compare = reconcileCompare(base.compare, read.compare, notices);
  for (const key of ['picture', 'seed', 'history']) if (read[key] !== undefined) state[key] = read[key];
  state.landscape = { ...base.landscape, ...read.landscape };
  if (state.landscape.other !== null && (state.landscape.other >= state.classes.length || state.landscape.other === state.truth)) {
    notices.push(`Ignored lo: class ${state.landscape.other} is not another class of the ${state.classes.length}.`);
    state.landscape.other = null;
  }
  if (read.view) state.view = read.view;
  if (read.step !== undefined) state.step = read.step;
  if (read.embed !== undefined) state.embed = read.embed;
  if (read.parts !== undefined) state.parts = read.parts;
  return { state, notices };
}

// One logit per class, the true class among the classes.
function reconcilePipeline(base, read, notices) {
  const state = { ...base };
  if (read.temperature !== undefined) state.temperature = read.temperature;
  let classes = read.classes;
  let logits = read.logits;
  if (classes && !validCount(classes.length)) {
    notices.push(`Ignored c: ${classes.length} classes, but this page shows ${LIMITS.minClasses} to ${LIMITS.maxClasses}.`);
    classes = undefined;
  }
  if (logits && !classes && !validCount(logits.length)) {
    notices.push(`Ignored z: ${logits.length} logits, but this page shows ${LIMITS.minClasses} to ${LIMITS.maxClasses} classes.`);
    logits = undefined;
  }
  if (!classes && logits) classes = logits.length === base.classes.length ? base.classes : defaultNames(logits.length);
  classes = classes || base.classes;
  if (!logits) logits = classes.length === base.logits.length ? base.logits : new Array(classes.length).fill(0);
  if (logits.length !== classes.length) {
    notices.push(`z has ${logits.length} logits for ${classes.length} classes: ${logits.length < classes.length ? 'the missing ones are 0' : 'used the first ' + classes.length}.`);
    logits = classes.map((_, i) => (i < logits.length ? logits[i] : 0));
  }
  state.classes = [...classes];
  state.logits = [...logits];
  state.truth = read.truth ?? base.truth;
  if (state.truth >= classes.length) {
    notices.push(`Ignored t: class ${state.truth} does not exist with ${classes.length} classes; the true class is ${classes[0]}.`);
    state.truth = 0;
  }
  return state;
}

