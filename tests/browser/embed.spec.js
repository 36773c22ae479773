// Course sites: the embed framed by a page on another origin (as a course site is), at a course
// column's width and a phone's. The slide's numbers (Dog 0.95, Cat 0.05, loss −ln 0.95) must be
// in view without scrolling; the frame tells its host its height, and sized to it does not scroll.
'use strict';
const { test, expect, exact, open } = require('./fixtures.js');
const { PLAIN_URL } = require('./playwright.config.js');

const READOUTS = ['Dog logit', 'Cat logit', 'Dog probability', 'Cat probability', 'Cross-entropy loss'];

// A course page on another origin (the plain server's port) with the embed code's iframe and
// host script, recording the messages the frame sends.
function hostPage(src, width, height, hostScript = '') {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<style>body{margin:0}</style></head><body>
<iframe id="frame" src="${src}" title="Softmax and cross-entropy explainer" style="border:0;display:block;width:${width}px;height:${height}px"></iframe>
<script>window.messages=[];addEventListener('message',function(e){window.messages.push(e.data);});</script>${hostScript}
</body></html>`;
}

async function frameReady(page) {
  const frame = page.frameLocator('#frame');
  await expect(frame.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  return frame;
}

for (const [width, height] of [[700, 640], [360, 640]]) {
  test(`framed at ${width} × ${height} by another origin, the logits, probabilities and loss are in view`, async ({ page, baseURL, problems }) => {
    await page.route(`${PLAIN_URL}course.html`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(`${baseURL}?preset=dog-cat&embed=1`, width, height) }));
    await page.setViewportSize({ width, height });
    await page.goto(`${PLAIN_URL}course.html`);
    const frame = await frameReady(page);
    await expect(frame.getByLabel('Dog probability', exact)).toHaveText('0.9500'); // the slide
    await expect(frame.getByLabel('Cross-entropy loss', exact)).toHaveText('0.0513'); // −ln 0.95
    for (const name of READOUTS) {
      const box = await frame.getByLabel(name, exact).boundingBox();
      expect(box, name).not.toBeNull();
      expect(box.y, name).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height, `${name} is in view`).toBeLessThanOrEqual(height);
      expect(box.x + box.width, `${name} is in view`).toBeLessThanOrEqual(width);
    }
    expect(await frame.locator('html').evaluate(() => window.scrollY)).toBe(0);
    await page.screenshot({ path: `test-results/screenshots/embed-${width}x${height}.png` });
    expect(problems).toEqual([]);
  });
}

test('the frame reports its height (Canvas’s message and ours); sized by the host script, it does not scroll', async ({ page, baseURL, problems }) => {
  const script = await (async () => {
    // The host script as the Embed panel gives it.
    await open(page, '/?preset=dog-cat');
    await page.getByRole('button', { name: 'Embed' }).click();
    const code = await page.getByLabel('Embed code', exact).inputValue();
    expect(code).toContain('<iframe src="http://127.0.0.1:4173/?preset=dog-cat&amp;embed=1"');
    return code.slice(code.indexOf('<script>'));
  })();
  await page.route(`${PLAIN_URL}course.html`, (route) => route.fulfill({ contentType: 'text/html', body: hostPage(`${baseURL}?preset=dog-cat&embed=1`, 700, 300, script) }));
  await page.goto(`${PLAIN_URL}course.html`);
  const frame = await frameReady(page);
  await expect.poll(() => page.evaluate(() => window.messages.filter((m) => m && m.subject === 'lti.frameResize').length)).toBeGreaterThan(0);
  const reported = await page.evaluate(() => window.messages.filter((m) => m && m.subject === 'softmax-explainer.height').at(-1).height);
  expect(reported).toBeGreaterThan(300);
  // The host script sized the frame to the height reported: no inner scrollbar.
  await expect.poll(() => page.locator('#frame').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(300);
  await expect.poll(() => frame.locator('html').evaluate((h) => h.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  // Adding a class makes the page taller: a new height follows.
  const before = await page.evaluate(() => window.messages.length);
  await frame.getByRole('button', { name: 'Compare networks' }).click();
  await expect.poll(() => page.evaluate((n) => window.messages.slice(n).some((m) => m.subject === 'softmax-explainer.height'), before)).toBe(true);
  await expect.poll(() => frame.locator('html').evaluate((h) => h.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  expect(problems).toEqual([]);
});

test('the Embed panel’s parts check boxes choose what the embed shows, in its link and its snippet', async ({ page, problems }) => {
  await open(page, '/?preset=dog-cat');
  await page.getByRole('button', { name: 'Embed' }).click();
  for (const name of ['Picture', 'Network (CNN)', 'Temperature', 'Formulas and explanation', 'Loss plot', 'Loss landscape', 'Classes', 'Training', 'Compare networks']) {
    await page.getByRole('checkbox', { name: `Show ${name}`, exact: true }).uncheck();
  }
  const code = page.getByLabel('Embed code', exact);
  await expect(code).toHaveValue(/parts=logits,probabilities,loss/);
  const src = (await code.inputValue()).match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  const embedded = await page.context().newPage();
  await open(embedded, src);
  await expect(embedded.getByLabel('Dog logit', exact)).toBeVisible();
  await expect(embedded.getByLabel('Cross-entropy loss', exact)).toHaveText('0.0513');
  await expect(embedded.getByLabel('Picture', exact)).toBeHidden();
  await expect(embedded.getByRole('button', { name: 'Compare networks' })).toBeHidden();
  await expect(embedded.getByLabel('Temperature', exact)).toBeHidden();
  await embedded.close();
  // The last part cannot be left out.
  await page.getByRole('checkbox', { name: 'Show Logits', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Show Probabilities', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Show Loss', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Show Loss', exact: true })).toBeChecked();
  await expect(page.locator('#share-status')).toHaveText('An embed shows at least one part.');
  expect(problems).toEqual([]);
});

test('the single file, alone in an empty folder, opened from file://: the slide’s numbers, training, no other request', async ({ page, problems }) => {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'single-'));
  const file = path.join(folder, 'softmax-cross-entropy.html');
  fs.copyFileSync(path.join(__dirname, '..', '..', 'dist', 'softmax-cross-entropy.html'), file);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page, `file://${file}?preset=dog-cat`);
  await expect(page.getByLabel('Dog probability', exact)).toHaveText('0.9500'); // the slide
  await expect(page.getByLabel('Cross-entropy loss', exact)).toHaveText('0.0513'); // −ln 0.95
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Number((await page.getByLabel('Training steps', exact).textContent()).replace(/,/g, '')), { timeout: 20000 }).toBeGreaterThanOrEqual(20);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // Compare and evaluate run in the page.
  await page.getByRole('button', { name: 'Compare networks' }).click();
  await expect(page.getByLabel('NN1 cross-entropy', exact)).toHaveText('0.38'); // the slide
  await page.getByLabel('Predictions (CSV or TSV)', exact).fill('Dog,Cat,label\n0.9,0.1,Dog\n0.1,0.9,Cat\n0.4,0.6,Dog');
  await page.getByRole('button', { name: 'Evaluate' }).click();
  await expect(page.getByLabel('File cross-entropy', exact)).toHaveText('0.3757'); // the slide's NN1, reference.py
  expect(requests.filter((url) => !url.startsWith('data:') && url !== `file://${file}?preset=dog-cat`)).toEqual([]);
  expect(problems).toEqual([]);
});

// A host page on the same site as dist/, with the CSP a course site might send, and two elements.
const COMPONENT_HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title>
<meta http-equiv="Content-Security-Policy" content="script-src 'self' 'wasm-unsafe-eval'">
<style>.column{max-width:700px}body{font-family:Georgia,serif;text-align:center;color:rebeccapurple}</style></head><body><h1>Week 3: softmax</h1><div class="column">
<softmax-explainer id="first" preset="dog-cat" parts="logits,probabilities,loss"></softmax-explainer>
<softmax-explainer id="second" preset="nn1-vs-nn2" embed="0"></softmax-explainer></div>
<p id="host-text">The host's own text.</p>
<script src="softmax-explainer.js"></script></body></html>`;

test('two <softmax-explainer> elements under the host’s CSP keep separate state, touch neither its address nor its styles', async ({ page, baseURL, problems }) => {
  await page.route(`${baseURL}course-week-3.html`, (route) => route.fulfill({ contentType: 'text/html', body: COMPONENT_HOST }));
  await page.goto(`${baseURL}course-week-3.html`);
  const first = page.locator('#first');
  const second = page.locator('#second');
  for (const element of [first, second]) await expect(element.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  await expect(first.getByLabel('Dog probability', exact)).toHaveText('0.9500'); // the slide
  await expect(first.getByLabel('Picture', exact)).toBeHidden(); // parts: logits, probabilities, loss
  await expect(second.getByLabel('NN1 cross-entropy', exact)).toHaveText('0.38'); // the slide
  await first.getByLabel('Dog logit', exact).fill('0');
  await expect(first.getByLabel('Dog probability', exact)).toHaveText('0.5000'); // equal logits, by hand
  await expect(second.getByLabel('NN1 cross-entropy', exact)).toHaveText('0.38');
  // Once the element has written its link (to its "Open the full page"), the host's address is unchanged.
  await expect(first.getByRole('link', { name: 'Open the full page' })).toHaveAttribute('href', `${baseURL}index.html?preset=uncertain&parts=logits,probabilities,loss`);
  expect(page.url()).toBe(`${baseURL}course-week-3.html`);
  // No style leaks either way: the host's text keeps its font, the element its own.
  const hostFont = await page.locator('#host-text').evaluate((p) => getComputedStyle(p).fontFamily);
  expect(hostFont).not.toContain('system-ui');
  const inside = await first.locator('#loss-sentence').evaluate((p) => [getComputedStyle(p).fontFamily, getComputedStyle(p).textAlign, getComputedStyle(p).color]);
  expect(inside[0]).toContain('system-ui');
  expect(inside[1]).not.toBe('center');
  expect(inside[2]).not.toBe('rgb(102, 51, 153)');
  expect(problems).toEqual([]);
});
