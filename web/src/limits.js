// What the page accepts, in one place: the views, the link reader and the transitions all ask
// here (2 to 10 classes, 20 rows, the seed range, the name rule), never a literal of their own.
import { CONTROL_CHARACTERS, parseNumber, quote } from './numbers.js';

export const LIMITS = {
  minClasses: 2,
  maxClasses: 10,
  maxNameLength: 20,
  maxLogit: 1e300,
  minTemperature: 0.01,
  maxTemperature: 100,
  maxRows: 20,
};
// The network's limits: seeds the core takes, and the training a link can replay.
export const NETWORK_LIMITS = { maxSeed: 4294967295, maxSteps: 3000, maxHistory: 40 };
// The CNN has two outputs (Dog, Cat): only the first two classes have a network logit.
export const NETWORK_CLASSES = 2;

// Control and text-direction characters: refused in names, made visible in messages.
const CONTROL = new RegExp(CONTROL_CHARACTERS.source);

const logitRange = { min: -LIMITS.maxLogit, max: LIMITS.maxLogit };
const temperatureRange = { min: LIMITS.minTemperature, max: LIMITS.maxTemperature };

/** Checks a class name; returns {value} or {error}. */
export function parseName(text, otherNames = []) {
  const name = String(text).trim();
  if (name === '') return { error: 'is empty: type a name' };
  if (name.length > LIMITS.maxNameLength) return { error: `${quote(name)} is longer than ${LIMITS.maxNameLength} characters` };
  if (CONTROL.test(name)) return { error: `${quote(name)} has control characters` };
  if (otherNames.some((n) => n.toLowerCase() === name.toLowerCase())) return { error: `${quote(name)} is already a class` };
  return { value: name };
}

export const parseLogit = (text) => parseNumber(text, logitRange);
export const parseTemperature = (text) => parseNumber(text, temperatureRange);
export const parseProbability = (text) => parseNumber(text, { min: 0, max: 1 });
/** A compare cell: a probability or a logit, by the table's input kind. */
export const parseCell = (input) => (input === 'p' ? parseProbability : parseLogit);
/** Any number a table row may hold in a link (its kind is checked once the input is known). */
export const parseRowValue = (text) => parseNumber(text, logitRange);

export function readSeed(text) {
  const r = parseNumber(text);
  if (r.error) return r;
  if (!Number.isInteger(r.value)) return { error: `${quote(text)} is not a whole number` };
  if (r.value < 0 || r.value > NETWORK_LIMITS.maxSeed) return { error: `${quote(text)} is outside the range 0 to ${NETWORK_LIMITS.maxSeed}` };
  return r;
}

// The parts of the page an embed can show (link key `parts`), in the page's order.
export const PARTS = ['picture', 'cnn', 'logits', 'temperature', 'probabilities', 'loss', 'formulas', 'plot', 'landscape', 'classes', 'training', 'compare'];

// The loss landscape: which loss it maps, how far it zooms, gradient descent's learning rate.
export const LANDSCAPE = { losses: ['ce', 'se', 'both'], minZoom: 0.25, maxZoom: 16, minRate: 0.01, maxRate: 100, steps: 20 };
export const parseRate = (text) => parseNumber(text, { min: LANDSCAPE.minRate, max: LANDSCAPE.maxRate });
export const parseZoom = (text) => parseNumber(text, { min: LANDSCAPE.minZoom, max: LANDSCAPE.maxZoom });

/** The parts an embed shows: names from PARTS, comma-separated, each once; given in the page's order. */
export function parseParts(text) {
  const names = text.split(',');
  for (let i = 0; i < names.length; i++) {
    if (!PARTS.includes(names[i])) return { error: `part ${i + 1} ${quote(names[i])} is not a part (${PARTS.join(', ')})` };
    if (names.indexOf(names[i]) < i) return { error: `part ${i + 1} ${quote(names[i])} is named twice` };
  }
  return { value: PARTS.filter((p) => names.includes(p)) };
}

// The guided lesson's steps (link key `step`, from 1).
export const LESSON_STEPS = 7;
export function parseStep(text) {
  const r = parseNumber(text, { min: 1, max: LESSON_STEPS });
  if (r.error) return r;
  return Number.isInteger(r.value) ? r : { error: `${quote(text)} is not a step number` };
}

export const isValidClassCount = (n) => n >= LIMITS.minClasses && n <= LIMITS.maxClasses;

/** A class index from 0, as links carry the true class and the compare labels. */
export function parseIndex(text) {
  const r = parseNumber(text, { min: 0, max: LIMITS.maxClasses - 1 });
  if (r.error) return r;
  return Number.isInteger(r.value) ? r : { error: `${quote(text)} is not a class index` };
}
