/*
 * The public JS API of the loss core (C++ compiled to WebAssembly). Types: loss-core.d.ts.
 *
 *   const core = await loadLossCore();
 *   core.softmax([Math.log(19), 0]);   // [0.95, 0.05]
 *
 * Plain arrays (or Float64Arrays) in, plain arrays and numbers out. Bad input throws an
 * Error with the core's message ("logit 3 is not a finite number"). A classic script, so
 * it also works from file:// (no ES modules there): in a page it defines the global
 * `LossCore` and needs loss-core-module.js loaded first (it finds the wasm beside itself:
 * loss-core-module.wasm over http(s), loss-core-wasm.js from file://); in Node it is the
 * package's main. The block keeps its names out of the page's global scope.
 */
'use strict';
{
  // Two builds of the same C++: with WASM SIMD (loss-core-module.wasm) and without
  // (loss-core-module-scalar.wasm), for browsers before 2021. The glue JS is shared.
  const wasmFile = (simd) => (simd ? 'loss-core-module.wasm' : 'loss-core-module-scalar.wasm');

  // --- arguments in -----------------------------------------------------------------------

  // Numbers pass through; anything else becomes NaN so the core names its position.
  const numberOrNaN = (value) => (typeof value === 'number' ? value : NaN);

  const toNumbers = (values, name) => {
    if (values instanceof Float64Array) return values;
    if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new TypeError(`${name} must be an array of numbers`);
    const out = new Float64Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = numberOrNaN(values[i]);
    return out;
  };

  const readOptions = (options = {}) => {
    if (options === null || typeof options !== 'object') throw new TypeError('options must be an object');
    return {
      temperature: options.temperature === undefined ? 1 : numberOrNaN(options.temperature),
      labelSmoothing: options.labelSmoothing === undefined ? 0 : numberOrNaN(options.labelSmoothing),
      logits: options.logits === true,
      skipInvalidRows: options.skipInvalidRows === true,
    };
  };

  // A class index stays a number; a probability vector becomes a Float64Array.
  const toTarget = (target) => {
    if (typeof target === 'number') return target;
    if (Array.isArray(target) || ArrayBuffer.isView(target)) return toNumbers(target, 'target');
    throw new TypeError('target must be a class index or an array of probabilities');
  };

  // Rows (arrays of numbers) flattened into values and widths, as the bindings take them.
  const flattenRows = (rows, name) => {
    if (!Array.isArray(rows)) throw new TypeError(`${name} must be an array of rows`);
    let total = 0;
    rows.forEach((row, r) => {
      if (!Array.isArray(row) && !ArrayBuffer.isView(row)) throw new TypeError(`${name} row ${r + 1} is not an array of numbers`);
      total += row.length;
    });
    const values = new Float64Array(total);
    const widths = new Float64Array(rows.length);
    let offset = 0;
    rows.forEach((row, r) => {
      for (let j = 0; j < row.length; j++) values[offset + j] = numberOrNaN(row[j]);
      widths[r] = row.length;
      offset += row.length;
    });
    return { values, widths };
  };

  // --- results out ------------------------------------------------------------------------

  // Every binding returns {value} or {error}: this is the one place an error becomes an Error.
  const unwrap = (result) => {
    if (result.error !== undefined) throw new Error(result.error);
    return result.value;
  };

  // A typed array's values as a plain array: a loop, since Array.from goes through the iterator
  // (measured: docs/performance.md).
  const plainArray = (typed) => {
    const out = new Array(typed.length);
    for (let i = 0; i < typed.length; i++) out[i] = typed[i];
    return out;
  };

  // An object's typed arrays as plain arrays (numbers and plain arrays pass through).
  const plainFields = (object) => {
    const out = {};
    for (const [key, value] of Object.entries(object)) out[key] = ArrayBuffer.isView(value) ? plainArray(value) : value;
    return out;
  };

  // --- the API ----------------------------------------------------------------------------

  // Functions of one example: softmax, the losses and their gradients.
  const exampleApi = (m) => {
    const array = (result) => plainArray(unwrap(result));
    const withTarget = (f) => (z, target, options) => {
      const o = readOptions(options);
      return unwrap(f(toNumbers(z, 'logits'), toTarget(target), o.temperature, o.labelSmoothing));
    };
    return {
      /** softmax(z, {temperature = 1}): e^{z_j/T} / sum_k e^{z_k/T}. */
      softmax: (z, options) => array(m.softmax(toNumbers(z, 'logits'), readOptions(options).temperature)),
      /** softmaxJacobian(z, {temperature = 1}): rows k, columns i of d softmax(z/T)_k / d z_i = y_k (δ_ki − y_i) / T. */
      softmaxJacobian: (z, options) => {
        const flat = array(m.softmaxJacobian(toNumbers(z, 'logits'), readOptions(options).temperature));
        return Array.from({ length: z.length }, (_, k) => flat.slice(k * z.length, (k + 1) * z.length));
      },
      /** logSoftmax(z, {temperature = 1}): (z_j - m)/T - log sum_k e^{(z_k - m)/T}. */
      logSoftmax: (z, options) => array(m.logSoftmax(toNumbers(z, 'logits'), readOptions(options).temperature)),
      /** logSumExp(z): log sum_k e^{z_k}. */
      logSumExp: (z) => unwrap(m.logSumExp(toNumbers(z, 'logits'))),
      /** crossEntropy(p, q): -sum_i p_i ln q_i; +Infinity where q_i = 0 < p_i. */
      crossEntropy: (p, q) => unwrap(m.crossEntropy(toNumbers(p, 'target'), toNumbers(q, 'prediction'))),
      /** crossEntropyFromLogits(z, target, {temperature, labelSmoothing}): F.cross_entropy(z/T, target). */
      crossEntropyFromLogits: withTarget(m.crossEntropyFromLogits),
      /** logitGradient(z, target, {temperature, labelSmoothing}): (softmax(z/T) - t) / T. */
      logitGradient: (...args) => plainArray(withTarget(m.logitGradient)(...args)),
      /** squaredErrorGradient(z, target, {temperature}): d/dz sum_k (softmax(z/T)_k - t_k)^2. */
      squaredErrorGradient: (...args) => plainArray(withTarget(m.squaredErrorGradient)(...args)),
      /** entropy(p): -sum_i p_i ln p_i. */
      entropy: (p) => unwrap(m.entropy(toNumbers(p, 'probabilities'))),
      /** klDivergence(p, q): sum_i p_i ln(p_i / q_i). */
      klDivergence: (p, q) => unwrap(m.klDivergence(toNumbers(p, 'target'), toNumbers(q, 'prediction'))),
      /**
       * explain(z, target, {temperature, labelSmoothing}): every number the page shows for one
       * example: {scaledLogits, log10Terms, log10Sum, logSum, probabilities, probabilitySum,
       * logProbabilities, log10Probabilities, target, lossTerms, loss, gradient, gradientSum}
       * (log10Terms: log10 e^{z_j/T}, so e^{1000} can be written).
       */
      explain: (...args) => plainFields(withTarget(m.explain)(...args)),
    };
  };

  // Functions of many examples: the slides' metrics and the throughput kernel.
  const batchApi = (m) => ({
    /**
     * batchMetrics(predicted rows, targets, {logits = false, temperature = 1}): the slides'
     * classification error, mean squared error and cross-entropy, and each row's share.
     * Targets are probability rows or class indices; with {logits: true} rows are logits.
     * With {skipInvalidRows: true} bad rows do not fail the call: they are listed in
     * `skipped` ({row: index from 0, reason}), and `usedRows` says which rows were evaluated.
     */
    batchMetrics: (predicted, target, options) => {
      const o = readOptions(options);
      const rows = flattenRows(predicted, 'predicted');
      if (!Array.isArray(target)) throw new TypeError('target must be an array of rows or of class indices');
      const byIndex = target.every((t) => !Array.isArray(t) && !ArrayBuffer.isView(t));
      const targets = byIndex ? { values: toNumbers(target, 'target'), widths: null } : flattenRows(target, 'target');
      const r = unwrap(m.batchMetrics(rows.values, rows.widths, targets.values, targets.widths, o.logits, o.temperature, o.skipInvalidRows));
      const result = {
        classificationError: r.classificationError,
        meanSquaredError: r.meanSquaredError,
        crossEntropy: r.crossEntropy,
        rows: { classificationError: plainArray(r.rowError), meanSquaredError: plainArray(r.rowSquaredError), crossEntropy: plainArray(r.rowCrossEntropy) },
      };
      if (o.skipInvalidRows) {
        result.usedRows = plainArray(r.usedRows);
        result.skipped = Array.from(r.skippedRows, (row, i) => ({ row, reason: r.skippedReasons[i] }));
      }
      return result;
    },
    /**
     * softmaxCrossEntropyBatch(logits, classes, labels): for N rows x C classes of logits
     * (row-major, N x C numbers) and N class indices, each row's loss -ln softmax(z)_y, the
     * gradient softmax(z) - t (N x C, a Float64Array) and their mean loss. The throughput path:
     * two lanes at a time in the SIMD build, within 1e-12 of the scalar build.
     */
    softmaxCrossEntropyBatch: (logits, classes, labels) =>
      unwrap(m.softmaxCrossEntropyBatch(toNumbers(logits, 'logits'), numberOrNaN(classes), toNumbers(labels, 'labels'))),
    /**
     * squaredErrorBatch(logits, classes, labels): the slides' squared error Σ_k (softmax(z)_k − t_k)²
     * of each row of logits (row-major, N x C) against its class index: {meanLoss, losses}.
     */
    squaredErrorBatch: (logits, classes, labels) => {
      const r = unwrap(m.squaredErrorBatch(toNumbers(logits, 'logits'), numberOrNaN(classes), toNumbers(labels, 'labels')));
      return { meanLoss: r.meanLoss, losses: r.losses };
    },
  });

  const api = (m) => ({
    ...exampleApi(m),
    ...batchApi(m),
    /**
     * createNetwork({seed = 1}): the tiny CNN (conv 3x3 -> ReLU -> max pool 2x2 -> dense) with
     * the shipped dog/cat pictures, its weights drawn from `seed` (an integer 0 .. 2^32 - 1).
     * The same seed and the same calls give the same network, bit for bit. Call dispose()
     * when done with it.
     */
    createNetwork: (options = {}) => network(m, options),
    limits: { maxClasses: m.maxClasses, maxValues: m.maxValues },
    /** Whether this is the WASM SIMD build. */
    simd: m.simd,
    /** Diagnostics, for checking that calls do not leak: wasm memory size, and bytes allocated in it. */
    wasmMemoryBytes: () => m.HEAP8.length,
    heapBytesInUse: () => m.heapBytesInUse(),
  });

  // --- the network ------------------------------------------------------------------------

  const SETS = ['training', 'test']; // the bindings name a set by its index here
  const MAX_SEED = 4294967295;
  const MAX_STEPS_PER_CALL = 100000;

  const setIndex = (set) => {
    if (!SETS.includes(set)) throw new Error(`the set must be "training" or "test", not ${JSON.stringify(set)}`);
    return SETS.indexOf(set);
  };

  const network = (m, options) => {
    const seed = options.seed === undefined ? 1 : options.seed;
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) throw new Error(`the seed must be a whole number from 0 to ${MAX_SEED}`);
    let trainer = new m.Trainer(seed);
    const live = () => {
      if (!trainer) throw new Error('this network was disposed');
      return trainer;
    };
    return {
      seed,
      side: m.pictureSide,
      ...networkCalls(live),
      /** Training steps taken since the seeded start (steps on single pictures not counted). */
      get steps() { return live().steps(); },
      /** Back to the seeded start. */
      reset: () => live().reset(),
      dispose: () => {
        if (trainer) trainer.delete();
        trainer = null;
      },
    };
  };

  const networkCalls = (live) => ({
    /** How many pictures each set has: {training, test}. */
    counts: () => ({ training: live().count(0), test: live().count(1) }),
    /** picture(set, index from 0): {pixels (side x side, 0 black .. 1 white), label (0 Dog, 1 Cat)}. */
    picture: (set, index) => unwrap(live().picture(setIndex(set), Number.isInteger(index) ? index : -1)),
    /** forward(pixels): every layer's output: {conv, relu (filters x convSide^2), pooled
     *  (filters x pooledSide^2, also the flattened vector), logits, filters, convSide, pooledSide}. */
    forward: (pixels) => {
      const r = unwrap(live().forward(toNumbers(pixels, 'pixels')));
      return { ...r, logits: plainArray(r.logits) };
    },
    /** train(count): that many SGD steps (batches of 10 from the training set); returns the last batch's loss. */
    train: (count) => {
      if (!Number.isInteger(count) || count < 0 || count > MAX_STEPS_PER_CALL) {
        throw new Error(`the number of steps must be a whole number from 0 to ${MAX_STEPS_PER_CALL}`);
      }
      return unwrap(live().train(count));
    },
    /** step(pixels, target class): one SGD step on this picture alone; returns its loss before the step. */
    step: (pixels, target) => unwrap(live().stepOn(toNumbers(pixels, 'pixels'), Number.isInteger(target) ? target : -1)),
    /** evaluate(set): {loss (mean cross-entropy), accuracy (share classified right)}. */
    evaluate: (set) => unwrap(live().evaluate(setIndex(set))),
    /**
     * evaluateInSteps(set, picturesPerStep = 10): the same as evaluate(set), a few pictures per
     * call of the iterator's next(), so a page can score a set in short tasks. Each step yields
     * the share done; the last returns evaluate()'s {loss, accuracy}, bit for bit.
     */
    * evaluateInSteps(set, picturesPerStep = 10) {
      const index = setIndex(set);
      const size = live().count(index);
      if (!Number.isInteger(picturesPerStep) || picturesPerStep < 1) throw new Error('picturesPerStep must be a whole number from 1');
      let tally = { lossSum: 0, correct: 0, count: 0 };
      while (tally.count < size) {
        tally = unwrap(live().evaluateMore(index, tally.lossSum, tally.correct, tally.count, Math.min(size, tally.count + picturesPerStep)));
        if (tally.count < size) yield tally.count / size;
      }
      return { loss: tally.lossSum / size, accuracy: tally.correct / size };
    },
  });

  // --- loading ----------------------------------------------------------------------------

  // The smallest module with a SIMD instruction (i8x16.popcnt, the last one the standard
  // added): a browser that validates it runs the SIMD build.
  const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0,
    253, 15, 253, 98, 11]);
  const hasSimd = () => typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE);

  // In Node: the glue module and the wasm bytes from beside this file.
  const nodeModule = async (simd) => ({
    factory: require('./loss-core-module.js'),
    wasmBinary: require('node:fs').readFileSync(require('node:path').join(__dirname, wasmFile(simd))),
  });

  // In a page or a worker: the wasm's bytes fetched as a binary where the page is served over
  // http(s), since that is the smallest transfer; from file://, which cannot fetch, from
  // loss-core-wasm.js, the same bytes as base64 in a classic script. All sit beside this file.
  const browserModule = (root) => {
    const here = (root.document && root.document.currentScript && root.document.currentScript.src) || root.location.href;
    const decode = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const loadScript = (src) => new Promise((resolve, reject) => {
      if (!root.document) return resolve(root.importScripts(src)); // a worker
      const script = Object.assign(root.document.createElement('script'), { src, onload: resolve });
      script.onerror = () => reject(new Error(`${src} could not be loaded`));
      root.document.head.append(script);
    });
    return async (simd) => {
      const factory = root.createLossCoreModule;
      const global = simd ? 'lossCoreWasmBase64' : 'lossCoreScalarWasmBase64';
      if (typeof root[global] !== 'string' && /^https?:$/.test(new URL(here).protocol)) {
        try {
          const response = await fetch(new URL(wasmFile(simd), here));
          if (response.ok) return { factory, wasmBinary: new Uint8Array(await response.arrayBuffer()) };
        } catch {
          // Offline or refused: the base64 script below.
        }
      }
      if (typeof root[global] !== 'string') await loadScript(new URL(simd ? 'loss-core-wasm.js' : 'loss-core-wasm-scalar.js', here).href);
      return { factory, wasmBinary: typeof root[global] === 'string' ? decode(root[global]) : undefined };
    };
  };

  const inNode = typeof module === 'object' && module.exports;
  const getModule = inNode ? nodeModule : browserModule(self);
  const loading = new Map();

  /**
   * Loads the wasm core once; resolves to the API above. The SIMD build where the browser
   * runs WASM SIMD, else the scalar one; {simd: false} asks for the scalar one anyway.
   */
  const loadLossCore = (options = {}) => {
    const simd = options.simd !== false && hasSimd();
    if (!loading.has(simd)) {
      loading.set(simd, Promise.resolve(simd)
        .then(getModule)
        .then(({ factory, wasmBinary }) => {
          if (typeof factory !== 'function') throw new Error('loss-core-module.js is not loaded');
          if (!wasmBinary) throw new Error(`${simd ? 'loss-core-wasm.js' : 'loss-core-wasm-scalar.js'} is not loaded`);
          return factory({ wasmBinary });
        })
        .then(api)
        .catch((error) => {
          loading.delete(simd);
          throw new Error(`The loss core could not load: ${error && error.message ? error.message : error}`);
        }));
    }
    return loading.get(simd);
  };

  if (inNode) module.exports = { loadLossCore };
  else self.LossCore = { loadLossCore };
}
