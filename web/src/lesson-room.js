// The guided lesson: a room of its own, loaded when the lesson is opened (dist/lesson-room.js),
// so the first view does not carry it.
import { LessonController } from './controllers/lesson.js';
import { LessonView } from './views/lesson-view.js';

/** Mounts the room in an app's context; returns its controllers. */
export function mountLessonRoom(context) {
  context.views.lesson = new LessonView(context.root);
  const controller = new LessonController(context);
  controller.render(context.store.state, context.store.derived);
  return [controller];
}
