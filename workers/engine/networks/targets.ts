/**
 * The data set's targets kept as plain arrays, and their per-batch tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { Samples } from '../data/types';
import type { TargetTensors } from './losses';
import type { MlpSpec } from '../spec/mlp';

/** Targets of N samples with C outputs: dense N × C values, or labels and their one-hot N × C rows. */
export type TargetArrays =
  | { kind: 'dense'; samples: number; width: number; values: Float32Array }
  | { kind: 'labels'; samples: number; width: number; labels: Int32Array; oneHot: Float32Array };

/** The targets of a (validated) data set in the form its loss needs. */
export function targetArrays(spec: MlpSpec, data: Samples): TargetArrays {
  const samples = data.n;
  const width = data.outputDim;
  if (spec.loss !== 'softmax_ce') {
    return { kind: 'dense', samples, width, values: Float32Array.from(data.y) };
  }
  const labels = Int32Array.from(data.y);
  const oneHot = new Float32Array(samples * width);
  labels.forEach((label, i) => {
    oneHot[i * width + label] = 1;
  });
  return { kind: 'labels', samples, width, labels, oneHot };
}

/** `copies` × values, concatenated. */
function repeat<T extends Float32Array | Int32Array>(values: T, copies: number, make: (length: number) => T): T {
  const out = make(values.length * copies);
  for (let c = 0; c < copies; c++) out.set(values, c * values.length);
  return out;
}

/** The targets repeated for B = `copies` networks, as tensors. Call inside tf.tidy. */
export function targetTensors(targets: TargetArrays, copies: number): TargetTensors {
  const shape: [number, number, number] = [copies, targets.samples, targets.width];
  if (targets.kind === 'dense') {
    return { kind: 'dense', values: tf.tensor3d(repeat(targets.values, copies, (n) => new Float32Array(n)), shape) };
  }
  return {
    kind: 'labels',
    labels: tf.tensor2d(repeat(targets.labels, copies, (n) => new Int32Array(n)), [copies, targets.samples], 'int32'),
    oneHot: tf.tensor3d(repeat(targets.oneHot, copies, (n) => new Float32Array(n)), shape),
  };
}
