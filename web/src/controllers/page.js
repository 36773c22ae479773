// The page's user actions: examples, switching views, copying the link, the embed code and
// the link's notices. It also keeps the toolbar, the caption and the address in step.
import { lessonFocus, pageView } from '../lesson-plan.js';
import { writeLink } from '../link.js';
import { findPreset, presetOf } from '../presets.js';
import * as edit from '../transitions.js';

// The few lines a course page needs to size the frame to the height it reports (MIT, ours).
export const HOST_SCRIPT = '<script>addEventListener("message",function(e){var d=e.data;if(!d||d.subject!=="softmax-explainer.height")return;' +
  'document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=d.height+"px";});});<\/script>';

export const captionOf = (preset) => (preset ? preset.caption : 'Your own numbers: choose an example to start again from the slides.');

export class PageController {
  constructor({ store, views, browser }) {
    this.store = store;
    this.views = views;
    this.page = views.page;
    this.browser = browser;
    this.embedOpen = false;
    this.page.bind(this);
    store.subscribe((state) => this.render(state));
    // A refused edit on the pipeline says why there (the compare view has its own message line).
    store.onRefusal((message, next) => { if (pageView(next) === 'pipeline') this.page.shareStatus(`Not applied: ${message}`); });
    // In a frame, the page says its height whenever it changes (Canvas's message, and our own).
    if (browser.inFrame) this.stopHeight = this.page.observeHeight((height) => this.tellHeight(height));
  }

  render(state) {
    const preset = presetOf(state);
    this.page.setEmbed(state.embed);
    this.page.showParts(state.parts);
    this.page.render({ view: state.view, presetId: preset && preset.id, caption: captionOf(preset) });
    this.page.highlight(lessonFocus(state));
    if (this.embedOpen) this.page.showEmbed(true, this.embedCode());
  }

  /** The address bar and the "Open the full page" link, once a change has settled. */
  writeLink(state) {
    this.page.setFullPageLink(this.browser.pageAddress() + writeLink({ ...state, embed: false }));
    this.browser.replaceQuery(writeLink(state));
  }

  preset(id) {
    const preset = findPreset(id);
    if (!preset) return;
    this.views.pipeline.clearMessages();
    if (this.views.compare) this.views.compare.cellMessage(null);
    this.store.commit(edit.applyPreset(this.store.state, preset));
  }

  view(name) {
    this.store.commit(edit.showView(this.store.state, name));
  }

  copyLink() {
    this.copy(this.browser.pageAddress() + writeLink(this.store.state), 'Link copied: it opens exactly this view.');
  }

  toggleEmbed() {
    this.embedOpen = !this.embedOpen;
    this.page.showEmbed(this.embedOpen, this.embedCode());
  }

  copyEmbed() {
    this.page.selectEmbedCode();
    this.copy(this.embedCode(), 'Embed code copied.');
  }

  /** Shows or leaves out a part (the embed panel's check boxes); at least one stays. */
  togglePart(name, on) {
    const next = edit.setPart(this.store.state, name, on);
    if (next) return this.store.commit(next);
    this.page.showParts(this.store.state.parts, { again: true }); // the box just unticked goes back
    this.page.shareStatus('An embed shows at least one part.');
  }

  /** The frame's height, for Canvas (lti.frameResize) and for our host script (embedding.md). */
  tellHeight(height) {
    this.browser.tellFrame({ subject: 'lti.frameResize', height });
    this.browser.tellFrame({ subject: 'softmax-explainer.height', height });
  }

  destroy() {
    if (this.stopHeight) this.stopHeight();
  }

  dismissNotices() {
    this.page.showNotices([]);
  }

  embedCode() {
    const src = this.browser.pageAddress() + writeLink({ ...this.store.state, embed: true });
    const safe = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<iframe src="${safe}" title="Softmax and cross-entropy explainer" width="100%" height="640" style="border:0;max-width:100%" loading="lazy"></iframe>\n${HOST_SCRIPT}`;
  }

  async copy(text, done) {
    try {
      await this.browser.copy(text);
      this.page.shareStatus(done);
    } catch {
      this.page.shareStatus(`Copy this: ${text}`);
    }
  }
}
