/**
 * Seeded initial parameters of an MLP. Every kernel entry W_l[i][j] is drawn
 * independently; every bias starts at 0.
 *
 * | scheme   | distribution of W_l[i][j]                              | variance            |
 * |----------|--------------------------------------------------------|---------------------|
 * | `glorot` | g · U(−a, a), a = √(6 / (fanIn + fanOut))              | g² · 2/(fanIn+fanOut) |
 * | `he`     | g · N(0, 2 / fanIn)                                    | g² · 2/fanIn        |
 * | `normal` | N(0, σ²), σ = scale                                    | σ²                  |
 *
 * (Glorot & Bengio 2010; He et al. 2015.) g is the problem's `scale` used as
 * a gain. Layer l draws from its own stream Rng.derive(seed, 'init:layer l'),
 * so changing one layer's width does not change the others' weights.
 */
import type { MlpSpec } from '../spec/mlp';
import { layerLayout, paramCount } from '../spec/mlp';
import { Rng } from '../math/rng';
import type { NetworkInit } from '../spec/networkProblem';

/** Var(W[i][j]) of a layer under `init`, the table above. */
export function initVariance(init: Pick<NetworkInit, 'scheme' | 'scale'>, fanIn: number, fanOut: number): number {
  const gainSquared = init.scale * init.scale;
  switch (init.scheme) {
    case 'glorot':
      return (gainSquared * 2) / (fanIn + fanOut);
    case 'he':
      return (gainSquared * 2) / fanIn;
    case 'normal':
      return gainSquared;
  }
}

/** The flat parameter vector θ₀ (layout of `spec`) drawn as the table above says. */
export function initialParams(spec: MlpSpec, init: NetworkInit): Float32Array {
  const params = new Float32Array(paramCount(spec));
  layerLayout(spec).forEach(({ fanIn, fanOut, kernelOffset }, layer) => {
    const rng = Rng.derive(init.seed, `init:layer ${layer + 1}`);
    const kernel = params.subarray(kernelOffset, kernelOffset + fanIn * fanOut);
    const std = Math.sqrt(initVariance(init, fanIn, fanOut));
    if (init.scheme === 'glorot') {
      // U(−a, a) has variance a²/3, so a = √3 · std.
      const limit = Math.sqrt(3) * std;
      for (let k = 0; k < kernel.length; k++) kernel[k] = rng.uniformIn(-limit, limit);
    } else {
      rng.fillNormal(kernel, 0, std);
    }
    // Biases stay 0 (the array starts zeroed).
  });
  return params;
}
