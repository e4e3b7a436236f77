/**
 * Small seeded networks and data sets for the tests.
 */
import { Rng } from '../../math/rng';
import type { Samples } from '../../data/types';
import { paramCount, type MlpSpec } from '../../spec/mlp';

/** n samples with N(0, 1) inputs and targets of the kind `spec.loss` needs, and N(0, 0.5²) parameters. */
export function randomProblem(spec: MlpSpec, n: number, seed: number): { data: Samples; params: Float32Array } {
  const rng = new Rng(seed);
  const inputDim = spec.layers[0];
  const outputDim = spec.layers[spec.layers.length - 1];
  const x = rng.fillNormal(new Float32Array(n * inputDim));
  let y: Float32Array | Int32Array;
  if (spec.loss === 'softmax_ce') {
    y = Int32Array.from({ length: n }, () => rng.int(outputDim));
  } else if (spec.loss === 'sigmoid_ce') {
    y = Float32Array.from({ length: n * outputDim }, () => (rng.uniform() < 0.5 ? 0 : 1));
  } else {
    y = rng.fillNormal(new Float32Array(n * outputDim));
  }
  const params = rng.fillNormal(new Float32Array(paramCount(spec)), 0, 0.5);
  return { data: { x, n, inputDim, y, outputDim }, params };
}

/** A unit-free N(0, 1) direction of the given length. */
export function randomDirection(length: number, seed: number): Float32Array {
  return new Rng(seed).fillNormal(new Float32Array(length));
}
