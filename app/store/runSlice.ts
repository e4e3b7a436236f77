/**
 * The run slice: what the computation is doing. The controls express intents
 * here (play, pause, one step, reset); the runner (app/session) acts on them
 * and reports back progress, each optimizer's state, the backend and errors.
 */
import type { StateCreator } from 'zustand';
import type { BackendAttempt, BackendName } from '../../workers/engine/backends/select';
import type { OptimizerName } from '../../workers/engine/spec/optimizers/config';
import type { PlaybackStatus, RunStatus } from '../../workers/engine/spec/vocabulary';
import type { Store } from './store';

/** One optimizer's progress. */
export interface OptimizerProgress {
  id: string;
  name: OptimizerName;
  /** Updates made so far. */
  step: number;
  /** f at the current point (null before the run starts). */
  loss: number | null;
  status: RunStatus;
  /** The step at which the run diverged, or null. */
  divergedAt: number | null;
  /** The divergence message naming the optimizer and the step, or null. */
  message: string | null;
}

/** How far the surface is: nothing yet, a coarse preview, or the full grid. */
export type SurfacePhase = 'waiting' | 'coarse' | 'full';

export interface RunSlice {
  status: PlaybackStatus;
  progress: OptimizerProgress[];
  backend: BackendName | null;
  /** Every backend tried, with the reason each failed one was passed over. */
  backendAttempts: BackendAttempt[];
  /** Things the user should know that are not errors (e.g. "restarted on wasm"). */
  notices: string[];
  /** The last error from the computation, shown until the next success. */
  error: string | null;
  surfacePhase: SurfacePhase;
  /** Milliseconds from page start to the first surface on screen. */
  firstSurfaceMs: number | null;
  /** Incremented by each single-step request. */
  stepRequests: number;
  /** Incremented by each reset request. */
  resetRequests: number;

  play(): void;
  pause(): void;
  togglePlay(): void;
  stepOnce(): void;
  reset(): void;

  setStatus(status: PlaybackStatus): void;
  setProgress(progress: OptimizerProgress[]): void;
  setBackend(backend: BackendName | null, attempts: BackendAttempt[]): void;
  addNotice(notice: string): void;
  dismissNotice(index: number): void;
  setError(error: string | null): void;
  setSurfacePhase(phase: SurfacePhase): void;
  setFirstSurfaceMs(ms: number): void;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  status: 'idle',
  progress: [],
  backend: null,
  backendAttempts: [],
  notices: [],
  error: null,
  surfacePhase: 'waiting',
  firstSurfaceMs: null,
  stepRequests: 0,
  resetRequests: 0,

  play: () => {
    const { status } = get();
    // A finished run starts again from the beginning.
    if (status === 'done') set((s) => ({ resetRequests: s.resetRequests + 1, status: 'running' }));
    else set({ status: 'running' });
  },
  pause: () => {
    if (get().status === 'running') set({ status: 'paused' });
  },
  togglePlay: () => (get().status === 'running' ? get().pause() : get().play()),
  stepOnce: () =>
    set((s) => ({ status: s.status === 'done' ? 'done' : 'paused', stepRequests: s.stepRequests + 1 })),
  reset: () => set((s) => ({ status: 'idle', resetRequests: s.resetRequests + 1 })),

  setStatus: (status) => set({ status }),
  setProgress: (progress) => set({ progress }),
  setBackend: (backend, backendAttempts) => set({ backend, backendAttempts }),
  addNotice: (notice) => set((s) => ({ notices: [...s.notices, notice].slice(-5) })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
  setError: (error) => set({ error }),
  setSurfacePhase: (surfacePhase) => set({ surfacePhase }),
  setFirstSurfaceMs: (firstSurfaceMs) => set({ firstSurfaceMs }),
});
