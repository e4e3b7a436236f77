/**
 * The arithmetic of evaluating a network's loss at one parameter vector on
 * its whole data set, and a plain matrix product as the backend's ceiling,
 * for reporting a batched slice's achieved GFLOP/s against what the
 * backend can do.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { MlpSpec } from '../workers/engine/model/spec';
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
