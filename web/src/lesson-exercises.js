// The lesson's exercises and their checks. A check takes the learner's answer and what the page
// shows now ({core, state, derived, metrics(), testScore()}) and returns {correct, why, hint,
// way}; or {invalid} for an answer it cannot read (not counted as a try). Every value a check
// compares with comes from the core: the page's numbers or a core call; never a literal result.
// Pure: tested in Node with the real core (tests/js/lesson.test.mjs).
import { formatNumber, formatPercent, formatShort, formatSigned, formatTuple as list } from './format.js';
import { parseNumber, quote } from './numbers.js';

// Equal as far as float64 can tell after a different route to the same value.
const same = (a, b) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
// A typed answer within `tolerance` of the core's value (with float64's slack at the edge).
const within = (answer, expected, tolerance) => Math.abs(answer - expected) <= tolerance + 1e-12;

function readTyped(text) {
  const r = parseNumber(String(text ?? ''));
  return r.error ? { invalid: `${String(text ?? '').trim() === '' ? 'Nothing is typed' : `${quote(text)} is not a number`}: type a number such as 0.25.` } : r;
}

// ln x from the core: H((1, 0), (1/x, 1 − 1/x)) = −ln(1/x) = ln x, for x ≥ 1.
const lnFromCore = (core, x) => core.crossEntropy([1, 0], [1 / x, 1 - 1 / x]);

/** Exercise 1: softmax(z)_Dog within 0.80 ± 0.005, two classes, true class Dog. */
function makeDog80(_, { core, state, derived }) {
  if (state.classes.length !== 2) return { correct: false, why: `The pipeline has ${state.classes.length} classes; this exercise has two.`, hint: 'Remove the extra classes (Classes panel), or choose the example “The slide: Dog 0.95, Cat 0.05”.', way: 'Choose the example “The slide: Dog 0.95, Cat 0.05”, then set Dog’s logit to 1.3863 and Cat’s to 0.' };
  if (state.truth !== 0) return { correct: false, why: `The true class is ${state.classes[state.truth]}; this exercise is about a picture of a dog.`, hint: `Set the true class to ${state.classes[0]} (the ✓ beside its logit).`, way: `Set the true class to ${state.classes[0]}, then make its probability 0.80.` };
  const p = derived.result.probabilities[0];
  const name = state.classes[0];
  if (within(p, 0.8, 0.005)) return { correct: true, why: `softmax gives ${name} ${formatNumber(p)}: the network is 80 % sure. The logits are ${list(derived.logits, formatShort)}.` };
  const direction = p > 0.8 ? `lower ${name}’s logit or raise ${state.classes[1]}’s` : `raise ${name}’s logit or lower ${state.classes[1]}’s`;
  const ln4 = formatNumber(lnFromCore(core, 4));
  return {
    correct: false,
    why: `softmax gives ${name} ${formatNumber(p)} now, not 0.80 (± 0.005).`,
    hint: `To move it toward 0.80, ${direction}.`,
    way: `${name} gets 0.8 when its logit is ln(0.8 / 0.2) = ln 4 = ${ln4} above the other’s: type ${ln4} for ${name} and 0 for ${state.classes[1]}.`,
  };
}

export const SHIFT = 5;
/** Exercise 2: adding 5 to every logit leaves softmax as it is (the core says so for the shown logits). */
function addFive(answer, { core, state, derived }) {
  if (!answer) return { invalid: 'Choose one of the answers first.' };
  const options = { temperature: state.temperature };
  const before = core.softmax(derived.logits, options);
  const after = core.softmax(derived.logits.map((z) => z + SHIFT), options);
  const unchanged = before.every((p, i) => same(p, after[i]));
  const truth = unchanged ? 'same' : 'changed';
  const numbers = `The core: softmax${list(derived.logits, formatShort)} = ${list(before)}, and with ${SHIFT} added, ${list(after)}.`;
  if (answer === truth) return { correct: true, why: `${numbers} Every e^z is multiplied by e⁵, above and below the fraction, so it cancels: only differences between logits matter.` };
  return {
    correct: false,
    why: 'Not so.',
    hint: 'Press “Add 5 to both logits” and watch the probabilities in the pipeline.',
    way: `${numbers} They stay the same: e^(z+5) = e^z · e⁵, and e⁵ cancels in e^(zⱼ) / Σₖ e^(zₖ).`,
  };
}

/** Exercise 3: the loss for the slide's single image, −ln 0.9, typed within ± 0.001. */
function lossOf09(text, { core }) {
  const r = readTyped(text);
  if (r.invalid) return r;
  const expected = core.crossEntropy([1, 0], [0.9, 0.1]);
  if (within(r.value, expected, 0.001)) return { correct: true, why: `L = −ln 0.9 = ${formatNumber(expected)} (the core). A confident right answer costs little.` };
  let hint = 'The loss is −ln of the probability the network gives the true class.';
  if (r.value < 0) hint = 'The loss is never negative: a probability is at most 1, so its −ln is at least 0.';
  else if (within(r.value, expected / lnFromCore(core, 10), 0.001)) hint = 'That is −log₁₀ 0.9; the slides use the natural log, ln.';
  else if (within(r.value, 0.1, 0.001)) hint = 'That is 1 − 0.9; the loss is −ln 0.9, not the distance to 1.';
  else if (within(r.value, 0.9, 0.001)) hint = 'That is the probability itself; the loss is −ln of it.';
  return { correct: false, why: `${quote(text)} is not the loss.`, hint, way: `L = −ln 0.9 = ${formatNumber(expected)}: choose the example “The slide: Dog 0.9, Cat 0.1” and read the loss in the pipeline.` };
}

/** Exercise 4a: with a one-hot p, only the true class's term counts (the core's target says which). */
function oneHotTerms(answer, { core, state, derived }) {
  if (!answer) return { invalid: 'Choose one of the answers first.' };
  const target = core.explain(derived.logits, state.truth, { temperature: state.temperature }).target;
  const counting = target.map((p, k) => (p === 0 ? null : k)).filter((k) => k !== null);
  const truth = counting.length === 1 && counting[0] === state.truth ? 'true' : 'other';
  const why = `p = ${list(target)}: every term with p(x) = 0 is 0 · ln q(x) = 0, so only −ln q(${state.classes[state.truth]}) = ${formatNumber(derived.result.loss)} is left.`;
  if (answer === truth) return { correct: true, why };
  return { correct: false, why: 'Not so.', hint: 'Write out p for the true class: 1 for it, 0 for the others. What is 0 times anything?', way: why };
}

export const SOFT = 0.9;
/** The soft target: SOFT on the true class, the rest shared by the others. */
export const softTarget = (classes, truth) => classes.map((_, k) => (k === truth ? SOFT : (1 - SOFT) / (classes.length - 1)));

/** Exercise 4b: H(p, q) for the soft target and the probabilities shown, typed within ± 0.001. */
function softTargetLoss(text, { core, state, derived }) {
  const r = readTyped(text);
  if (r.invalid) return r;
  const p = softTarget(state.classes, state.truth);
  const q = derived.result.probabilities;
  const expected = core.crossEntropy(p, q);
  if (!Number.isFinite(expected)) return { invalid: `q gives a class probability 0 where p does not, so H(p, q) is infinite: move the logits closer together first.` };
  const terms = p.map((pk, k) => `${formatNumber(pk)} · (−ln ${formatNumber(q[k])})`).join(' + ');
  if (within(r.value, expected, 0.001)) return { correct: true, why: `H(p, q) = ${terms} = ${formatNumber(expected)} (the core). Every class with p(x) > 0 now counts.` };
  return {
    correct: false,
    why: `${quote(text)} is not H(p, q) for p = ${list(p)} and q = ${list(q)}.`,
    hint: `Now ${p.length} terms count: p(x) · (−ln q(x)) for each class, added up.`,
    way: `H(p, q) = ${terms} = ${formatNumber(expected)}.`,
  };
}

const NETS = { nn1: 'NN1', nn2: 'NN2', neither: 'Neither' };
export const METRICS = { classificationError: 'classification error', meanSquaredError: 'mean squared error', crossEntropy: 'cross-entropy' };

/** Exercise 5a: which network cross-entropy prefers, from the core's metrics of the table shown. */
function preferredNetwork(answer, { metrics }) {
  if (!answer) return { invalid: 'Choose NN1, NN2 or Neither first.' };
  const [a, b] = metrics().map((m) => m.crossEntropy);
  const truth = same(a, b) ? 'neither' : a < b ? 'nn1' : 'nn2';
  const numbers = `Cross-entropy: NN1 ${formatNumber(a)}, NN2 ${formatNumber(b)} (lower is better).`;
  if (answer === truth) return { correct: true, why: `${numbers} ${truth === 'neither' ? 'They tie.' : `${NETS[truth]} gives the true classes more probability, and pays less for its mistake.`}` };
  return { correct: false, why: 'Not so.', hint: 'Read the cross-entropy row of the metrics table: which is lower?', way: `${numbers} So the answer is ${NETS[truth]}.` };
}

/** Exercise 5b: which metric gives both networks the same value. */
function blindMetric(answer, { metrics }) {
  if (!answer) return { invalid: 'Choose a metric first.' };
  const [one, two] = metrics();
  const ties = Object.keys(METRICS).filter((k) => same(one[k], two[k]));
  const values = Object.keys(METRICS).map((k) => `${METRICS[k]} ${formatNumber(one[k])} / ${formatNumber(two[k])}`).join('; ');
  const correct = ties.length === 0 ? answer === 'none' : ties.includes(answer);
  if (correct) return { correct: true, why: `NN1 / NN2: ${values}. ${ties.length ? 'Both networks get one image wrong, so the share of mistakes cannot tell them apart; the others see how wrong.' : 'With this table every metric tells them apart.'}` };
  return {
    correct: false,
    why: 'Not so.',
    hint: 'Look for the row of the metrics table where NN1 and NN2 have the same value.',
    way: `NN1 / NN2: ${values}. ${ties.length ? `The same: ${ties.map((k) => METRICS[k]).join(', ')}.` : 'None is the same with this table.'}`,
  };
}

export const GRADIENT_LOGITS = [2, 0];
export const GRADIENT_TRUTH = 1;
/** Exercise 6: ∂L/∂z(Cat) for logits (2, 0), true class Cat, typed within ± 0.001. */
function gradientCat(text, { core }) {
  const r = readTyped(text);
  if (r.invalid) return r;
  const y = core.softmax(GRADIENT_LOGITS);
  const expected = core.logitGradient(GRADIENT_LOGITS, GRADIENT_TRUTH)[GRADIENT_TRUTH];
  const way = `y = softmax(2, 0) = ${list(y)}; ∂L/∂z(Cat) = y(Cat) − t(Cat) = ${formatNumber(y[1])} − 1 = ${formatSigned(expected)}.`;
  if (within(r.value, expected, 0.001)) return { correct: true, why: `${way} Negative: raising Cat’s logit lowers the loss.` };
  let hint = 'Use ∂L/∂zᵢ = yᵢ − tᵢ: first y = softmax(2, 0), then t for the true class Cat.';
  if (within(r.value, -expected, 0.001)) hint = 'Check the sign: y(Cat) is below t(Cat) = 1.';
  else if (within(r.value, y[1], 0.001)) hint = 'That is y(Cat); subtract t(Cat), which is 1 for the true class.';
  return { correct: false, why: `${quote(text)} is not ∂L/∂z_Cat.`, hint, way };
}

export const TARGET_ACCURACY = 0.9;
/** Exercise 7: the network's test accuracy (the core's forward passes over the test set) at least 90 %. */
function trainTo90(_, { testScore }) {
  const score = testScore();
  if (!score) return { invalid: 'The test accuracy is still being measured: check again in a moment.' };
  if (score.accuracy >= TARGET_ACCURACY) return { correct: true, why: `Test accuracy ${formatPercent(score.accuracy)} after ${score.steps} steps: the gradient y − t, passed back through the network, taught it.` };
  return {
    correct: false,
    why: `Test accuracy is ${formatPercent(score.accuracy)} after ${score.steps} steps, below 90 %.`,
    hint: 'Press Train in the training panel and watch the test accuracy.',
    way: 'Press Train, wait until the test accuracy shows 90 % or more (a few seconds), press Pause, then Check.',
  };
}

// kind: 'number' (a typed answer), 'choice' (a radio group named `group`), 'task' (done in the page).
export const EXERCISES = [
  { id: 'dog-80', step: 1, kind: 'task', question: 'Make the network 80 % sure the picture is a dog: edit the logits in the pipeline until softmax gives Dog 0.80 (± 0.005). Keep two classes and the true class Dog.', check: makeDog80 },
  {
    id: 'add-five', step: 2, kind: 'choice', group: 'Answer', question: 'Add 5 to both logits. What happens to the probabilities?', check: addFive,
    options: [['same', 'They stay the same'], ['changed', 'They change: the larger logit gains']],
  },
  { id: 'loss-0.9', step: 3, kind: 'number', question: 'The network gives the true class 0.9 (the slide’s single image). What is the loss?', label: 'Loss', check: lossOf09 },
  {
    id: 'one-hot', step: 4, kind: 'choice', group: 'Answer', question: 'With a one-hot p (1 for the true class, 0 for the others), which terms of −Σ p(x) ln q(x) can be non-zero?', check: oneHotTerms,
    options: [['true', 'Only the true class’s term'], ['other', 'Only the other classes’ terms'], ['all', 'Every term']],
  },
  { id: 'soft-target', step: 4, kind: 'number', question: 'A soft target (label smoothing): p gives the true class 0.9 and shares 0.1 among the others. With the probabilities q the pipeline shows now, what is H(p, q)?', label: 'H(p, q)', check: softTargetLoss },
  {
    id: 'nn-preferred', step: 5, kind: 'choice', group: 'Answer', question: 'Which network does cross-entropy prefer?', check: preferredNetwork,
    options: [['nn1', 'NN1'], ['nn2', 'NN2'], ['neither', 'Neither']],
  },
  {
    id: 'blind-metric', step: 5, kind: 'choice', group: 'Metric', question: 'Which metric cannot tell the two networks apart?', check: blindMetric,
    options: [...Object.entries(METRICS), ['none', 'Each tells them apart']],
  },
  { id: 'gradient-cat', step: 6, kind: 'number', question: 'Logits (2, 0), true class Cat: what is ∂L/∂z_Cat?', label: '∂L/∂z_Cat', check: gradientCat },
  { id: 'train-90', step: 7, kind: 'task', question: 'Train the network until its test accuracy is at least 90 %.', check: trainTo90 },
];

export const exercisesOf = (step) => EXERCISES.filter((x) => x.step === step);
