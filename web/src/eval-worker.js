// The evaluation worker: parses and evaluates a file off the main thread, with progress.
/* global importScripts */
import { evaluateText } from './evaluate.js';

importScripts('loss-core-module.js', 'loss-core-wasm.js', 'loss-core.js');
const loading = self.LossCore.loadLossCore();

self.onmessage = async ({ data }) => {
  try {
    const core = await loading;
    const result = evaluateText(core, data.text, data.mode, (progress) => self.postMessage({ id: data.id, progress }));
    self.postMessage({ id: data.id, result });
  } catch (error) {
    self.postMessage({ id: data.id, result: { error: error.message } });
  }
};
