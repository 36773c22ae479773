// The examples in the "Example" list. Ids are stable: they are in links people share.
// Logits are given so that the slides' probabilities come out: softmax(ln 19, 0) = (0.95, 0.05).

import { pageView } from './lesson-plan.js';

// Each shows a picture of its true class (the sets alternate dog, cat: test.1 is a dog, test.2 a cat).
const DOG_PICTURE = { set: 'test', index: 0 };
const CAT_PICTURE = { set: 'test', index: 1 };

export const PRESETS = [
  {
    id: 'dog-cat',
    title: 'The slide: Dog 0.95, Cat 0.05',
    caption: 'The slide’s example, with typed logits (ln 19, 0), not the network’s own: softmax gives Dog 0.95, Cat 0.05, so the loss is small (0.0513). Choose a picture to see what the network itself says.',
    state: { classes: ['Dog', 'Cat'], logits: [Math.log(19), 0], truth: 0, temperature: 1, picture: DOG_PICTURE },
  },
  {
    id: 'dog-cat-0.9',
    title: 'The slide: Dog 0.9, Cat 0.1',
    caption: 'The slide’s single image, with typed logits (ln 9, 0): predicted (0.9, 0.1) for a dog, so H(t, y) = −ln 0.9 = 0.1054.',
    state: { classes: ['Dog', 'Cat'], logits: [Math.log(9), 0], truth: 0, temperature: 1, picture: DOG_PICTURE },
  },
  {
    id: 'confident-wrong',
    title: 'Confident and wrong',
    caption: 'Typed logits (4, −2) say dog, but the picture is a cat: p(Cat) = 0.0025 and the loss is 6.0025.',
    state: { classes: ['Dog', 'Cat'], logits: [4, -2], truth: 1, temperature: 1, picture: CAT_PICTURE },
  },
  {
    id: 'uncertain',
    title: 'Uncertain: equal logits',
    caption: 'Equal typed logits give equal probabilities, 0.5 each: the loss is ln 2 = 0.6931 whatever the true class.',
    state: { classes: ['Dog', 'Cat'], logits: [0, 0], truth: 0, temperature: 1, picture: DOG_PICTURE },
  },
  {
    id: 'huge-logits',
    title: 'Huge logits: 1000 and −1000',
    caption: 'Typed logits 1000 and −1000 for a cat. e¹⁰⁰⁰ overflows a double, so the core shifts by the largest logit. Exactly, p(Cat) = e⁻²⁰⁰⁰ ≈ 2.58×10⁻⁸⁶⁹ (written from its logarithm); in float64 it rounds to 0. The loss comes from the logits (log-sum-exp): exactly 2000 either way.',
    state: { classes: ['Dog', 'Cat'], logits: [1000, -1000], truth: 1, temperature: 1, picture: CAT_PICTURE },
  },
  {
    id: 'three-classes',
    title: 'Three classes: Dog, Cat, Bird',
    caption: 'Softmax works for any number of classes: typed logits (2, 1, 0.1) give (0.659, 0.242, 0.099). The network has two outputs, so Bird’s logit can only be typed.',
    state: { classes: ['Dog', 'Cat', 'Bird'], logits: [2, 1, 0.1], truth: 0, temperature: 1, picture: DOG_PICTURE },
  },
  {
    id: 'hot-and-cold',
    title: 'Hot and cold: temperature',
    caption: 'The same logits at temperature 4: softmax of z/4 is flatter, toward 1/3 each, so the loss for Dog rises from 0.4170 to 0.8758 and the gradient is (y − t)/4. Slide the temperature below 1 to sharpen it.',
    state: { classes: ['Dog', 'Cat', 'Bird'], logits: [2, 1, 0.1], truth: 0, temperature: 4, picture: DOG_PICTURE },
  },
];

// The compare view's example: the slides' NN1 / NN2 table (three images, true Dog, Cat, Dog).
export const COMPARE_PRESET = {
  id: 'nn1-vs-nn2',
  title: 'The slide: NN1 vs NN2',
  caption: 'The slide’s two networks: both misclassify one image (error 0.33), but MSE (0.25 vs 0.71) and cross-entropy (0.38 vs 1.06) show NN1 is better.',
  view: 'compare',
  state: {
    classes: ['Dog', 'Cat'],
    nn1: [[0.9, 0.1], [0.1, 0.9], [0.4, 0.6]],
    nn2: [[0.6, 0.4], [0.3, 0.7], [0.1, 0.9]],
    labels: [0, 1, 0],
    input: 'p',
  },
};

for (const p of PRESETS) p.view = 'pipeline';
PRESETS.push(COMPARE_PRESET);

export const DEFAULT_PRESET = PRESETS[0];

export function findPreset(id) {
  return PRESETS.find((p) => p.id === id);
}

export function defaultState() {
  return {
    ...structuredClone(DEFAULT_PRESET.state),
    compare: structuredClone(COMPARE_PRESET.state),
    view: 'pipeline',
    step: 1, // the lesson's step
    embed: false,
    parts: null, // every part
    landscape: { loss: 'ce', other: null, zoom: 1, rate: 1 }, // other: null, the first class that is not the true one
    picture: { set: 'test', index: 0 },
    seed: 1,
    history: [],
  };
}

/** Default names for n classes: Dog, Cat, then Class 3, Class 4, ... */
export function defaultNames(n) {
  return Array.from({ length: n }, (_, i) => ['Dog', 'Cat'][i] || `Class ${i + 1}`);
}

const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** The preset whose numbers the current view shows exactly, if any. */
export function presetOf(state) {
  if (pageView(state) === 'compare') return sameJson(state.compare, COMPARE_PRESET.state) ? COMPARE_PRESET : undefined;
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  return PRESETS.find((p) => p.view === 'pipeline' &&
    same(p.state.classes, state.classes) && same(p.state.logits, state.logits) &&
    p.state.truth === state.truth && p.state.temperature === state.temperature);
}

