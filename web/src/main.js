// The page's entry: the app mounted in this document, with this window's address bar.
import { mountApp } from './app.js';
import { createBrowser } from './browser.js';

const browser = createBrowser(window);
mountApp(browser.document, { link: browser.search, browser, loadCore: () => LossCore.loadLossCore() });
