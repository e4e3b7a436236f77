/**
 * Keeps the experiment and the URL hash in step: the hash is read once at
 * start-up; every accepted edit rewrites it with `history.replaceState` (no
 * history entry per slider move); and navigating to another hash (a pasted
 * link, back/forward) loads that experiment, with the rows of an uploaded
 * data set when the page holds them (uploadSlice.ts). The display (camera, side tab,
 * selected run, clicked point) travels in the same hash (app/url/link.ts).
 */
import { shallow } from 'zustand/shallow';
import { linkToState, stateToLink } from '../url/link';
import { probePendingPoint, selectDisplay } from './displaySlice';
import type { AppStore } from './store';
import { heldUploads } from './uploadSlice';

/** The parts of `window` the sync uses (so tests can pass a stand-in). */
export interface UrlHost {
  location: { hash: string; href: string };
  history: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  addEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
  removeEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
}

/** The URL `href` with its hash replaced by `hash`. */
function withHash(href: string, hash: string): string {
  const cut = href.indexOf('#');
  return `${cut < 0 ? href : href.slice(0, cut)}#${hash}`;
}

/**
 * Loads the experiment from `host`'s hash into `store`, then keeps the two in
 * step until the returned function is called.
 */
export function syncExperimentWithUrl(store: AppStore, host: UrlHost): () => void {
  let written = '';
  const load = () => {
    const hash = host.location.hash.replace(/^#/, '');
    if (hash === written) return;
    // A `csv=` marker takes its rows from the uploaded data sets the page holds.
    const { experiment, display, messages, missingUpload } = linkToState(hash, heldUploads(store.getState()));
    written = hash;
    store.getState().loadExperiment(experiment, messages);
    store.getState().setMissingUpload(missingUpload ?? null);
    store.getState().loadDisplay(display);
  };
  const write = () => {
    const state = store.getState();
    const hash = stateToLink(state.experiment, selectDisplay(state));
    if (hash === written) return;
    written = hash;
    host.history.replaceState(host.history.state, '', withHash(host.location.href, hash));
  };

  load();
  write();
  // The experiment and every part of the display the link holds.
  const unsubscribe = store.subscribe(
    (state) => [state.experiment, state.camera, state.sideTab, state.selectedRunId, state.probeRequest, state.pendingPoint],
    write,
    { equalityFn: shallow },
  );
  const stopProbing = probePendingPoint(store);
  host.addEventListener('hashchange', load);
  host.addEventListener('popstate', load);
  return () => {
    unsubscribe();
    stopProbing();
    host.removeEventListener('hashchange', load);
    host.removeEventListener('popstate', load);
  };
}
