import { describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../workers/engine/spec/experiment';
import { experimentToHash } from '../url/hash';
import { createAppStore } from './store';
import { syncExperimentWithUrl, type UrlHost } from './urlSync';

/** A stand-in for `window` with a location, replaceState and navigation events. */
function fakeHost(hash: string) {
  const listeners = new Map<string, Set<() => void>>();
  const replaced: string[] = [];
  const host: UrlHost & { navigate(hash: string): void; replaced: string[] } = {
    location: { hash: hash ? `#${hash}` : '', href: `http://example.test/app/?backend=cpu${hash ? `#${hash}` : ''}` },
    history: {
      state: null,
      replaceState(_data, _unused, url) {
        replaced.push(url!);
        host.location.href = url!;
        host.location.hash = url!.slice(url!.indexOf('#'));
      },
    },
    addEventListener: (type, listener) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener: (type, listener) => listeners.get(type)?.delete(listener),
    navigate(next) {
      host.location.hash = `#${next}`;
      host.location.href = `http://example.test/app/?backend=cpu#${next}`;
      listeners.get('hashchange')?.forEach((listener) => listener());
    },
    replaced,
  };
  return host;
}

describe('syncExperimentWithUrl', () => {
  it('loads the experiment from the hash, with the link’s messages', () => {
    const store = createAppStore();
    syncExperimentWithUrl(store, fakeHost('f=himmelblau&nx=99999'));
    expect(store.getState().experiment.problem).toMatchObject({ kind: 'analytic', name: 'himmelblau' });
    expect(store.getState().linkMessages).toHaveLength(1);
  });

  it('writes the full experiment into a bare URL, keeping the path and query', () => {
    const store = createAppStore();
    const host = fakeHost('');
    syncExperimentWithUrl(store, host);
    expect(host.replaced).toEqual([`http://example.test/app/?backend=cpu#${experimentToHash(defaultExperiment())}`]);
  });

  it('rewrites the hash with replaceState after each accepted edit, and not after a refused one', () => {
    const store = createAppStore();
    const host = fakeHost(experimentToHash(defaultExperiment()));
    syncExperimentWithUrl(store, host);
    expect(host.replaced).toEqual([]);
    store.getState().setSteps(42);
    expect(host.replaced).toHaveLength(1);
    expect(host.location.hash).toContain('n=42');
    store.getState().setSteps(-5);
    expect(host.replaced).toHaveLength(1);
  });

  it('loads the experiment of a hash navigated to (back / forward / pasted link)', () => {
    const store = createAppStore();
    const host = fakeHost('');
    syncExperimentWithUrl(store, host);
    host.navigate('f=beale&n=9');
    expect(store.getState().experiment.problem).toMatchObject({ kind: 'analytic', name: 'beale' });
    expect(store.getState().experiment.steps).toBe(9);
  });

  it('stops following after unsubscribing', () => {
    const store = createAppStore();
    const host = fakeHost('');
    const stop = syncExperimentWithUrl(store, host);
    stop();
    store.getState().setSteps(42);
    host.navigate('f=beale');
    expect(host.replaced).toHaveLength(1);
    expect(store.getState().experiment.problem).toMatchObject({ kind: 'analytic', name: 'rosenbrock' });
  });
});
