// The guided lesson's plan: the part of the page each step works in and what it highlights.
// Small and loaded first, so the right part shows from the first paint; the lesson's texts
// and exercises are in its room (lesson-room.js).
import { LESSON_STEPS } from './limits.js';

// `view`: the page's view shown beside the step; `focus`: the [data-focus] names it highlights.
export const LESSON_PLAN = [
  { view: 'pipeline', focus: ['probabilities', 'softmax'] },
  { view: 'pipeline', focus: ['logits', 'probabilities'] },
  { view: 'pipeline', focus: ['loss', 'loss-formula'] },
  { view: 'pipeline', focus: ['loss-formula'] },
  { view: 'compare', focus: ['compare-table', 'metrics'] },
  { view: 'pipeline', focus: ['gradient', 'derivation'] },
  { view: 'pipeline', focus: ['training'] },
];
if (LESSON_PLAN.length !== LESSON_STEPS) throw new Error('the lesson plan and LESSON_STEPS disagree');

/** The view whose parts the page shows: in the lesson, the one its step works in. */
export const pageView = (state) => (state.view === 'lesson' ? LESSON_PLAN[state.step - 1].view : state.view);

/** What the page highlights for the lesson (nothing outside it). */
export const lessonFocus = (state) => (state.view === 'lesson' ? LESSON_PLAN[state.step - 1].focus : []);
