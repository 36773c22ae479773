// The one place that touches the browser's globals: the address bar, the clipboard, downloads
// and workers. An app is given one of these, so that an app mounted elsewhere (a test page,
// beside another app) can be given its own.

/**
 * For a window: `search` (the query the page opened with), `pageAddress` (the address
 * without query), `replaceQuery(query)`, `copy(text)`, `download(name, text, type)`,
 * `inFrame` and `tellFrame(message)`, `createWorker(url)` (null where workers cannot start),
 * `storage`, `lmsApi()`, `onLeave(callback)` and `document`.
 */
import { findScormApi } from './scorm.js';

export function createBrowser(win = globalThis, { scriptBase = null } = {}) {
  const { location, history, navigator, document } = win;
  return {
    /** A room of the app (a classic script beside the page, or `scriptBase`) and the global it
     *  defines; already there in the single file. */
    loadRoom(file, global) {
      if (win[global]) return Promise.resolve(win[global]);
      return new Promise((resolve, reject) => {
        const src = scriptBase ? new URL(file, scriptBase).href : file;
        const script = Object.assign(document.createElement('script'), { src, onload: () => resolve(win[global]) });
        script.onerror = () => reject(new Error(`${file} could not be loaded`));
        document.head.append(script);
      });
    },
    document,
    // A page without a query opens its own start link, if it has one (the SCORM package's lesson).
    search: location.search || (document && document.documentElement.dataset.startLink) || '',
    pageAddress: () => location.href.split(/[?#]/)[0],
    replaceQuery(query) {
      try {
        history.replaceState(null, '', query);
      } catch {
        // Some file:// contexts refuse; the Copy link button still gives the address.
      }
    },
    copy: (text) => navigator.clipboard.writeText(text),
    download(name, text, type) {
      const url = URL.createObjectURL(new Blob([text], { type }));
      const a = Object.assign(document.createElement('a'), { href: url, download: name });
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    },
    /** In a frame: the page that frames it is told `message` (any origin: it carries no secret). */
    inFrame: win.parent !== win,
    tellFrame(message) {
      if (win.parent !== win) win.parent.postMessage(message, '*');
    },
    /** localStorage, where the browser allows it (sandboxed frames and some file:// pages do not). */
    storage: {
      get: (key) => { try { return win.localStorage.getItem(key); } catch { return null; } },
      set: (key, value) => { try { win.localStorage.setItem(key, value); } catch { /* progress lives for this visit only */ } },
      remove: (key) => { try { win.localStorage.removeItem(key); } catch { /* nothing saved to remove */ } },
    },
    /** The SCORM 1.2 API of the LMS this page runs in, or null. */
    lmsApi: () => findScormApi(win),
    /** callback() when the page is left (closed, reloaded, navigated away). */
    onLeave(callback) {
      win.addEventListener('pagehide', callback);
      win.addEventListener('beforeunload', callback);
    },
    createWorker(url) {
      if (win.softmaxSingleFile) return null; // one file: nothing beside it to start
      try {
        return new win.Worker(url);
      } catch {
        return null; // file:// pages cannot start one
      }
    },
  };
}
