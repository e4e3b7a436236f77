/**
 * The training slice: what the network session reports about the runs of a
 * network experiment besides their progress: the curves (typed arrays
 * written in place, see app/training/curves.ts), the data set as the data
 * view draws it, and the prediction field of the selected run. The runs'
 * status and progress, play / pause / step / reset are the run slice's,
 * shared with analytic runs: only the current mode's session acts on them.
 */
import type { StateCreator } from 'zustand';
import type { DataPoints, PredictionField, RunCurves } from '../plots/types';
import { NETWORK_TRAINING_LIMITS } from '../../workers/engine/spec/limits';
import type { Store } from './store';

/** The data set of the network experiment, as the data view draws it. */
export interface TrainingDataView {
  train: DataPoints;
  test: DataPoints | null;
  classNames: readonly string[] | null;
  /** [inputDim, ...hidden, outputDim]. */
  layers: number[];
  paramCount: number;
}

/** A prediction field with what it is of. */
export interface CaptionedPrediction {
  field: PredictionField;
  /** e.g. "Gradient descent, batch 8 — step 300". */
  caption: string;
}

/** What the network session reports, and the run chosen for the data view. */
export interface TrainingSlice {
  curves: RunCurves[];
  trainingData: TrainingDataView | null;
  /** The selected run's prediction at its latest parameters (null before the first, or for more than two inputs). */
  runPrediction: CaptionedPrediction | null;
  /** The run chosen for the data view (null, or a run no longer there: see `selectShownRunId`). */
  selectedRunId: string | null;
  /** The training pace in steps per second (0: as fast as the worker goes); how fast, never what is computed. */
  stepsPerSecond: number;
  selectRun(id: string): void;
  /** Sets the pace; refused (with the reason) unless an integer in `NETWORK_TRAINING_LIMITS.stepsPerSecond`. */
  setStepsPerSecond(stepsPerSecond: number): string | null;
  setCurves(curves: RunCurves[]): void;
  setTrainingData(data: TrainingDataView | null): void;
  setRunPrediction(prediction: CaptionedPrediction | null): void;
}

/** The slice's state (empty until a network experiment is built) and setters. */
export const createTrainingSlice: StateCreator<Store, [], [], TrainingSlice> = (set) => ({
  curves: [],
  trainingData: null,
  runPrediction: null,
  selectedRunId: null,
  stepsPerSecond: NETWORK_TRAINING_LIMITS.stepsPerSecond.default,
  selectRun: (id) => set({ selectedRunId: id }),
  setStepsPerSecond: (stepsPerSecond) => {
    const { min, max } = NETWORK_TRAINING_LIMITS.stepsPerSecond;
    if (!Number.isInteger(stepsPerSecond) || stepsPerSecond < min || stepsPerSecond > max) {
      return `the training speed must be a whole number of steps per second from ${min} (as fast as possible) to ${max}, got ${stepsPerSecond}`;
    }
    set({ stepsPerSecond });
    return null;
  },
  setCurves: (curves) => set({ curves }),
  setTrainingData: (trainingData) => set({ trainingData }),
  setRunPrediction: (runPrediction) => set({ runPrediction }),
});
