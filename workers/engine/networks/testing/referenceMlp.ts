/**
 * A plain float64 MLP forward pass and loss, written independently of the
 * tensor code, as a reference for the tests.
 */
import type { Samples } from '../../data/types';
import { layerLayout, type MlpSpec } from '../../spec/mlp';

function activation(name: MlpSpec['activation'], z: number): number {
  switch (name) {
    case 'tanh':
      return Math.tanh(z);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-z));
    case 'relu':
      return Math.max(0, z);
    case 'linear':
      return z;
  }
}

/** Outputs (n × outputDim) of the network θ at the inputs x (n × inputDim). */
export function referenceOutputs(spec: MlpSpec, params: ArrayLike<number>, x: ArrayLike<number>, n: number): Float64Array {
  const layout = layerLayout(spec);
  const width = spec.layers[spec.layers.length - 1];
  const outputs = new Float64Array(n * width);
  for (let s = 0; s < n; s++) {
    let h = Array.from({ length: spec.layers[0] }, (_, i) => x[s * spec.layers[0] + i]);
    layout.forEach(({ fanIn, fanOut, kernelOffset, biasOffset }, l) => {
      const next: number[] = [];
      for (let j = 0; j < fanOut; j++) {
        let z = params[biasOffset + j];
        for (let i = 0; i < fanIn; i++) z += h[i] * params[kernelOffset + i * fanOut + j];
        next.push(l < layout.length - 1 ? activation(spec.activation, z) : z);
      }
      h = next;
    });
    h.forEach((value, j) => {
      outputs[s * width + j] = value;
    });
  }
  return outputs;
}

/** The loss (definitions in `LossName`) of the network θ on `data`, in float64. */
export function referenceLoss(spec: MlpSpec, params: ArrayLike<number>, data: Samples): number {
  const z = referenceOutputs(spec, params, data.x, data.n);
  const width = data.outputDim;
  let total = 0;
  for (let s = 0; s < data.n; s++) {
    const row = Array.from(z.subarray(s * width, (s + 1) * width));
    if (spec.loss === 'softmax_ce') {
      const top = Math.max(...row);
      const logSum = top + Math.log(row.reduce((sum, v) => sum + Math.exp(v - top), 0));
      total += logSum - row[data.y[s]];
    } else {
      row.forEach((v, c) => {
        const y = data.y[s * width + c];
        total += spec.loss === 'mse' ? (v - y) ** 2 : Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v))) - y * v;
      });
    }
  }
  return spec.loss === 'softmax_ce' ? total / data.n : total / (data.n * width);
}
