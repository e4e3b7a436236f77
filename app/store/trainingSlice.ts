/**
 * The training slice: what the network session reports about the runs of a
 * network experiment. Progress per run (for the cards and the test handle),
 * the curves (typed arrays written in place, see app/training/curves.ts), the
 * data set as the data view draws it, and the prediction field of the
 * selected run. The run status, play / pause / step / reset are the run
 * slice's, shared with analytic runs: only the current mode's session acts
 * on them.
 */
import type { UpdateReport } from '../../workers/engine/spec/messages/training';
import type { RunStatus } from '../../workers/engine/spec/vocabulary';
import type { StateCreator } from 'zustand';
import type { DataPoints, PredictionField, RunCurves } from '../plots/types';
import type { Store } from './store';

/** One training run's progress. */
export interface NetworkRunProgress {
  id: string;
  label: string;
  /** Updates made so far. */
  step: number;
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
  status: RunStatus;
  /** The step at which the run diverged, or null. */
  divergedAt: number | null;
  /** The divergence message naming the run and the step, or null. */
  message: string | null;
}

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
  trainingRuns: NetworkRunProgress[];
  curves: RunCurves[];
  trainingData: TrainingDataView | null;
  /** The selected run's prediction at its latest parameters (null before the first, or for more than two inputs). */
  runPrediction: CaptionedPrediction | null;
  /** The run chosen for the data view (null, or a run no longer there: see `selectShownRunId`). */
  selectedRunId: string | null;
  selectRun(id: string): void;
  setTrainingRuns(runs: NetworkRunProgress[]): void;
  setCurves(curves: RunCurves[]): void;
  setTrainingData(data: TrainingDataView | null): void;
  setRunPrediction(prediction: CaptionedPrediction | null): void;
}

/** The slice's state (empty until a network experiment is built) and setters. */
export const createTrainingSlice: StateCreator<Store, [], [], TrainingSlice> = (set) => ({
  trainingRuns: [],
  curves: [],
  trainingData: null,
  runPrediction: null,
  selectedRunId: null,
  selectRun: (id) => set({ selectedRunId: id }),
  setTrainingRuns: (trainingRuns) => set({ trainingRuns }),
  setCurves: (curves) => set({ curves }),
  setTrainingData: (trainingData) => set({ trainingData }),
  setRunPrediction: (runPrediction) => set({ runPrediction }),
});
