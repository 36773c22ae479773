// axe-core on every view, light and dark. axe is injected as a script, so this context
// bypasses the page's CSP (the CSP itself is checked by every other test).
'use strict';
const path = require('node:path');
const { test, expect, open } = require('./fixtures.js');

const AXE = require.resolve('axe-core/axe.min.js');
test.use({ bypassCSP: true });

const VIEWS = [
  ['pipeline', '/?preset=dog-cat'],
  ['pipeline, three classes, temperature', '/?preset=hot-and-cold'],
  ['compare', '/?preset=nn1-vs-nn2'],
  ['embedded', '/?preset=three-classes&embed=1'],
  ['link notices', '/?v=1&z=abc,0&foo=1'],
  ['embed panel open, some parts', '/?preset=dog-cat&parts=logits,probabilities,loss,training'],
  ['embedded, phone, three parts', '/?preset=dog-cat&embed=1&parts=logits,probabilities,loss'],
  ['loss landscape, both maps', '/?preset=confident-wrong&ll=both'],
  ...[1, 2, 3, 4, 5, 6, 7].map((step) => [`lesson step ${step}`, `/?view=lesson&step=${step}`]),
  ['lesson embedded, phone, step 4', '/?view=lesson&step=4&embed=1'],
];

// A lesson step with its feedback shown: wrong on step 3, correct on step 2 (both colours checked).
async function lessonStep(page, name) {
  const lesson = page.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByRole('heading', { level: 2 })).toContainText(`Step ${name.slice(-1)} of 7`);
  if (name.endsWith('2')) await lesson.getByRole('radio', { name: 'They stay the same' }).check();
  if (name.endsWith('3')) await lesson.getByLabel('Loss', { exact: true }).fill('0.5');
  if (name.endsWith('2') || name.endsWith('3')) {
    await lesson.getByRole('button', { name: 'Check' }).click();
    await expect(lesson.getByRole('status', { name: 'Feedback' })).not.toBeEmpty();
  }
}

for (const scheme of ['light', 'dark']) {
  for (const [name, url] of VIEWS) {
    test(`axe finds no violations: ${name}, ${scheme}`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await open(page, url);
      await expect(page.locator('#load-status')).toBeHidden();
      if (name.startsWith('embed panel')) await page.getByRole('button', { name: 'Embed' }).click();
      if (name.includes('phone')) await page.setViewportSize({ width: 360, height: 640 });
      if (name.startsWith('lesson')) await lessonStep(page, name);
      if (name.startsWith('loss landscape')) {
        await page.getByRole('region', { name: 'Loss landscape' }).scrollIntoViewIfNeeded();
        await expect(page.locator('#landscape-maps figure')).toHaveCount(2);
      }
      if (name === 'compare') {
        await page.getByLabel('Load a file', { exact: true }).setInputFiles(path.resolve(__dirname, '..', 'fixtures', 'bad-lines.csv'));
        await expect(page.locator('#evaluate-status')).toContainText('rows evaluated');
      }
      await page.addScriptTag({ path: AXE });
      const result = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0].target.join(' ')})`);
      expect(violations).toEqual([]);
      await context.close();
    });
  }
}
