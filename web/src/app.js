// The composition root: given a root (a document or a shadow root holding the page's markup),
// the link it opens with, a browser adapter and a way to load the core, it builds the views,
// then the store and the controllers, and binds them. Two apps on one page share nothing.
import { pageView } from './lesson-plan.js';
import { compareMetrics, createCompute } from './compute.js';
import { PageController, captionOf } from './controllers/page.js';
import { PipelineController } from './controllers/pipeline.js';
import { TrainingController } from './controllers/training.js';
import { readLink } from './link.js';
import { NetworkSession } from './network-session.js';
import { COMPARE_PRESET, presetOf } from './presets.js';
import { Store } from './store.js';
import { EvaluateView } from './views/evaluate-view.js';
import { ExplanationView } from './views/explanation-view.js';
import { NetworkView } from './views/network-view.js';
import { PageView } from './views/page-view.js';
import { PipelineView } from './views/pipeline-view.js';

/** Mounts the app (`frame`: the element whose class switches the embed layout, by default
 *  the document's); returns {ready (a promise of the store, or of null if the core could not
 *  load), destroy()}. */
export function mountApp(root, { link, browser, loadCore, frame }) {
  const page = new PageView(root, frame);
  // The link is read before the core loads, so the embed layout is there from the first paint.
  const opened = readLink(link);
  page.setEmbed(opened.state.embed);
  page.showCaption(captionOf(presetOf(opened.state)));
  let parts = null;
  const ready = loadCore().then(
    // The app starts in a task of its own, after the core's instantiation.
    (core) => new Promise((resolve) => setTimeout(() => resolve((parts = start(root, core, opened, page, browser)).store))),
    (error) => { page.showLoadError(error.message); return null; });
  return {
    ready,
    destroy() {
      if (!parts) return;
      for (const c of parts.controllers) if (c.destroy) c.destroy();
      parts.store.destroy();
      parts.session.dispose();
    },
  };
}

function start(root, core, opened, page, browser) {
  const views = {
    page, pipeline: new PipelineView(root), explanation: new ExplanationView(root), network: new NetworkView(root), evaluate: new EvaluateView(root),
  };
  const session = new NetworkSession(core);
  const store = new Store({ compute: createCompute(core, session) });
  const context = { root, store, core, session, views, browser };
  const pageController = new PageController(context);
  store.writeLink = (state) => pageController.writeLink(state);
  const controllers = [pageController, new PipelineController(context), new TrainingController(context)];
  const compareRoom = roomLoader(context, controllers, 'compare-room.js', 'SoftmaxCompareRoom');
  const lessonRoom = roomLoader(context, controllers, 'lesson-room.js', 'SoftmaxLessonRoom');
  const landscapeRoom = roomLoader(context, controllers, 'landscape-room.js', 'SoftmaxLandscapeRoom');
  store.subscribe((next) => {
    if (next.view === 'lesson') lessonRoom();
    if (pageView(next) === 'compare') compareRoom();
    else if (!landscapeRoom.started() && (!next.parts || next.parts.includes('landscape'))) setTimeout(landscapeRoom); // after the first paint
  });
  const { state, notices } = checkedComparison(core, opened);
  page.showNotices(notices);
  store.commit(state);
  page.showReady();
  // A file chosen while the core loaded is evaluated now, not lost.
  if (views.evaluate.chosenFile()) compareRoom();
  setTimeout(() => views.network.fillPictureMenu());
  return { store, session, controllers };
}

// A room of the app (its script and the global it defines), loaded once, the first time it is asked for.
function roomLoader(context, controllers, file, global) {
  let loading = null;
  const load = () => {
    loading = loading || context.browser.loadRoom(file, global)
      .then((mount) => controllers.push(...mount(context)))
      .catch((error) => context.views.page.shareStatus(`Part of the page could not load: ${error.message}.`));
    return loading;
  };
  load.started = () => loading !== null;
  return load;
}

// The slide's tables need no check; a link's do, before anything is shown.
function checkedComparison(core, { state, notices }) {
  if (JSON.stringify(state.compare) === JSON.stringify(COMPARE_PRESET.state)) return { state, notices };
  try {
    compareMetrics(core, state.compare);
    return { state, notices };
  } catch (error) {
    return {
      state: { ...state, compare: structuredClone(COMPARE_PRESET.state) },
      notices: [...notices, `The comparison in the link was refused (${error.message}): showing the slide’s NN1 and NN2.`],
    };
  }
}
