/**
 * Opens tours, moves between their steps and keeps the tour's place in the
 * link. Entering a step loads its link into the explorer (through the same
 * reader as a pasted link), then starts the step's work; leaving it cancels
 * any work still going. The place is written after the experiment's
 * fields whenever either changes, so the address bar always holds the
 * link of the step on screen.
 */
import { experimentToHash, hashToExperiment } from '../url/hash';
import type { AppStore } from '../store/store';
import { runActions } from './actions';
import { tourById } from './index';
import { readTourPlace, withTourPlace, type TourPlace } from './tourLink';
import { tourStore } from './tourStore';

/** The parts of `window` the controller uses. */
export interface TourHost {
  location: { hash: string; href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange', listener: (event: { newURL: string }) => void): void;
}

let explorer: AppStore | null = null;
let work: AbortController | null = null;

/** Cancels the step's work, if any is going. */
export function cancelStepWork(): void {
  work?.abort();
  work = null;
}

/** Starts the work of the step at `place` (its actions), cancelling any work still going. */
function startWork(place: TourPlace): void {
  cancelStepWork();
  const step = tourById(place.tourId)?.steps[place.step];
  tourStore.setState({ job: null });
  if (!explorer || !step?.actions?.length) return;
  const controller = new AbortController();
  work = controller;
  void runActions(step.actions, explorer, controller.signal, (job) => {
    if (work === controller) tourStore.setState({ job });
  }).finally(() => {
    if (work === controller) work = null;
  });
}

/**
 * Shows step `index` of tour `tourId`: loads its link into the explorer and
 * starts its work. An unknown tour or step does nothing (returns false).
 */
export function enterStep(tourId: string, index: number): boolean {
  const tour = tourById(tourId);
  if (!explorer || !tour || !Number.isInteger(index) || index < 0 || index >= tour.steps.length) return false;
  cancelStepWork();
  const { experiment, messages } = hashToExperiment(tour.steps[index].link);
  const place = { tourId, step: index };
  tourStore.setState({ place });
  explorer.getState().loadExperiment(experiment, messages);
  startWork(place);
  return true;
}

/** Closes the tour (the explorer keeps the last step's experiment). */
export function closeTour(): void {
  cancelStepWork();
  tourStore.setState({ place: null, job: null });
}

/**
 * Reads the tour's place from the link the page opened with, `openingHash`
 * (the experiment is the link's own, already loaded), and from every link
 * navigated to, and writes it after the experiment's fields (the
 * experiment's own writer rewrites the hash without it first). A bad tour
 * key adds its message to the link's.
 */
export function installTours(store: AppStore, host: TourHost, openingHash: string): void {
  explorer = store;
  const write = () => {
    const hash = withTourPlace(experimentToHash(store.getState().experiment), tourStore.getState().place);
    if (host.location.hash.replace(/^#/, '') === hash) return;
    const cut = host.location.href.indexOf('#');
    host.history.replaceState(host.history.state, '', `${cut < 0 ? host.location.href : host.location.href.slice(0, cut)}#${hash}`);
  };
  const read = (hash: string) => {
    const messages: string[] = [];
    const place = readTourPlace(hash, messages);
    if (messages.length > 0) store.setState((state) => ({ linkMessages: [...state.linkMessages, ...messages] }));
    const current = tourStore.getState().place;
    if (place?.tourId === current?.tourId && place?.step === current?.step) return;
    if (!place) {
      closeTour();
      return;
    }
    tourStore.setState({ place });
    startWork(place);
  };
  read(openingHash);
  write();
  store.subscribe((state) => state.experiment, write);
  tourStore.subscribe((state, previous) => {
    if (state.place !== previous.place) write();
  });
  // The event's new URL, not the location: by now the experiment's writer has rewritten the hash without the tour's keys.
  host.addEventListener('hashchange', (event) => read(new URL(event.newURL).hash));
}
