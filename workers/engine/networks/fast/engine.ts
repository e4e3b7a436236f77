/**
 * The two engines of the network objectives, and the choice between them.
 *
 * - `tfjs`: TensorFlow.js tensor passes (`MlpObjective`, `TrainingGradient`),
 *   batched over networks; every op is a kernel launch on the active backend.
 * - `fast`: plain loops over typed arrays (`FastMlpObjective`,
 *   `FastTrainingGradient`) on the CPU of the worker, whatever the backend.
 *
 * Both give the same numbers up to float32 rounding and pass the same
 * conformance checks; which is faster depends on the problem's size and
 * the backend (see `chooseNetworkEngine`). A page can force one with
 * `?engine=fast|tfjs`; `buildNetwork({ engine })` does the same in code.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Dataset, Samples } from '../../data/types';
import type { DataObjective } from '../dataObjective';
import { MlpObjective, type MlpObjectiveOptions } from '../objective';
import type { MlpSpec } from '../../spec/mlp';
import { TrainingGradient, type MinibatchGradient } from '../../training/trainingGradient';
import { FastMlpObjective } from './fastObjective';
import { FastTrainingGradient } from './fastTrainingGradient';

/** Which implementation computes a network's objective. */
export type NetworkEngine = 'fast' | 'tfjs';

/** An engine, or `auto` for the measured choice of `chooseNetworkEngine`. */
export type EngineSetting = NetworkEngine | 'auto';

/** Every engine name, as `?engine=` accepts them. */
export const NETWORK_ENGINES: readonly NetworkEngine[] = ['fast', 'tfjs'];

/** The engine named by a page's `?engine=` parameter, or `auto` when there is none (or it is unknown). */
export function engineFromQuery(search: string): EngineSetting {
  const named = new URLSearchParams(search).get('engine');
  return named !== null && (NETWORK_ENGINES as readonly string[]).includes(named) ? (named as NetworkEngine) : 'auto';
}

/** Multiply-adds of one forward pass over `samples` samples: samples · Σ_l (n_{l−1} + 1) n_l. */
export function forwardMultiplyAdds(spec: MlpSpec, samples: number): number {
  let perSample = 0;
  for (let l = 1; l < spec.layers.length; l++) perSample += (spec.layers[l - 1] + 1) * spec.layers[l];
  return samples * perSample;
}

/**
 * Largest forward pass (multiply-adds, `forwardMultiplyAdds`) for which the
 * typed-array engine is chosen on each backend; see `chooseNetworkEngine`.
 */
export const FAST_ENGINE_LIMITS: Readonly<Record<string, number>> = {
  cpu: Number.POSITIVE_INFINITY,
  wasm: 2e6,
  webgl: 2e6,
  webgpu: 2e6,
};

/**
 * The engine for a network `spec` over `samples` samples on `backend`
 * (default: the active TensorFlow.js backend), unless `setting` forces one.
 * `fast` when the forward pass's multiply-adds are at most the backend's
 * `FAST_ENGINE_LIMITS` entry, else `tfjs`.
 */
export function chooseNetworkEngine(
  setting: EngineSetting,
  spec: MlpSpec,
  samples: number,
  backend: string = tf.getBackend(),
): NetworkEngine {
  if (setting !== 'auto') return setting;
  const limit = FAST_ENGINE_LIMITS[backend] ?? 0;
  return forwardMultiplyAdds(spec, samples) <= limit ? 'fast' : 'tfjs';
}

/** The data objective of `spec` on `data` computed by `engine` (the options bound the tensor engine's memory). */
export function makeDataObjective(
  engine: NetworkEngine,
  spec: MlpSpec,
  data: Samples,
  options: MlpObjectiveOptions = {},
): DataObjective {
  return engine === 'fast' ? new FastMlpObjective(spec, data) : new MlpObjective(spec, data, options);
}

let preferred: EngineSetting = 'auto';

/**
 * Sets the engine setting that `buildNetwork` uses when it is given none:
 * a worker calls it once with `engineFromQuery(location.search)`, as it
 * selects its TensorFlow.js backend from `?backend=`.
 */
export function preferNetworkEngine(setting: EngineSetting): void {
  preferred = setting;
}

/** The setting last given to `preferNetworkEngine` (`auto` before any). */
export function preferredNetworkEngine(): EngineSetting {
  return preferred;
}

/**
 * The minibatch gradient (with dropout) of `spec` on `data` with weight
 * decay λ computed by `engine`: TensorFlow.js tensor passes, or typed arrays.
 */
export function createTrainingGradient(spec: MlpSpec, data: Dataset, weightDecay: number, engine: NetworkEngine): MinibatchGradient {
  return engine === 'fast' ? new FastTrainingGradient(spec, data, weightDecay) : new TrainingGradient(spec, data, weightDecay);
}
