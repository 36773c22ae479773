// For pages that mount the app themselves (a test page with two apps; a web component): the
// app and the browser adapter as the global SoftmaxExplainer. Nothing is mounted on load.
import { mountApp } from './app.js';
import { createBrowser } from './browser.js';
import { mountCompareRoom } from './compare-room.js';
import { mountLandscapeRoom } from './landscape-room.js';

self.SoftmaxExplainer = { mountApp, createBrowser };
self.SoftmaxCompareRoom = mountCompareRoom;
self.SoftmaxLandscapeRoom = mountLandscapeRoom;
