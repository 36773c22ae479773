// The curves the plots draw, from the core in batch calls. No DOM.

/** The loss −ln p for the pipeline's plot: for each probability p the logits (ln(p / (1 − p)), 0),
 *  whose softmax gives the true class p, through the core in one call. */
export function lossCurve(core) {
  const probabilities = Array.from({ length: 200 }, (_, i) => {
    const k = i + 1;
    return k === 200 ? 1 : Math.exp(-7 * (1 - k / 200)) * (k / 200); // dense near 0, where it is steep
  });
  // p = 1 has no finite logit; 40 gives 1 − 4e-18, the same point on the plot.
  const logits = probabilities.flatMap((p) => [p === 1 ? 40 : Math.log(p / (1 - p)), 0]);
  const { losses } = core.softmaxCrossEntropyBatch(logits, 2, probabilities.map(() => 0));
  return probabilities.map((p, i) => [p, losses[i]]);
}

/** Penalty and gradient size of cross-entropy and squared error against the true class's
 *  probability, for two classes: logits (z, 0) for z in [−8, 8], true class 0. */
export function comparisonCurves(core) {
  const zs = Array.from({ length: 161 }, (_, k) => -8 + k / 10);
  const rows = zs.map((z) => [z, 0]);
  const labels = zs.map(() => 0);
  const ceBatch = core.softmaxCrossEntropyBatch(rows.flat(), 2, labels);
  const seRows = core.batchMetrics(rows, labels, { logits: true }).rows.meanSquaredError;
  const ps = rows.map((z) => core.softmax(z)[0]);
  const points = (value) => ps.map((p, k) => [p, value(k)]);
  return {
    penalty: [{ points: points((k) => ceBatch.losses[k]), label: 'cross-entropy −ln y' },
      { points: points((k) => seRows[k]), label: 'squared error', dashed: true }],
    gradient: [{ points: points((k) => Math.abs(ceBatch.gradient[2 * k])), label: 'cross-entropy' },
      { points: points((k) => Math.abs(core.squaredErrorGradient(rows[k], 0)[0])), label: 'squared error', dashed: true }],
  };
}
