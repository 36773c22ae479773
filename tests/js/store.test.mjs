// The store (web/src/store.js) and the numbers it asks the core for (web/src/compute.js), with
// the built core in Node. Expected values: the slides (Dog 0.95, loss −ln 0.95) and
// tests/reference/reference.py.
import test, { mock } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { Store } from '../../web/src/store.js';
import { createCompute } from '../../web/src/compute.js';
import { NetworkSession } from '../../web/src/network-session.js';
import { defaultState } from '../../web/src/presets.js';
import * as edit from '../../web/src/transitions.js';

const require = createRequire(import.meta.url);
const core = await require('../..').loadLossCore();

function storeWithCore(options = {}) {
  const session = new NetworkSession(core);
  return { session, store: new Store({ compute: createCompute(core, session), ...options }) };
}

test('a commit computes the slide’s numbers in the core and tells every subscriber, the first time as first', () => {
  const { store } = storeWithCore();
  const seen = [];
  store.subscribe((state, derived, how) => seen.push({ state, derived, how }));
  assert.equal(store.commit(defaultState()), null);
  assert.equal(seen.length, 1);
  const { derived, how } = seen[0];
  // Slide: softmax(ln 19, 0) = (0.95, 0.05); loss −ln 0.95 = 0.0512932943875505334 (reference.py).
  assert.ok(Math.abs(derived.result.probabilities[0] - 0.95) < 1e-15);
  assert.ok(Math.abs(derived.result.loss - 0.0512932943875505334) < 1e-15);
  assert.deepEqual(derived.logits, [Math.log(19), 0]);
  assert.equal(how.first, true);
  store.commit(edit.setLogit(store.state, 1, 1), { editing: 'logit-1' });
  assert.deepEqual(seen[1].how, { editing: 'logit-1', first: false });
  store.destroy();
});

test('a state the core refuses is not shown: the last good state stays, and listeners hear why', () => {
  const { store } = storeWithCore();
  store.commit(defaultState());
  const good = store.state;
  const refusals = [];
  store.onRefusal((message) => refusals.push(message));
  let calls = 0;
  store.subscribe(() => calls++);
  // A compare row that does not sum to 1, shown on the compare view: the core says so.
  const bad = edit.showView(edit.setCell(good, 1, 2, 0, 0.4), 'compare');
  const message = store.commit(bad);
  assert.match(message, /^NN2 row 3: predicted probabilities sum to 1\.3, not 1/);
  assert.deepEqual(refusals, [message]);
  assert.equal(store.state, good);
  assert.equal(calls, 0);
  store.destroy();
});

test('the forward pass is reused for an edit, run again for a new picture; the network follows the history', () => {
  const { store, session } = storeWithCore();
  store.commit(defaultState());
  const pass = store.derived.pass;
  store.commit(edit.setLogit(store.state, 0, 1));
  assert.equal(store.derived.pass, pass, 'a logit edit does not run the network');
  store.commit(edit.choosePicture(store.state, { set: 'test', index: 1 }, session.labelOf({ set: 'test', index: 1 })));
  assert.notEqual(store.derived.pass, pass);
  // The network's logits for test picture 2, from a fresh network in the same core.
  const net = core.createNetwork({ seed: 1 });
  const expected = net.forward(net.picture('test', 1).pixels).logits;
  assert.deepEqual(store.derived.logits, expected);
  // Two training steps through the store equal two steps of a fresh network (bit for bit).
  store.commit(edit.train(store.state, 2));
  net.train(2);
  assert.deepEqual(store.derived.logits, net.forward(net.picture('test', 1).pixels).logits);
  assert.equal(session.steps, 2);
  net.dispose();
  store.destroy();
});

test('the link is written once a burst of commits settles, with the latest state', () => {
  mock.timers.enable({ apis: ['setTimeout'] });
  try {
    const written = [];
    const { store } = storeWithCore({ writeLink: (state) => written.push(state), linkDelay: 120 });
    store.commit(defaultState());
    for (let z = 1; z <= 5; z++) store.commit(edit.setLogit(store.state, 1, z));
    mock.timers.tick(119);
    assert.equal(written.length, 0);
    mock.timers.tick(1);
    assert.equal(written.length, 1);
    assert.deepEqual(written[0].logits, [Math.log(19), 5]);
    store.destroy();
  } finally {
    mock.timers.reset();
  }
});

test('two stores keep separate states', () => {
  const a = storeWithCore().store;
  const b = storeWithCore().store;
  a.commit(defaultState());
  b.commit(defaultState());
  a.commit(edit.setLogit(a.state, 0, 0));
  assert.deepEqual(a.derived.result.probabilities, [0.5, 0.5]);
  assert.ok(Math.abs(b.derived.result.probabilities[0] - 0.95) < 1e-15);
  a.destroy();
  b.destroy();
});
