// The lesson's user actions: Back, Next, Check, Reset progress and a step's own buttons. A check
// asks the exercise (lesson-exercises.js) about the page as it is now; the progress is saved, and
// the score goes to the LMS (SCORM 1.2) and to the page that frames this one.
import { compareMetrics } from '../compute.js';
import { EXERCISES, exercisesOf } from '../lesson-exercises.js';
import { LessonProgress } from '../lesson-progress.js';
import { STEPS } from '../lesson-steps.js';
import { LESSON_STEPS } from '../limits.js';
import { ScormSession } from '../scorm.js';
import * as edit from '../transitions.js';

export const SCORE_SUBJECT = 'softmax-explainer.score';

export class LessonController {
  constructor({ store, core, session, views, browser }) {
    this.store = store;
    this.core = core;
    this.session = session;
    this.view = views.lesson;
    this.browser = browser;
    this.progress = new LessonProgress(browser.storage, EXERCISES.map((x) => x.id));
    this.tries = new Map(); // exercise id -> wrong tries this visit
    this.shownStep = null;
    this.view.bind(this);
    this.startLms();
    this.report(); // the score so far, to the LMS and a framing page
    this.unsubscribe = store.subscribe((state, derived) => this.render(state, derived));
  }

  // The LMS's record of what is done joins the browser's; the page says when it is left.
  startLms() {
    const api = this.browser.lmsApi();
    if (!api) return;
    this.lms = new ScormSession(api);
    this.progress.merge(this.lms.start());
    this.browser.onLeave(() => this.lms.finish());
  }

  render(state, derived) {
    if (state.view !== 'lesson') {
      this.shownStep = null; // built again when the lesson is shown again
      return;
    }
    if (this.shownStep !== state.step) this.buildStep(state.step);
    this.view.renderLive(STEPS[state.step - 1].live(this.context(state, derived)));
  }

  buildStep(step) {
    this.shownStep = step;
    const exercises = exercisesOf(step);
    this.view.showStep({ number: step, count: LESSON_STEPS, ...STEPS[step - 1], exercises });
    this.renderProgress();
    for (const x of exercises) if (this.progress.isDone(x.id)) this.view.feedback(x.id, 'Done: you answered this one before.', true);
  }

  // What a check or a step's numbers may ask about the page now.
  context(state, derived) {
    const { core, session } = this;
    return {
      core, state, derived, trainingSteps: session.steps,
      metrics: () => derived.metrics || compareMetrics(core, state.compare),
      testScore: () => (session.currentScore && { accuracy: session.currentScore.accuracy, steps: session.steps }),
    };
  }

  back() {
    this.goTo(this.store.state.step - 1);
  }

  next() {
    this.goTo(this.store.state.step + 1);
  }

  goTo(step) {
    if (step < 1 || step > LESSON_STEPS) return;
    this.store.commit(edit.showStep(this.store.state, step));
    this.view.focusHeading();
  }

  /** Checks an answer; a second wrong try shows the way. */
  check(id, answer) {
    const exercise = EXERCISES.find((x) => x.id === id);
    let result;
    try {
      result = exercise.check(answer, this.context(this.store.state, this.store.derived));
    } catch (error) {
      result = { invalid: `This could not be checked: ${error.message}.` };
    }
    if (result.invalid) return this.view.feedback(id, result.invalid, null);
    if (result.correct) {
      this.tries.delete(id);
      this.progress.markDone(id);
      this.view.feedback(id, `Correct. ${result.why}`, true);
    } else {
      const tries = (this.tries.get(id) || 0) + 1;
      this.tries.set(id, tries);
      this.view.feedback(id, tries >= 2 ? `${result.why} The way: ${result.way}` : `${result.why} Hint: ${result.hint}`, false);
    }
    this.renderProgress();
    this.report();
  }

  renderProgress() {
    const steps = new Set(STEPS.map((_, i) => i + 1).filter((step) => exercisesOf(step).every((x) => this.progress.isDone(x.id))));
    this.view.renderProgress(this.progress.score(), steps);
  }

  /** The score to the LMS and to a framing page, after each check. */
  report() {
    const score = this.progress.score();
    if (this.lms) this.lms.report(score, this.progress.text());
    this.browser.tellFrame({ subject: SCORE_SUBJECT, ...score });
  }

  reset() {
    this.progress.reset();
    this.tries.clear();
    this.shownStep = null; // built again, with no feedback left
    this.render(this.store.state, this.store.derived);
    this.report();
  }

  /** A step's own button: adds `amount` to every logit shown (step 2). */
  action(name, amount) {
    if (name !== 'addToLogits') return;
    const next = edit.setLogits(this.store.state, this.store.derived.logits.map((z) => z + amount));
    const refused = this.store.commit(next);
    if (refused) this.view.feedback(exercisesOf(this.store.state.step)[0].id, `Not applied: ${refused}`, null);
  }

  destroy() {
    this.unsubscribe();
    if (this.lms) this.lms.finish();
  }
}
