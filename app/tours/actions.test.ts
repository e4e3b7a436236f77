import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../plots/types';
import { createAppStore } from '../store/store';
import { runActions, runsFraction } from './actions';

const progress = (step: number, status: 'running' | 'done' | 'diverged' = 'running') => ({
  id: `r${step}`, name: 'sgd' as const, step, loss: 1, status, divergedAt: status === 'diverged' ? step : null, message: null,
});

describe('runsFraction', () => {
  it('is the mean of step / steps, a finished or diverged run counting whole', () => {
    expect(runsFraction([progress(50), progress(100)], 200)).toBeCloseTo(0.375, 12);
    expect(runsFraction([progress(10, 'diverged'), progress(100)], 200)).toBeCloseTo(0.75, 12);
    expect(runsFraction([progress(300)], 200)).toBe(1);
    expect(runsFraction([], 200)).toBeNull();
  });
});

describe('runActions', () => {
  it('plays the runs and finishes when the whole run is done, reporting progress on the way', async () => {
    const store = createAppStore();
    const jobs: JobProgress[] = [];
    const done = runActions([{ kind: 'run' }], store, new AbortController().signal, (job) => jobs.push(job));
    expect(store.getState().status).toBe('running');
    store.getState().setProgress([progress(150)]);
    store.getState().setStatus('done');
    await done;
    expect(jobs.some((job) => job.state === 'running' && job.fraction === 0.5)).toBe(true);
    expect(jobs.at(-1)).toMatchObject({ state: 'done', fraction: 1 });
  });

  it('cancels by pausing the runs, and does not start the next action', async () => {
    const store = createAppStore();
    const controller = new AbortController();
    const jobs: JobProgress[] = [];
    const done = runActions([{ kind: 'run' }, { kind: 'slice' }], store, controller.signal, (job) => jobs.push(job));
    controller.abort();
    // Paused at once, so that what the aborting code starts next (the next step's runs) is not paused after it.
    expect(store.getState().status).toBe('paused');
    store.getState().play();
    await done;
    expect(store.getState().status).toBe('running');
    expect(store.getState().sliceRequests).toBe(0);
    expect(jobs.at(-1)?.state).toBe('cancelled');
  });

  it('requests a slice and waits for a new finished job, not the one already there', async () => {
    const store = createAppStore();
    store.getState().patchLandscape({ sliceJob: { label: 'old', state: 'done', fraction: 1 } });
    const jobs: JobProgress[] = [];
    const done = runActions([{ kind: 'slice' }], store, new AbortController().signal, (job) => jobs.push(job));
    expect(store.getState().sliceRequests).toBe(1);
    store.getState().patchLandscape({ sliceJob: { label: 'Slice', state: 'running', fraction: 0.4 } });
    store.getState().patchLandscape({ sliceJob: { label: 'Slice', state: 'done', fraction: 1, message: '65×65' } });
    await done;
    expect(jobs.some((job) => job.fraction === 0.4)).toBe(true);
    expect(jobs.at(-1)).toMatchObject({ state: 'done', message: '65×65' });
  });

  it('reports a failed spectrum with its message', async () => {
    const store = createAppStore();
    const jobs: JobProgress[] = [];
    const done = runActions([{ kind: 'spectrum' }], store, new AbortController().signal, (job) => jobs.push(job));
    expect(store.getState().curvatureRequest).not.toBeNull();
    store.getState().patchLandscape({ curvatureJob: { label: 'Curvature', state: 'failed', fraction: null, message: 'too many parameters' } });
    await done;
    expect(jobs.at(-1)).toMatchObject({ state: 'failed', message: 'too many parameters' });
  });
});
