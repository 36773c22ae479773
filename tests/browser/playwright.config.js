// Browser tests in Debian's Chromium (never a downloaded browser). Two servers of dist/:
// one with the strict CSP the page ships with, one without any CSP.
'use strict';
const { defineConfig } = require('@playwright/test');

const CSP_PORT = 4173;
const PLAIN_PORT = 4174;

module.exports = defineConfig({
  testDir: '.',
  outputDir: '../../test-results/browser',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${CSP_PORT}/`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic',
        // A course page made by a test (route.fulfill) counts as public, the page it frames as
        // local, and Chromium blocks that; a real course site and its embed are both public.
        '--disable-features=LocalNetworkAccessChecks',
        // For the leak test: gc() and exact performance.memory figures.
        '--js-flags=--expose-gc', '--enable-precise-memory-info'],
    },
    screenshot: 'only-on-failure',
  },
  webServer: [
    { command: `node scripts/serve.js --port ${CSP_PORT}`, cwd: '../..', url: `http://127.0.0.1:${CSP_PORT}/`, reuseExistingServer: false },
    { command: `node scripts/serve.js --port ${PLAIN_PORT} --no-csp`, cwd: '../..', url: `http://127.0.0.1:${PLAIN_PORT}/`, reuseExistingServer: false },
  ],
});
module.exports.PLAIN_URL = `http://127.0.0.1:${PLAIN_PORT}/`;
