/**
 * Keeps the experiment and the URL hash in step: the hash is read once at
 * start-up; every accepted edit rewrites it with `history.replaceState` (no
 * history entry per slider move); and navigating to another hash (a pasted
 * link, back/forward) loads that experiment.
 */
import { experimentToHash, hashToExperiment } from '../url/hash';
import type { AppStore } from './store';

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
    const { experiment, messages } = hashToExperiment(hash);
    written = hash;
    store.getState().loadExperiment(experiment, messages);
  };
  const write = () => {
    const hash = experimentToHash(store.getState().experiment);
    if (hash === written) return;
    written = hash;
    host.history.replaceState(host.history.state, '', withHash(host.location.href, hash));
  };

  load();
  write();
  const unsubscribe = store.subscribe((state) => state.experiment, write);
  host.addEventListener('hashchange', load);
  host.addEventListener('popstate', load);
  return () => {
    unsubscribe();
    host.removeEventListener('hashchange', load);
    host.removeEventListener('popstate', load);
  };
}
