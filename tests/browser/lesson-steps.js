// Solving the lesson's steps as a learner does, in a page or a frame (the SCORM test's LMS).
// The answers are worked out by hand, independently of the core:
//   1: Dog 0.8 needs z(Dog) − z(Cat) = ln(0.8 / 0.2) = ln 4 = 1.3862943611198906 (Python math.log(4))
//   3: −ln 0.9 = 0.10536051565782628
//   4: with q = (0.8, 0.2) from step 1 and p = (0.9, 0.1): −0.9 ln 0.8 − 0.1 ln 0.2 = 0.36177299...
//   6: ∂L/∂z(Cat) at (2, 0), true Cat: 1/(1 + e²) − 1 = −0.8807970779778824
'use strict';
const { expect, exact } = require('./fixtures.js');

const lessonOf = (scope) => scope.getByRole('region', { name: 'Lesson' });
// An exercise by words of its question (a step may have two).
const exerciseOf = (scope, words) => lessonOf(scope).getByRole('group').filter({ hasText: words });

async function checkAndExpect(exercise, text) {
  await exercise.getByRole('button', { name: 'Check' }).click();
  await expect(exercise.getByRole('status', { name: 'Feedback' })).toContainText(text);
}

async function next(scope, step) {
  await lessonOf(scope).getByRole('button', { name: 'Next' }).click();
  await expect(lessonOf(scope).getByRole('heading', { level: 2 })).toContainText(`Step ${step} of 7`);
}

async function solveAll(scope) {
  const lesson = lessonOf(scope);
  await expect(lesson.getByRole('heading', { level: 2 })).toContainText('Step 1 of 7');
  await scope.getByLabel('Dog logit', exact).fill('1.3862943611198906');
  await scope.getByLabel('Cat logit', exact).fill('0');
  await checkAndExpect(exerciseOf(scope, '80 % sure'), 'Correct');
  await next(scope, 2);
  await lesson.getByRole('radio', { name: 'They stay the same' }).check();
  await checkAndExpect(exerciseOf(scope, 'Add 5'), 'Correct');
  await next(scope, 3);
  await lesson.getByLabel('Loss', exact).fill('0.1054');
  await checkAndExpect(exerciseOf(scope, 'What is the loss'), 'Correct');
  await next(scope, 4);
  await lesson.getByRole('radio', { name: 'Only the true class’s term' }).check();
  await checkAndExpect(exerciseOf(scope, 'one-hot'), 'Correct');
  await lesson.getByLabel('H(p, q)', exact).fill('0.3618');
  await checkAndExpect(exerciseOf(scope, 'soft target'), 'Correct');
  await next(scope, 5);
  await lesson.getByRole('radiogroup', { name: 'Answer' }).getByRole('radio', { name: 'NN1' }).check();
  await checkAndExpect(exerciseOf(scope, 'cross-entropy prefer'), 'Correct');
  await lesson.getByRole('radiogroup', { name: 'Metric' }).getByRole('radio', { name: 'classification error' }).check();
  await checkAndExpect(exerciseOf(scope, 'cannot tell'), 'Correct');
  await next(scope, 6);
  await lesson.getByLabel('∂L/∂z_Cat', exact).fill('-0.8808');
  await checkAndExpect(exerciseOf(scope, 'Logits (2, 0)'), 'Correct');
  await next(scope, 7);
  await trainTo90(scope);
}

// Train until the test accuracy shows 90 % or more, Pause, and Check once the score is measured for
// the weights as they are; the accuracy moves from step to step near 90 %, so if the last steps
// took it below, train on and check again, as a learner would.
async function trainTo90(scope) {
  const train = scope.getByRole('button', { name: 'Train', exact: true });
  const steps = async () => Number((await scope.getByLabel('Training steps', exact).textContent()).replace(/,/g, ''));
  const exercise = exerciseOf(scope, 'Train the network');
  const feedback = exercise.getByRole('status', { name: 'Feedback' });
  for (let round = 0; round < 5; round++) {
    const before = await steps();
    await train.click();
    await expect.poll(steps, { timeout: 30000 }).toBeGreaterThanOrEqual(before + 20);
    await expect.poll(async () => Number(await scope.getByLabel('Test accuracy', exact).getAttribute('data-value')), { timeout: 30000 }).toBeGreaterThanOrEqual(0.9);
    await train.click();
    await expect(train).toHaveAttribute('aria-pressed', 'false');
    // Just after Pause the last steps' score may still be measured: the check says so, and is asked again.
    let text = '';
    await expect.poll(async () => {
      await exercise.getByRole('button', { name: 'Check' }).click();
      await expect(feedback).not.toBeEmpty();
      text = await feedback.textContent();
      return text.includes('still being measured');
    }, { timeout: 30000 }).toBe(false);
    if (text.startsWith('Correct')) return;
  }
  throw new Error('the test accuracy did not stay at 90 % or more in 5 rounds of training');
}

module.exports = { lessonOf, exerciseOf, checkAndExpect, next, solveAll, trainTo90 };
