// Types of the loss core's JS API (loss-core.js). Every function throws an Error with the
// core's message for bad input ("logit 3 is not a finite number").

export type Numbers = readonly number[] | Float64Array;
/** A class index (from 0) or a probability vector over the classes. */
export type Target = number | Numbers;

export interface Options {
  /** T in softmax(z / T); default 1. */
  temperature?: number;
  /** eps in t = (1 − eps) t + eps / C; default 0. */
  labelSmoothing?: number;
}

export interface Explanation {
  scaledLogits: number[];
  /** log10 e^{z_j / T}: e^{1000} can be written as 10^{434.29…}. */
  log10Terms: number[];
  log10Sum: number;
  /** ln Σ_k e^{z_k / T}: the loss is logSum − z_true / T. */
  logSum: number;
  probabilities: number[];
  probabilitySum: number;
  logProbabilities: number[];
  /** logSoftmax / ln 10: e^{−2000} is 10^{−868.6}, not 0. */
  log10Probabilities: number[];
  /** t, smoothed. */
  target: number[];
  /** −t_i ln q_i (0 where t_i = 0). */
  lossTerms: number[];
  loss: number;
  /** (q − t) / T */
  gradient: number[];
  /** Σ of the gradient: 0 up to rounding. */
  gradientSum: number;
}

export interface BatchMetricsOptions {
  /** Rows are logits (through softmax) rather than probabilities. */
  logits?: boolean;
  temperature?: number;
  /** Bad rows are listed in `skipped` instead of failing the call. */
  skipInvalidRows?: boolean;
}

export interface BatchMetrics {
  classificationError: number;
  meanSquaredError: number;
  crossEntropy: number;
  rows: { classificationError: number[]; meanSquaredError: number[]; crossEntropy: number[] };
  /** With skipInvalidRows: the rows evaluated (from 0) and those left out. */
  usedRows?: number[];
  skipped?: { row: number; reason: string }[];
}

export interface BatchLoss {
  meanLoss: number;
  losses: Float64Array;
  /** N × C, row-major. */
  gradient: Float64Array;
}

export type PictureSet = 'training' | 'test';

export interface ForwardPass {
  conv: Float64Array;
  relu: Float64Array;
  pooled: Float64Array;
  logits: number[];
  filters: number;
  convSide: number;
  pooledSide: number;
}

export interface Network {
  readonly seed: number;
  readonly side: number;
  readonly steps: number;
  counts(): { training: number; test: number };
  picture(set: PictureSet, index: number): { pixels: Float64Array; label: number };
  forward(pixels: Numbers): ForwardPass;
  /** SGD steps on batches of 10 training pictures; the last batch's loss. */
  train(count: number): number;
  /** One SGD step on one picture; its loss before the step. */
  step(pixels: Numbers, target: number): number;
  evaluate(set: PictureSet): { loss: number; accuracy: number };
  evaluateInSteps(set: PictureSet, picturesPerStep?: number): Generator<number, { loss: number; accuracy: number }, void>;
  reset(): void;
  dispose(): void;
}

export interface LossCore {
  softmax(z: Numbers, options?: Options): number[];
  /** Rows k, columns i: d softmax(z/T)_k / d z_i = y_k (δ_ki − y_i) / T. */
  softmaxJacobian(z: Numbers, options?: Options): number[][];
  logSoftmax(z: Numbers, options?: Options): number[];
  logSumExp(z: Numbers): number;
  crossEntropy(p: Numbers, q: Numbers): number;
  crossEntropyFromLogits(z: Numbers, target: Target, options?: Options): number;
  logitGradient(z: Numbers, target: Target, options?: Options): number[];
  squaredErrorGradient(z: Numbers, target: Target, options?: Options): number[];
  entropy(p: Numbers): number;
  klDivergence(p: Numbers, q: Numbers): number;
  explain(z: Numbers, target: Target, options?: Options): Explanation;
  batchMetrics(predicted: readonly Numbers[], target: readonly number[] | readonly Numbers[], options?: BatchMetricsOptions): BatchMetrics;
  softmaxCrossEntropyBatch(logits: Numbers, classes: number, labels: Numbers): BatchLoss;
  /** The slides' squared error Σ_k (softmax(z)_k − t_k)² per row of logits. */
  squaredErrorBatch(logits: Numbers, classes: number, labels: Numbers): { meanLoss: number; losses: Float64Array };
  createNetwork(options?: { seed?: number }): Network;
  readonly limits: { maxClasses: number; maxValues: number };
  readonly simd: boolean;
  wasmMemoryBytes(): number;
  heapBytesInUse(): number;
}

/** Loads the wasm core once: the SIMD build where the engine runs WASM SIMD, unless {simd: false}. */
export function loadLossCore(options?: { simd?: boolean }): Promise<LossCore>;
