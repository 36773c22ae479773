// The network's part of the page state and of the link: which picture, the seed, and the
// training history that rebuilds the same network (never raw weights).
//
//   pic=test.3            the 3rd test picture (training.12: the 12th training picture)
//   pic=draw.<base64url>  a drawing: 32 x 32 pixels, 16 shades each (k / 15)
//   s=1                   the seed the weights are drawn from
//   h=120,test.3:1,40     120 training steps, then Step on test picture 3 toward class 1, then 40 more
import { NETWORK_LIMITS } from './limits.js';
import { parseNumber, quote } from './numbers.js';

export const PICTURE_SIDE = 32;
export const PICTURE_COUNTS = { training: 200, test: 100 }; // the core's sets (checked by a test)
// The core's sets alternate dog, cat (cpp/pictures.cpp; checked by a test): the class of a set's
// picture is known without drawing it.
export const PICTURE_CLASSES = ['dog', 'cat'];
export const pictureLabel = (picture) => (picture.set === 'drawing' ? null : picture.index % 2);
/** "Test picture 7 (dog)": a picture's name says its class. */
export function pictureName(picture) {
  if (picture.set === 'drawing') return 'Your drawing';
  return `${picture.set === 'test' ? 'Test' : 'Training'} picture ${picture.index + 1} (${PICTURE_CLASSES[pictureLabel(picture)]})`;
}
const SHADES = 15;
const PIXELS = PICTURE_SIDE * PICTURE_SIDE;
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A drawing's pixels, rounded to the 16 shades a link carries. */
export const toShades = (pixels) => Array.from(pixels, (x) => Math.round(Math.min(1, Math.max(0, x)) * SHADES) / SHADES);

function encodeDrawing(pixels) {
  let out = '';
  for (let i = 0; i < PIXELS; i += 3) { // 3 pixels = 12 bits = 2 characters
    const bits = (Math.round(pixels[i] * SHADES) << 8) | (Math.round(pixels[i + 1] * SHADES) << 4) | Math.round((pixels[i + 2] ?? 0) * SHADES);
    out += BASE64URL[bits >> 6] + BASE64URL[bits & 63];
  }
  return out;
}

function decodeDrawing(text) {
  const length = Math.ceil(PIXELS / 3) * 2;
  if (text.length !== length) return { error: `a drawing has ${length} characters, not ${text.length}` };
  const pixels = [];
  for (let i = 0; i < text.length; i += 2) {
    const hi = BASE64URL.indexOf(text[i]), lo = BASE64URL.indexOf(text[i + 1]);
    if (hi < 0 || lo < 0) return { error: 'a drawing has a character that is not base64url' };
    const bits = (hi << 6) | lo;
    pixels.push((bits >> 8) / SHADES, ((bits >> 4) & 15) / SHADES, (bits & 15) / SHADES);
  }
  return { value: pixels.slice(0, PIXELS) };
}

/** Reads "test.3", "training.12" or "draw.<code>" into {set, index} or {set: 'drawing', pixels}. */
export function readPicture(text) {
  const dot = text.indexOf('.');
  const set = text.slice(0, dot), rest = text.slice(dot + 1);
  if (dot > 0 && set === 'draw') {
    const r = decodeDrawing(rest);
    return r.error ? r : { value: { set: 'drawing', pixels: r.value } };
  }
  if (dot > 0 && Object.hasOwn(PICTURE_COUNTS, set)) {
    const n = /^\d{1,3}$/.test(rest) ? parseNumber(rest, { min: 1, max: PICTURE_COUNTS[set] }) : { error: true };
    if (n.error) return { error: `${quote(text)} is not one of the ${PICTURE_COUNTS[set]} ${set} pictures` };
    return { value: { set, index: n.value - 1 } };
  }
  return { error: `${quote(text)} is not a picture (test.1 to test.${PICTURE_COUNTS.test}, training.1 to training.${PICTURE_COUNTS.training}, or a drawing)` };
}

export function writePicture(picture) {
  return picture.set === 'drawing' ? `draw.${encodeDrawing(picture.pixels)}` : `${picture.set}.${picture.index + 1}`;
}

/** One history item: a number of training steps, or a Step on one picture toward a class. */
function readHistoryItem(text, classes = 2) {
  if (/^\d+$/.test(text)) {
    const n = Number(text);
    if (n < 1 || n > NETWORK_LIMITS.maxSteps) return { error: `${quote(text)} steps is outside 1 to ${NETWORK_LIMITS.maxSteps}` };
    return { value: n };
  }
  const colon = text.lastIndexOf(':');
  const picture = readPicture(colon > 0 ? text.slice(0, colon) : '');
  if (picture.error) return { error: `${quote(text)} is neither a number of steps nor a step on a picture` };
  const target = Number(text.slice(colon + 1));
  if (!/^\d$/.test(text.slice(colon + 1)) || target >= classes) return { error: `${quote(text)} steps toward a class the network does not have` };
  return { value: { picture: picture.value, target } };
}

export function readHistory(raw, decode) {
  if (raw === '') return { value: [] };
  const items = raw.split(',');
  if (items.length > NETWORK_LIMITS.maxHistory) return { error: `${items.length} items, more than ${NETWORK_LIMITS.maxHistory}` };
  const history = [];
  for (let i = 0; i < items.length; i++) {
    const text = decode(items[i]);
    const r = text === undefined ? { error: 'has broken percent-encoding' } : readHistoryItem(text);
    if (r.error) return { error: `item ${i + 1}: ${r.error}` };
    history.push(r.value);
  }
  if (totalSteps(history) > NETWORK_LIMITS.maxSteps) {
    return { error: `${totalSteps(history)} steps in all, more than this page replays (${NETWORK_LIMITS.maxSteps})` };
  }
  return { value: history };
}

export function writeHistory(history) {
  return history.map((item) => (typeof item === 'number' ? String(item) : `${writePicture(item.picture)}:${item.target}`)).join(',');
}

/** Training steps plus single-picture steps. */
export const totalSteps = (history) => history.reduce((n, item) => n + (typeof item === 'number' ? item : 1), 0);

/** The history after `count` more training steps (merged into a last number). */
export function withTraining(history, count) {
  const last = history[history.length - 1];
  return typeof last === 'number' ? [...history.slice(0, -1), last + count] : [...history, count];
}

export function isValidPicture(p) {
  if (!p || typeof p !== 'object') return false;
  if (p.set === 'drawing') return Array.isArray(p.pixels) && p.pixels.length === PIXELS && p.pixels.every((x) => Math.round(x * SHADES) / SHADES === x);
  return Object.hasOwn(PICTURE_COUNTS, p.set) && Number.isInteger(p.index) && p.index >= 0 && p.index < PICTURE_COUNTS[p.set];
}

export function isValidHistory(h) {
  return Array.isArray(h) && h.length <= NETWORK_LIMITS.maxHistory && totalSteps(h) <= NETWORK_LIMITS.maxSteps &&
    h.every((item) => (typeof item === 'number'
      ? Number.isInteger(item) && item >= 1
      : item && isValidPicture(item.picture) && (item.target === 0 || item.target === 1)));
}
