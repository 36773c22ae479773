// The tiny CNN on the page: the picture goes through the core's network, its logits feed the
// pipeline unless edited, and Train / Step / Reset change the network as links replay it.
// Expected numbers come from the core's own forward pass, called in the page through the
// public API (LossCore), or from tests/cpp/cnn_test.cpp's recorded run.
'use strict';
const { test, expect, exact, valueOf, expectValue, open } = require('./fixtures.js');

// The network's logits for a picture, from a fresh network in the page's core after `train`
// training steps and, if `stepToward` is a class, one Step on that picture toward it.
async function coreLogits(page, { seed = 1, set = 'test', index = 0, train = 0, stepToward = null }) {
  return page.evaluate(async ({ seed, set, index, train, stepToward }) => {
    const net = (await LossCore.loadLossCore()).createNetwork({ seed });
    const pixels = net.picture(set, index).pixels;
    if (train) net.train(train);
    if (stepToward !== null) net.step(pixels, stepToward);
    const z = net.forward(pixels).logits;
    net.dispose();
    return z;
  }, { seed, set, index, train, stepToward });
}

const logitOf = async (page, name) => Number(await page.getByLabel(`Network ${name} logit`, exact).getAttribute('data-value'));

test('choosing a picture runs it through the network: the logits are its forward pass', async ({ page, problems }) => {
  await open(page, '/?v=2&z=n,n');
  const first = await coreLogits(page, { index: 0 });
  await expectValue(page, 'Network Dog logit', first[0], 15);
  expect(Number(await page.getByLabel('Dog logit', exact).inputValue())).toBeCloseTo(first[0], 5);
  await expect(page.getByText('from the network').first()).toBeVisible();

  await page.getByLabel('Picture', exact).selectOption({ label: 'Test picture 8 (cat)' });
  const eighth = await coreLogits(page, { index: 7 });
  expect(eighth).not.toEqual(first);
  await expectValue(page, 'Network Dog logit', eighth[0], 15);
  await expectValue(page, 'Network Cat logit', eighth[1], 15);
  const p = await page.evaluate(async (z) => (await LossCore.loadLossCore()).softmax(z), eighth);
  await expectValue(page, 'Dog probability', p[0]);
  // The 8th test picture is a cat (pictures alternate dog, cat): it sets the true class.
  await expect(page.getByLabel('True class', exact)).toHaveValue('1');
  await expect(page).toHaveURL(/pic=test\.8/);
  // The feature maps are drawn: 4 filters after convolution, ReLU and pooling.
  await expect(page.getByRole('img', { name: /^After max pooling, filter \d$/ })).toHaveCount(4);
  expect(problems).toEqual([]);
});

test('a typed logit overrides the network, is marked, and one switch puts the network’s back', async ({ page, problems }) => {
  await open(page, '/?v=2&z=n,n');
  const z = await coreLogits(page, {});
  await expect(page.getByRole('radio', { name: 'the network’s' })).toBeChecked();
  await page.getByLabel('Dog logit', exact).fill('3');
  await expect(page.locator('.logit-row').first()).toContainText('typed');
  const p = await page.evaluate(async (z1) => (await LossCore.loadLossCore()).softmax([3, z1]), z[1]);
  await expectValue(page, 'Dog probability', p[0]);
  await expect(page).toHaveURL(/z=3,n/);
  await page.getByRole('radio', { name: 'the network’s' }).check();
  await expect(page.locator('.logit-row').first()).toContainText('from the network');
  const q = await page.evaluate(async (z) => (await LossCore.loadLossCore()).softmax(z), z);
  await expectValue(page, 'Dog probability', q[0]);
  expect(problems).toEqual([]);
});

test('Train lowers the loss, raises the test accuracy, and its link reopens the same network', async ({ page, browser, problems }) => {
  await open(page, '/?v=2&z=n,n');
  const lossBefore = await valueOf(page, 'Cross-entropy loss');
  // The test score comes just after the first paint.
  await expect(page.getByLabel('Test accuracy', exact)).not.toHaveText('…');
  const accuracyBefore = await valueOf(page, 'Test accuracy');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => Number((await page.getByLabel('Training steps', exact).textContent()).replace(/,/g, '')), { timeout: 20000 })
    .toBeGreaterThanOrEqual(150);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveAttribute('aria-pressed', 'false');
  const lossAfter = await valueOf(page, 'Cross-entropy loss');
  expect(lossAfter).toBeLessThan(lossBefore / 4);
  // The score follows the pause; cnn_test.cpp's seeds reach 0.96 to 0.99 by 100 to 200 steps.
  await expect.poll(() => valueOf(page, 'Test accuracy')).toBeGreaterThanOrEqual(0.9);
  expect(await valueOf(page, 'Test accuracy')).toBeGreaterThan(accuracyBefore);
  expect(await valueOf(page, 'Training loss')).toBeLessThan(0.3);
  // The address follows once training pauses: h = the steps taken.
  const steps = Number((await page.getByLabel('Training steps', exact).textContent()).replace(/,/g, ''));
  await expect(page).toHaveURL(new RegExp(`[?&]h=${steps}(&|$)`));
  const trained = await coreLogits(page, { train: steps });
  await expectValue(page, 'Network Dog logit', trained[0], 15);

  // The link rebuilds the network from seed and steps: the same logits, bit for bit.
  const again = await browser.newPage();
  await open(again, page.url());
  await expect.poll(() => logitOf(again, 'Dog')).toBe(await logitOf(page, 'Dog'));
  expect(await logitOf(again, 'Cat')).toBe(await logitOf(page, 'Cat'));
  await expect.poll(() => valueOf(again, 'Test accuracy')).toBe(await valueOf(page, 'Test accuracy'));
  await again.close();
  expect(problems).toEqual([]);
});

test('Step trains once on this picture and reports y − t and the change; Reset goes back', async ({ page, problems }) => {
  await open(page, '/?v=2&z=n,n&pic=test.2&t=1');
  const start = await coreLogits(page, { index: 1 });
  const lossBefore = await valueOf(page, 'Cross-entropy loss');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('#step-report')).toContainText('toward Cat');
  await expect(page.locator('#step-report')).toContainText('y − t was');
  expect(await valueOf(page, 'Cross-entropy loss')).toBeLessThan(lossBefore);
  await expect(page).toHaveURL(/h=test\.2:1/);
  // The same step, replayed from the link in the page's core, gives the same logits.
  const stepped = await coreLogits(page, { index: 1, stepToward: 1 });
  await expectValue(page, 'Network Cat logit', stepped[1], 15);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expectValue(page, 'Network Cat logit', start[1], 15);
  await expect(page.getByLabel('Training steps', exact)).toHaveText('0');
  await expect(page).not.toHaveURL(/h=/);
  expect(problems).toEqual([]);
});

test('drawing on the picture makes it the network input, and the link carries the drawing', async ({ page, browser, problems }) => {
  await open(page, '/?v=2&z=n,n');
  await page.getByRole('button', { name: 'Blank picture' }).click();
  await expect(page.getByLabel('Picture', exact)).toHaveValue('drawing');
  const blank = await logitOf(page, 'Dog');
  const canvas = page.getByRole('img', { name: /The picture the network sees/ });
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.6, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => logitOf(page, 'Dog')).not.toBe(blank);
  await expect(page).toHaveURL(/pic=draw\.[A-Za-z0-9_-]{684}/);
  // The address follows the last stroke once the strokes settle (its writes are rate-limited):
  // reopen it until it does.
  const drawn = await logitOf(page, 'Dog');
  const again = await browser.newPage();
  await expect.poll(async () => {
    await open(again, page.url());
    await expect(again.getByLabel('Picture', exact)).toHaveValue('drawing');
    await expect(again.getByLabel('Network Dog logit', exact)).toHaveAttribute('data-value', /./);
    return logitOf(again, 'Dog');
  }).toBe(drawn);
  await again.close();
  expect(problems).toEqual([]);
});

test('a bad seed is refused with a message, and the network stays', async ({ page, problems }) => {
  await open(page, '/?v=2&z=n,n');
  const z = await logitOf(page, 'Dog');
  await page.getByLabel('Seed', exact).fill('12abc');
  await page.getByLabel('Seed', exact).press('Enter');
  await expect(page.locator('#seed-message')).toHaveText('Seed: “12abc” is not a number. Still using 1.');
  expect(await logitOf(page, 'Dog')).toBe(z);
  await page.getByLabel('Seed', exact).fill('7');
  await page.getByLabel('Seed', exact).press('Enter');
  await expect(page.locator('#seed-message')).toHaveText('');
  const seven = await coreLogits(page, { seed: 7 });
  await expectValue(page, 'Network Dog logit', seven[0], 15);
  await expect(page).toHaveURL(/[?&]s=7/);
  expect(problems).toEqual([]);
});

test('on the slide’s example, Train puts the network’s own logits back, so the probabilities move', async ({ page, problems }) => {
  await open(page, '/?preset=dog-cat');
  await expectValue(page, 'Dog probability', 0.95); // the slide, with edited logits
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('.logit-row').first()).toContainText('from the network');
  const z = await coreLogits(page, { index: 0, stepToward: 0 });
  const p = await page.evaluate(async (z) => (await LossCore.loadLossCore()).softmax(z), z);
  await expectValue(page, 'Dog probability', p[0]);
  expect(problems).toEqual([]);
});
