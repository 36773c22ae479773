// The compare view and the file evaluation: a room of its own, loaded the first time it is
// needed (dist/compare-room.js), so the first view does not carry it.
import { CompareController } from './controllers/compare.js';
import { EvaluationController } from './controllers/evaluation.js';
import { CompareView } from './views/compare-view.js';

/** Mounts the room in an app's context; returns its controllers. */
export function mountCompareRoom(context) {
  context.views.compare = new CompareView(context.root);
  const controllers = [new CompareController(context), new EvaluationController(context)];
  // Draw what the store holds now: the room may arrive after the state that asked for it.
  controllers[0].render(context.store.state, context.store.derived, {});
  return controllers;
}
