import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import type { AnalyticWorkerApi } from '../../workers/analytic.worker';
import { createAppStore } from '../store/store';
import type { WorkerConnection } from '../workerClient';
import { AnalyticSession } from './analyticSession';

/** A worker factory that counts the workers started; their calls never answer (only the start matters here). */
function countingFactory(): { started: () => number; factory: () => WorkerConnection<AnalyticWorkerApi> } {
  let count = 0;
  const pending = () => new Promise<never>(() => undefined);
  const api = new Proxy({}, { get: () => pending }) as unknown as WorkerConnection<AnalyticWorkerApi>['api'];
  return {
    started: () => count,
    factory: () => {
      count++;
      return { api, guard: (call) => call, terminate: () => undefined };
    },
  };
}

/** A started session on a store opened on `experiment`, with its counting worker factory. */
function sessionOpenedOn(experiment: Experiment) {
  const store = createAppStore();
  store.getState().loadExperiment(experiment, []);
  const workers = countingFactory();
  const session = new AnalyticSession(store, '', workers.factory);
  session.start();
  return { store, workers, session };
}

describe('the analytic session’s worker', () => {
  it('starts at once for an analytic experiment', () => {
    const { workers, session } = sessionOpenedOn(defaultExperiment());
    expect(workers.started()).toBe(1);
    session.dispose();
  });

  it('is not started for a page opened on a network, and starts once the experiment becomes analytic', () => {
    const { store, workers, session } = sessionOpenedOn(defaultNetworkExperiment());
    expect(workers.started()).toBe(0);
    store.getState().loadExperiment(defaultExperiment(), []);
    expect(workers.started()).toBe(1);
    // Back to a network and again to a function: the same worker serves.
    store.getState().loadExperiment(defaultNetworkExperiment(), []);
    store.getState().loadExperiment(defaultExperiment(), []);
    expect(workers.started()).toBe(1);
    session.dispose();
  });
});
