/**
 * The exact spectrum of a curvature matrix for small networks: the dense
 * P×P matrix from P batched matrix-vector products, then all eigenvalues by
 * the dense symmetric eigensolver (Householder tridiagonalisation + QR,
 * about (4/3) P³ flops). Feasible up to P = MAX_EXACT_PARAMETERS (2000), which takes seconds to
 * minutes, so the cost is estimated before starting.
 */
import { throwIfAborted, yieldToEvents, type LongRunOptions } from '../math/krylov/operator';
import { symmetricEigenvalues, symmetricEigenvaluesBetween } from '../math/linalg/symmetricEigen';
import type { MlpObjective } from '../networks/objective';
import type { CurvatureMatrix } from './operators';
import { MAX_EXACT_PARAMETERS } from '../spec/limits';

/** What the dense computations need from a model (MlpObjective provides it). */
export type DenseCurvatureModel = Pick<MlpObjective, 'paramCount' | 'hvpBatch' | 'gnvpBatch' | 'fullHessian' | 'fullGaussNewton'>;

/** All eigenvalues of a curvature matrix, descending, and the matrix itself. */
export interface ExactSpectrum {
  matrix: CurvatureMatrix;
  /** λ₁ ≥ … ≥ λ_P. */
  eigenvalues: Float64Array;
  /** The P×P matrix, row-major (kept for the Hessian / Gauss-Newton split). */
  dense: Float64Array;
  /** Wall-clock milliseconds: assembling the matrix, and the eigensolver. */
  assemblyMs: number;
  eigenMs: number;
}

/**
 * The dense matrix of `matrix` at `params`: ∇²L (from Hessian-vector
 * products), G (from per-sample Jacobians), or S = ∇²L − G (both).
 */
export async function denseCurvature(
  model: DenseCurvatureModel,
  params: Float32Array,
  matrix: CurvatureMatrix,
  options: LongRunOptions = {},
): Promise<Float64Array> {
  checkSize(model.paramCount);
  const progress = { signal: options.signal, onProgress: options.onProgress };
  if (matrix === 'hessian') return model.fullHessian(params, progress);
  if (matrix === 'gaussNewton') return model.fullGaussNewton(params, progress);
  const onProgress = options.onProgress;
  const hessian = await model.fullHessian(params, {
    signal: options.signal,
    onProgress: onProgress && ((done, total) => onProgress(done, 2 * total)),
  });
  const gaussNewton = await model.fullGaussNewton(params, {
    signal: options.signal,
    onProgress: onProgress && ((done, total) => onProgress(total + done, 2 * total)),
  });
  for (let i = 0; i < hessian.length; i++) hessian[i] -= gaussNewton[i];
  return hessian;
}

/**
 * Every eigenvalue of `matrix` at `params`, descending. Progress and
 * cancellation cover the assembly; with a signal, the eigensolver lets the
 * event loop turn after each panel of its tridiagonalisation and stops there
 * once cancelled (at P ≈ 2000 the reduction alone takes many seconds).
 */
export async function exactSpectrum(
  model: DenseCurvatureModel,
  params: Float32Array,
  matrix: CurvatureMatrix,
  options: LongRunOptions = {},
): Promise<ExactSpectrum> {
  const started = performance.now();
  const dense = await denseCurvature(model, params, matrix, options);
  throwIfAborted(options.signal);
  const assembled = performance.now();
  const signal = options.signal;
  const eigenvalues =
    signal === undefined
      ? symmetricEigenvalues(dense, model.paramCount)
      : await symmetricEigenvaluesBetween(dense, model.paramCount, async () => {
          await yieldToEvents();
          throwIfAborted(signal);
        });
  const finished = performance.now();
  throwIfAborted(options.signal);
  return { matrix, eigenvalues, dense, assemblyMs: assembled - started, eigenMs: finished - assembled };
}

function checkSize(size: number): void {
  if (size > MAX_EXACT_PARAMETERS) {
    throw new RangeError(
      `The exact spectrum needs a dense ${size}×${size} matrix; it is offered up to ${MAX_EXACT_PARAMETERS} parameters ` +
        '(use Lanczos, Hutch++ and SLQ instead)',
    );
  }
}
