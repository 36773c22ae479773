// Which of the lesson's exercises are done, kept in the browser's storage (and in the LMS's
// suspend data, where there is one), so that a reload or another visit keeps the progress.
// Storage is given: {get(key), set(key, value), remove(key)}, each of which may fail quietly.

export const PROGRESS_KEY = 'softmax-explainer.lesson.v1';

export class LessonProgress {
  /** `ids`: every exercise's id, in order. */
  constructor(storage, ids) {
    this.storage = storage;
    this.ids = ids;
    this.done = new Set(this.read(storage.get(PROGRESS_KEY)));
  }

  /** The done ids in a saved text; anything else in it (damaged, older, hostile) is left out. */
  read(text) {
    try {
      const saved = JSON.parse(text || '{}');
      return Array.isArray(saved.done) ? saved.done.filter((id) => this.ids.includes(id)) : [];
    } catch {
      return [];
    }
  }

  /** Adds what another record says is done (the LMS's); true if anything was new. */
  merge(text) {
    const before = this.done.size;
    for (const id of this.read(text)) this.done.add(id);
    if (this.done.size === before) return false;
    this.save();
    return true;
  }

  isDone(id) {
    return this.done.has(id);
  }

  markDone(id) {
    this.done.add(id);
    this.save();
  }

  reset() {
    this.done.clear();
    this.storage.remove(PROGRESS_KEY);
  }

  /** The saved form: {"done": [ids]} in the exercises' order. */
  text() {
    return JSON.stringify({ done: this.ids.filter((id) => this.done.has(id)) });
  }

  save() {
    this.storage.set(PROGRESS_KEY, this.text());
  }

  /** Exercises done out of all. */
  score() {
    return { score: this.done.size, max: this.ids.length };
  }
}
