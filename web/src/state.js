// The page's state: one declarative table that says what each property is, and how it
// is written to and read back from the address. Reading never trusts the link: every
// value is checked against the table, and whatever is wrong is named in a notice.
//
// Link format, version 1 (documented in README):
//   ?v=1&c=Dog,Cat&z=2.9444389791664403,0&t=0&T=1[&embed=1]
//   ?preset=dog-cat[&embed=1]
// Lists are comma-separated; each item is percent-encoded, so a comma in a name is %2C.

import { parseNumber, quote } from './numbers.js';
import { DEFAULT_PRESET, PRESETS, findPreset } from './presets.js';

export const LINK_VERSION = 1;
export const MAX_LINK_LENGTH = 4000;
export const LIMITS = {
  minClasses: 2,
  maxClasses: 10,
  maxNameLength: 20,
  maxLogit: 1e300,
  minTemperature: 0.01,
  maxTemperature: 100,
};
export const VIEWS = ['pipeline'];

const logitRange = { min: -LIMITS.maxLogit, max: LIMITS.maxLogit };
const temperatureRange = { min: LIMITS.minTemperature, max: LIMITS.maxTemperature };

/** Checks a class name; returns {value} or {error}. */
export function parseName(text, otherNames = []) {
  const name = String(text).trim();
  if (name === '') return { error: 'is empty: type a name' };
  if (name.length > LIMITS.maxNameLength) return { error: `${quote(name)} is longer than ${LIMITS.maxNameLength} characters` };
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return { error: `${quote(name)} has control characters` };
  if (otherNames.some((n) => n.toLowerCase() === name.toLowerCase())) return { error: `${quote(name)} is already a class` };
  return { value: name };
}

export const parseLogit = (text) => parseNumber(text, logitRange);
export const parseTemperature = (text) => parseNumber(text, temperatureRange);

// The table. `key` is the name in the link; `read` takes the raw (still percent-encoded)
// value and returns {value} or {error}; `write` gives the raw value. Cross-field rules
// (one logit per class, the true class in range) are applied after, in `reconcile`.
export const FIELDS = [
  {
    name: 'classes',
    key: 'c',
    read: (raw) => readList(raw, (item, index, items) => parseName(item, items.slice(0, index)), 'class name'),
    write: (names) => names.map(encodeURIComponent).join(','),
  },
  {
    name: 'logits',
    key: 'z',
    read: (raw) => readList(raw, parseLogit, 'logit'),
    write: (logits) => logits.map(String).join(','),
  },
  {
    name: 'truth',
    key: 't',
    read: (raw) => {
      const r = parseNumber(decode(raw) ?? '', { min: 0, max: LIMITS.maxClasses - 1 });
      if (r.error) return r;
      return Number.isInteger(r.value) ? r : { error: `${quote(r.value)} is not a class index` };
    },
    write: String,
  },
  {
    name: 'temperature',
    key: 'T',
    read: (raw) => parseTemperature(decode(raw) ?? ''),
    write: String,
  },
  {
    name: 'view',
    key: 'view',
    read: (raw) => (VIEWS.includes(decode(raw)) ? { value: decode(raw) } : { error: `${quote(decode(raw) ?? raw)} is not a view` }),
    write: String,
    optional: 'pipeline',
  },
  {
    name: 'embed',
    key: 'embed',
    read: (raw) => (raw === '1' || raw === '0' ? { value: raw === '1' } : { error: `${quote(decode(raw) ?? raw)} is not 1 or 0` }),
    write: (on) => (on ? '1' : '0'),
    optional: false,
  },
];

const FIELD_BY_KEY = new Map(FIELDS.map((f) => [f.key, f]));
// Keys that are not state fields but still belong to the format.
const META_KEYS = new Set(['v', 'preset']);

export function defaultState() {
  return { ...structuredClone(DEFAULT_PRESET.state), view: 'pipeline', embed: false };
}

/** Default names for n classes: Dog, Cat, then Class 3, Class 4, ... */
export function defaultNames(n) {
  return Array.from({ length: n }, (_, i) => ['Dog', 'Cat'][i] || `Class ${i + 1}`);
}

/** Is this a state the page can show? (The link writer and the tests use it.) */
export function isValidState(s) {
  const c = s && s.classes;
  return Array.isArray(c) && c.length >= LIMITS.minClasses && c.length <= LIMITS.maxClasses &&
    c.every((name, i) => parseName(name, c.slice(0, i)).value === name) &&
    Array.isArray(s.logits) && s.logits.length === c.length &&
    s.logits.every((z) => parseLogit(String(z)).value === z) &&
    Number.isInteger(s.truth) && s.truth >= 0 && s.truth < c.length &&
    parseTemperature(String(s.temperature)).value === s.temperature &&
    VIEWS.includes(s.view) && typeof s.embed === 'boolean';
}

/** The address query for a state: the preset's short link where the state is a preset. */
export function writeLink(state) {
  const preset = presetOf(state);
  const parts = preset ? [`preset=${preset.id}`] : [`v=${LINK_VERSION}`];
  for (const field of FIELDS) {
    const value = state[field.name];
    if (preset && field.optional === undefined) continue;
    if (field.optional !== undefined && value === field.optional) continue;
    parts.push(`${field.key}=${field.write(value)}`);
  }
  return '?' + parts.join('&');
}

/** The preset whose numbers this state shows exactly, if any. */
export function presetOf(state) {
  return findPresetMatching(state);
}
function findPresetMatching(state) {
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  return PRESETS.find((p) =>
    same(p.state.classes, state.classes) && same(p.state.logits, state.logits) &&
    p.state.truth === state.truth && p.state.temperature === state.temperature);
}

/**
 * Reads a query string (with or without '?'). Never throws. Returns
 * {state, notices, preset}: a valid state, closest to what the link asked for, a list of
 * plain-text notices naming what was ignored, and the preset id if the link named one.
 */
export function readLink(search) {
  const notices = [];
  let text = String(search ?? '');
  if (text.startsWith('?')) text = text.slice(1);
  if (text === '') return { state: defaultState(), notices, preset: DEFAULT_PRESET.id };
  if (text.length > MAX_LINK_LENGTH) {
    notices.push(`The link is ${text.length.toLocaleString('en')} characters long, more than this page reads (${MAX_LINK_LENGTH.toLocaleString('en')}): showing the default example.`);
    return { state: defaultState(), notices, preset: DEFAULT_PRESET.id };
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

  // Where to start: a preset, or the default example.
  let base = defaultState();
  let preset = null;
  if (raw.has('preset')) {
    const id = decode(raw.get('preset'));
    const found = findPreset(id);
    if (found) {
      base = { ...base, ...structuredClone(found.state) };
      preset = found.id;
    } else {
      notices.push(`There is no example called ${quote(id ?? raw.get('preset'))}: showing “${DEFAULT_PRESET.id}”.`);
    }
  }
  const hasStateFields = FIELDS.some((f) => f.optional === undefined && raw.has(f.key));
  if (raw.has('v')) {
    const v = decode(raw.get('v'));
    if (v !== String(LINK_VERSION)) {
      const newer = /^\d+$/.test(v ?? '') && Number(v) > LINK_VERSION;
      notices.push(newer
        ? `The link was made by a newer version of this page (v${v}): read as version ${LINK_VERSION}.`
        : `The link version ${quote(v ?? raw.get('v'))} is not one this page knows: read as version ${LINK_VERSION}.`);
    }
  } else if (hasStateFields && !preset) {
    notices.push(`The link has no version: read as version ${LINK_VERSION}.`);
  }

  // Each field on its own, then the rules between fields.
  const read = {};
  for (const field of FIELDS) {
    if (!raw.has(field.key)) continue;
    const r = field.read(raw.get(field.key));
    if (r.error) notices.push(`Ignored ${field.key}: ${r.error}.`);
    else read[field.name] = r.value;
  }
  if (hasStateFields && preset) {
    notices.push(`The link names the example “${preset}” and also sets values: used the values it sets.`);
    preset = null;
  }
  const state = reconcile(base, read, notices);
  return { state, notices, preset: preset && presetOf(state)?.id === preset ? preset : null };
}

// Combines the fields read with the base state into a valid state: one logit per class,
// the true class among the classes.
function reconcile(base, read, notices) {
  const state = { ...base, view: read.view ?? base.view, embed: read.embed ?? base.embed };
  if (read.temperature !== undefined) state.temperature = read.temperature;
  let classes = read.classes;
  let logits = read.logits;
  if (classes && (classes.length < LIMITS.minClasses || classes.length > LIMITS.maxClasses)) {
    notices.push(`Ignored c: ${classes.length} classes, but this page shows ${LIMITS.minClasses} to ${LIMITS.maxClasses}.`);
    classes = undefined;
  }
  if (logits && !classes && (logits.length < LIMITS.minClasses || logits.length > LIMITS.maxClasses)) {
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

// A comma-separated list: each item percent-decoded, then checked. The first bad item
// makes the whole list an error (a list with a hole in it is not the list that was meant).
function readList(raw, parseItem, noun) {
  const items = raw.split(',');
  if (items.length > LIMITS.maxClasses) return { error: `${items.length} values, more than ${LIMITS.maxClasses}` };
  const values = [];
  for (let i = 0; i < items.length; i++) {
    const item = decode(items[i]);
    if (item === undefined) return { error: `${noun} ${i + 1} has broken percent-encoding` };
    const r = parseItem(item, i, values);
    if (r.error) return { error: `${noun} ${i + 1} ${r.error}` };
    values.push(r.value);
  }
  return { value: values };
}

// decodeURIComponent that returns undefined instead of throwing. ('+' stays '+': numbers
// like 1e+300 are written with it.)
function decode(text) {
  try {
    return decodeURIComponent(String(text));
  } catch {
    return undefined;
  }
}
