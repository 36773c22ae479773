// The numbers a state shows, all from the core: the network's forward pass for the picture,
// the logits used (typed, or the network's), softmax / loss / gradient for them, and the
// compare view's metrics. Throws the core's message for a state it cannot show.
import { pageView } from './lesson-plan.js';

const NETS = ['NN1', 'NN2'];

/** The slides' three metrics for both tables of a comparison; a refusal names the network. */
export function compareMetrics(core, compare) {
  const options = { logits: compare.input === 'z' };
  return [compare.nn1, compare.nn2].map((rows, n) => {
    try {
      return core.batchMetrics(rows, compare.labels, options);
    } catch (error) {
      throw new Error(`${NETS[n]} ${error.message}`);
    }
  });
}

/**
 * compute(state, previous) for a core and the network session: `previous` is the last
 * {state, derived} shown, whose forward pass and metrics are reused where nothing they
 * depend on changed (an edit of a logit does not run the network again).
 */
export function createCompute(core, session) {
  return function compute(state, previous) {
    session.sync(state.seed, state.history);
    const before = previous && previous.derived;
    let pass;
    if (before && before.version === session.version && samePicture(previous.state.picture, state.picture)) pass = before.pass;
    else {
      const pixels = session.pixelsOf(state.picture);
      pass = { ...session.forward(pixels), pixels };
    }
    const logits = state.logits.map((z, i) => (z === null ? pass.logits[i] : z));
    const result = core.explain(logits, state.truth, { temperature: state.temperature });
    // Checked when they change; measured when shown.
    let metrics = before && previous.state.compare === state.compare ? before.metrics : null;
    if (!metrics && (pageView(state) === 'compare' || (previous && previous.state.compare !== state.compare))) {
      metrics = compareMetrics(core, state.compare);
    }
    return { version: session.version, pass, logits, result, metrics };
  };
}

function samePicture(a, b) {
  if (a === b) return true;
  if (a.set !== b.set) return false;
  return a.set === 'drawing' ? a.pixels === b.pixels : a.index === b.index;
}
