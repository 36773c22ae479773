// Wires the page together: the link gives the state, the core computes, the view draws,
// and every change goes back into the address.
import { findPreset } from './presets.js';
import {
  LIMITS, defaultNames, parseLogit, parseName, parseTemperature, presetOf, readLink, writeLink,
} from './state.js';
import { View } from './view.js';

const view = new View(document);
const URL_DELAY_MS = 120; // history.replaceState is rate-limited; while dragging, write the latest only

// The loss curve −ln p for the plot, from the core, once.
function lossCurve(core) {
  const points = [];
  for (let k = 1; k <= 200; k++) {
    const p = k === 200 ? 1 : Math.exp(-7 * (1 - k / 200)) * (k / 200); // dense near 0, where it is steep
    points.push([p, core.crossEntropy([1, 0], [p, 1 - p])]);
  }
  return points;
}

function pageAddress() {
  return location.href.split(/[?#]/)[0];
}

function start(core) {
  const curve = lossCurve(core);
  const opened = readLink(location.search);
  let state = opened.state;
  let embedOpen = false;
  let urlTimer = null;
  view.showNotices(opened.notices);

  function writeUrl() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => {
      try {
        history.replaceState(null, '', writeLink(state));
      } catch {
        // Some file:// contexts refuse; the Copy link button still gives the address.
      }
    }, URL_DELAY_MS);
  }

  // The single way the state changes: compute first, so a state the core refuses is
  // never shown and the last good one stays.
  function update(next, editing = null) {
    let result;
    try {
      result = core.explain(next.logits, next.truth, { temperature: next.temperature });
    } catch (error) {
      view.shareStatus(`Not applied: ${error.message}`);
      return false;
    }
    state = next;
    const preset = presetOf(state);
    const caption = preset ? preset.caption : 'Your own numbers: choose an example to start again from the slides.';
    view.render(state, result, { curve, presetId: preset && preset.id, caption, editing });
    view.setFullPageLink(pageAddress() + writeLink({ ...state, embed: false }));
    if (embedOpen) view.showEmbed(true, embedCode());
    writeUrl();
    return true;
  }

  const withLogit = (i, value) => ({ ...state, logits: state.logits.map((z, j) => (j === i ? value : z)) });

  function embedCode() {
    const src = pageAddress() + writeLink({ ...state, embed: true });
    const safe = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<iframe src="${safe}" title="Softmax and cross-entropy explainer" width="100%" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>`;
  }

  async function copy(text, done) {
    try {
      await navigator.clipboard.writeText(text);
      view.shareStatus(done);
    } catch {
      view.shareStatus(`Copy this: ${text}`);
    }
  }

  view.bind({
    logitText(i, text) {
      const r = parseLogit(text);
      if (r.error) return view.fieldMessage(i, `${state.classes[i]} logit: ${r.error}. Still using ${state.logits[i]}.`);
      view.fieldMessage(i, null);
      update(withLogit(i, r.value), `logit-${i}`);
    },
    logitValue(i, value) {
      view.fieldMessage(i, null);
      update(withLogit(i, value));
    },
    logitStep(i, delta) {
      const value = Math.round((state.logits[i] + delta) * 1e6) / 1e6;
      if (parseLogit(String(value)).error) return;
      view.fieldMessage(i, null);
      update(withLogit(i, value));
    },
    truth(i) {
      update({ ...state, truth: i });
    },
    temperatureText(text) {
      const r = parseTemperature(text);
      if (r.error) return view.fieldMessage('temperature', `Temperature: ${r.error}. Still using ${state.temperature}.`);
      view.fieldMessage('temperature', null);
      update({ ...state, temperature: r.value }, 'temperature');
    },
    temperatureValue(value) {
      view.fieldMessage('temperature', null);
      update({ ...state, temperature: Number(value.toPrecision(3)) });
    },
    temperatureStep(delta) {
      const value = Math.round((state.temperature + delta) * 1e6) / 1e6;
      if (parseTemperature(String(value)).error) return;
      view.fieldMessage('temperature', null);
      update({ ...state, temperature: value });
    },
    preset(id) {
      const preset = findPreset(id);
      if (!preset) return;
      for (let i = 0; i < state.classes.length; i++) view.fieldMessage(i, null);
      update({ ...state, ...structuredClone(preset.state) });
    },
    copyLink() {
      copy(pageAddress() + writeLink(state), 'Link copied: it opens exactly this view.');
    },
    toggleEmbed() {
      embedOpen = !embedOpen;
      view.showEmbed(embedOpen, embedCode());
    },
    copyEmbed() {
      view.selectEmbedCode();
      copy(embedCode(), 'Embed code copied.');
    },
    rename(i, text) {
      const others = state.classes.filter((_, j) => j !== i);
      const r = parseName(text, others);
      if (r.error) return view.fieldMessage('classes', `Class ${i + 1} name: ${r.error}. Still “${state.classes[i]}”.`);
      view.fieldMessage('classes', null);
      update({ ...state, classes: state.classes.map((n, j) => (j === i ? r.value : n)) });
    },
    remove(i) {
      if (state.classes.length <= LIMITS.minClasses) return;
      const keep = (_, j) => j !== i;
      const truth = state.truth === i ? 0 : state.truth > i ? state.truth - 1 : state.truth;
      view.fieldMessage('classes', null);
      update({ ...state, classes: state.classes.filter(keep), logits: state.logits.filter(keep), truth });
    },
    add() {
      if (state.classes.length >= LIMITS.maxClasses) return;
      const taken = new Set(state.classes.map((n) => n.toLowerCase()));
      let k = state.classes.length + 1;
      let name = defaultNames(k)[k - 1];
      while (taken.has(name.toLowerCase())) name = `Class ${++k}`;
      view.fieldMessage('classes', null);
      update({ ...state, classes: [...state.classes, name], logits: [...state.logits, 0] });
    },
    gradientStep() {
      // One step of gradient descent with learning rate 1: z ← z − ∂L/∂z (from the core).
      const gradient = core.logitGradient(state.logits, state.truth, { temperature: state.temperature });
      const next = state.logits.map((z, i) => Math.round((z - gradient[i]) * 1e12) / 1e12);
      if (next.some((z) => parseLogit(String(z)).error)) return;
      update({ ...state, logits: next });
    },
    dismissNotices() {
      view.showNotices([]);
    },
  });

  update(state);
  view.showReady();
}

LossCore.loadLossCore().then(start, (error) => view.showLoadError(error.message));

