/**
 * Regression data sets: 1-D curves on [−1, 1] (a sine and a Chebyshev
 * polynomial) and 2-D surfaces on [−1, 1]² (a plane and a Gaussian bump).
 * Inputs are drawn uniformly; targets are the clean function plus Gaussian
 * noise N(0, noise²). Every data set has one output.
 */
import { Rng } from '../math/rng';
import type { Dataset } from './types';
import { BUMP_OPTIONS, CHEBYSHEV_OPTIONS, PLANE_OPTIONS, SINE_OPTIONS, resolveOptions } from '../spec/datasets';

/**
 * Samples `n` inputs uniformly on [−1, 1]^inputDim and sets each target to
 * `f(input) + noise·N(0, 1)`.
 */
function sampleFunction(
  n: number,
  inputDim: number,
  noise: number,
  rng: Rng,
  f: (input: Float64Array) => number,
  featureNames: string[],
): Dataset {
  const x = new Float32Array(n * inputDim);
  const y = new Float32Array(n);
  const input = new Float64Array(inputDim);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < inputDim; k++) {
      // The stored float32 input is what the network sees, so the target is
      // computed from that rounded value, not the float64 draw.
      x[i * inputDim + k] = rng.uniformIn(-1, 1);
      input[k] = x[i * inputDim + k];
    }
    y[i] = f(input) + noise * rng.normal();
  }
  return { x, n, inputDim, y, outputDim: 1, task: 'regression', featureNames };
}

/** Options of `makeSine`; any left out take their defaults from `SINE_OPTIONS`. */
export type SineOptions = { n?: number; frequency?: number; noise?: number };

/** y = sin(2π·frequency·x) + noise, x ~ U[−1, 1]. */
export function makeSine(options: SineOptions, seed: number): Dataset {
  const { n, frequency, noise } = resolveOptions('sine', SINE_OPTIONS, options);
  const rng = Rng.derive(seed, 'dataset:sine');
  return sampleFunction(n, 1, noise, rng, (v) => Math.sin(2 * Math.PI * frequency * v[0]), ['x']);
}

/** Options of `makeChebyshev`; any left out take their defaults from `CHEBYSHEV_OPTIONS`. */
export type ChebyshevOptions = { n?: number; degree?: number; noise?: number };

/**
 * The Chebyshev polynomial of the first kind T_k(x), by the three-term
 * recurrence T₀ = 1, T₁ = x, T_{j+1} = 2x·T_j − T_{j−1}. On [−1, 1] it equals
 * cos(k·arccos x): it oscillates between −1 and 1, with k + 1 extrema.
 */
export function chebyshevT(degree: number, x: number): number {
  if (degree === 0) return 1;
  let previous = 1;
  let current = x;
  for (let j = 1; j < degree; j++) {
    const next = 2 * x * current - previous;
    previous = current;
    current = next;
  }
  return current;
}

/** y = T_k(x) + noise, x ~ U[−1, 1]. */
export function makeChebyshev(options: ChebyshevOptions, seed: number): Dataset {
  const { n, degree, noise } = resolveOptions('chebyshev', CHEBYSHEV_OPTIONS, options);
  const rng = Rng.derive(seed, 'dataset:chebyshev');
  return sampleFunction(n, 1, noise, rng, (v) => chebyshevT(degree, v[0]), ['x']);
}

/** Options of `makePlane`; any left out take their defaults from `PLANE_OPTIONS`. */
export type PlaneOptions = { n?: number; slopeX?: number; slopeY?: number; noise?: number };

/** y = slopeX·x₁ + slopeY·x₂ + noise, (x₁, x₂) ~ U[−1, 1]². */
export function makePlane(options: PlaneOptions, seed: number): Dataset {
  const { n, slopeX, slopeY, noise } = resolveOptions('plane', PLANE_OPTIONS, options);
  const rng = Rng.derive(seed, 'dataset:plane');
  return sampleFunction(n, 2, noise, rng, (v) => slopeX * v[0] + slopeY * v[1], ['x₁', 'x₂']);
}

/** Options of `makeBump`; any left out take their defaults from `BUMP_OPTIONS`. */
export type BumpOptions = { n?: number; width?: number; noise?: number };

/** y = exp(−(x₁² + x₂²) / (2σ²)) + noise, (x₁, x₂) ~ U[−1, 1]², σ = width. */
export function makeBump(options: BumpOptions, seed: number): Dataset {
  const { n, width, noise } = resolveOptions('bump', BUMP_OPTIONS, options);
  const rng = Rng.derive(seed, 'dataset:bump');
  const twoSigmaSq = 2 * width * width;
  return sampleFunction(n, 2, noise, rng, (v) => Math.exp(-(v[0] * v[0] + v[1] * v[1]) / twoSigmaSq), ['x₁', 'x₂']);
}
