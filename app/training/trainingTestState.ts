/**
 * The network-mode part of the end-to-end test handle: the mode, each
 * training run's numbers, and whether the data view has something to draw.
 */
import { selectTrainingRuns } from '../store/networkSelectors';
import type { Store } from '../store/store';

/** One training run as the tests see it. */
export interface NetworkRunTestState {
  id: string;
  step: number;
  trainLoss: number | null;
  testLoss: number | null;
  trainAccuracy: number | null;
  status: string;
  divergedAt: number | null;
  message: string | null;
  /** The last λ_max of the Hessian (null without sharpness tracking). */
  sharpness: number | null;
  /** Sharpness measurements so far. */
  sharpnessCount: number;
}

/** The network-mode fields of `getState()`. */
export interface TrainingTestState {
  mode: 'analytic' | 'network';
  networkRuns: NetworkRunTestState[];
  /** Whether a prediction field is shown, how many data points (train and test), and P, the network's parameter count (0 before it is built). */
  dataView: { hasPrediction: boolean; n: number; paramCount: number };
}

/** The network-mode fields of the test handle's state. */
export function trainingTestState(s: Store): TrainingTestState {
  const data = s.trainingData;
  return {
    mode: s.experiment.problem.kind,
    networkRuns: selectTrainingRuns(s).map((run, index) => ({
      id: run.id,
      step: run.step,
      trainLoss: run.trainLoss,
      testLoss: run.testLoss,
      trainAccuracy: run.trainAccuracy,
      status: run.status,
      divergedAt: run.divergedAt,
      message: run.message,
      sharpness: run.sharpness,
      sharpnessCount: s.curves[index]?.sharpness?.length ?? 0,
    })),
    dataView: {
      hasPrediction: (s.landscape.probe?.prediction ?? s.runPrediction?.field ?? null) !== null,
      n: data === null ? 0 : data.train.n + (data.test?.n ?? 0),
      paramCount: data?.paramCount ?? 0,
    },
  };
}
