/**
 * The network-mode part of the end-to-end test handle: the mode, each
 * training run's numbers, and whether the data view has something to draw.
 */
import { selectTrainingRuns } from '../store/networkSelectors';
import type { StepSeries } from '../plots/types';
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
  /** Every sharpness measurement so far as [step, λ_max] (a few dozen at most). */
  sharpnessSeries: [number, number][];
  /** The training loss of the first evaluation (step 0), or null before it. */
  firstTrainLoss: number | null;
}

/** The filled part of a step series as [step, value] pairs. */
function seriesPairs(series: StepSeries | null): [number, number][] {
  if (series === null) return [];
  return Array.from({ length: series.length }, (_, k): [number, number] => [series.steps[k], series.values[k]]);
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
      sharpnessSeries: seriesPairs(s.curves[index]?.sharpness ?? null),
      firstTrainLoss: s.curves[index]?.trainLoss.length ? s.curves[index].trainLoss.values[0] : null,
    })),
    dataView: {
      hasPrediction: (s.landscape.probe?.prediction ?? s.runPrediction?.field ?? null) !== null,
      n: data === null ? 0 : data.train.n + (data.test?.n ?? 0),
      paramCount: data?.paramCount ?? 0,
    },
  };
}
