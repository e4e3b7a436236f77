/**
 * The arithmetic of evaluating a network's loss at one parameter vector on
 * its whole data set, and a plain matrix product as the backend's ceiling,
 * for reporting a batched slice's achieved GFLOP/s against what the
 * backend can do.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MlpSpec } from '../workers/engine/spec/mlp';
import { timeMedianMs } from './harness';

/**
 * Floating-point operations of one forward pass and loss over N samples:
 * per dense layer 2·N·fanIn·fanOut for the product (a multiply and an add
 * per term) and N·fanOut for the bias; N·width per hidden activation
 * (counted as one operation); about 3·N·C for the loss. The products
 * dominate: for 2-16-16-1 they are 90 % of the total.
 */
export function forwardFlops(spec: MlpSpec, samples: number): number {
  const { layers } = spec;
  let flops = 0;
  for (let l = 1; l < layers.length; l++) {
    flops += samples * (2 * layers[l - 1] * layers[l] + layers[l]);
    if (l < layers.length - 1) flops += samples * layers[l];
  }
  return flops + 3 * samples * layers[layers.length - 1];
}

/**
 * Floating-point operations the plane path (`MlpObjective.evaluatePlane`)
 * does per point of a slice with S plane vectors (S = 3 on a plane, 2 on a
 * line), over N samples: the first layer's S products X W_s are shared by
 * all points, leaving 2·S·N·n₁ for the combination per point; every later
 * layer does S products, 2·S·N·fanIn·fanOut, plus about 2·S·N·fanOut to
 * combine them with (1, α, β) and add the bias; activations and loss as
 * `forwardFlops`. For 2-16-16-1 on a plane this is about 2.8× forwardFlops.
 */
export function planeFlops(spec: MlpSpec, samples: number, planeWidth = 3): number {
  const { layers } = spec;
  let flops = 2 * planeWidth * samples * layers[1];
  for (let l = 2; l < layers.length; l++) {
    flops += planeWidth * samples * (2 * layers[l - 1] * layers[l] + 2 * layers[l]);
  }
  for (let l = 1; l < layers.length - 1; l++) flops += samples * layers[l];
  return flops + 3 * samples * layers[layers.length - 1];
}

/**
 * GFLOP/s of a square `size`×`size` float32 matMul on the active backend
 * (median of repeats, after warm-up): a practical ceiling for dense work.
 */
export async function matMulGflops(size: number, repeats = 5): Promise<number> {
  const a = tf.randomNormal([size, size]);
  const b = tf.randomNormal([size, size]);
  try {
    const ms = await timeMedianMs(
      async () => {
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
      },
      { warmup: 2, repeats },
    );
    return (2 * size ** 3) / (ms * 1e6);
  } finally {
    a.dispose();
    b.dispose();
  }
}
