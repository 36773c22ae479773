// The lesson's exercises, checked with the real core (the page's checks, without the page):
// right, wrong and both edges of each tolerance. Expected values: Python float64
// (math.log), written beside each; the tolerances are the issue's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { compareMetrics } from '../../web/src/compute.js';
import { EXERCISES, exercisesOf } from '../../web/src/lesson-exercises.js';
import { LESSON_PLAN, pageView } from '../../web/src/lesson-plan.js';
import { LESSON_STEPS } from '../../web/src/limits.js';
import { defaultState } from '../../web/src/presets.js';

const require = createRequire(import.meta.url);
const core = await require('../../').loadLossCore();

// What the page would show for a state: the core's explain of its logits.
function pageFor(change = {}, testScore = null) {
  const state = { ...defaultState(), ...change };
  const derived = { logits: state.logits, result: core.explain(state.logits, state.truth, { temperature: state.temperature }), metrics: null };
  return { core, state, derived, metrics: () => compareMetrics(core, state.compare), testScore: () => testScore };
}
const exercise = (id) => EXERCISES.find((x) => x.id === id);
const check = (id, answer, change, score) => exercise(id).check(answer, pageFor(change, score));
const logitFor = (p) => Math.log(p / (1 - p)); // two classes: softmax(z, 0)_1 = p

test('every step has an exercise; ids are unique; the plan covers every step', () => {
  assert.equal(LESSON_PLAN.length, LESSON_STEPS);
  for (let step = 1; step <= LESSON_STEPS; step++) assert.ok(exercisesOf(step).length >= 1, `step ${step}`);
  assert.equal(new Set(EXERCISES.map((x) => x.id)).size, EXERCISES.length);
  assert.equal(pageView({ view: 'lesson', step: 5 }), 'compare');
  assert.equal(pageView({ view: 'lesson', step: 7 }), 'pipeline');
  assert.equal(pageView({ view: 'compare', step: 1 }), 'compare');
});

test('1: Dog 0.80 ± 0.005 (p from the core for logits ln(p / (1 − p)), 0)', () => {
  for (const p of [0.8, 0.8049, 0.7951]) assert.equal(check('dog-80', null, { logits: [logitFor(p), 0] }).correct, true, p);
  for (const p of [0.8051, 0.7949, 0.95]) {
    const r = check('dog-80', null, { logits: [logitFor(p), 0] });
    assert.equal(r.correct, false, p);
    assert.match(r.hint, p > 0.8 ? /lower Dog’s logit/ : /raise Dog’s logit/);
  }
  // The way names the core's ln 4 = 1.3862943611198906 (Python math.log(4)).
  assert.match(check('dog-80', null, {}).way, /ln 4 = 1\.3863/);
  assert.match(check('dog-80', null, { classes: ['Dog', 'Cat', 'Bird'], logits: [logitFor(0.8), 0, -50] }).why, /3 classes/);
  assert.match(check('dog-80', null, { truth: 1, logits: [logitFor(0.8), 0] }).why, /true class is Cat/);
});

test('2: adding 5 leaves softmax as it is, as the core computes it', () => {
  assert.equal(check('add-five', 'same').correct, true);
  assert.equal(check('add-five', 'same', { logits: [1000, -1000] }).correct, true);
  const wrong = check('add-five', 'changed');
  assert.equal(wrong.correct, false);
  assert.match(wrong.way, /\(0\.9500, 0\.0500\).*\(0\.9500, 0\.0500\)/);
  assert.ok(check('add-five', null).invalid);
});

test('3: the loss for 0.9 is −ln 0.9 = 0.10536051565782628, ± 0.001', () => {
  for (const answer of ['0.1054', '0.10536', '0.1063', '0.1044', ' 0.105 ']) assert.equal(check('loss-0.9', answer).correct, true, answer);
  for (const answer of ['0.1064', '0.1043', '0.9', '1']) assert.equal(check('loss-0.9', answer).correct, false, answer);
  assert.match(check('loss-0.9', '-0.1054').hint, /never negative/);
  assert.match(check('loss-0.9', '0.0458').hint, /log₁₀/); // −log10 0.9 = 0.045757490560675115
  assert.match(check('loss-0.9', '0.1').hint, /1 − 0\.9/);
  assert.match(check('loss-0.9', '0.9').hint, /the probability itself/);
  assert.match(check('loss-0.9', 'abc').invalid, /“abc” is not a number/);
  assert.match(check('loss-0.9', '').invalid, /Nothing is typed/);
});

test('4: with a one-hot p only the true class’s term counts; H(p, q) for a soft target', () => {
  assert.equal(check('one-hot', 'true').correct, true);
  assert.equal(check('one-hot', 'true', { truth: 1 }).correct, true);
  assert.equal(check('one-hot', 'all').correct, false);
  // q = (0.95, 0.05), p = (0.9, 0.1): −0.9 ln 0.95 − 0.1 ln 0.05 = 0.34573719230419464.
  for (const answer of ['0.3457', '0.3467', '0.3448']) assert.equal(check('soft-target', answer).correct, true, answer);
  for (const answer of ['0.3468', '0.3447', '0.0513']) assert.equal(check('soft-target', answer).correct, false, answer);
  // Huge logits: q(Cat) = 0 < p(Cat), so H is infinite: the learner is told, not marked wrong.
  assert.match(check('soft-target', '1', { logits: [1000, -1000] }).invalid, /infinite/);
});

test('5: NN1 is preferred by cross-entropy (0.3757 against 1.0567: (−ln 0.6 − ln 0.7 − ln 0.1) / 3; the slide rounds to 0.38 and 1.06); classification error ties', () => {
  assert.equal(check('nn-preferred', 'nn1').correct, true);
  assert.equal(check('nn-preferred', 'nn2').correct, false);
  assert.equal(check('nn-preferred', 'neither').correct, false);
  assert.match(check('nn-preferred', 'nn2').way, /NN1 0\.3757, NN2 1\.0567/);
  const same = { ...defaultState().compare, nn2: defaultState().compare.nn1 };
  assert.equal(check('nn-preferred', 'neither', { compare: same }).correct, true);
  assert.equal(check('blind-metric', 'classificationError').correct, true);
  assert.equal(check('blind-metric', 'crossEntropy').correct, false);
  assert.equal(check('blind-metric', 'none').correct, false);
  // A table where NN2's mistake is gone: every metric tells them apart.
  const apart = { ...defaultState().compare, nn2: [[0.6, 0.4], [0.3, 0.7], [0.7, 0.3]] };
  assert.equal(check('blind-metric', 'none', { compare: apart }).correct, true);
});

test('6: ∂L/∂z(Cat) at logits (2, 0), true Cat, is 1/(1 + e²) − 1 = −0.8807970779778824, ± 0.001', () => {
  for (const answer of ['-0.8808', '−0.8808', '-0.8798', '-0.8817']) assert.equal(check('gradient-cat', answer).correct, true, answer);
  for (const answer of ['-0.8797', '-0.8818', '0']) assert.equal(check('gradient-cat', answer).correct, false, answer);
  assert.match(check('gradient-cat', '0.8808').hint, /sign/);
  assert.match(check('gradient-cat', '0.1192').hint, /That is y\(Cat\)/);
});

test('7: a test accuracy of 90 % or more; the network gets there with the core’s training', () => {
  assert.equal(check('train-90', null, {}, { accuracy: 0.9, steps: 40 }).correct, true);
  assert.equal(check('train-90', null, {}, { accuracy: 0.89, steps: 20 }).correct, false);
  assert.ok(check('train-90', null, {}, null).invalid);
  const net = core.createNetwork({ seed: 1 });
  assert.equal(check('train-90', null, {}, { ...net.evaluate('test'), steps: 0 }).correct, false);
  net.train(60);
  assert.equal(check('train-90', null, {}, { ...net.evaluate('test'), steps: 60 }).correct, true);
  net.dispose();
});
