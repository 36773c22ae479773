// <softmax-explainer preset="dog-cat" parts="logits,probabilities,loss">: the page as a web
// component (dist/softmax-explainer.js), for course sites that take a script but not an iframe.
// Each element mounts its own app in its own shadow root: nothing is shared with the host page
// or another element, and the host's address bar is left alone. The core, the styles and the
// worker load from beside this script.
/* global __MARKUP__ */
import { mountApp } from './app.js';
import { createBrowser } from './browser.js';
import { mountCompareRoom } from './compare-room.js';
import { mountLandscapeRoom } from './landscape-room.js';

// The compare room comes in this script: one file to host beside the core.
self.SoftmaxCompareRoom = mountCompareRoom;
self.SoftmaxLandscapeRoom = mountLandscapeRoom;

const here = new URL('.', document.currentScript.src);
// Attributes that mirror the link's keys; `link` takes a whole query (for T, s, h, …).
const KEYS = ['preset', 'parts', 'view', 'embed'];

let coreScripts = null;
function loadCore() {
  coreScripts = coreScripts || ['loss-core-module.js', 'loss-core.js'].reduce((loaded, file) => loaded.then(() => new Promise((resolve, reject) => {
    if (file === 'loss-core.js' && self.LossCore) return resolve();
    const script = Object.assign(document.createElement('script'), { src: new URL(file, here).href, onload: resolve });
    script.onerror = () => reject(new Error(`${file} could not be loaded`));
    document.head.append(script);
  })), Promise.resolve());
  return coreScripts.then(() => self.LossCore.loadLossCore());
}

class SoftmaxExplainer extends HTMLElement {
  connectedCallback() {
    if (this.app) return;
    const root = this.attachShadow({ mode: 'open' });
    const style = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: new URL('softmax-explainer.css', here).href });
    const frame = Object.assign(document.createElement('div'), { className: 'frame' });
    frame.innerHTML = __MARKUP__; // the page's own markup, from index.html at build time
    root.append(style, frame);
    const link = this.link();
    const browser = {
      ...createBrowser(window, { scriptBase: here }),
      search: link,
      pageAddress: () => new URL('index.html', here).href,
      replaceQuery: () => {}, // the host page's address is not ours
      inFrame: false,
      tellFrame: () => {},
      createWorker: (url) => new Worker(new URL(url, here)),
    };
    this.app = mountApp(root, { link, browser, loadCore, frame });
  }

  disconnectedCallback() {
    if (this.app) this.app.destroy();
  }

  // The link the attributes stand for (read as strictly as any link); compact unless embed="0".
  link() {
    const keys = KEYS.filter((k) => this.hasAttribute(k)).map((k) => `${k}=${this.getAttribute(k).split(',').map(encodeURIComponent).join(',')}`);
    if (!this.hasAttribute('embed')) keys.push('embed=1');
    const more = (this.getAttribute('link') || '').replace(/^\?/, '');
    return `?${[...keys, ...(more ? [more] : [])].join('&')}`;
  }
}

if (!customElements.get('softmax-explainer')) customElements.define('softmax-explainer', SoftmaxExplainer);
