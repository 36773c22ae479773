// The SCORM 1.2 package as an LMS runs it: dist/softmax-cross-entropy-scorm.zip unzipped and
// served beside a test LMS page whose window.API records every call (the names and data model
// elements of the SCORM 1.2 Run-Time Environment), with the SCO in a frame.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect, exact } = require('./fixtures.js');
const { createServer } = require('../../scripts/serve.js');
const { readZip } = require('../../scripts/zip.js');
const { lessonOf, exerciseOf, checkAndExpect, solveAll } = require('./lesson-steps.js');

const dist = path.resolve(__dirname, '..', '..', 'dist');
const PACKAGE = path.join(dist, 'softmax-cross-entropy-scorm.zip');

const LMS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test LMS</title><link rel="icon" href="data:,">
<script>
window.calls = [];
var data = { 'cmi.core.lesson_status': 'not attempted', 'cmi.suspend_data': '' };
window.API = {
  LMSInitialize: function (a) { calls.push(['LMSInitialize', a]); return 'true'; },
  LMSGetValue: function (k) { calls.push(['LMSGetValue', k]); return data[k] || ''; },
  LMSSetValue: function (k, v) { calls.push(['LMSSetValue', k, v]); data[k] = v; return 'true'; },
  LMSCommit: function (a) { calls.push(['LMSCommit', a]); return 'true'; },
  LMSFinish: function (a) { calls.push(['LMSFinish', a]); return 'true'; },
  LMSGetLastError: function () { return '0'; }, LMSGetErrorString: function () { return ''; }, LMSGetDiagnostic: function () { return ''; }
};
</script></head><body>
<iframe id="sco" src="lesson.html" title="Lesson" style="width:1000px;height:760px;border:0"></iframe>
</body></html>`;

// The LMS: the unzipped package and its page in a folder of their own, on an origin of their own.
let site;
let server;
let lmsUrl;
test.beforeAll(async () => {
  site = fs.mkdtempSync(path.join(os.tmpdir(), 'scorm-lms-'));
  for (const [name, bytes] of Object.entries(readZip(fs.readFileSync(PACKAGE)))) fs.writeFileSync(path.join(site, name), bytes);
  fs.writeFileSync(path.join(site, 'lms.html'), LMS_PAGE);
  server = createServer(site, { csp: false });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  lmsUrl = `http://127.0.0.1:${server.address().port}/lms.html`;
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(site, { recursive: true, force: true });
});

test('the package: imsmanifest.xml at its root names one SCO, lesson.html, for SCORM 1.2', () => {
  const files = readZip(fs.readFileSync(PACKAGE));
  expect(Object.keys(files).sort()).toEqual(['imsmanifest.xml', 'lesson.html']);
  const manifest = files['imsmanifest.xml'].toString();
  expect(manifest).toContain('<schemaversion>1.2</schemaversion>');
  expect(manifest.match(/adlcp:scormtype="sco"/g)).toHaveLength(1);
  expect(manifest).toMatch(/<resource [^>]*adlcp:scormtype="sco" href="lesson.html">/);
  expect(files['lesson.html'].toString()).toContain('data-start-link="?view=lesson"');
});

const calls = (page) => page.evaluate(() => window.calls);
const setValues = async (page, key) => (await calls(page)).filter((c) => c[0] === 'LMSSetValue' && c[1] === key).map((c) => c[2]);

test('in a test LMS: LMSInitialize, incomplete, a positive score after a correct answer, LMSCommit; completed after every exercise; LMSFinish on leaving', async ({ page, problems }) => {
  test.setTimeout(120000);
  await page.goto(lmsUrl);
  const sco = page.frameLocator('#sco');
  await expect(lessonOf(sco).getByRole('heading', { level: 2 })).toContainText('Step 1 of 7'); // the SCO opens the lesson
  await expect.poll(() => calls(page)).toContainEqual(['LMSInitialize', '']);
  expect([...new Set(await setValues(page, 'cmi.core.lesson_status'))]).toEqual(['incomplete']);
  expect(await setValues(page, 'cmi.core.score.raw')).toEqual(['0']); // nothing done yet

  await lessonOf(sco).getByRole('button', { name: 'Next' }).click();
  await lessonOf(sco).getByRole('button', { name: 'Next' }).click();
  await lessonOf(sco).getByLabel('Loss', exact).fill('0.1054'); // −ln 0.9 = 0.10536
  const before = (await calls(page)).length;
  await checkAndExpect(exerciseOf(sco, 'What is the loss'), 'Correct');
  await expect.poll(() => setValues(page, 'cmi.core.score.raw')).toContain('1');
  const after = (await calls(page)).slice(before);
  expect(after).toContainEqual(['LMSSetValue', 'cmi.core.score.min', '0']);
  expect(after).toContainEqual(['LMSSetValue', 'cmi.core.score.max', '9']);
  expect(after.at(-1)).toEqual(['LMSCommit', '']);

  // From the start, all nine: reset (the score goes back to 0), back to step 1, solve every step.
  await lessonOf(sco).getByRole('button', { name: 'Reset progress' }).click();
  await expect.poll(() => setValues(page, 'cmi.core.score.raw')).toContain('0');
  await lessonOf(sco).getByRole('button', { name: 'Back' }).click();
  await lessonOf(sco).getByRole('button', { name: 'Back' }).click();
  await solveAll(sco);
  await expect.poll(() => setValues(page, 'cmi.core.score.raw')).toContain('9');
  expect((await setValues(page, 'cmi.core.lesson_status')).at(-1)).toBe('completed');
  expect((await calls(page)).at(-1)).toEqual(['LMSCommit', '']);
  expect(await calls(page)).not.toContainEqual(['LMSFinish', '']);

  // The LMS closes the SCO: the page is left, and says so.
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await expect.poll(() => calls(page)).toContainEqual(['LMSFinish', '']);
  expect(problems).toEqual([]);
});
