// The page as a learner uses it: by the accessible names of its controls and values.
// Expected values come from tests/reference/reference.py (Python decimal, 50 digits) or
// the slides, as each comment says; the page's own numbers come from the wasm core.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, exact, valueOf, expectValue, open } = require('./fixtures.js');

const SHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');
fs.mkdirSync(SHOTS, { recursive: true });

// The visible text never shows NaN, undefined or Infinity spelled out.
async function expectNoJunk(page) {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/NaN|undefined|Infinity|null/);
}

test('opens on the slide: Dog 0.95 / Cat 0.05, loss 0.0513, gradient y − t', async ({ page, problems }) => {
  await open(page, '/');
  // Slide: Dog 0.95, Cat 0.05; loss -ln 0.95 = 0.0512932943875505334 (reference.py).
  await expectValue(page, 'Dog probability', 0.95);
  await expectValue(page, 'Cat probability', 0.05);
  await expectValue(page, 'Cross-entropy loss', 0.0512932943875505334);
  // Slide: dL/dz_i = y_i - t_i = (0.95 - 1, 0.05 - 0).
  await expectValue(page, 'Dog gradient', -0.05);
  await expectValue(page, 'Cat gradient', 0.05);
  await expect(page.getByLabel('Dog probability', exact)).toHaveText('0.9500');
  await expect(page.getByLabel('Cross-entropy loss', exact)).toHaveText('0.0513');
  await expect(page.getByLabel('Dog gradient', exact)).toHaveText('−0.0500');
  await expect(page.getByLabel('Example', exact)).toHaveValue('dog-cat');
  await expect(page.getByLabel('True class', exact)).toHaveValue('0');
  // The formulas are typeset MathML with the live numbers in them.
  await expect(page.locator('#softmax-formula math').first()).toBeVisible();
  await expect(page.locator('#loss-formula')).toContainText('0.9500');
  await expect(page.locator('#explain-loss')).toContainText('−ln 0.9500 = 0.0513');
  await expect(page.locator('#explain-gradient')).toContainText('raise Dog');
  await page.screenshot({ path: path.join(SHOTS, 'dog-cat.png'), fullPage: true });
  await expectNoJunk(page);
  expect(problems).toEqual([]);
});

test('typing logits updates every output with the core\'s values', async ({ page, problems }) => {
  await open(page, '/');
  await page.getByLabel('Dog logit', exact).fill('2');
  await page.getByLabel('Cat logit', exact).fill('0.5');
  await page.getByLabel('True class', exact).selectOption('Cat');
  // reference.py: softmax([2, 0.5]), crossEntropyFromLogits([2, 0.5], 1), logitGradient.
  await expectValue(page, 'Dog probability', 8.17574476193643660e-1);
  await expectValue(page, 'Cat probability', 1.82425523806356340e-1);
  await expectValue(page, 'Cross-entropy loss', 1.70141327798275241);
  await expectValue(page, 'Dog gradient', 8.17574476193643660e-1);
  await expectValue(page, 'Cat gradient', -8.17574476193643660e-1);
  // The same numbers through the page's own core API.
  const core = await page.evaluate(async () => {
    const c = await LossCore.loadLossCore();
    return { p: c.softmax([2, 0.5]), loss: c.crossEntropyFromLogits([2, 0.5], 1) };
  });
  expect(await valueOf(page, 'Dog probability')).toBe(core.p[0]);
  expect(await valueOf(page, 'Cross-entropy loss')).toBe(core.loss);
  await expect(page.getByLabel('Example', exact)).toHaveValue('');
  await expect(page.getByText('raise Cat')).toBeVisible();
  expect(problems).toEqual([]);
});

test('slider, arrow keys and dragging the bar each change a logit', async ({ page, problems }) => {
  await open(page, '/?preset=uncertain');
  const dog = page.getByLabel('Dog logit', exact);
  await dog.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(dog).toHaveValue('1.1');
  const slider = page.getByLabel('Cat logit slider', exact);
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByLabel('Cat logit', exact)).toHaveValue('0.01');
  // Drag the Dog bar to three quarters of its track: logit 5 on the −10..10 scale.
  const track = page.locator('.logit-track').first();
  const box = await track.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const z = Number(await dog.inputValue());
  expect(z).toBeGreaterThan(4.8);
  expect(z).toBeLessThan(5.2);
  const p = await page.evaluate(async (z) => (await LossCore.loadLossCore()).softmax([z, 0.01]), z);
  await expectValue(page, 'Dog probability', p[0]);
  expect(problems).toEqual([]);
});

test('choosing a picture shows the network’s logits for it and its class as the true class; its link reopens identically', async ({ page, browser, problems }) => {
  await open(page, '/');
  await expectValue(page, 'Dog probability', 0.95); // the slide's typed logits (ln 19, 0)
  // Test pictures alternate dog, cat: the 2nd is a cat (the core's set).
  await page.getByLabel('Picture', exact).selectOption({ label: 'Test picture 2 (cat)' });
  await expect(page.getByLabel('True class', exact)).toHaveValue('1');
  // An edit belongs to the picture it was made on: the new picture shows the network's logits.
  // Expected: a fresh network (seed 1) in the page's core, on test picture 2, true class Cat.
  const expected = await page.evaluate(async () => {
    const core = await LossCore.loadLossCore();
    const net = core.createNetwork({ seed: 1 });
    const z = net.forward(net.picture('test', 1).pixels).logits;
    net.dispose();
    return { z, cat: core.crossEntropyFromLogits(z, 1), dog: core.crossEntropyFromLogits(z, 0) };
  });
  await expectValue(page, 'Network Dog logit', expected.z[0], 15);
  await expectValue(page, 'Cross-entropy loss', expected.cat, 15);
  await expect(page.locator('.logit-row').first()).toContainText('from the network');
  await expect(page).toHaveURL(/z=n,n.*pic=test\.2/);
  const again = await browser.newPage();
  await open(again, page.url());
  expect(await valueOf(again, 'Cross-entropy loss')).toBe(await valueOf(page, 'Cross-entropy loss'));
  await expect(again.getByLabel('True class', exact)).toHaveValue('1');
  await again.close();
  // The true class set directly.
  await page.getByLabel('True class', exact).selectOption('Dog');
  await expectValue(page, 'Cross-entropy loss', expected.dog, 15);
  expect(problems).toEqual([]);
});

// Each preset with its documented numbers (docs/link-format.md, captions). reference.py for the values.
const PRESETS = [
  ['dog-cat', { Dog: 0.95, Cat: 0.05 }, 0.0512932943875505334, '0.0513'],
  ['dog-cat-0.9', { Dog: 0.9, Cat: 0.1 }, 1.05360515657826301e-1, '0.1054'],
  ['confident-wrong', { Dog: 9.97527376843365226e-1, Cat: 2.47262315663477433e-3 }, 6.00247568513773045, '6.0025'],
  ['uncertain', { Dog: 0.5, Cat: 0.5 }, 6.93147180559945309e-1, '0.6931'],
  // By hand: e^{-2000} underflows, so (1, 0) exactly, and the loss for Cat is exactly 2000.
  ['huge-logits', { Dog: 1, Cat: 0 }, 2000, '2000'],
  ['three-classes', { Dog: 6.59001138885967907e-1, Cat: 2.42432970704713922e-1, Bird: 9.85658904093181716e-2 }, 4.17030016277833483e-1, '0.4170'],
  ['hot-and-cold', { Dog: 4.16547631319015524e-1, Cat: 3.24407621457788142e-1, Bird: 2.59044747223196334e-1 }, 8.75754463003948770e-1, '0.8758'],
];

for (const [id, probabilities, loss, lossText] of PRESETS) {
  test(`preset ${id} shows its documented numbers, from the list and from its link`, async ({ page, problems }) => {
    await open(page, '/?preset=uncertain');
    await page.getByLabel('Example', exact).selectOption(id);
    await expect(page).toHaveURL(new RegExp(`\\?preset=${id.replace('.', '\\.')}$`));
    for (const [name, p] of Object.entries(probabilities)) await expectValue(page, `${name} probability`, p);
    await expectValue(page, 'Cross-entropy loss', loss);
    await expect(page.getByLabel('Cross-entropy loss', exact)).toHaveText(lossText);
    await expect(page.locator('#preset-caption')).not.toBeEmpty();
    await page.screenshot({ path: path.join(SHOTS, `preset-${id}.png`), fullPage: true });
    const fresh = await page.context().newPage();
    await open(fresh, `/?preset=${id}`);
    for (const [name, p] of Object.entries(probabilities)) await expectValue(fresh, `${name} probability`, p);
    await expectNoJunk(fresh);
    expect(problems).toEqual([]);
  });
}

test('a share link reopens the same state with identical numbers', async ({ page, context, problems }) => {
  await open(page, '/?preset=three-classes');
  await page.getByLabel('Dog logit', exact).fill('1.25');
  await page.getByLabel('Class 3 name', exact).fill('Owl, barn');
  await page.getByLabel('Class 3 name', exact).press('Enter');
  await page.getByLabel('Temperature', exact).fill('0.7');
  await page.getByLabel('True class', exact).selectOption('Owl, barn');
  await expect(page).toHaveURL(/T=0\.7/);
  const names = ['Dog probability', 'Cat probability', 'Owl, barn probability', 'Cross-entropy loss',
    'Dog gradient', 'Cat gradient', 'Owl, barn gradient'];
  const before = await Promise.all(names.map((n) => valueOf(page, n)));
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('#share-status')).toContainText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(page.url());
  const reopened = await context.newPage();
  await open(reopened, copied);
  await expect(reopened.locator('#load-status')).toBeHidden(); // the core has loaded and drawn
  const after = await Promise.all(names.map((n) => valueOf(reopened, n)));
  expect(after).toEqual(before);
  await expect(reopened.getByLabel('Owl, barn logit', exact)).toHaveValue('0.1');
  await expect(reopened.getByLabel('Temperature', exact)).toHaveValue('0.7');
  await expect(reopened.locator('#notices')).toBeHidden();
  expect(problems).toEqual([]);
});

test('bad typed input gets a message at the field and the last good value stays', async ({ page, problems }) => {
  await open(page, '/');
  const dog = page.getByLabel('Dog logit', exact);
  for (const [text, message] of [
    ['abc', '“abc” is not a number'],
    ['', 'is empty'],
    ['1e400', 'too large'],
    ['--1', 'is not a number'],
    ['1,5', 'write the decimal mark as a point (1.5)'],
    ['1 000', 'has spaces inside'],
  ]) {
    await dog.fill(text);
    await expect(page.locator('#logit-0-message')).toContainText(message);
    await expect(dog).toHaveAttribute('aria-invalid', 'true');
    await expectValue(page, 'Dog probability', 0.95); // the slide's state is still in force
    await expectNoJunk(page);
  }
  await dog.fill('0');
  await expect(page.locator('#logit-0-message')).toBeHidden();
  await expectValue(page, 'Dog probability', 0.5);
  await page.getByLabel('Temperature', exact).fill('0');
  await expect(page.locator('#temperature-message')).toContainText('outside the range 0.01 to 100');
  expect(problems).toEqual([]);
});

test('a damaged link opens the closest valid state with a notice, and runs no script', async ({ page, problems }) => {
  await open(page, '/?v=1&c=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E,Cat&z=1e999,0x10&t=7&foo=bar');
  await expect(page.locator('#notices')).toBeVisible();
  await expect(page.locator('#notice-list')).toContainText('unknown setting “foo”');
  await expect(page.locator('#notice-list')).toContainText('“1e999” is too large');
  await expectValue(page, 'Dog probability', 0.95);
  expect(await page.locator('#notice-list img').count()).toBe(0);
  // The controls still work afterwards.
  await page.getByLabel('Dog logit', exact).fill('0');
  await expectValue(page, 'Dog probability', 0.5);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.locator('#notices')).toBeHidden();
  expect(problems).toEqual([]);
});

test('classes can be added, renamed and removed (2 to 10)', async ({ page, problems }) => {
  await open(page, '/');
  await page.getByRole('button', { name: 'Add class' }).click();
  await expect(page.getByLabel('Class 3 logit', exact)).toHaveValue('0');
  await page.getByLabel('Class 3 name', exact).fill('Bird');
  await page.getByLabel('Class 3 name', exact).press('Enter');
  await page.getByLabel('Dog logit', exact).fill('2');
  await page.getByLabel('Cat logit', exact).fill('0.5');
  // reference.py: softmax([2, 0.5, 0]).
  await expectValue(page, 'Bird probability', 9.96236480623183223e-2);
  await page.getByLabel('Class 2 name', exact).fill('Dog');
  await page.getByLabel('Class 2 name', exact).press('Enter');
  await expect(page.locator('#classes-message')).toContainText('“Dog” is already a class');
  await page.getByRole('button', { name: 'Remove Bird' }).click();
  await expect(page.getByLabel('Bird logit', exact)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Remove Dog' })).toBeDisabled();
  for (let i = 0; i < 8; i++) await page.getByRole('button', { name: 'Add class' }).click();
  await expect(page.getByLabel('Class 10 logit', exact)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add class' })).toBeDisabled();
  expect(problems).toEqual([]);
});

test('temperature sharpens and flattens softmax', async ({ page, problems }) => {
  await open(page, '/?preset=three-classes');
  await page.getByLabel('Temperature', exact).fill('4');
  // reference.py: softmax([2, 1, 0.1], T=4) and its gradient.
  await expectValue(page, 'Dog probability', 4.16547631319015524e-1);
  await expectValue(page, 'Dog gradient', -1.45863092170246119e-1);
  await expect(page.getByLabel('Example', exact)).toHaveValue('hot-and-cold');
  expect(problems).toEqual([]);
});

test('a gradient step lowers the loss', async ({ page, problems }) => {
  await open(page, '/?preset=confident-wrong');
  const before = await valueOf(page, 'Cross-entropy loss');
  await page.getByRole('button', { name: 'Take a gradient step' }).click();
  await expect.poll(() => valueOf(page, 'Cross-entropy loss')).toBeLessThan(before);
  // z − (y − t) with reference.py's softmax([4, −2]): Dog 4 − 0.99753, Cat −2 + 0.99753.
  expect(Number(await page.getByLabel('Dog logit', exact).inputValue())).toBeCloseTo(4 - 9.97527376843365226e-1, 5);
  expect(problems).toEqual([]);
});

test('embed mode fits 320 px without horizontal scrolling, and the Embed button gives the snippet', async ({ page, problems }) => {
  await open(page, '/?preset=three-classes');
  await page.getByRole('button', { name: 'Embed' }).click();
  const code = await page.getByLabel('Embed code', exact).inputValue();
  expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?preset=three-classes&amp;embed=1" title="Softmax and cross-entropy explainer"/);
  await page.setViewportSize({ width: 320, height: 800 });
  await open(page, '/?preset=three-classes&embed=1');
  await expectValue(page, 'Dog probability', 6.59001138885967907e-1);
  await expect(page.locator('.lede')).toBeHidden();
  await expect(page.getByRole('link', { name: 'Open the full page' })).toBeVisible();
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await page.screenshot({ path: path.join(SHOTS, 'embed-320.png'), fullPage: true });
  expect(problems).toEqual([]);
});

test('in an iframe on another page, under the strict CSP', async ({ page, problems }) => {
  await open(page, '/?preset=dog-cat');
  // The host page names its icon, so Chromium does not ask for /favicon.ico (a 404 here).
  await page.setContent(`<link rel="icon" href="favicon.svg"><iframe src="${page.url()}&embed=1" title="explainer" width="360" height="700"></iframe>`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByLabel('Dog probability', exact)).toHaveText('0.9500');
  expect(problems).toEqual([]);
});

test('keyboard alone: choose an example, edit a logit, pick the true class, copy the link', async ({ page, context, problems }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '/');
  await expect(page.locator('#load-status')).toBeHidden(); // the toolbar works once the core does
  await page.keyboard.press('Tab'); // skip link
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Pipeline' })).toBeFocused();
  await page.keyboard.press('Tab'); // Compare networks
  await page.keyboard.press('Tab'); // Lesson
  await expect(page.getByRole('button', { name: 'Lesson', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Example', exact)).toBeFocused();
  await page.keyboard.press('ArrowDown'); // dog-cat-0.9
  await expectValue(page, 'Cross-entropy loss', 1.05360515657826301e-1);
  await page.getByLabel('Dog logit', exact).focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('0');
  await expectValue(page, 'Dog probability', 0.5); // logits (0, 0)
  await page.getByLabel('True class', exact).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel('True class', exact)).toHaveValue('1');
  await page.getByRole('button', { name: 'Copy link' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#share-status')).toContainText('Link copied');
  expect(problems).toEqual([]);
});

test('dark mode follows the system setting', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await open(page, '/?preset=hot-and-cold');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(11, 18, 32)');
  await page.screenshot({ path: path.join(SHOTS, 'hot-and-cold-dark.png'), fullPage: true });
  await context.close();
});

test('the built folder works from file://: numbers, editing, presets', async ({ page, problems }) => {
  await open(page, 'file://' + path.resolve(__dirname, '..', '..', 'dist', 'index.html') + '?preset=dog-cat');
  await expectValue(page, 'Dog probability', 0.95); // the slide
  await page.getByLabel('Cat logit', exact).fill('2.9444389791664403');
  await expectValue(page, 'Dog probability', 0.5, 6); // equal logits, by hand
  await page.getByLabel('Example', exact).selectOption('huge-logits');
  await expectValue(page, 'Cross-entropy loss', 2000); // by hand: exact after the max shift
  expect(problems).toEqual([]);
});

test('an edit made before the page has drawn its later parts shows in all of them', async ({ page, problems }) => {
  // The formulas, plot, explanation and maps are drawn in tasks after the first render. This
  // edit comes in the same task as the page's start, before any of them: they must show it,
  // not the state the page opened with.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const status = document.getElementById('load-status');
      if (!status || !status.hidden) return;
      observer.disconnect();
      window.editedBeforeParts = document.querySelector('#loss-formula math') === null;
      const dog = document.getElementById('logit-0');
      dog.value = '0';
      dog.dispatchEvent(new Event('input'));
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
  });
  await open(page, '/');
  // By hand: softmax(0, 0) = (0.5, 0.5); the loss is −ln 0.5 = ln 2 = 0.6931471805599453.
  await expectValue(page, 'Dog probability', 0.5);
  await expectValue(page, 'Cross-entropy loss', Math.LN2);
  expect(await page.evaluate(() => window.editedBeforeParts)).toBe(true);
  await expect(page.locator('#loss-formula')).toContainText('0.6931');
  await expect(page.locator('#explain-loss')).toContainText('−ln 0.5000 = 0.6931');
  await expect(page.locator('#gradient-formula')).toContainText('0.5000');
  // The maps are drawn: the convolution's first map has pixels that are not transparent.
  await expect.poll(() => page.evaluate(() => {
    const map = document.querySelector('#conv-maps canvas');
    return map.getContext('2d').getImageData(0, 0, map.width, map.height).data.some((v, i) => i % 4 === 3 && v > 0);
  })).toBe(true);
  // And nothing drawn later brings the first state back.
  await page.waitForTimeout(500);
  await expect(page.locator('#loss-formula')).not.toContainText('0.0513');
  await expect(page.locator('#explain-loss')).toContainText('−ln 0.5000 = 0.6931');
  expect(problems).toEqual([]);
});
