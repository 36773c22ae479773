// The app mounted by a host page, twice, each in a shadow root of its own with its own address
// bar: what one learner does in one must not show in the other. Expected values: the slides
// (Dog 0.95) and by hand (equal logits give 0.5).
'use strict';
const { test, expect, exact, valueOf } = require('./fixtures.js');

// A host page: the page's own markup (from index.html, without its scripts) in two shadow
// roots, mounted with dist/softmax-app.js; each app's address writes are recorded.
const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two apps</title></head><body>
<div id="first"></div><div id="second"></div>
<script src="loss-core-module.js"></script><script src="loss-core.js"></script><script src="softmax-app.js"></script>
<script src="mount-two.js"></script></body></html>`;
const MOUNT = `
(async () => {
  const html = await (await fetch('index.html')).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('script').forEach((s) => s.remove());
  const browser = SoftmaxExplainer.createBrowser(window);
  window.links = { first: [], second: [] };
  window.apps = {};
  for (const [id, link] of [['first', '?preset=dog-cat'], ['second', '?preset=dog-cat']]) {
    const root = document.getElementById(id).attachShadow({ mode: 'open' });
    root.innerHTML = '<link rel="stylesheet" href="style.css"><div class="frame">' + doc.body.innerHTML + '</div>';
    const own = { ...browser, search: link, replaceQuery: (query) => window.links[id].push(query) };
    window.apps[id] = SoftmaxExplainer.mountApp(root, { link, browser: own, loadCore: () => LossCore.loadLossCore(), frame: root.querySelector('.frame') });
  }
})();`;

test('two apps on one page keep separate state and separate links', async ({ page, problems }) => {
  await page.route('**/two-apps.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.route('**/mount-two.js', (route) => route.fulfill({ contentType: 'text/javascript', body: MOUNT }));
  await page.goto('/two-apps.html');
  const first = page.locator('#first');
  const second = page.locator('#second');
  for (const app of [first, second]) await expect(app.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  // Slide: both open on Dog 0.95.
  for (const app of [first, second]) {
    await expect(app.getByLabel('Dog probability', exact)).toHaveText('0.9500');
  }
  // Equal logits in the first: 0.5 there, by hand; the second still shows the slide.
  await first.getByLabel('Dog logit', exact).fill('0');
  await expect(first.getByLabel('Dog probability', exact)).toHaveText('0.5000');
  await expect(second.getByLabel('Dog probability', exact)).toHaveText('0.9500');
  await second.getByRole('button', { name: 'Compare networks' }).click();
  await expect(second.getByLabel('NN1 cross-entropy', exact)).toHaveText('0.38'); // the slide
  await expect(first.getByLabel('NN1 cross-entropy', exact)).toBeHidden();
  await expect(first.getByLabel('Dog probability', exact)).toBeVisible();
  // Each app wrote its own link; the host page's address bar was left alone.
  await expect.poll(() => page.evaluate(() => window.links.first.at(-1))).toMatch(/preset=uncertain/);
  await expect.poll(() => page.evaluate(() => window.links.second.at(-1))).toMatch(/preset=nn1-vs-nn2/);
  expect(page.url()).toMatch(/\/two-apps\.html$/);
  expect(await first.getByLabel('Dog probability', exact).getAttribute('data-value')).toBe('0.5');
  expect(await valueOf(page.locator('#second'), 'NN1 cross-entropy')).toBeCloseTo(3.75670587729935889e-1, 12); // reference.py
  expect(problems).toEqual([]);
});
