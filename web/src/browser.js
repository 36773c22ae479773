// The one place that touches the browser's globals: the address bar, the clipboard, downloads
// and workers. An app is given one of these, so that an app mounted elsewhere (a test page,
// beside another app) can be given its own.

/**
 * For a window: `search` (the query the page opened with), `pageAddress` (the address
 * without query), `replaceQuery(query)`, `copy(text)`, `download(name, text, type)`,
 * `createWorker(url)` (null where workers cannot start), and `document`.
 */
export function createBrowser(win = globalThis) {
  const { location, history, navigator, document } = win;
  return {
    document,
    search: location.search,
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
    createWorker(url) {
      try {
        return new win.Worker(url);
      } catch {
        return null; // file:// pages cannot start one
      }
    },
  };
}
