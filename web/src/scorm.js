// SCORM 1.2: the LMS's API object, found as the standard says, and the lesson's reports to it.
// Every call goes through `call`, which never throws: a broken LMS must not break the lesson.

const MAX_LEVELS = 10;

/** The API object of the window's LMS: on the window or a parent, then on the opener's chain. */
export function findScormApi(win) {
  const climb = (start) => {
    let w = start;
    for (let level = 0; w && level <= MAX_LEVELS; level++) {
      try {
        if (w.API && typeof w.API.LMSInitialize === 'function') return w.API;
        if (w.parent === w) return null;
        w = w.parent;
      } catch {
        return null; // a parent on another origin: the search stops there
      }
    }
    return null;
  };
  let opener = null;
  try {
    opener = win.opener;
  } catch {
    opener = null;
  }
  return climb(win) || (opener ? climb(opener) : null);
}

export class ScormSession {
  constructor(api) {
    this.api = api;
    this.open = false;
    this.completed = false;
  }

  call(name, ...args) {
    try {
      return String(this.api[name](...args));
    } catch {
      return '';
    }
  }

  /** LMSInitialize; the lesson is incomplete until every exercise is done. Returns the saved progress. */
  start() {
    this.open = this.call('LMSInitialize', '') === 'true';
    if (!this.open) return '';
    const status = this.call('LMSGetValue', 'cmi.core.lesson_status');
    if (status !== 'completed' && status !== 'passed') this.call('LMSSetValue', 'cmi.core.lesson_status', 'incomplete');
    this.call('LMSCommit', '');
    return this.call('LMSGetValue', 'cmi.suspend_data');
  }

  /** The score (exercises correct out of all), the status, and the progress to resume from. */
  report({ score, max }, progressText) {
    if (!this.open) return;
    this.call('LMSSetValue', 'cmi.core.score.raw', String(score));
    this.call('LMSSetValue', 'cmi.core.score.min', '0');
    this.call('LMSSetValue', 'cmi.core.score.max', String(max));
    this.call('LMSSetValue', 'cmi.core.lesson_status', score === max ? 'completed' : 'incomplete');
    this.call('LMSSetValue', 'cmi.suspend_data', progressText);
    this.call('LMSCommit', '');
    this.completed = score === max;
  }

  /** LMSFinish, once, when the page is left. */
  finish() {
    if (!this.open) return;
    this.open = false;
    // Unfinished: the LMS keeps the suspend data for the next visit.
    this.call('LMSSetValue', 'cmi.core.exit', this.completed ? '' : 'suspend');
    this.call('LMSCommit', '');
    this.call('LMSFinish', '');
  }
}
