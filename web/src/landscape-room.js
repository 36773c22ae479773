// The loss landscape: a room of its own, loaded after the first render (dist/landscape-room.js),
// so the first view does not carry it.
import { LandscapeController } from './controllers/landscape.js';
import { LandscapeView } from './views/landscape-view.js';

/** Mounts the room in an app's context; returns its controllers. */
export function mountLandscapeRoom(context) {
  context.views.landscape = new LandscapeView(context.root);
  const controller = new LandscapeController(context);
  controller.render(context.store.state, context.store.derived, {});
  return [controller];
}
