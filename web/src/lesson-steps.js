// The lesson's seven steps, after the slides: a title, the text, and `live(ctx)`: lines with the
// numbers the page shows now (all from the core), redrawn on every change.
import { formatCount, formatNumber, formatPowerOfTen, formatSigned, formatShort, formatTuple as list } from './format.js';
import { SHIFT } from './lesson-exercises.js';

const logits = ({ derived }) => list(derived.logits, formatShort);
const probabilities = ({ derived }) => list(derived.result.probabilities);

// The derivation of ∂L/∂z_i for class i, each line with the page's numbers: the softmax's
// derivatives from the core's Jacobian, the gradient from the core.
function derivationFor(i, { core, state, derived }) {
  const { classes: names, temperature: T } = state;
  const { probabilities: y, target: t, gradient } = derived.result;
  const J = core.softmaxJacobian(derived.logits, { temperature: T });
  const over = T === 1 ? '' : ` / ${formatShort(T)}`;
  const yi = `y(${names[i]})`;
  const lines = [`∂${yi}/∂z(${names[i]}) = ${yi}(1 − ${yi})${over} = ${formatNumber(y[i])} × (1 − ${formatNumber(y[i])})${over} = ${formatNumber(J[i][i])}`];
  const others = names.map((_, k) => k).filter((k) => k !== i);
  for (const k of others.slice(0, 2)) {
    lines.push(`∂y(${names[k]})/∂z(${names[i]}) = −y(${names[k]}) · ${yi}${over} = −${formatNumber(y[k])} × ${formatNumber(y[i])}${over} = ${formatNumber(J[k][i])}`);
  }
  if (others.length > 2) lines.push(`… and so on for the other ${others.length - 2} classes.`);
  const terms = names.map((_, k) => `(${formatShort(t[k])} / ${formatNumber(y[k])}) × ${formatNumber(J[k][i])}`);
  lines.push(`∂L/∂z(${names[i]}) = −Σₖ (tₖ / yₖ) · ∂yₖ/∂z(${names[i]}) = −[${terms.slice(0, 3).join(' + ')}${terms.length > 3 ? ' + …' : ''}] = ${formatSigned(gradient[i])}`);
  lines.push(`= (${yi} − t(${names[i]}))${over} = (${formatNumber(y[i])} − ${formatShort(t[i])})${over} = ${formatSigned(gradient[i])}`);
  return lines;
}

export const STEPS = [
  {
    title: 'Softmax turns logits into probabilities',
    text: [
      'The network flattens its feature maps into one long vector and ends in two output neurons, Dog and Cat. Their raw values, the logits z(Dog) and z(Cat), can be any numbers.',
      'Softmax turns them into probabilities, each positive and together summing to 1: fⱼ(z) = e^(zⱼ) / Σₖ e^(zₖ). On the slide the network says Dog 0.95, Cat 0.05.',
    ],
    live: (ctx) => [
      `Now: z = ${logits(ctx)}, eᶻ = ${list(ctx.derived.result.log10Terms, formatPowerOfTen)}, so softmax(z) = ${probabilities(ctx)}.`,
    ],
  },
  {
    title: 'Only differences between logits matter',
    text: [
      'Add the same number c to every logit: every e^(zⱼ) is multiplied by eᶜ, in the numerator and in the sum below it, and eᶜ cancels.',
      'So softmax sees only how far apart the logits are. It is also why the core subtracts the largest logit before it exponentiates: e^1000 would overflow a double, and the shift changes nothing.',
    ],
    actions: [{ name: 'addToLogits', label: `Add ${SHIFT} to both logits`, amount: SHIFT }, { name: 'addToLogits', label: `Subtract ${SHIFT} from both`, amount: -SHIFT }],
    live: (ctx) => [`Now: z = ${logits(ctx)}, softmax(z) = ${probabilities(ctx)}.`],
  },
  {
    title: 'The loss: −log of the true class’s probability',
    text: [
      'Cross-entropy scores one example by the probability the network gives its true class: Lᵢ = −log(e^(f_yᵢ) / Σⱼ e^(fⱼ)), which is −ln of the true class’s probability (natural log).',
      'Sure and right costs almost nothing, unsure costs more, and sure but wrong costs a lot: −ln y grows without bound as y goes to 0.',
    ],
    live: ({ state, derived }) => {
      const y = derived.result.probabilities[state.truth];
      return [`Now: the true class is ${state.classes[state.truth]}, y(${state.classes[state.truth]}) = ${formatNumber(y)}, L = −ln ${formatNumber(y)} = ${formatNumber(derived.result.loss)}.`];
    },
  },
  {
    title: 'H(p, q): which terms count',
    text: [
      'The slides’ second form compares two distributions, the true one p and the prediction q: H(p, q) = −Σₓ p(x) log q(x).',
      'With one true class, p is one-hot: 1 for the true class and 0 for the others. A soft target (label smoothing) keeps a little probability for the other classes, so that the network is not pushed to be certain.',
    ],
    live: ({ state, derived }) => {
      const { target, probabilities: q, lossTerms, loss } = derived.result;
      return [
        `Now: p = ${list(target, formatShort)} (true class ${state.classes[state.truth]}), q = ${list(q)}.`,
        `The terms −p(x) ln q(x): ${list(lossTerms)}; their sum H(p, q) = ${formatNumber(loss)}.`,
      ];
    },
  },
  {
    title: 'NN1 against NN2: what cross-entropy sees',
    text: [
      'The slides score two networks on the same three images: the two tables of the page (edit any cell, or choose the example “The slide: NN1 vs NN2” to start again).',
      'Three metrics judge them: classification error (the share of images whose top prediction is wrong), mean squared error and cross-entropy. The metrics table shows each, computed by the core.',
    ],
    live: () => [],
  },
  {
    title: 'The gradient: ∂L/∂zᵢ = yᵢ − tᵢ',
    text: [
      'To learn, the network needs the slope of the loss for each logit. Through the chain rule and the softmax’s derivatives the slides arrive at something simple: yᵢ − tᵢ.',
      'Line by line, with the numbers in the pipeline now (the derivatives from the core’s softmax Jacobian):',
    ],
    live: (ctx) => {
      const { state } = ctx;
      const other = state.truth === 0 ? 1 : 0;
      return [`z = ${logits(ctx)}, y = softmax(z) = ${probabilities(ctx)}, t = ${list(ctx.derived.result.target, formatShort)}.`,
        ...derivationFor(state.truth, ctx), ...derivationFor(other, ctx)];
    },
  },
  {
    title: 'Training with that gradient',
    text: [
      'The same y − t, passed back through every layer, tells each weight of the network which way to move. Train repeats it on batches of the 200 training pictures.',
      'The test accuracy is measured on 100 pictures the network never trains on.',
    ],
    // The accuracy is measured after the weights change, between commits: the training panel shows it.
    live: ({ trainingSteps }) => [`Now: ${formatCount(trainingSteps)} training steps; the test accuracy is in the training panel.`],
  },
];
