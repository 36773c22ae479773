// The page around the views: the toolbar (views, examples, sharing, embedding), the link's
// notices, the loading status and the footer. Owns those elements; draws what it is told.
import { byId, el, setAttr, setProp, setText } from '../dom.js';
import { PARTS } from '../limits.js';
import { PRESETS } from '../presets.js';

// The check boxes' labels for the parts an embed can show.
const PART_LABELS = {
  picture: 'Picture', cnn: 'Network (CNN)', logits: 'Logits', temperature: 'Temperature', probabilities: 'Probabilities',
  loss: 'Loss', formulas: 'Formulas and explanation', plot: 'Loss plot', landscape: 'Loss landscape', classes: 'Classes', training: 'Training', compare: 'Compare networks',
};

export class PageView {
  constructor(root, frame = root.documentElement) {
    const $ = (id) => byId(root, id);
    this.root = root;
    this.frame = frame; // its class switches the compact layout for iframes
    this.e = {
      preset: $('preset'), caption: $('preset-caption'), copyLink: $('copy-link'), shareStatus: $('share-status'),
      embedButton: $('embed-button'), embedPanel: $('embed-panel'), embedCode: $('embed-code'), copyEmbed: $('copy-embed'),
      openFull: $('open-full'), notices: $('notices'), noticeList: $('notice-list'), dismissNotices: $('dismiss-notices'),
      loadStatus: $('load-status'), footer: $('page-footer'), showPipeline: $('show-pipeline'), showCompare: $('show-compare'), showLesson: $('show-lesson'), lesson: $('lesson'),
      embedParts: $('embed-parts'),
    };
    this.partBoxes = PARTS.map((name) => {
      const box = el('input', { type: 'checkbox', value: name });
      this.e.embedParts.append(el('label', { class: 'part-choice' }, box, el('span', { class: 'visually-hidden', text: 'Show ' }), PART_LABELS[name]));
      return box;
    });
    for (const p of PRESETS) this.e.preset.append(el('option', { value: p.id, text: p.title }));
    this.e.preset.append(el('option', { value: '', text: 'Your own numbers', disabled: '' }));
  }

  /** Handlers: preset(id), view(name), copyLink(), toggleEmbed(), copyEmbed(), dismissNotices(). */
  bind(h) {
    const e = this.e;
    e.preset.addEventListener('change', () => h.preset(e.preset.value));
    e.copyLink.addEventListener('click', () => h.copyLink());
    e.embedButton.addEventListener('click', () => h.toggleEmbed());
    e.copyEmbed.addEventListener('click', () => h.copyEmbed());
    e.dismissNotices.addEventListener('click', () => h.dismissNotices());
    e.showPipeline.addEventListener('click', () => h.view('pipeline'));
    e.showCompare.addEventListener('click', () => h.view('compare'));
    e.showLesson.addEventListener('click', () => h.view('lesson'));
    for (const box of this.partBoxes) box.addEventListener('change', () => h.togglePart(box.value, box.checked));
  }

  /** Only these parts of the page (null: all), and their boxes in the embed panel ticked. */
  showParts(parts, { again = false } = {}) {
    if (parts === this.shownParts && !again) return; // the same state's parts: nothing to redo on every edit
    this.shownParts = parts;
    for (const node of this.root.querySelectorAll('[data-part]')) node.classList.toggle('part-off', parts !== null && !parts.includes(node.dataset.part));
    for (const box of this.partBoxes) setProp(box, 'checked', parts === null || parts.includes(box.value));
  }

  /** callback(height) whenever the page's height changes (for the frame around it). */
  observeHeight(callback) {
    // The body's own height: the document's grows with the frame and would never shrink.
    const body = this.root.body || this.frame;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(body.getBoundingClientRect().height);
      if (height !== last) callback((last = height));
    });
    observer.observe(body);
    return () => observer.disconnect();
  }

  /** The view switch, the example list and its caption. */
  render({ view, presetId, caption }) {
    setAttr(this.e.showPipeline, 'aria-pressed', view === 'pipeline');
    setAttr(this.e.showCompare, 'aria-pressed', view === 'compare');
    setAttr(this.e.showLesson, 'aria-pressed', view === 'lesson');
    setProp(this.e.lesson, 'hidden', view !== 'lesson');
    this.frame.classList.toggle('lesson-on', view === 'lesson');
    setProp(this.e.preset, 'value', presetId || '');
    this.showCaption(caption);
  }

  /** The lesson's highlight on the page's [data-focus] parts it names. */
  highlight(names) {
    const key = names.join(',');
    if (key === this.highlighted) return;
    this.highlighted = key;
    for (const node of this.root.querySelectorAll('[data-focus]')) node.classList.toggle('lesson-focus', names.includes(node.dataset.focus));
    this.frame.dataset.lessonFocus = key; // the style puts a focused panel of its own first
  }

  showCaption(text) {
    setText(this.e.caption, text);
  }

  setEmbed(on) {
    this.frame.classList.toggle('embed', on);
  }

  showNotices(notices) {
    this.e.noticeList.replaceChildren(...notices.map((n) => el('li', { text: n })));
    this.e.notices.hidden = notices.length === 0;
  }

  /** The page computes: the loading line goes, the toolbar works (a choice made while the
   *  core loads would be lost, so it is disabled until now). */
  showReady() {
    this.e.loadStatus.hidden = true;
    // Shown with the page, not before it: content appearing below it would shift it (layout shift).
    this.e.footer.hidden = false;
    for (const control of [this.e.preset, this.e.copyLink, this.e.embedButton, this.e.showPipeline, this.e.showCompare, this.e.showLesson]) {
      control.disabled = false;
    }
  }

  showLoadError(message) {
    setText(this.e.loadStatus, `The page cannot compute anything: ${message}. It needs WebAssembly, which this browser has turned off or could not load.`);
    this.e.loadStatus.classList.add('is-error');
  }

  shareStatus(text) {
    setText(this.e.shareStatus, text);
  }

  showEmbed(open, code) {
    this.e.embedPanel.hidden = !open;
    this.e.embedButton.setAttribute('aria-expanded', String(open));
    this.e.embedCode.value = code;
  }

  setFullPageLink(href) {
    this.e.openFull.href = href;
  }

  selectEmbedCode() {
    this.e.embedCode.select();
  }
}
