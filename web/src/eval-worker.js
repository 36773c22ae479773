// The evaluation worker: parses and evaluates a file off the main thread, with progress.
/* global importScripts */
import { evaluateText } from './evaluate.js';

importScripts('loss-core-module.js', 'loss-core.js');
const loading = self.LossCore.loadLossCore();

self.onmessage = async ({ data }) => {
  try {
    const core = await loading;
    const text = data.text ?? new TextDecoder().decode(data.buffer);
    const result = evaluateText(core, text, data.mode, (progress) => self.postMessage({ id: data.id, progress }));
    // The results CSV can be megabytes: send it as bytes, transferred rather than copied.
    const transfer = [];
    if (result.csv) {
      result.csv = new TextEncoder().encode(result.csv);
      transfer.push(result.csv.buffer);
    }
    self.postMessage({ id: data.id, result }, transfer);
  } catch (error) {
    self.postMessage({ id: data.id, result: { error: error.message } });
  }
};
