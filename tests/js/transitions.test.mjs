// The pure state edits (web/src/transitions.js), without a browser. Expected states are
// written out by hand from the rule each edit states.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as edit from '../../web/src/transitions.js';
import { LIMITS } from '../../web/src/limits.js';
import { defaultState, findPreset } from '../../web/src/presets.js';
import { isValidState } from '../../web/src/link.js';

const start = () => defaultState();

test('setLogit changes one logit and leaves the state it was given alone', () => {
  const s = start();
  const next = edit.setLogit(s, 1, 2.5);
  assert.deepEqual(next.logits, [Math.log(19), 2.5]);
  assert.deepEqual(s.logits, [Math.log(19), 0]);
});

test('the network’s logits or your own: every one the network has switches; typed extra classes keep theirs', () => {
  const s = { ...start(), classes: ['Dog', 'Cat', 'Bird'], logits: [1, 2, 3] };
  assert.equal(edit.logitSource(s), 'own');
  const network = edit.useNetworkLogits(s);
  assert.deepEqual(network.logits, [null, null, 3]);
  assert.equal(edit.logitSource(network), 'network');
  // Your own: the values shown become typed, so editing starts from what is on screen.
  const own = edit.useOwnLogits(network, [0.25, -0.5, 3]);
  assert.deepEqual(own.logits, [0.25, -0.5, 3]);
  assert.equal(edit.logitSource(edit.setLogit(network, 0, 1)), 'mixed');
});

test('the true class disagrees with the picture only where the picture has a class', () => {
  const s = start(); // test picture 1, a dog; true class Dog
  assert.equal(edit.truthDisagrees(s, 0), false);
  assert.equal(edit.truthDisagrees(edit.setTruth(s, 1), 0), true);
  assert.equal(edit.truthDisagrees(edit.setTruth(s, 1), null), false, 'a drawing');
});

test('↑ / ↓ step from the value shown, rounded to 1e-6, and refuse to leave the range', () => {
  const s = { ...start(), logits: [null, 0.1] };
  assert.deepEqual(edit.stepLogit(s, [0.7, 0.1], 1, 0.1).logits, [null, 0.2]);
  assert.deepEqual(edit.stepLogit(s, [0.7, 0.1], 0, -1).logits, [-0.3, 0.1]);
  assert.equal(edit.stepLogit(s, [1e300, 0], 0, 1e300), null);
  assert.equal(edit.stepTemperature({ ...s, temperature: 0.01 }, -0.1), null);
  assert.equal(edit.stepTemperature({ ...s, temperature: 1 }, 0.1).temperature, 1.1);
});

test('adding a class names it Class 3, Class 4, …, skipping taken names, up to the limit', () => {
  const s = edit.addClass(start());
  assert.deepEqual(s.classes, ['Dog', 'Cat', 'Class 3']);
  assert.deepEqual(s.logits, [Math.log(19), 0, 0]);
  assert.equal(edit.newClassName(['Dog', 'class 3', 'X']), 'Class 4');
  let full = start();
  while (full.classes.length < LIMITS.maxClasses) full = edit.addClass(full);
  assert.equal(edit.addClass(full), null);
});

test('removing a class keeps the values shown and shifts the true class with its class', () => {
  const s = { ...start(), classes: ['Dog', 'Cat', 'Bird'], logits: [null, null, 5], truth: 2 };
  const shown = [0.3, -0.2, 5];
  const next = edit.removeClass(s, 0, shown);
  assert.deepEqual(next.classes, ['Cat', 'Bird']);
  assert.deepEqual(next.logits, [-0.2, 5], 'the network’s outputs belong to positions: the values shown are kept');
  assert.equal(next.truth, 1, 'Bird moved from index 2 to 1');
  assert.equal(edit.removeClass(s, 2, shown).truth, 0, 'the true class removed: the first class');
  assert.equal(edit.removeClass(start(), 0, [1, 2]), null, 'two classes is the least');
});

test('renaming checks the name against the others, with the limits module’s rule', () => {
  const s = start();
  assert.deepEqual(edit.renameClass(s, 1, '  Fox ').classes, ['Dog', 'Fox']);
  assert.match(edit.renameClass(s, 1, 'dog').error, /already a class/);
  assert.match(edit.renameClass(s, 1, 'a\u202eb').error, /control characters/);
  assert.match(edit.renameClass(s, 1, 'x'.repeat(21)).error, /longer than 20/);
});

test('a gradient step is z − ∂L/∂z (learning rate 1), refused past the range', () => {
  // The slide: logits (ln 19, 0), true Dog: ∂L/∂z = (0.95 − 1, 0.05 − 0).
  const s = start();
  const next = edit.gradientStep(s, [Math.log(19), 0], [-0.05, 0.05]);
  assert.deepEqual(next.logits, [Math.round((Math.log(19) + 0.05) * 1e12) / 1e12, -0.05]);
  assert.equal(edit.gradientStep(s, [1e300, 0], [-1e300, 0]), null);
});

test('a preset sets its view’s part of the state only', () => {
  const s = { ...start(), seed: 9, picture: { set: 'test', index: 4 } };
  const hot = edit.applyPreset(s, findPreset('hot-and-cold'));
  assert.equal(hot.temperature, 4);
  assert.deepEqual(hot.classes, ['Dog', 'Cat', 'Bird']);
  assert.equal(hot.seed, 9);
  assert.equal(hot.view, 'pipeline');
  const compare = edit.applyPreset({ ...s, compare: { ...s.compare, labels: [1, 1, 1] } }, findPreset('nn1-vs-nn2'));
  assert.deepEqual(compare.compare.labels, [0, 1, 0]);
  assert.equal(compare.view, 'compare');
  assert.deepEqual(compare.logits, s.logits);
});

test('choosing a picture puts the network’s logits back and takes the picture’s label as the true class', () => {
  // The slide's edited logits (ln 19, 0) belong to the picture they were made on.
  const s = start();
  const next = edit.choosePicture(s, { set: 'test', index: 7 }, 1);
  assert.deepEqual(next.logits, [null, null]);
  assert.equal(next.truth, 1);
  assert.deepEqual(next.picture, { set: 'test', index: 7 });
  assert.ok(isValidState(next));
  // A drawing has no label: the true class stays.
  const drawn = edit.drawPicture(s, new Array(1024).fill(1));
  assert.equal(drawn.truth, 0);
  assert.deepEqual(drawn.logits, [null, null]);
  assert.ok(isValidState(drawn));
});

test('Train merges steps into the history’s last number; Step adds one on this picture toward the true class', () => {
  let s = { ...start(), logits: [2, 1] };
  s = edit.train(s, 2);
  assert.deepEqual(s.history, [2]);
  assert.deepEqual(s.logits, [null, null], 'training shows the network’s logits');
  s = edit.train(s, 3);
  assert.deepEqual(s.history, [5]);
  s = edit.stepOnPicture({ ...s, truth: 1 });
  assert.deepEqual(s.history, [5, { picture: { set: 'test', index: 0 }, target: 1 }]);
  assert.deepEqual(edit.train(s, 1).history, [5, { picture: { set: 'test', index: 0 }, target: 1 }, 1]);
  assert.equal(edit.stepOnPicture({ ...s, classes: ['Dog', 'Cat', 'Bird'], logits: [null, null, 0], truth: 2 }), null,
    'Bird is not one of the network’s classes');
  assert.deepEqual(edit.resetNetwork(s).history, []);
  assert.deepEqual(edit.setSeed(s, 7), { ...s, seed: 7, history: [] });
});

test('compare cells, labels, rows and classes', () => {
  const s = start();
  const cell = edit.setCell(s, 1, 2, 0, 0.4);
  assert.deepEqual(cell.compare.nn2[2], [0.4, 0.9]);
  assert.deepEqual(s.compare.nn2[2], [0.1, 0.9], 'the state given is not changed');
  assert.deepEqual(edit.setLabel(s, 0, 1).compare.labels, [1, 1, 0]);
  const added = edit.addRow(s);
  assert.deepEqual(added.compare.nn1[3], [0.5, 0.5]);
  assert.deepEqual(added.compare.labels, [0, 1, 0, 0]);
  assert.deepEqual(edit.removeRow(s, 0).compare.nn1, [[0.1, 0.9], [0.4, 0.6]]);
  const wide = edit.addCompareClass(s);
  assert.deepEqual(wide.compare.classes, ['Dog', 'Cat', 'Class 3']);
  assert.deepEqual(wide.compare.nn1[0], [0.9, 0.1, 0]);
  const narrow = edit.removeCompareClass(wide, 0);
  assert.deepEqual(narrow.compare.labels, [0, 0, 0], 'Dog removed: its rows fall back to class 0, Cat moves to 0');
  assert.equal(edit.removeCompareClass(s, 0), null);
  assert.deepEqual(edit.renameCompareClass(s, 0, 'Wolf').compare.classes, ['Wolf', 'Cat']);
  let many = s;
  while (many.compare.nn1.length < LIMITS.maxRows) many = edit.addRow(many);
  assert.equal(edit.addRow(many), null);
});

test('switching rows to logits takes ln p; back to probabilities goes through the softmax given', () => {
  const s = start();
  const z = edit.switchInput(s, 'z', () => assert.fail('not needed one way'));
  assert.deepEqual(z.compare.nn1[0], [Math.log(0.9), Math.log(0.1)]);
  assert.equal(z.compare.input, 'z');
  const softmax = (row) => row.map((v) => Math.exp(v)); // rows of ln p: e^z gives p back
  assert.deepEqual(edit.switchInput(z, 'p', softmax).compare.nn1[0], [Math.exp(Math.log(0.9)), Math.exp(Math.log(0.1))]);
  const zero = edit.setCell(s, 0, 0, 1, 0);
  assert.match(edit.switchInput(zero, 'z').error, /ln 0/);
  assert.equal(edit.switchInput(s, 'p'), s);
});

test('an evaluation goes to compare as NN1 against a uniform NN2, with its names checked', () => {
  const evaluation = { classes: ['Dog', 'Cat', 'Bird'], mode: 'p', rows: [{ prediction: [0.7, 0.2, 0.1], label: 2 }] };
  const next = edit.sendEvaluation(start(), evaluation);
  assert.equal(next.view, 'compare');
  assert.deepEqual(next.compare, { classes: ['Dog', 'Cat', 'Bird'], input: 'p', labels: [2], nn1: [[0.7, 0.2, 0.1]], nn2: [[1 / 3, 1 / 3, 1 / 3]] });
  assert.match(edit.sendEvaluation(start(), { ...evaluation, classes: ['a', 'A', 'b'] }).error, /already a class/);
  const eleven = Array.from({ length: 11 }, (_, i) => `c${i}`);
  assert.match(edit.sendEvaluation(start(), { ...evaluation, classes: eleven }).error, /at most 10 classes/);
});

test('parts: one shown or left out at a time, all of them is null, none is refused', () => {
  let s = start();
  s = edit.setPart(s, 'cnn', false);
  assert.deepEqual(s.parts, ['picture', 'logits', 'temperature', 'probabilities', 'loss', 'formulas', 'plot', 'landscape', 'classes', 'training', 'compare']);
  assert.equal(edit.setPart(s, 'cnn', true).parts, null);
  let only = { ...start(), parts: ['loss'] };
  assert.equal(edit.setPart(only, 'loss', false), null);
  only = edit.setPart(only, 'logits', true);
  assert.deepEqual(only.parts, ['logits', 'loss'], 'in the page’s order');
});

test('the landscape’s settings change one at a time; a point on it types every logit', () => {
  const s = edit.setLandscape(start(), { loss: 'both' });
  assert.deepEqual(s.landscape, { loss: 'both', other: null, zoom: 1, rate: 1 });
  assert.deepEqual(edit.setLandscape(s, { zoom: 4 }).landscape, { loss: 'both', other: null, zoom: 4, rate: 1 });
  const moved = edit.setLogits({ ...start(), logits: [null, null] }, [1.5, -2]);
  assert.deepEqual(moved.logits, [1.5, -2]);
  assert.equal(edit.logitSource(moved), 'own');
});

test('views: the lesson keeps its step when another view is shown, and showStep opens the lesson there', () => {
  const third = edit.showStep(defaultState(), 3);
  assert.equal(third.view, 'lesson');
  assert.equal(third.step, 3);
  assert.ok(isValidState(third));
  const away = edit.showView(third, 'compare');
  assert.equal(away.step, 3);
  assert.deepEqual(edit.showView(away, 'lesson'), third);
  assert.equal(defaultState().step, 1);
});
