/**
 * Hidden-layer activations of the MLP, as tensors.
 */
import * as tf from '@tensorflow/tfjs-core';
import { safeSigmoid, safeTanh } from './safeOps';
import type { Activation } from '../spec/mlp';

/**
 * act(z) element-wise, differentiable twice (for Hessian-vector products):
 * tanh and sigmoid use the second-order-safe ops; relu (TensorFlow.js's
 * gradient is correct, and its second derivative is 0 almost everywhere) and
 * the identity are built in.
 */
export function activate(activation: Activation, z: tf.Tensor): tf.Tensor {
  switch (activation) {
    case 'tanh':
      return safeTanh(z);
    case 'sigmoid':
      return safeSigmoid(z);
    case 'relu':
      return tf.relu(z);
    case 'linear':
      return z;
  }
}

/**
 * act'(z) element-wise, for forward-mode tangents (never differentiated):
 * tanh' = 1 − tanh², σ' = σ(1 − σ), relu' = [z > 0] (0 at z = 0, as
 * TensorFlow.js's relu gradient), identity' = 1.
 */
export function activationSlope(activation: Activation, z: tf.Tensor): tf.Tensor {
  switch (activation) {
    case 'tanh':
      return tf.sub(1, tf.square(tf.tanh(z)));
    case 'sigmoid': {
      const s = tf.sigmoid(z);
      return tf.mul(s, tf.sub(1, s));
    }
    case 'relu':
      return tf.step(z, 0);
    case 'linear':
      return tf.onesLike(z);
  }
}
