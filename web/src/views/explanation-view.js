// "What the numbers say": the state on screen in plain words. Owns its three paragraphs.
import { byId, setProp, setText } from '../dom.js';
import { formatInput, formatNumber, formatSigned } from '../format.js';

// A gradient this small moves its logit by less than the 4 decimals shown: "barely".
const BARELY = 5e-5;

export class ExplanationView {
  constructor(root) {
    this.e = {
      section: byId(root, 'explanation'), softmax: byId(root, 'explain-softmax'), loss: byId(root, 'explain-loss'), gradient: byId(root, 'explain-gradient'),
    };
  }

  show(visible) {
    setProp(this.e.section, 'hidden', !visible);
  }

  /** `source` says whose logits these are: 'network', 'own' or 'mixed'. */
  render({ names, logits, truth, loss, gradient, temperature, probabilityText, source }) {
    const list = (f) => names.map((n, i) => `${n} ${f(i)}`).join(', ');
    const whose = { network: 'the network’s logits', own: 'your logits', mixed: 'the logits (some typed, some the network’s)' }[source];
    const how = temperature === 1
      ? 'it raises e to each logit and divides by the sum'
      : `it divides each logit by the temperature T = ${formatInput(temperature)}, raises e to each, and divides by the sum`;
    setText(this.e.softmax, `Softmax turns ${whose} (${list((i) => formatInput(logits[i]))}) into probabilities (${list(probabilityText)}): ${how}, so every probability is positive (in exact arithmetic: a tiny one can round to 0 in a double), they add up to 1, and the largest logit gets the largest share. They are scores that sum to 1, not a measured certainty: 0.95 does not mean the network is right 95% of the time.`);
    setText(this.e.loss, `The picture is a ${names[truth]}, so the loss is −ln ${probabilityText(truth)} = ${formatNumber(loss)} (ln, the natural logarithm): only the true class’s probability counts. Near 1 the loss is near 0; near 0 it grows without bound, so a confident mistake costs most.`);
    const moves = names.map((n, i) => {
      const g = gradient[i];
      if (Math.abs(g) < BARELY) return `${n} barely moves (gradient ${formatSigned(g)}: tiny, not zero)`;
      return `${g < 0 ? 'raise' : 'lower'} ${n} (gradient ${formatSigned(g)})`;
    });
    const symbol = temperature === 1 ? 'y − t' : `(y − t)/T, with T = ${formatInput(temperature)}`;
    setText(this.e.gradient, `To lower the loss, gradient descent moves each logit against its gradient ${symbol}: ${moves.join(', ')}.`);
  }
}
