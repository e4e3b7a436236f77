/**
 * The forward pass that evaluation (loss and accuracy at many parameter
 * vectors) runs: the WebAssembly SIMD kernels where this runtime has them,
 * else the TypeScript passes. Both read θ from `params` and the chunk's
 * inputs from `load`, and leave the outputs z_L where `run` returns them.
 */
import type { Activation, DenseLayerLayout } from '../../spec/mlp';
import { forward, PassWorkspace, type ChunkInputs } from './passes';
import { SimdForward, simdSupported } from './simd/simdForward';

/** A forward pass for evaluation over chunks of at most `capacity` rows. */
export interface EvaluationPass {
  /** Write the parameters θ of the next `run` here. */
  readonly params: Float32Array;
  /** Makes `inputs` the rows of the following runs. */
  load(inputs: ChunkInputs): void;
  /** z_L (m × outputDim) of the loaded rows at `params`; valid until the next call. */
  run(): Float32Array;
}

/** The evaluation pass on the SIMD kernels (float32 sums) when `useSimd` and supported, else on the TypeScript passes. */
export function evaluationPass(
  activation: Activation,
  layout: readonly DenseLayerLayout[],
  capacity: number,
  useSimd: boolean,
): EvaluationPass {
  const last = layout[layout.length - 1];
  const paramCount = last.biasOffset + last.fanOut;
  if (useSimd && simdSupported()) {
    const simd = new SimdForward(layout, capacity);
    const inputDim = layout[0].fanIn;
    let m = 0;
    return {
      params: simd.params,
      load(inputs) {
        m = inputs.m;
        simd.inputs.set(inputs.x.subarray(inputs.offset, inputs.offset + m * inputDim));
      },
      run() {
        simd.run(activation, m);
        return simd.outputs;
      },
    };
  }
  const ws = new PassWorkspace(layout, capacity, paramCount);
  const params = new Float32Array(paramCount);
  let loaded: ChunkInputs | null = null;
  return {
    params,
    load(inputs) {
      loaded = inputs;
    },
    run() {
      if (loaded === null) throw new Error('EvaluationPass: load the inputs first');
      forward(activation, params, loaded, ws, 'none');
      return ws.outputs;
    },
  };
}
