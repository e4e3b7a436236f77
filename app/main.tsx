/**
 * Start-up: read the experiment from the URL and start the worker session
 * first, then load and render the page (React and three.js are in a separate
 * chunk, so the worker starts computing while they download and parse).
 */
import { isNetworkExperiment } from '../workers/engine/spec/experiment';
import { AnalyticSession } from './analytic/analyticSession';
import { LandscapeSession } from './landscape/landscapeSession';
import { TrainingSession } from './training/trainingSession';
import { syncExperimentWithUrl } from './store/urlSync';
import { appStore } from './store/store';
import { installTestHandle } from './testHandle';
import { installTours } from './tours/tourController';
import { ParameterChannel } from './workerClient';
import { startOfflineSupport } from './offline/serviceWorker';
import './styles.css';

// Marks of the start-up phases (see the Performance panel, or the end-to-end test's log).
performance.mark('explorer:main');
const openingHash = window.location.hash;
syncExperimentWithUrl(appStore, window);
// After the experiment: the tour's place follows its fields in the link.
installTours(appStore, window, openingHash);
const session = new AnalyticSession(appStore, window.location.search);
session.start();
// The landscape worker takes the training runs' parameters from the training worker over this channel, not through the page.
const parameterChannel = new ParameterChannel();
// Trains network experiments; its worker starts with the first one.
const trainingSession = new TrainingSession(appStore, window.location.search);
trainingSession.useChannel(parameterChannel);
trainingSession.start();
// Slices and curvature of network experiments; its worker starts with the first request.
const landscapeSession = new LandscapeSession(appStore, window.location.search);
landscapeSession.useChannel(parameterChannel);
landscapeSession.start();
/** The session computing what is on screen (the test hooks act on its worker). */
const activeSession = () => (isNetworkExperiment(appStore.getState().experiment) ? trainingSession : session);
installTestHandle(appStore, {
  active: () => activeSession().faults,
  landscape: landscapeSession.faults,
});

// Whoever opens a link sees the optimizers walk as soon as the surface is there.
const stopAutoplay = appStore.subscribe(
  (state) => state.surfacePhase,
  (phase) => {
    if (phase !== 'full') return;
    stopAutoplay();
    const state = appStore.getState();
    // Not if the page has meanwhile switched to a network, which is trained on request.
    if (state.status === 'idle' && !isNetworkExperiment(state.experiment)) state.play();
  },
);

void startOfflineSupport();
void import('./render').then(({ renderApp }) => renderApp(document.getElementById('root')!));
