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
 *
 * Measured in Node on a shared 2-core machine (one gradient, both engines
 * timed alternately, medians of 5; spiral data, two hidden layers; W the
 * forward pass's multiply-adds; ratio = TensorFlow.js time / typed-array time):
 *
 *   W (millions)          0.11   0.95   3.5    7.1    7.0    15.5   38.8
 *   hidden, samples       16²,   32²,   64²,   64²,   128·64 96²,   96²,
 *                         320    800    800    1600   800    1600   4000
 *   cpu ratio             45     31     7.9    8.4    4.8    6.5    –
 *   wasm ratio            31     4.1    0.99   1.75   0.84   –      1.2
 *
 * - cpu: TensorFlow.js's cpu kernels are plain JavaScript too, plus the
 *   dispatch; the typed-array engine was faster at every size: no limit.
 * - wasm: the two meet at a few million multiply-adds (0.84–1.75 between
 *   3.5 and 7 million); 4 million is where the tensor engine takes over.
 * - webgl, webgpu: not measured on GPU hardware here (no GPU on the
 *   machines this was measured on). A GPU step costs a fixed time for its
 *   kernel launches and the readback each step awaits (about a millisecond
 *   or more) however small the network, while the typed-array gradient
 *   costs about 3 W multiply-adds at the rate measured above (about 1 per
 *   ns): they meet near W = 1 million, the limit used until it is measured.
 */
export const FAST_ENGINE_LIMITS: Readonly<Record<string, number>> = {
  cpu: Number.POSITIVE_INFINITY,
  wasm: 4e6,
  webgl: 1e6,
  webgpu: 1e6,
};

/**
 * The engine for a network `spec` over `samples` samples on `backend`
 * (default: the active TensorFlow.js backend), unless `setting` forces one.
 * `fast` when the forward pass's multiply-adds are at most the backend's
 * `FAST_ENGINE_LIMITS` entry (measured: see there), else `tfjs`; an unknown
 * backend gets `tfjs`.
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
