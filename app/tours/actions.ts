/**
 * Runs a tour step's work on the explorer: plays the runs to their step
 * count, computes the slice or the spectrum, one after the other, through
 * the same store intents the controls use (play, requestSlice,
 * requestCurvature), and reports the progress of each as a job. Cancelling
 * stops the work in hand the way its own Cancel button would (pausing the
 * runs, cancelling the slice or curvature job).
 */
import type { JobProgress } from '../plots/types';
import type { NetworkRunProgress, OptimizerProgress } from '../store/runSlice';
import type { AppStore, Store } from '../store/store';
import type { TourAction } from './types';

/** The label of an action's progress bar. */
export function actionLabel(action: TourAction, mode: 'analytic' | 'network'): string {
  if (action.kind === 'run') return mode === 'analytic' ? 'Running the optimizers' : 'Training';
  return action.kind === 'slice' ? 'Computing the slice' : 'Computing the spectrum';
}

/**
 * How far the runs are, in [0, 1]: the mean over runs of min(1, step / steps),
 * a diverged or finished run counting as complete; null without runs.
 */
export function runsFraction(runs: readonly (OptimizerProgress | NetworkRunProgress)[], steps: number): number | null {
  if (runs.length === 0 || steps <= 0) return null;
  let sum = 0;
  for (const run of runs) sum += run.status === 'diverged' || run.status === 'done' ? 1 : Math.min(1, run.step / steps);
  return sum / runs.length;
}

/** Resolves with the first state for which `done` gives a result other than undefined (checked at once, then on every change). */
function waitFor<T>(store: AppStore, done: (state: Store) => T | undefined, signal: AbortSignal, onChange?: (state: Store) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (state: Store) => {
      onChange?.(state);
      const result = done(state);
      if (result === undefined) return false;
      finish();
      resolve(result);
      return true;
    };
    const abort = () => {
      finish();
      reject(new DOMException('cancelled', 'AbortError'));
    };
    const unsubscribe = store.subscribe((state) => {
      check(state);
    });
    const finish = () => {
      unsubscribe();
      signal.removeEventListener('abort', abort);
    };
    signal.addEventListener('abort', abort);
    if (signal.aborted) abort();
    else check(store.getState());
  });
}

const job = (label: string, state: JobProgress['state'], fraction: number | null, message?: string): JobProgress => ({ label, state, fraction, message });

/**
 * Runs `actions` in order on `store`, reporting each through `report`;
 * resolves when all are done, when one fails (its message in the job) or
 * when `signal` aborts (after stopping the work in hand).
 */
export async function runActions(actions: readonly TourAction[], store: AppStore, signal: AbortSignal, report: (progress: JobProgress) => void): Promise<void> {
  for (const action of actions) {
    const mode = store.getState().experiment.problem.kind;
    const label = actionLabel(action, mode);
    report(job(label, 'running', 0));
    // Stopped at once when the signal aborts, before whatever the aborting code starts next (the next step's runs).
    const stop = () => stopAction(action, store);
    signal.addEventListener('abort', stop);
    try {
      const outcome = await runAction(action, store, signal, (fraction) => report(job(label, 'running', fraction)));
      if (outcome.failed) {
        report(job(label, 'failed', null, outcome.failed));
        return;
      }
      report(job(label, 'done', 1, outcome.message));
    } catch (error) {
      if (!(error instanceof DOMException && error.name === 'AbortError')) throw error;
      report(job(label, 'cancelled', null));
      return;
    } finally {
      signal.removeEventListener('abort', stop);
    }
  }
}

/** Stops `action`'s work the way its own Cancel button would. */
function stopAction(action: TourAction, store: AppStore): void {
  const state = store.getState();
  if (action.kind === 'run') state.pause();
  else if (action.kind === 'slice') state.cancelSlice();
  else state.cancelCurvature();
}

/** Starts one action and waits for it. */
async function runAction(
  action: TourAction,
  store: AppStore,
  signal: AbortSignal,
  progress: (fraction: number | null) => void,
): Promise<{ failed?: string; message?: string }> {
  const runs = (state: Store) => state.runProgress.runs;
  if (action.kind === 'run') {
    store.getState().play();
    return waitFor(
      store,
      (state) => (state.status === 'done' ? {} : undefined),
      signal,
      (state) => progress(runsFraction(runs(state), state.experiment.steps)),
    );
  }
  const field = action.kind === 'slice' ? 'sliceJob' : 'curvatureJob';
  const before = store.getState().landscape[field];
  if (action.kind === 'slice') store.getState().requestSlice();
  else store.getState().requestCurvature(false);
  return waitFor(
    store,
    (state) => {
      const current = state.landscape[field];
      if (!current || current === before || current.state === 'running') return undefined;
      if (current.state === 'done') return { message: current.message };
      return { failed: current.message ?? `${current.label}: ${current.state}` };
    },
    signal,
    (state) => {
      const current = state.landscape[field];
      if (current && current !== before && current.state === 'running') progress(current.fraction);
    },
  );
}
