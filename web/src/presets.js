// The examples in the "Example" list. Ids are stable: they are in links people share.
// Logits are given so that the slides' probabilities come out: softmax(ln 19, 0) = (0.95, 0.05).

export const PRESETS = [
  {
    id: 'dog-cat',
    title: 'The slide: Dog 0.95, Cat 0.05',
    caption: 'The slide’s example: the network is 95% sure the dog is a dog, so the loss is small (0.0513).',
    state: { classes: ['Dog', 'Cat'], logits: [Math.log(19), 0], truth: 0, temperature: 1 },
  },
  {
    id: 'dog-cat-0.9',
    title: 'The slide: Dog 0.9, Cat 0.1',
    caption: 'The slide’s single image: predicted (0.9, 0.1) for a dog, so H(p, q) = −ln 0.9 = 0.1054.',
    state: { classes: ['Dog', 'Cat'], logits: [Math.log(9), 0], truth: 0, temperature: 1 },
  },
  {
    id: 'confident-wrong',
    title: 'Confident and wrong',
    caption: 'The network is sure it sees a dog, but it is a cat: p(Cat) = 0.0025 and the loss is 6.0.',
    state: { classes: ['Dog', 'Cat'], logits: [4, -2], truth: 1, temperature: 1 },
  },
  {
    id: 'uncertain',
    title: 'Uncertain: equal logits',
    caption: 'Equal logits give equal probabilities, 0.5 each: the loss is ln 2 = 0.6931 whatever the picture.',
    state: { classes: ['Dog', 'Cat'], logits: [0, 0], truth: 0, temperature: 1 },
  },
  {
    id: 'huge-logits',
    title: 'Huge logits: 1000 and −1000',
    caption: 'e¹⁰⁰⁰ overflows a double, yet softmax is exactly (1, 0) and the loss for Cat exactly 2000: the core shifts by the max.',
    state: { classes: ['Dog', 'Cat'], logits: [1000, -1000], truth: 1, temperature: 1 },
  },
  {
    id: 'three-classes',
    title: 'Three classes: Dog, Cat, Bird',
    caption: 'Softmax works for any number of classes: logits (2, 1, 0.1) give (0.659, 0.242, 0.099).',
    state: { classes: ['Dog', 'Cat', 'Bird'], logits: [2, 1, 0.1], truth: 0, temperature: 1 },
  },
  {
    id: 'hot-and-cold',
    title: 'Hot and cold: temperature',
    caption: 'Temperature 4 flattens softmax toward 1/3 each; slide Temperature below 1 to sharpen it.',
    state: { classes: ['Dog', 'Cat', 'Bird'], logits: [2, 1, 0.1], truth: 0, temperature: 4 },
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
    embed: false,
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
  if (state.view === 'compare') return sameJson(state.compare, COMPARE_PRESET.state) ? COMPARE_PRESET : undefined;
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);
  return PRESETS.find((p) => p.view === 'pipeline' &&
    same(p.state.classes, state.classes) && same(p.state.logits, state.logits) &&
    p.state.truth === state.truth && p.state.temperature === state.temperature);
}

