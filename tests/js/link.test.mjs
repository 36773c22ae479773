// The link reader and writer (web/src/link.js), without a browser.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readLink, writeLink, isValidState, LINK_VERSION } from '../../web/src/link.js';
import { defaultState } from '../../web/src/presets.js';
import { PRESETS } from '../../web/src/presets.js';
import { parseNumber } from '../../web/src/numbers.js';

test('no query opens the slide\'s example, with no notices', () => {
  const { state, notices } = readLink('');
  assert.deepEqual(state.classes, ['Dog', 'Cat']);
  assert.equal(state.logits[0], Math.log(19)); // softmax(ln 19, 0) = (0.95, 0.05), the slide
  assert.deepEqual(notices, []);
  assert.equal(writeLink(state), '?preset=dog-cat');
});

test('every preset has a short link that reads back to it', () => {
  for (const preset of PRESETS) {
    const { state, notices } = readLink(`?preset=${preset.id}`);
    assert.deepEqual(notices, [], preset.id);
    assert.ok(isValidState(state), preset.id);
    assert.equal(writeLink(state), `?preset=${preset.id}`);
    assert.equal(writeLink({ ...state, embed: true }), `?preset=${preset.id}&embed=1`);
  }
});

test('a full link writes and reads back exactly, names with commas and unicode included', () => {
  const state = { classes: ['Dog', 'Owl, barn', 'Ünïcödé 🐈'], logits: [1.25, -1e-300, 1e300], truth: 2, temperature: 0.7, view: 'pipeline', step: 1, embed: true, parts: ['logits', 'probabilities', 'loss'],
    landscape: { loss: 'both', other: 1, zoom: 2.5, rate: 0.5 },
    compare: { classes: ['a', 'b;c'], nn1: [[0.25, 0.75]], nn2: [[1, 0]], labels: [1], input: 'p' },
    picture: { set: 'training', index: 199 }, seed: 4294967295, history: [5, { picture: { set: 'test', index: 2 }, target: 1 }, 7] };
  assert.ok(isValidState(state));
  const link = writeLink(state);
  assert.ok(link.startsWith(`?v=${LINK_VERSION}&`));
  const back = readLink(link);
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, state);
});

test('damaged links give the closest valid state and say what was ignored', () => {
  const cases = [
    ['?v=1&z=abc,0', 'Ignored z: logit 1 “abc” is not a number.'],
    ['?v=1&z=1e999,0', 'Ignored z: logit 1 “1e999” is too large to be a number here.'],
    ['?v=1&z=0x10,0', 'Ignored z: logit 1 “0x10” is not a number.'],
    ['?v=1&z=NaN,0', 'Ignored z: logit 1 “NaN” is not a number.'],
    ['?v=1&T=0', 'Ignored T: “0” is outside the range 0.01 to 100.'],
    ['?v=1&t=1.5', 'Ignored t: “1.5” is not a class index.'],
    ['?v=1&t=5', 'Ignored t: class 5 does not exist with 2 classes; the true class is Dog.'],
    ['?v=1&foo=1', 'Ignored the unknown setting “foo”.'],
    ['?v=1&__proto__=1', 'Ignored the unknown setting “__proto__”.'],
    ['?v=1&z=1,2&z=3,4', 'The setting “z” appears more than once: used the first.'],
    ['?v=9&z=1,2', 'The link was made by a newer version of this page (v9): read as version 2.'],
    ['?z=1,2', 'The link has no version: read as version 2.'],
    ['?preset=dog-kat', 'There is no example called “dog-kat”: showing “dog-cat”.'],
    ['?v=1&c=%E0%A4%A,Cat', 'Ignored c: class name 1 has broken percent-encoding.'],
    ['?v=1&c=Dog,dog', 'Ignored c: class name 2 “dog” is already a class.'],
    ['?v=1&c=Dog&z=1', 'Ignored c: 1 classes, but this page shows 2 to 10.'],
    ['?v=1&embed=yes', 'Ignored embed: “yes” is not 1 or 0.'],
    ['?v=1&view=graph', 'Ignored view: “graph” is not a view.'],
    ['?v=1&view=compare&a=0.9,0.1;0.2,0.8&b=0.5,0.5', 'NN1 has 2 rows and NN2 1: used the first 1 of each.'],
    ['?v=1&view=compare&a=0.9,0.1,0;0.2,0.8', 'Ignored a: row 2 does not have 3 probabilities in [0, 1].'],
    ['?v=1&view=compare&a=2,0;1,1;0,0&in=p', 'Ignored a: row 1 does not have 2 probabilities in [0, 1].'],
    ['?v=1&view=compare&y=0,5,0', 'Ignored y: a label is not one of the 2 classes.'],
    ['?v=2&z=n,n,n', 'Ignored z: logit 3 is n, but only the first 2 classes come from the network.'],
    ['?v=2&pic=test.0', 'Ignored pic: “test.0” is not one of the 100 test pictures.'],
    ['?v=2&pic=test.101', 'Ignored pic: “test.101” is not one of the 100 test pictures.'],
    ['?v=2&pic=cats.1', 'Ignored pic: “cats.1” is not a picture (test.1 to test.100, training.1 to training.200, or a drawing).'],
    ['?v=2&pic=draw.AAAA', 'Ignored pic: a drawing has 684 characters, not 4.'],
    ['?v=2&s=-1', 'Ignored s: “-1” is outside the range 0 to 4294967295.'],
    ['?v=2&s=1.5', 'Ignored s: “1.5” is not a whole number.'],
    ['?v=2&h=5000', 'Ignored h: item 1: “5000” steps is outside 1 to 3000.'],
    ['?v=2&h=2000,2000', 'Ignored h: 4000 steps in all, more than this page replays (3000).'],
    ['?v=2&h=10,test.3:7', 'Ignored h: item 2: “test.3:7” steps toward a class the network does not have.'],
    ['?v=2&h=10,eval(1)', 'Ignored h: item 2: “eval(1)” is neither a number of steps nor a step on a picture.'],
    ['?preset=nn1-vs-nn2&a=1,0;0,1;1,0', 'The link names the example “nn1-vs-nn2” and also sets its values: used the values it sets.'],
  ];
  for (const [link, notice] of cases) {
    const { state, notices } = readLink(link);
    assert.ok(notices.includes(notice), `${link}: ${JSON.stringify(notices)}`);
    assert.ok(isValidState(state), link);
  }
});

test('a network link reads back: the network’s logits, a drawing, a history', () => {
  const drawing = Array.from({ length: 1024 }, (_, i) => ((i * 7) % 16) / 15);
  const state = { ...readLink('').state, logits: [null, 1.5], picture: { set: 'drawing', pixels: drawing }, seed: 7,
    history: [100, { picture: { set: 'drawing', pixels: drawing }, target: 0 }, { picture: { set: 'training', index: 0 }, target: 1 }] };
  assert.ok(isValidState(state));
  const link = writeLink(state);
  assert.match(link, /[?&]z=n,1.5(&|$)/);
  assert.match(link, /[?&]h=100,draw\.[A-Za-z0-9_-]{684}:0,training\.1:1(&|$)/);
  const back = readLink(link);
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, state);
  // The default network state is not written: preset links stay short.
  assert.equal(writeLink(readLink('?preset=uncertain').state), '?preset=uncertain');
  assert.equal(writeLink({ ...readLink('?preset=uncertain').state, seed: 3 }), '?preset=uncertain&v=2&s=3');
});

test('the compare view\'s preset and a table of its own round-trip', () => {
  const slide = readLink('?preset=nn1-vs-nn2');
  assert.equal(slide.state.view, 'compare');
  assert.deepEqual(slide.state.compare.nn2, [[0.6, 0.4], [0.3, 0.7], [0.1, 0.9]]); // the slide's NN2
  assert.equal(writeLink(slide.state), '?preset=nn1-vs-nn2');
  const edited = { ...slide.state, compare: { ...slide.state.compare, nn1: [[0.2, 0.8], [0.1, 0.9], [0.4, 0.6]] } };
  const back = readLink(writeLink(edited));
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, edited);
});

test('a link too long is refused as a whole', () => {
  const { state, notices } = readLink('?v=1&c=' + 'a'.repeat(2_000_000));
  assert.match(notices[0], /^The link is 2,000,006 characters long/);
  assert.deepEqual(state, defaultState());
});

test('parseNumber accepts plain decimals and refuses the rest, saying why', () => {
  assert.deepEqual(parseNumber(' 2.5 '), { value: 2.5 });
  assert.deepEqual(parseNumber('-0'), { value: 0 });
  assert.deepEqual(parseNumber('1e3'), { value: 1000 });
  assert.deepEqual(parseNumber('−3'), { value: -3 });
  assert.equal(parseNumber('1,5').error, '“1,5” uses a comma: write the decimal mark as a point (1.5)');
  assert.equal(parseNumber('').error, 'is empty: type a number');
  assert.equal(parseNumber('  ').error, 'is empty: type a number');
  assert.equal(parseNumber('1 000').error, '“1 000” has spaces inside: type one number');
  assert.equal(parseNumber('0x10').error, '“0x10” is not a number');
  assert.equal(parseNumber('Infinity').error, '“Infinity” is not a number');
  assert.equal(parseNumber('5', { min: 0, max: 1 }).error, '“5” is outside the range 0 to 1');
});

test('parts: the embed shows only the parts named, written in the page’s order; bad names are refused with a notice', () => {
  const { state, notices } = readLink('?preset=dog-cat&embed=1&parts=loss,logits,probabilities');
  assert.deepEqual(notices, []);
  assert.deepEqual(state.parts, ['logits', 'probabilities', 'loss']);
  assert.equal(writeLink(state), '?preset=dog-cat&embed=1&parts=logits,probabilities,loss');
  assert.deepEqual(readLink(writeLink(state)).state, state);
  const bad = readLink('?parts=logits,wings');
  assert.equal(bad.state.parts, null);
  assert.deepEqual(bad.notices, ['Ignored parts: part 2 “wings” is not a part (picture, cnn, logits, temperature, probabilities, loss, formulas, plot, landscape, classes, training, compare).']);
  assert.match(readLink('?parts=loss,loss').notices[0], /“loss” is named twice/);
  assert.equal(defaultState().parts, null);
});

test('the lesson: ?view=lesson opens step 1, &step=N step N; a bad step is named and the lesson opens at 1', () => {
  assert.deepEqual(readLink('?view=lesson').state, { ...defaultState(), view: 'lesson', step: 1 });
  const third = readLink('?view=lesson&step=3');
  assert.deepEqual(third.notices, []);
  assert.equal(third.state.step, 3);
  assert.equal(writeLink(third.state), '?preset=dog-cat&view=lesson&step=3');
  assert.deepEqual(readLink(writeLink(third.state)).state, third.state);
  // Step 5 shows the compare view: its example is the slides' table.
  const fifth = readLink('?view=lesson&step=5').state;
  assert.equal(writeLink(fifth), '?preset=nn1-vs-nn2&view=lesson&step=5');
  assert.deepEqual(readLink(writeLink(fifth)), { state: fifth, notices: [] });
  // Elsewhere the step is kept in the state (the Lesson tab goes back to it) but not written.
  assert.equal(writeLink({ ...third.state, view: 'pipeline' }), '?preset=dog-cat');
  for (const [bad, why] of [['8', '“8” is outside the range 1 to 7'], ['0', '“0” is outside the range 1 to 7'], ['2.5', '“2.5” is not a step number'], ['x', '“x” is not a number']]) {
    const r = readLink(`?view=lesson&step=${bad}`);
    assert.equal(r.state.step, 1, bad);
    assert.equal(r.state.view, 'lesson', bad);
    assert.deepEqual(r.notices, [`Ignored step: ${why}.`], bad);
  }
});
