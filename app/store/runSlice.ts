/**
 * The run slice: what the computation is doing. The controls express intents
 * here (play, pause, one step, reset); the session of the mode on screen (the
 * analytic runner or the training session) acts on them and reports back the
 * runs' progress, the backend and errors. The whole run's status and every
 * run's progress live here, once, for both modes.
 */
import type { StateCreator } from 'zustand';
import type { BackendAttempt, BackendName } from '../../workers/engine/backends/select';
import type { AnalyticOptimizerName } from '../../workers/engine/spec/optimizers/registry';
import type { PlaybackStatus, RunStatus } from '../../workers/engine/spec/vocabulary';
import type { UpdateReport } from '../../workers/engine/spec/messages/training';
import type { Store } from './store';

/** What the progress of every run holds, an optimizer's on a function or a network's training run. */
interface RunProgressBase {
  id: string;
  /** Updates made so far. */
  step: number;
  status: RunStatus;
  /** The step at which the run diverged, or null. */
  divergedAt: number | null;
  /** The divergence message naming the run and the step, or null. */
  message: string | null;
}

/** One optimizer's progress on an analytic function. */
export interface OptimizerProgress extends RunProgressBase {
  name: AnalyticOptimizerName;
  /** f at the current point (null before the run starts). */
  loss: number | null;
}

/** One training run's progress. */
export interface NetworkRunProgress extends RunProgressBase {
  label: string;
  /** Epochs begun (0-based epoch of the last minibatch). */
  epoch: number;
  /** The last evaluation's data losses and accuracies (null before any, or where they do not exist). */
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  testAccuracy: number | null;
  /** The minibatch loss of the last step. */
  batchLoss: number | null;
  /** The last λ_max and λ_min of the Hessian (null without sharpness tracking). */
  sharpness: number | null;
  lambdaMin: number | null;
  /** 2/η at the last measurement (null without one, or without a learning rate). */
  threshold: number | null;
  /** The last update of a curvature-based run (trust-region ρ and Δ, damping, CG iterations), or null. */
  lastUpdate: UpdateReport | null;
  /** Updates rejected so far by a trust-region or Hessian-free run. */
  rejectedSteps: number;
}

/** The runs' progress: of the optimizers on a function, or of the training runs, whichever mode's session last reported. */
export type RunsProgress = { mode: 'analytic'; runs: OptimizerProgress[] } | { mode: 'network'; runs: NetworkRunProgress[] };

/**
 * How fast the analytic runs play, in steps per second: a number, 'auto'
 * (a whole run in about {@link AUTO_RUN_SECONDS} seconds, whatever its
 * length), or 'max' (as fast as the worker computes). The pace is the
 * computation's: it does not depend on how fast the page draws.
 */
export type RunSpeed = number | 'auto' | 'max';

/** The speeds offered by the speed control, in steps per second (besides 'auto' and 'max'). */
export const RUN_SPEEDS: readonly number[] = [10, 30, 100, 300, 1000];

/** Seconds an 'auto'-paced run takes from its first step to its last. */
export const AUTO_RUN_SECONDS = 2.5;

/** How far the surface is: nothing yet, a coarse preview, or the full grid. */
export type SurfacePhase = 'waiting' | 'coarse' | 'full';

export interface RunSlice {
  status: PlaybackStatus;
  /** Every run's progress (read it with selectProgress or selectTrainingRuns). */
  runProgress: RunsProgress;
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
  /** How fast the analytic runs play. */
  runSpeed: RunSpeed;
  /**
   * The step the analytic view shows (the scrubber's position): the paths,
   * their current points and the loss chart stop there; null follows the
   * newest step.
   */
  shownStep: number | null;

  play(): void;
  pause(): void;
  togglePlay(): void;
  stepOnce(): void;
  reset(): void;
  setRunSpeed(speed: RunSpeed): void;
  /** Shows step `step` of the runs already computed (pausing them if they play), or the newest step (null). */
  showStep(step: number | null): void;

  setStatus(status: PlaybackStatus): void;
  /** The analytic session: the optimizers' progress. */
  setProgress(progress: OptimizerProgress[]): void;
  /** The training session: the training runs' progress. */
  setTrainingRuns(runs: NetworkRunProgress[]): void;
  setBackend(backend: BackendName | null, attempts: BackendAttempt[]): void;
  addNotice(notice: string): void;
  dismissNotice(index: number): void;
  setError(error: string | null): void;
  setSurfacePhase(phase: SurfacePhase): void;
  setFirstSurfaceMs(ms: number): void;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  status: 'idle',
  runProgress: { mode: 'analytic', runs: [] },
  backend: null,
  backendAttempts: [],
  notices: [],
  error: null,
  surfacePhase: 'waiting',
  firstSurfaceMs: null,
  stepRequests: 0,
  resetRequests: 0,
  runSpeed: 'auto',
  shownStep: null,

  play: () => {
    const { status } = get();
    // A finished run starts again from the beginning; playing shows the newest step again.
    if (status === 'done') set((s) => ({ resetRequests: s.resetRequests + 1, status: 'running', shownStep: null }));
    else set({ status: 'running', shownStep: null });
  },
  pause: () => {
    if (get().status === 'running') set({ status: 'paused' });
  },
  togglePlay: () => (get().status === 'running' ? get().pause() : get().play()),
  stepOnce: () =>
    set((s) => ({ status: s.status === 'done' ? 'done' : 'paused', stepRequests: s.stepRequests + 1, shownStep: null })),
  reset: () => set((s) => ({ status: 'idle', resetRequests: s.resetRequests + 1, shownStep: null })),
  setRunSpeed: (runSpeed) => set({ runSpeed }),
  // Grabbing the scrubber stops the runs there, as a media player's does.
  showStep: (shownStep) => set((s) => ({ shownStep, status: shownStep !== null && s.status === 'running' ? 'paused' : s.status })),

  setStatus: (status) => set({ status }),
  setProgress: (runs) => set({ runProgress: { mode: 'analytic', runs } }),
  setTrainingRuns: (runs) => set({ runProgress: { mode: 'network', runs } }),
  setBackend: (backend, backendAttempts) => set({ backend, backendAttempts }),
  addNotice: (notice) => set((s) => ({ notices: [...s.notices, notice].slice(-5) })),
  dismissNotice: (index) => set((s) => ({ notices: s.notices.filter((_, i) => i !== index) })),
  setError: (error) => set({ error }),
  setSurfacePhase: (surfacePhase) => set({ surfacePhase }),
  setFirstSurfaceMs: (firstSurfaceMs) => set({ firstSurfaceMs }),
});
