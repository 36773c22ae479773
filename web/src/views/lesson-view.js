// The lesson's region: a step's heading, text, live numbers, exercises (each with a Check button
// and a Feedback status) and Back / Next. Built anew when the step changes; the live numbers,
// the score and the feedback are redrawn in place, so an answer being typed is never lost.
import { byId, el, setProp, setText } from '../dom.js';

export class LessonView {
  constructor(root) {
    this.section = byId(root, 'lesson');
    this.handlers = null;
    this.exercises = new Map(); // id -> {answer(), feedback}
  }

  /** Handlers: back(), next(), goTo(step), check(id, answer), reset(), action(name, amount). */
  bind(handlers) {
    this.handlers = handlers;
  }

  /** Builds a step: {number, count, title, text, actions, exercises}. */
  showStep({ number, count, title, text, actions = [], exercises }) {
    const h = this.handlers;
    this.exercises.clear();
    this.score = el('span');
    const reset = el('button', { type: 'button', class: 'link-button reset-progress', text: 'Reset progress' });
    reset.addEventListener('click', () => h.reset());
    this.heading = el('h2', { tabindex: '-1', text: `Step ${number} of ${count}: ${title}` });
    this.live = el('div', { class: 'lesson-live' });
    this.liveKey = null;
    const buttons = actions.map((a) => {
      const b = el('button', { type: 'button', text: a.label });
      b.addEventListener('click', () => h.action(a.name, a.amount));
      return b;
    });
    const back = el('button', { type: 'button', text: 'Back' });
    const next = el('button', { type: 'button', text: 'Next' });
    setProp(back, 'disabled', number === 1);
    setProp(next, 'disabled', number === count);
    back.addEventListener('click', () => h.back());
    next.addEventListener('click', () => h.next());
    this.stepButtons = Array.from({ length: count }, (_, i) => {
      const b = el('button', { type: 'button', class: 'lesson-step' });
      if (i + 1 === number) b.setAttribute('aria-current', 'step');
      b.addEventListener('click', () => h.goTo(i + 1));
      return b;
    });
    this.section.replaceChildren(
      el('p', { class: 'lesson-status' }, this.score, reset),
      el('nav', { 'aria-label': 'Steps' }, el('ol', { class: 'lesson-steps' }, ...this.stepButtons.map((b) => el('li', {}, b)))),
      this.heading,
      ...text.map((t) => el('p', { text: t })),
      this.live,
      ...(buttons.length ? [el('div', { class: 'exercise-answer' }, ...buttons)] : []),
      ...exercises.map((x, i) => this.exercise(x, exercises.length > 1 ? i + 1 : 0)),
      el('nav', { class: 'lesson-nav', 'aria-label': 'Back and next' }, back, next),
    );
  }

  // One exercise: its question, its answer field (none for a task done in the page), Check, Feedback.
  exercise(x, index) {
    const questionId = `lesson-question-${x.id}`;
    let answer = () => null;
    const field = el('div', { class: 'exercise-answer' });
    if (x.kind === 'number') {
      const input = el('input', { id: `lesson-answer-${x.id}`, class: 'number-input', type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' });
      input.addEventListener('keydown', (event) => { if (event.key === 'Enter') this.handlers.check(x.id, input.value); });
      field.append(el('label', { for: input.id, text: x.label }), input);
      answer = () => input.value;
    } else if (x.kind === 'choice') {
      const radios = x.options.map(([value, label]) => el('input', { type: 'radio', name: `lesson-${x.id}`, value }));
      field.append(el('div', { role: 'radiogroup', 'aria-label': x.group },
        ...radios.map((radio, i) => el('label', {}, radio, ` ${x.options[i][1]}`))));
      answer = () => (radios.find((r) => r.checked) || {}).value || null;
    }
    const check = el('button', { type: 'button', text: 'Check' });
    check.addEventListener('click', () => this.handlers.check(x.id, answer()));
    const feedback = el('p', { class: 'feedback', role: 'status', 'aria-label': 'Feedback' });
    this.exercises.set(x.id, { feedback });
    const title = index ? `Exercise ${index}` : 'Exercise';
    return el('div', { class: 'exercise', role: 'group', 'aria-labelledby': questionId },
      el('h3', { text: title }), el('p', { id: questionId, class: 'exercise-question', text: x.question }), field, check, feedback);
  }

  /** Lines of the step's numbers as the page shows them now. */
  renderLive(lines) {
    const key = lines.join('\n');
    if (key === this.liveKey) return;
    this.liveKey = key;
    this.live.replaceChildren(...lines.map((line) => el('p', { text: line })));
    setProp(this.live, 'hidden', lines.length === 0);
  }

  /** The score, and which steps have every exercise done (`doneSteps`, a set of step numbers). */
  renderProgress({ score, max }, doneSteps) {
    setText(this.score, `Score: ${score} of ${max} exercises done${score === max ? ': the lesson is complete' : ''}`);
    this.stepButtons.forEach((b, i) => {
      const done = doneSteps.has(i + 1);
      setText(b, done ? `${i + 1} ✓` : String(i + 1));
      b.setAttribute('aria-label', `Step ${i + 1}${done ? ', done' : ''}`);
    });
  }

  /** A check's outcome: `correct` true, false, or null (the answer could not be read). */
  feedback(id, text, correct) {
    const { feedback } = this.exercises.get(id);
    feedback.classList.toggle('is-correct', correct === true);
    feedback.classList.toggle('is-wrong', correct !== true);
    // Emptied first, so that the same message again is announced again.
    setText(feedback, '');
    setTimeout(() => setText(feedback, text));
  }

  focusHeading() {
    this.heading.focus();
  }
}
