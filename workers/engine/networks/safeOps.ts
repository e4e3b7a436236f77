/**
 * Element-wise ops whose derivatives stay correct when differentiated twice
 * (or more), for Hessian-vector products by double back-propagation.
 *
 * Why they exist: TensorFlow.js 4.22 saves an op's OUTPUT for its gradient
 * (tanh: dy·(1 − y²), sigmoid: dy·y(1 − y), exp: dy·y) through a copy that
 * joins the tape before the op itself, so a second differentiation treats y
 * as a constant and silently drops (or fails on) the y-dependent term.
 * Gradients that use the saved INPUT are recorded in the right order and
 * differentiate correctly.
 *
 * Each op here is a `tf.customGrad` that saves its input x and computes its
 * derivative from x with safe ops (recursively, these same ones), so the
 * gradient is itself a differentiable function of x: the result is correct
 * to every order.
 */
import * as tf from '@tensorflow/tfjs-core';

type UnaryOp = (x: tf.Tensor) => tf.Tensor;

/**
 * Runs a custom-gradient op with TensorFlow.js's kernel leak check off.
 * In test mode (`IS_TEST`, which the Node backends set) the engine counts
 * the data a custom op's forward function leaves behind; on backends whose
 * identity kernel copies data (wasm) the saved copy of the input is counted
 * although the tape owns it and frees it after back-propagation. The engine
 * tests check instead that `tf.memory()` is unchanged after every function.
 */
function withoutKernelLeakCheck(run: () => tf.Tensor): tf.Tensor {
  const environment = tf.env();
  if (!environment.getBool('IS_TEST')) return run();
  environment.set('IS_TEST', false);
  try {
    return run();
  } finally {
    environment.set('IS_TEST', true);
  }
}

/**
 * Builds a unary op from its value and its derivative:
 * d op(x) / dx = derivative(x), applied element-wise to the incoming gradient.
 * `derivative` must itself be built from second-order-safe ops.
 */
function unaryWithDerivative(value: UnaryOp, derivative: UnaryOp): UnaryOp {
  const op = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
    const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
    // Save the input: its copy is linked to x on the tape, so the gradient
    // below stays differentiable with respect to x.
    save([x]);
    return {
      value: value(x),
      gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.mul(dy, derivative(saved[0])),
    };
  });
  return (x: tf.Tensor) => withoutKernelLeakCheck(() => op(x));
}

/** tanh(x), with d/dx tanh(x) = 1 − tanh²(x) differentiable to every order. */
export const safeTanh: UnaryOp = unaryWithDerivative(
  (x) => tf.tanh(x),
  (x) => tf.sub(1, tf.square(safeTanh(x))),
);

/** σ(x) = 1/(1 + e^−x), with σ'(x) = σ(x)(1 − σ(x)) differentiable to every order. */
export const safeSigmoid: UnaryOp = unaryWithDerivative(
  (x) => tf.sigmoid(x),
  (x) => {
    const s = safeSigmoid(x);
    return tf.mul(s, tf.sub(1, s));
  },
);

/** eˣ, with (eˣ)' = eˣ differentiable to every order. */
export const safeExp: UnaryOp = unaryWithDerivative(
  (x) => tf.exp(x),
  (x) => safeExp(x),
);

/**
 * softplus(x) = log(1 + eˣ) (TensorFlow.js's overflow-safe kernel for the
 * value), with softplus'(x) = σ(x) from `safeSigmoid`.
 */
export const safeSoftplus: UnaryOp = unaryWithDerivative(
  (x) => tf.softplus(x),
  (x) => safeSigmoid(x),
);

const logSumExpOp = tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([x]);
  return {
    // TensorFlow.js shifts by the maximum, so the value never overflows.
    value: tf.logSumExp(x, -1, true),
    // ∂/∂x_i log Σ_j e^{x_j} = softmax(x)_i = exp(x_i − lse(x)), from safe ops.
    gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) =>
      tf.mul(dy, safeExp(tf.sub(saved[0], logSumExp(saved[0])))),
  };
});

/**
 * log Σ_j exp(x_j) over the last axis, keeping that axis with size 1
 * (shape [..., 1]). Gradient softmax(x); Hessian diag(p) − p pᵀ with
 * p = softmax(x), both correct under repeated differentiation.
 */
export function logSumExp(x: tf.Tensor): tf.Tensor {
  return withoutKernelLeakCheck(() => logSumExpOp(x));
}

/** log softmax(x) = x − log Σ_j exp(x_j) over the last axis, second-order safe. */
export function logSoftmax(x: tf.Tensor): tf.Tensor {
  return tf.sub(x, logSumExp(x));
}

/**
 * Binary cross-entropy on logits, element-wise: softplus(z) − y·z
 * (= −y log σ(z) − (1 − y) log(1 − σ(z)), without overflow for large |z|).
 * ∂/∂z = σ(z) − y, ∂²/∂z² = σ(z)(1 − σ(z)). `targets` (data, 0 or 1)
 * broadcasts against `logits`.
 */
export function sigmoidCrossEntropyWithLogits(logits: tf.Tensor, targets: tf.Tensor): tf.Tensor {
  return tf.sub(safeSoftplus(logits), tf.mul(targets, logits));
}
