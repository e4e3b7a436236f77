/**
 * `@tensorflow/tfjs-core` on its own registers no gradient functions; they
 * come from `@tensorflow/tfjs-core/dist/register_all_gradients` (bundlers,
 * the browser) or from loading `@tensorflow/tfjs` (Node). Without them tf.grad
 * fails deep inside the tape with "gradient function not found"; this check
 * fails early and says what to do instead.
 */
import * as tf from '@tensorflow/tfjs-core';

/**
 * Kernels the analytic functions differentiate through. Registration is all
 * or nothing, so checking these few tells whether the rest are there too.
 */
const KERNELS_DIFFERENTIATED = ['Add', 'Sub', 'Multiply', 'Square', 'Sum', 'SplitV', 'Reshape', 'Slice'];

/** Throws unless TensorFlow.js's gradient functions are registered in this environment. */
export function assertGradientsRegistered(): void {
  const missing = KERNELS_DIFFERENTIATED.filter((kernel) => tf.getGradient(kernel) == null);
  if (missing.length > 0) {
    throw new Error(
      `TensorFlow.js gradients are not registered (missing: ${missing.join(', ')}). ` +
        "Import '@tensorflow/tfjs-core/dist/register_all_gradients' in the browser, " +
        "or '@tensorflow/tfjs' in Node, before differentiating.",
    );
  }
}
