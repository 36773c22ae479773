// The loss landscape: Descend's path against a float64 reference computed here from the
// formulas (softmax, (y − t)/T, squared error's gradient through the softmax's Jacobian);
// dragging and arrow keys set the logits to the point's coordinates; the link reopens the panel.
'use strict';
const { test, expect, exact, open } = require('./fixtures.js');

function softmax(z) {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}
// 20 steps of z ← z − η ∇L, by hand in float64.
function reference(z0, truth, loss, rate, steps = 20) {
  let z = z0;
  for (let k = 0; k < steps; k++) {
    const y = softmax(z);
    const t = z.map((_, i) => (i === truth ? 1 : 0));
    const mean = y.reduce((a, v, i) => a + v * (v - t[i]), 0);
    const g = loss === 'ce' ? y.map((v, i) => v - t[i]) : y.map((v, j) => 2 * v * ((v - t[j]) - mean));
    z = z.map((v, i) => v - rate * g[i]);
  }
  return z;
}
const logitsInUrl = (page) => new URL(page.url()).searchParams.get('z')?.split(',').map(Number);
// How far the logits in the address are from `z` (Infinity until the address has logits: a
// preset's short link has none, and the address follows the page a moment later).
const distance = (page, z) => {
  const inUrl = logitsInUrl(page);
  return inUrl ? Math.max(...inUrl.map((v, i) => Math.abs(v - z[i]))) : Infinity;
};

test('Descend from confident-wrong: 20 steps of each loss end where float64 says; cross-entropy escapes, squared error stalls', async ({ page, problems }) => {
  await open(page, '/?preset=confident-wrong');
  const panel = page.getByRole('region', { name: 'Loss landscape' });
  await expect(panel.getByRole('button', { name: 'Descend' })).toBeVisible();
  await panel.getByRole('button', { name: 'Descend' }).click();
  await expect(panel.getByRole('status')).toContainText('step 20 of 20');
  const ce = reference([4, -2], 1, 'ce', 1);
  await expect.poll(() => distance(page, ce)).toBeLessThan(1e-9);
  // The figures: near (−0.766, 2.766), p(Cat) ≈ 0.97.
  expect(ce[0]).toBeCloseTo(-0.766, 3);
  await expect(panel.getByRole('status')).toContainText('p(Cat) = 0.97');

  await page.getByLabel('Example', exact).selectOption('confident-wrong');
  await panel.getByLabel('Landscape loss', exact).selectOption('se');
  await panel.getByRole('button', { name: 'Descend' }).click();
  await expect(panel.getByRole('status')).toContainText('step 20 of 20');
  const se = reference([4, -2], 1, 'se', 1);
  await expect.poll(() => distance(page, se)).toBeLessThan(1e-9);
  expect(se[0]).toBeCloseTo(3.754, 3); // the issue: near (3.754, −1.754), p(Cat) ≈ 0.004
  await expect(panel.getByRole('status')).toContainText('p(Cat) = 0.0040');
  expect(problems).toEqual([]);
});

test('dragging the point sets the two logits to its coordinates; arrow keys move it', async ({ page, problems }) => {
  await open(page, '/?preset=uncertain');
  const panel = page.getByRole('region', { name: 'Loss landscape' });
  await panel.scrollIntoViewIfNeeded(); // the maps are drawn once they come into view
  const overlay = panel.locator('svg.landscape-overlay').first();
  await expect(overlay).toHaveAttribute('data-window', /,/);
  const [x0, x1, y0, y1] = (await overlay.getAttribute('data-window')).split(',').map(Number);
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  // A quarter across and a quarter down: the true class (Dog, across) and Cat (up).
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.25, { steps: 4 });
  await page.mouse.up();
  const dog = Math.round((x0 + 0.25 * (x1 - x0)) * 100) / 100;
  const cat = Math.round((y1 - 0.25 * (y1 - y0)) * 100) / 100;
  await expect.poll(() => logitsInUrl(page)).toEqual([dog, cat]);
  await expect(page.getByLabel('Dog logit', exact)).toHaveValue(String(dog));
  // Keys: → raises the across logit by 0.1, ↑ the up one.
  await panel.getByRole('slider', { name: 'Dog and Cat logits' }).first().focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => logitsInUrl(page)).toEqual([Math.round((dog + 0.1) * 100) / 100, Math.round((cat + 0.1) * 100) / 100]);
  expect(problems).toEqual([]);
});

test('the panel’s link reopens it as it was: loss, other logit, zoom, learning rate', async ({ page, browser, problems }) => {
  await open(page, '/?preset=three-classes');
  const panel = page.getByRole('region', { name: 'Loss landscape' });
  await panel.scrollIntoViewIfNeeded();
  await panel.getByLabel('Landscape loss', exact).selectOption('both');
  await panel.getByLabel('Other logit', exact).selectOption('Bird');
  await panel.getByRole('button', { name: 'Zoom in' }).click();
  await panel.getByLabel('Learning rate', exact).fill('0.5');
  await expect(page).toHaveURL(/ll=both.*lo=2.*lz=2.*lr=0\.5/);
  const caption = await panel.locator('figcaption').first().textContent();
  expect(caption).toContain('over Dog (across');
  expect(caption).toContain('and Bird (up');
  const again = await browser.newPage();
  await open(again, page.url());
  const reopened = again.getByRole('region', { name: 'Loss landscape' });
  await reopened.scrollIntoViewIfNeeded();
  await expect(reopened.getByLabel('Landscape loss', exact)).toHaveValue('both');
  await expect(reopened.getByLabel('Other logit', exact)).toHaveValue('2');
  await expect(reopened.getByLabel('Learning rate', exact)).toHaveValue('0.5');
  await expect(reopened.locator('figcaption').first()).toHaveText(caption);
  await expect(reopened.locator('figure')).toHaveCount(2);
  await again.close();
  // A bad learning rate is refused at the field and the last good one stays.
  await panel.getByLabel('Learning rate', exact).fill('1000');
  await expect(panel.locator('#learning-rate-message')).toContainText('Learning rate: “1000” is outside the range 0.01 to 100. Still using 0.5.');
  expect(problems).toEqual([]);
});
