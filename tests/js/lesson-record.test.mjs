// What the lesson records: the progress in the browser's storage, and the SCORM 1.2 calls an
// LMS sees (with a recording API, as the SCORM 1.2 RTE spec names the calls and elements).
import test from 'node:test';
import assert from 'node:assert/strict';
import { LessonProgress, PROGRESS_KEY } from '../../web/src/lesson-progress.js';
import { ScormSession, findScormApi } from '../../web/src/scorm.js';

const IDS = ['a', 'b', 'c'];
const memoryStorage = (saved = {}) => ({
  saved, get: (k) => saved[k] ?? null, set: (k, v) => { saved[k] = v; }, remove: (k) => { delete saved[k]; },
});

test('progress: saved on each exercise done, read back, damaged or unknown records left out', () => {
  const storage = memoryStorage();
  const progress = new LessonProgress(storage, IDS);
  assert.deepEqual(progress.score(), { score: 0, max: 3 });
  progress.markDone('c');
  progress.markDone('a');
  assert.equal(storage.saved[PROGRESS_KEY], '{"done":["a","c"]}');
  assert.deepEqual(new LessonProgress(storage, IDS).score(), { score: 2, max: 3 });
  for (const bad of ['not json', '{"done":"a"}', '[1,2]', '{"done":["x","__proto__",7]}', 'null']) {
    assert.deepEqual(new LessonProgress(memoryStorage({ [PROGRESS_KEY]: bad }), IDS).score(), { score: 0, max: 3 }, bad);
  }
  assert.equal(progress.merge('{"done":["b","zzz"]}'), true);
  assert.equal(progress.merge('{"done":["b"]}'), false);
  assert.deepEqual(progress.score(), { score: 3, max: 3 });
  progress.reset();
  assert.equal(storage.saved[PROGRESS_KEY], undefined);
  assert.deepEqual(progress.score(), { score: 0, max: 3 });
});

test('progress: a storage that refuses (a sandboxed frame) keeps it for the visit', () => {
  const refusing = { get: () => null, set: () => {}, remove: () => {} };
  const progress = new LessonProgress(refusing, IDS);
  progress.markDone('b');
  assert.equal(progress.isDone('b'), true);
});

function recordingApi({ initialize = 'true', status = 'not attempted', suspend = '' } = {}) {
  const calls = [];
  const values = { 'cmi.core.lesson_status': status, 'cmi.suspend_data': suspend };
  const api = {
    calls,
    LMSInitialize: (a) => { calls.push(['LMSInitialize', a]); return initialize; },
    LMSGetValue: (k) => { calls.push(['LMSGetValue', k]); return values[k] ?? ''; },
    LMSSetValue: (k, v) => { calls.push(['LMSSetValue', k, v]); values[k] = v; return 'true'; },
    LMSCommit: (a) => { calls.push(['LMSCommit', a]); return 'true'; },
    LMSFinish: (a) => { calls.push(['LMSFinish', a]); return 'true'; },
  };
  return api;
}

test('SCORM: initialize, incomplete, the score after each check, completed at full marks, finish once', () => {
  const api = recordingApi({ suspend: '{"done":["a"]}' });
  const lms = new ScormSession(api);
  assert.equal(lms.start(), '{"done":["a"]}');
  assert.deepEqual(api.calls.splice(0), [
    ['LMSInitialize', ''], ['LMSGetValue', 'cmi.core.lesson_status'], ['LMSSetValue', 'cmi.core.lesson_status', 'incomplete'],
    ['LMSCommit', ''], ['LMSGetValue', 'cmi.suspend_data']]);
  lms.report({ score: 1, max: 9 }, '{"done":["a"]}');
  assert.deepEqual(api.calls.splice(0), [
    ['LMSSetValue', 'cmi.core.score.raw', '1'], ['LMSSetValue', 'cmi.core.score.min', '0'], ['LMSSetValue', 'cmi.core.score.max', '9'],
    ['LMSSetValue', 'cmi.core.lesson_status', 'incomplete'], ['LMSSetValue', 'cmi.suspend_data', '{"done":["a"]}'], ['LMSCommit', '']]);
  lms.report({ score: 9, max: 9 }, 'all');
  assert.ok(api.calls.some((c) => c[1] === 'cmi.core.lesson_status' && c[2] === 'completed'));
  api.calls.length = 0;
  lms.finish();
  lms.finish();
  assert.deepEqual(api.calls, [['LMSSetValue', 'cmi.core.exit', ''], ['LMSCommit', ''], ['LMSFinish', '']]);
});

test('SCORM: a completed lesson stays completed on a new visit; an unfinished one is suspended', () => {
  const done = recordingApi({ status: 'completed' });
  new ScormSession(done).start();
  assert.ok(!done.calls.some((c) => c[0] === 'LMSSetValue'));
  const api = recordingApi();
  const lms = new ScormSession(api);
  lms.start();
  lms.report({ score: 2, max: 9 }, '');
  lms.finish();
  assert.ok(api.calls.some((c) => c[1] === 'cmi.core.exit' && c[2] === 'suspend'));
});

test('SCORM: an LMS that refuses or throws never breaks the lesson', () => {
  const refusing = recordingApi({ initialize: 'false' });
  const lms = new ScormSession(refusing);
  assert.equal(lms.start(), '');
  lms.report({ score: 1, max: 9 }, '');
  lms.finish();
  assert.deepEqual(refusing.calls, [['LMSInitialize', '']]);
  const throwing = new Proxy({}, { get: () => () => { throw new Error('LMS down'); } });
  const broken = new ScormSession(throwing);
  assert.equal(broken.start(), '');
  broken.report({ score: 1, max: 9 }, '');
  broken.finish();
});

test('SCORM: the API is found on a parent, on the opener\'s chain, and not past another origin', () => {
  const api = recordingApi();
  const top = { API: api };
  top.parent = top;
  const middle = { parent: top };
  const page = { parent: middle, opener: null };
  assert.equal(findScormApi(page), api);
  const alone = { opener: null };
  alone.parent = alone;
  assert.equal(findScormApi(alone), null);
  const popup = { opener: { parent: top } };
  popup.parent = popup;
  assert.equal(findScormApi(popup), api);
  const foreign = { get parent() { throw new Error('SecurityError'); }, opener: null };
  assert.equal(findScormApi({ parent: foreign, opener: null }), null);
  const notApi = { API: { LMSInitialize: 'no' } };
  notApi.parent = notApi;
  assert.equal(findScormApi({ parent: notApi, opener: null }), null);
});
