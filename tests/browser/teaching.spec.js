// What the page says is true for what it shows (a lecturer's review): texts follow the
// temperature, every example's picture is of its true class, Step after training lowers the
// picture's loss, and captions say whose numbers they are. Expected values: reference.py
// (Python decimal, 50 digits) and hand derivations, as each comment says.
'use strict';
const { test, expect, exact, valueOf, expectValue, open } = require('./fixtures.js');

test('at temperature 4 every text names the gradient it shows, (y − t)/T', async ({ page, problems }) => {
  await open(page, '/?preset=hot-and-cold');
  // reference.py: softmax([2, 1, 0.1] / 4)_Dog = 0.416547631319015524; by hand (y − t)/T for Dog.
  const dog = (4.16547631319015524e-1 - 1) / 4;
  await expectValue(page, 'Dog gradient', dog);
  await expect(page.locator('#gradient-note-formula')).toHaveText('∂L/∂zᵢ = (yᵢ − tᵢ)/T, T = 4');
  await expect(page.getByRole('heading', { name: 'The gradient (y − t)/T' })).toBeVisible();
  const explanation = page.locator('#explain-gradient');
  await expect(explanation).toContainText('its gradient (y − t)/T, with T = 4: raise Dog (gradient −0.1459)');
  await expect(page.locator('#explain-softmax')).toContainText('divides each logit by the temperature T = 4');
  // Back at T = 1 the same places say y − t.
  await page.getByLabel('Temperature', exact).fill('1');
  await expect(page.locator('#gradient-note-formula')).toHaveText('∂L/∂zᵢ = yᵢ − tᵢ');
  await expect(page.getByRole('heading', { name: 'The gradient y − t' })).toBeVisible();
  await expect(explanation).toContainText('its gradient y − t: ');
  await expect(page.locator('#explain-softmax')).toContainText('raises e to each logit');
  expect(problems).toEqual([]);
});

test('every example shows a picture of its true class, and a picture’s name says its class', async ({ page, problems }) => {
  for (const id of ['dog-cat', 'dog-cat-0.9', 'confident-wrong', 'uncertain', 'huge-logits', 'three-classes', 'hot-and-cold']) {
    await open(page, `/?preset=${id}`);
    const picture = await page.getByLabel('Picture', exact).evaluate((s) => s.selectedOptions[0].textContent);
    const truth = await page.getByLabel('True class', exact).evaluate((s) => s.selectedOptions[0].textContent);
    expect(picture, id).toMatch(new RegExp(`\\((${truth.toLowerCase()})\\)$`));
    await expect(page.locator('#truth-note'), id).toBeEmpty();
  }
  await expect(page.getByRole('option', { name: 'Test picture 8 (cat)' })).toHaveCount(1);
  await expect(page.getByRole('option', { name: 'Training picture 1 (dog)' })).toHaveCount(1);
  // A true class that differs from the picture's is said, not silent.
  await page.getByLabel('True class', exact).selectOption('Cat');
  await expect(page.locator('#truth-note')).toContainText('Test picture 1 (dog) shows a dog, but the true class is set to Cat');
  expect(problems).toEqual([]);
});

test('huge-logits: the caption says what the numbers on screen show', async ({ page, problems }) => {
  await open(page, '/?preset=huge-logits');
  // By hand: e^{-2000} = 10^{-868.589...} = 2.58×10⁻⁸⁶⁹, below the smallest double, so 0 in float64;
  // the loss from the logits is 2000 − (−1000 − 1000)... = 2000 exactly.
  await expect(page.getByLabel('Cat probability', exact)).toHaveText('2.58×10⁻⁸⁶⁹');
  expect(await valueOf(page, 'Cat probability')).toBe(0);
  await expectValue(page, 'Cross-entropy loss', 2000);
  const caption = page.locator('#preset-caption');
  await expect(caption).toContainText('2.58×10⁻⁸⁶⁹');
  await expect(caption).toContainText('rounds to 0');
  await expect(caption).toContainText('exactly 2000');
  await expect(caption).not.toContainText('exactly (1, 0)');
  expect(problems).toEqual([]);
});

test('captions say whose numbers they are: the slide’s typed logits, not the network’s', async ({ page, problems }) => {
  await open(page, '/');
  const caption = page.locator('#preset-caption');
  await expect(caption).toContainText('typed logits (ln 19, 0), not the network’s own');
  await expect(caption).not.toContainText('sure the dog is a dog');
  await expect(page.getByRole('radio', { name: 'your own' })).toBeChecked();
  // A new picture while the logits are typed: the network's logits, and a notice saying so.
  await page.getByLabel('Picture', exact).selectOption({ label: 'Test picture 3 (dog)' });
  await expect(page.locator('#logits-notice')).toContainText('the logits are the network’s for it again');
  await expect(page.getByRole('radio', { name: 'the network’s' })).toBeChecked();
  await expect(caption).toContainText('Your own numbers');
  expect(problems).toEqual([]);
});

test('after training, Step on the picture shown lowers its loss (plain SGD, no leftover momentum)', async ({ page, problems }) => {
  // Test picture 40 is a cat (the sets alternate dog, cat); 150 training steps from seed 1.
  await open(page, '/?v=2&z=n,n&pic=test.40&t=1&h=150');
  await expect(page.getByLabel('Training steps', exact)).toHaveText('150');
  const before = await valueOf(page, 'Cross-entropy loss');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.locator('#step-report')).toContainText('toward Cat');
  await expect.poll(() => valueOf(page, 'Cross-entropy loss')).toBeLessThan(before);
  // The same as the API's plain step in the page's core, bit for bit.
  const expected = await page.evaluate(async () => {
    const core = await LossCore.loadLossCore();
    const net = core.createNetwork({ seed: 1 });
    net.train(150);
    const { pixels } = net.picture('test', 39);
    net.step(pixels, 1);
    const z = net.forward(pixels).logits;
    net.dispose();
    return core.crossEntropyFromLogits(z, 1);
  });
  expect(await valueOf(page, 'Cross-entropy loss')).toBe(expected);
  expect(problems).toEqual([]);
});
