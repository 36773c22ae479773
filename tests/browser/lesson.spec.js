// The guided lesson, through the page as a learner uses it: steps and their links, each
// exercise right, wrong and at the edge of its tolerance, the second wrong try, the progress
// across a reload, the keyboard, and the score a framing course page is told.
// Expected values by hand or Python float64, as written beside each.
'use strict';
const { test, expect, exact, open } = require('./fixtures.js');
const { PLAIN_URL } = require('./playwright.config.js');
const { lessonOf, exerciseOf, checkAndExpect, next, solveAll, trainTo90 } = require('./lesson-steps.js');

const heading = (page) => lessonOf(page).getByRole('heading', { level: 2 });
const feedbackOf = (exercise) => exercise.getByRole('status', { name: 'Feedback' });

test('?view=lesson opens step 1 beside the pipeline; Next and Back move, the link follows, and reopens the step', async ({ page, browser, problems }) => {
  await open(page, '/?view=lesson');
  await expect(heading(page)).toHaveText('Step 1 of 7: Softmax turns logits into probabilities');
  await expect(page.getByRole('button', { name: 'Lesson', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Dog probability', exact)).toHaveText('0.9500'); // the slide, live beside the text
  await expect(page.locator('[data-focus="probabilities"]')).toHaveClass(/lesson-focus/);
  await expect(lessonOf(page).getByRole('button', { name: 'Back' })).toBeDisabled();
  await next(page, 2);
  await expect(heading(page)).toBeFocused();
  await expect(page.locator('[data-focus="logits"]')).toHaveClass(/lesson-focus/);
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe('2');
  await lessonOf(page).getByRole('button', { name: 'Back' }).click();
  await expect(heading(page)).toContainText('Step 1 of 7');
  // The step list: any step at once, the current one marked.
  await lessonOf(page).getByRole('navigation', { name: 'Steps' }).getByRole('button', { name: 'Step 4' }).click();
  await expect(heading(page)).toContainText('Step 4 of 7: H(p, q)');
  await expect(lessonOf(page).getByRole('button', { name: 'Step 4' })).toHaveAttribute('aria-current', 'step');
  await lessonOf(page).getByRole('button', { name: 'Step 1' }).click();
  for (const [step, title] of [[5, 'NN1 against NN2'], [7, 'Training with that gradient']]) {
    const again = await browser.newPage();
    await open(again, `/?view=lesson&step=${step}`);
    await expect(heading(again)).toContainText(`Step ${step} of 7: ${title}`);
    if (step === 5) await expect(again.getByRole('heading', { name: 'Two networks, the same images' })).toBeVisible();
    if (step === 7) await expect(lessonOf(again).getByRole('button', { name: 'Next' })).toBeDisabled();
    await again.close();
  }
  // A bad step is named, and the lesson opens at step 1.
  await open(page, '/?view=lesson&step=9');
  await expect(heading(page)).toContainText('Step 1 of 7');
  await expect(page.getByText('Ignored step: “9” is outside the range 1 to 7.')).toBeVisible();
  expect(problems).toEqual([]);
});

test('1: Dog at 0.8049 is correct, at 0.8051 not; the second wrong try shows the way', async ({ page, problems }) => {
  await open(page, '/?view=lesson');
  const exercise = exerciseOf(page, '80 % sure');
  await checkAndExpect(exercise, 'softmax gives Dog 0.9500 now'); // the slide's 0.95
  await expect(feedbackOf(exercise)).toContainText('Hint: To move it toward 0.80, lower Dog’s logit');
  await expect(feedbackOf(exercise)).not.toContainText('Correct');
  await checkAndExpect(exercise, 'The way: Dog gets 0.8 when its logit is ln(0.8 / 0.2) = ln 4 = 1.3863');
  // ln(0.8051 / 0.1949) = 1.41847988679242: outside 0.80 ± 0.005 (Python float64).
  await page.getByLabel('Dog logit', exact).fill('1.41847988679242');
  await checkAndExpect(exercise, 'softmax gives Dog 0.8051 now');
  await expect(feedbackOf(exercise)).not.toContainText('Correct');
  // ln(0.8049 / 0.1951) = 1.4172057984706223: inside.
  await page.getByLabel('Dog logit', exact).fill('1.4172057984706223');
  await checkAndExpect(exercise, 'Correct. softmax gives Dog 0.8049');
  await expect(lessonOf(page).getByText('Score: 1 of 9 exercises done')).toBeVisible();
  expect(problems).toEqual([]);
});

test('2: Add 5 to both logits moves them, not the probabilities; the choice is checked', async ({ page, problems }) => {
  await open(page, '/?view=lesson&step=2');
  const exercise = exerciseOf(page, 'Add 5');
  await lessonOf(page).getByRole('button', { name: 'Add 5 to both logits' }).click();
  await expect(page.getByLabel('Cat logit', exact)).toHaveValue('5');
  await expect(page.getByLabel('Dog probability', exact)).toHaveText('0.9500');
  await checkAndExpect(exercise, 'Choose one of the answers first.');
  await lessonOf(page).getByRole('radio', { name: 'They change: the larger logit gains' }).check();
  await checkAndExpect(exercise, 'Not so. Hint:');
  await lessonOf(page).getByRole('radio', { name: 'They stay the same' }).check();
  await checkAndExpect(exercise, 'Correct. The core: softmax(7.9444, 5) = (0.9500, 0.0500)');
  expect(problems).toEqual([]);
});

test('3: the loss for 0.9, typed: 0.1063 and 0.1044 are within ± 0.001 of −ln 0.9 = 0.10536, 0.1064 and 0.1043 are not', async ({ page, problems }) => {
  await open(page, '/?view=lesson&step=3');
  const exercise = exerciseOf(page, 'What is the loss');
  const answer = lessonOf(page).getByLabel('Loss', exact);
  await answer.fill('abc');
  await checkAndExpect(exercise, '“abc” is not a number');
  for (const wrong of ['0.1064', '0.1043']) {
    await answer.fill(wrong);
    await checkAndExpect(exercise, `“${wrong}” is not the loss.`);
  }
  await expect(feedbackOf(exercise)).toContainText('The way: L = −ln 0.9 = 0.1054');
  for (const right of ['0.1063', '0.1044']) {
    await answer.fill(right);
    await answer.press('Enter'); // the keyboard's Check
    await expect(feedbackOf(exercise)).toContainText('Correct. L = −ln 0.9 = 0.1054');
  }
  expect(problems).toEqual([]);
});

test('4: one-hot terms, and H(p, q) for a soft target at the slide’s q = (0.95, 0.05): 0.34574 ± 0.001', async ({ page, problems }) => {
  await open(page, '/?view=lesson&step=4');
  const terms = exerciseOf(page, 'one-hot');
  await terms.getByRole('radio', { name: 'Every term' }).check();
  await checkAndExpect(terms, 'Not so. Hint:');
  await terms.getByRole('radio', { name: 'Only the true class’s term' }).check();
  await checkAndExpect(terms, 'Correct. p = (1.0000, 0.0000)');
  // −0.9 ln 0.95 − 0.1 ln 0.05 = 0.34573719230419464 (Python float64).
  const soft = exerciseOf(page, 'soft target');
  const answer = soft.getByLabel('H(p, q)', exact);
  for (const [typed, right] of [['0.3468', false], ['0.3447', false], ['0.3467', true], ['0.3448', true]]) {
    await answer.fill(typed);
    await checkAndExpect(soft, right ? 'Correct. H(p, q) = 0.9000 · (−ln 0.9500) + 0.1000 · (−ln 0.0500) = 0.3457' : `“${typed}” is not H(p, q)`);
  }
  expect(problems).toEqual([]);
});

test('5: cross-entropy prefers NN1 (radio group “Answer”); classification error cannot tell them apart', async ({ page, problems }) => {
  await open(page, '/?view=lesson&step=5');
  const answer = lessonOf(page).getByRole('radiogroup', { name: 'Answer' });
  const preferred = exerciseOf(page, 'cross-entropy prefer');
  await answer.getByRole('radio', { name: 'NN2' }).check();
  await checkAndExpect(preferred, 'Not so. Hint: Read the cross-entropy row');
  await answer.getByRole('radio', { name: 'Neither' }).check();
  // (−ln 0.9 − ln 0.9 − ln 0.4) / 3 = 0.3757 and (−ln 0.6 − ln 0.7 − ln 0.1) / 3 = 1.0567.
  await checkAndExpect(preferred, 'The way: Cross-entropy: NN1 0.3757, NN2 1.0567 (lower is better). So the answer is NN1.');
  await answer.getByRole('radio', { name: 'NN1' }).check();
  await checkAndExpect(preferred, 'Correct.');
  const blind = exerciseOf(page, 'cannot tell');
  await blind.getByRole('radio', { name: 'cross-entropy' }).check();
  await checkAndExpect(blind, 'Not so.');
  await blind.getByRole('radio', { name: 'classification error' }).check();
  await checkAndExpect(blind, 'Correct. NN1 / NN2: classification error 0.3333 / 0.3333');
  expect(problems).toEqual([]);
});

test('6: the derivation with the page’s numbers; ∂L/∂z(Cat) at (2, 0) is −0.8808 ± 0.001', async ({ page, problems }) => {
  await open(page, '/?view=lesson&step=6');
  // The slide's y = (0.95, 0.05): y(1 − y) = 0.0475 and −y(Cat) y(Dog) = −0.0475, by hand.
  await expect(lessonOf(page)).toContainText('∂y(Dog)/∂z(Dog) = y(Dog)(1 − y(Dog)) = 0.9500 × (1 − 0.9500) = 0.0475');
  await expect(lessonOf(page)).toContainText('∂y(Cat)/∂z(Dog) = −y(Cat) · y(Dog) = −0.0500 × 0.9500 = −0.0475');
  await expect(lessonOf(page)).toContainText('= (y(Dog) − t(Dog)) = (0.9500 − 1) = −0.0500');
  const exercise = exerciseOf(page, 'Logits (2, 0)');
  const answer = exercise.getByLabel('∂L/∂z_Cat', exact);
  await answer.fill('0.8808');
  await checkAndExpect(exercise, 'Hint: Check the sign');
  // 1/(1 + e²) − 1 = −0.8807970779778824: −0.8798 is inside ± 0.001, −0.8797 outside.
  await answer.fill('-0.8797');
  await checkAndExpect(exercise, 'The way: y = softmax(2, 0) = (0.8808, 0.1192)');
  await answer.fill('-0.8798');
  await checkAndExpect(exercise, 'Correct.');
  expect(problems).toEqual([]);
});

test('7: an untrained network is below 90 %; trained past it, the check is correct', async ({ page, problems }) => {
  await open(page, '/?view=lesson&step=7&v=2&z=n,n');
  const exercise = exerciseOf(page, 'Train the network');
  await expect(page.getByLabel('Test accuracy', exact)).toHaveText('55 %'); // seed 1, untrained (the core, in Node)
  await checkAndExpect(exercise, 'Test accuracy is 55 % after 0 steps, below 90 %.');
  await trainTo90(page);
  expect(problems).toEqual([]);
});

test('progress survives a reload and can be reset; every exercise done gives 9 of 9', async ({ page, problems }) => {
  await open(page, '/?view=lesson');
  await solveAll(page);
  await expect(lessonOf(page).getByText('Score: 9 of 9 exercises done: the lesson is complete')).toBeVisible();
  for (let step = 1; step <= 7; step++) await expect(lessonOf(page).getByRole('button', { name: `Step ${step}, done` })).toBeVisible();
  await open(page, '/?view=lesson&step=3');
  await expect(lessonOf(page).getByText('Score: 9 of 9 exercises done: the lesson is complete')).toBeVisible();
  await expect(feedbackOf(exerciseOf(page, 'What is the loss'))).toHaveText('Done: you answered this one before.');
  await lessonOf(page).getByRole('button', { name: 'Reset progress' }).click();
  await expect(lessonOf(page).getByText('Score: 0 of 9 exercises done')).toBeVisible();
  await expect(lessonOf(page).getByRole('button', { name: 'Step 3', exact: true })).toBeVisible();
  await open(page, '/?view=lesson&step=3');
  await expect(lessonOf(page).getByText('Score: 0 of 9 exercises done')).toBeVisible();
  expect(problems).toEqual([]);
});

test('by keyboard: a choice with the arrow keys, Check with Enter; the feedback is a status', async ({ page, problems }) => {
  await open(page, '/?view=lesson&step=5');
  const answer = lessonOf(page).getByRole('radiogroup', { name: 'Answer' });
  await answer.getByRole('radio', { name: 'NN1' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight'); // NN2
  await page.keyboard.press('ArrowLeft'); // back to NN1
  await page.keyboard.press('Tab'); // Check
  await page.keyboard.press('Enter');
  await expect(feedbackOf(exerciseOf(page, 'cross-entropy prefer'))).toContainText('Correct.');
  await expect(feedbackOf(exerciseOf(page, 'cross-entropy prefer'))).toHaveAttribute('role', 'status');
  expect(problems).toEqual([]);
});

test('framed by a course page, each check posts the score to it', async ({ page, baseURL, problems }) => {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head><body>
<iframe id="frame" src="${baseURL}?view=lesson&step=3" title="Lesson" style="width:900px;height:700px;border:0"></iframe>
<script>window.messages=[];addEventListener('message',function(e){window.messages.push(e.data);});</script></body></html>`;
  await page.route(`${PLAIN_URL}course.html`, (route) => route.fulfill({ contentType: 'text/html', body: host }));
  await page.goto(`${PLAIN_URL}course.html`);
  const frame = page.frameLocator('#frame');
  await expect(frame.getByRole('button', { name: 'Copy link' })).toBeEnabled();
  await lessonOf(frame).getByLabel('Loss', exact).fill('0.1054');
  await checkAndExpect(exerciseOf(frame, 'What is the loss'), 'Correct');
  await expect.poll(() => page.evaluate(() => window.messages.filter((m) => m && m.subject === 'softmax-explainer.score').at(-1)))
    .toEqual({ subject: 'softmax-explainer.score', score: 1, max: 9 });
  expect(problems).toEqual([]);
});
