/**
 * Preconditioning: the same bowl seen through a change of variables θ = P φ.
 *
 * On f(θ) = ½ (θ − θ*)ᵀ H (θ − θ*) the function g(φ) = f(P φ) has gradient
 * Pᵀ ∇f and Hessian Pᵀ H P. Gradient descent on g, φ ← φ − η Pᵀ ∇f, is in
 * the original variables the preconditioned step
 *   θ ← θ − η P Pᵀ ∇f(θ),
 * whose error map I − η P Pᵀ H is similar to I − η Pᵀ H P (conjugate by P).
 * So everything gradient descent's speed depends on moves to the eigenvalues
 * μ_i of Pᵀ H P: the step must stay below 2/μ_max, the error shrinks by
 * max_i |1 − η μ_i| per step, and at the best fixed step η = 2/(μ_min + μ_max)
 * by (κ' − 1)/(κ' + 1) with κ' = κ(Pᵀ H P) = μ_max/μ_min.
 *
 * The preconditioners here:
 * - Jacobi, P = diag(H)^{−1/2}: Pᵀ H P has a unit diagonal. Exact (κ' = 1)
 *   when H is diagonal, i.e. the bowl's axes are the coordinate axes; for a
 *   rotated bowl it only removes the diagonal's spread (closed form in 2-D:
 *   {@link jacobiConditionOfRotatedBowl}).
 * - Whitening, P = H^{−1/2} (H positive definite): Pᵀ H P = I, κ' = 1, and
 *   the step η = 1 is Newton's method.
 * - Adam's diagonal, P = diag(1/(√v̂ + ε))^{1/2} from a second-moment
 *   estimate v̂ (e.g. an Adam run's bias-corrected state), so that
 *   P Pᵀ ∇f = ∇f/(√v̂ + ε) is Adam's step direction without momentum
 *   (Kingma & Ba 2015). It is a diagonal preconditioner too, and no better
 *   than Jacobi at undoing a rotation.
 *
 * Matrices are n × n, row-major Float64Array; H must be symmetric.
 */
import { symmetricEigen, symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import type { AnalyticProblem } from '../spec/functions';
import { derivatives64 } from './closedForms64';

/** Which preconditioner. */
export type PreconditionerKind = 'identity' | 'jacobi' | 'whitening' | 'adam';

/** The identity P = I (plain gradient descent). */
export function identityPreconditioner(n: number): Float64Array {
  return diagonalMatrix(new Float64Array(n).fill(1));
}

/** P = diag(H_ii^{−1/2}); every H_ii must be positive. */
export function jacobiPreconditioner(hessian: Float64Array, n: number): Float64Array {
  checkSquare(hessian, n, 'jacobiPreconditioner');
  const diagonal = Float64Array.from({ length: n }, (_, i) => hessian[i * n + i]);
  diagonal.forEach((value, i) => {
    if (!(value > 0)) throw new RangeError(`jacobiPreconditioner: H[${i}][${i}] = ${value}; Jacobi scaling needs a positive diagonal`);
  });
  return diagonalMatrix(diagonal.map((value) => 1 / Math.sqrt(value)));
}

/**
 * P = H^{−1/2} = V Λ^{−1/2} Vᵀ from H = V Λ Vᵀ; H must be positive definite
 * (its smallest eigenvalue above 1e-12 · its largest).
 */
export function whiteningPreconditioner(hessian: Float64Array, n: number): Float64Array {
  checkSquare(hessian, n, 'whiteningPreconditioner');
  const { values, vectors } = symmetricEigen(hessian, n);
  if (!(values[n - 1] > 1e-12 * values[0])) {
    throw new RangeError(`whiteningPreconditioner: H must be positive definite; its smallest eigenvalue is ${values[n - 1]}`);
  }
  const p = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const weight = 1 / Math.sqrt(values[k]);
    for (let i = 0; i < n; i++) {
      const vik = vectors[k * n + i] * weight;
      for (let j = 0; j < n; j++) p[i * n + j] += vik * vectors[k * n + j];
    }
  }
  return p;
}

/**
 * Adam's diagonal as a preconditioner: P = diag((√v̂_i + ε)^{−1/2}), so that
 * P Pᵀ = diag(1/(√v̂_i + ε)). v̂ ≥ 0 is the caller's second-moment estimate
 * (Adam's state v divided by 1 − β₂ᵗ); ε as in Adam (default 1e-8).
 */
export function adamPreconditioner(secondMoment: ArrayLike<number>, epsilon = 1e-8): Float64Array {
  if (!(epsilon >= 0)) throw new RangeError(`adamPreconditioner: ε must be ≥ 0, got ${epsilon}`);
  const scales = Float64Array.from(secondMoment, (v, i) => {
    if (!(v >= 0) || !Number.isFinite(v)) throw new RangeError(`adamPreconditioner: v̂[${i}] = ${v}; a second moment is finite and ≥ 0`);
    const denominator = Math.sqrt(v) + epsilon;
    if (!(denominator > 0)) throw new RangeError(`adamPreconditioner: v̂[${i}] = 0 with ε = 0 gives an infinite step`);
    return 1 / Math.sqrt(denominator);
  });
  return diagonalMatrix(scales);
}

/** Pᵀ H P. */
export function transformedHessian(hessian: Float64Array, p: Float64Array, n: number): Float64Array {
  checkSquare(hessian, n, 'transformedHessian');
  checkSquare(p, n, 'transformedHessian (P)');
  const hp = multiply(hessian, p, n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < n; k++) sum += p[k * n + i] * hp[k * n + j];
      out[i * n + j] = sum;
    }
  }
  // Symmetrise: rounding in the two products must not make the eigensolver see an asymmetric matrix.
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) out[i * n + j] = out[j * n + i] = 0.5 * (out[i * n + j] + out[j * n + i]);
  }
  return out;
}

/** κ = λ_max/λ_min of a symmetric matrix; Infinity unless it is positive definite. */
export function conditionNumber(matrix: Float64Array, n: number): number {
  return conditionOf(symmetricEigenvalues(matrix, n));
}

/** What a preconditioner does to the bowl. */
export interface PreconditioningReport {
  /** Eigenvalues of H and of Pᵀ H P, descending. */
  eigenvaluesBefore: Float64Array;
  eigenvaluesAfter: Float64Array;
  /** κ(H) and κ(Pᵀ H P) (Infinity unless positive definite). */
  conditionBefore: number;
  conditionAfter: number;
  /** 2/μ_max: preconditioned gradient descent diverges at or above it (null when μ_max ≤ 0). */
  stableStep: number | null;
  /** 2/(μ_min + μ_max), the fixed step with the smallest worst-direction factor (null unless positive definite). */
  bestStep: number | null;
  /** (κ' − 1)/(κ' + 1): the error factor per step at `bestStep` (null unless positive definite). */
  bestRate: number | null;
}

/** κ and step sizes before and after preconditioning H with P. */
export function preconditioningReport(hessian: Float64Array, p: Float64Array, n: number): PreconditioningReport {
  const eigenvaluesBefore = symmetricEigenvalues(hessian, n);
  const eigenvaluesAfter = symmetricEigenvalues(transformedHessian(hessian, p, n), n);
  const top = eigenvaluesAfter[0];
  const bottom = eigenvaluesAfter[n - 1];
  const definite = bottom > 0;
  const conditionAfter = conditionOf(eigenvaluesAfter);
  return {
    eigenvaluesBefore,
    eigenvaluesAfter,
    conditionBefore: conditionOf(eigenvaluesBefore),
    conditionAfter,
    stableStep: top > 0 ? 2 / top : null,
    bestStep: definite ? 2 / (top + bottom) : null,
    bestRate: definite ? (conditionAfter - 1) / (conditionAfter + 1) : null,
  };
}

/** max_i |1 − η μ_i| over the eigenvalues μ_i of Pᵀ H P: the error factor per step of preconditioned gradient descent. */
export function preconditionedRate(eigenvaluesAfter: ArrayLike<number>, eta: number): number {
  let rate = 0;
  for (let i = 0; i < eigenvaluesAfter.length; i++) rate = Math.max(rate, Math.abs(1 - eta * eigenvaluesAfter[i]));
  return rate;
}

/**
 * One preconditioned gradient step θ ← θ − η P Pᵀ ∇f, written into `out`
 * (a new vector by default; `theta` itself is allowed).
 */
export function preconditionedStep(
  theta: ArrayLike<number>,
  grad: ArrayLike<number>,
  p: Float64Array,
  eta: number,
  out: Float64Array = new Float64Array(theta.length),
): Float64Array {
  const n = theta.length;
  checkSquare(p, n, 'preconditionedStep (P)');
  if (grad.length !== n) throw new RangeError(`preconditionedStep: θ has ${n} entries, ∇f ${grad.length}`);
  const projected = new Float64Array(n); // Pᵀ ∇f
  for (let k = 0; k < n; k++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += p[i * n + k] * grad[i];
    projected[k] = sum;
  }
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += p[i * n + k] * projected[k];
    out[i] = theta[i] - eta * sum;
  }
  return out;
}

/** A run of preconditioned gradient descent on a quadratic bowl. */
export interface PreconditionedRun {
  /** θ_0 … θ_m, row after row (length n(m + 1)). */
  path: Float64Array;
  /** f(θ_k) = ½ (θ_k − θ*)ᵀ H (θ_k − θ*). */
  losses: Float64Array;
}

/** `steps` preconditioned gradient steps on f(θ) = ½ (θ − θ*)ᵀ H (θ − θ*) from `start` (θ* = 0 by default). */
export function preconditionedQuadraticRun(
  hessian: Float64Array,
  p: Float64Array,
  start: ArrayLike<number>,
  eta: number,
  steps: number,
  minimum: ArrayLike<number> = new Float64Array(start.length),
): PreconditionedRun {
  const n = start.length;
  checkSquare(hessian, n, 'preconditionedQuadraticRun');
  if (!(eta > 0 && Number.isFinite(eta))) throw new RangeError(`preconditionedQuadraticRun: the step size must be > 0, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`preconditionedQuadraticRun: steps must be an integer ≥ 0, got ${steps}`);
  const path = new Float64Array(n * (steps + 1));
  const losses = new Float64Array(steps + 1);
  const theta = Float64Array.from(start);
  const error = new Float64Array(n);
  const grad = new Float64Array(n);
  for (let k = 0; ; k++) {
    for (let i = 0; i < n; i++) error[i] = theta[i] - minimum[i];
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += hessian[i * n + j] * error[j];
      grad[i] = sum;
      loss += 0.5 * error[i] * sum;
    }
    path.set(theta, k * n);
    losses[k] = loss;
    if (k === steps) break;
    preconditionedStep(theta, grad, p, eta, theta);
  }
  return { path, losses };
}

/**
 * κ(D^{−1/2} H D^{−1/2}), D = diag(H), for the 2-D bowl H = R diag(1, κ) Rᵀ
 * rotated by φ (the `quadratic` function). With c = cos φ, s = sin φ:
 *   H = [c² + κ s², (1 − κ) s c; (1 − κ) s c, s² + κ c²],
 * and the scaled matrix is [1 r; r 1] with
 *   r = |1 − κ| |s c| / √((c² + κ s²)(s² + κ c²)),
 * so κ' = (1 + r)/(1 − r): 1 on the axes (φ = 0°, 90°), and κ itself at 45°,
 * where the diagonal is constant and Jacobi scaling changes nothing.
 */
export function jacobiConditionOfRotatedBowl(condition: number, angleRad: number): number {
  if (!(condition >= 1)) throw new RangeError(`jacobiConditionOfRotatedBowl: κ must be ≥ 1, got ${condition}`);
  const c = Math.cos(angleRad);
  const s = Math.sin(angleRad);
  const r = (Math.abs(1 - condition) * Math.abs(s * c)) / Math.sqrt((c * c + condition * s * s) * (s * s + condition * c * c));
  return (1 + r) / (1 - r);
}

/** The Hessian [f_xx f_xy; f_xy f_yy] of an analytic function at (x, y), row-major, float64. */
export function analyticHessian(problem: AnalyticProblem, x: number, y: number): Float64Array {
  return Float64Array.from(derivatives64(problem, x, y).hessian);
}

/**
 * The preconditioner `kind` for the Hessian H (n × n); `adam` needs the
 * second-moment estimate v̂ (and takes ε).
 */
export function preconditionerFor(
  kind: PreconditionerKind,
  hessian: Float64Array,
  n: number,
  adam?: { secondMoment: ArrayLike<number>; epsilon?: number },
): Float64Array {
  switch (kind) {
    case 'identity':
      return identityPreconditioner(n);
    case 'jacobi':
      return jacobiPreconditioner(hessian, n);
    case 'whitening':
      return whiteningPreconditioner(hessian, n);
    case 'adam':
      if (adam === undefined) throw new RangeError("preconditionerFor: 'adam' needs the second-moment estimate v̂");
      if (adam.secondMoment.length !== n) throw new RangeError(`preconditionerFor: v̂ has ${adam.secondMoment.length} entries, H is ${n} × ${n}`);
      return adamPreconditioner(adam.secondMoment, adam.epsilon);
    default:
      throw new RangeError(`Unknown preconditioner "${String(kind)}"`);
  }
}

function conditionOf(descending: Float64Array): number {
  const top = descending[0];
  const bottom = descending[descending.length - 1];
  return bottom > 0 ? top / bottom : Infinity;
}

function diagonalMatrix(diagonal: Float64Array): Float64Array {
  const n = diagonal.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = diagonal[i];
  return out;
}

/** A B for n × n row-major A, B. */
function multiply(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k];
      if (aik === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += aik * b[k * n + j];
    }
  }
  return out;
}

function checkSquare(matrix: Float64Array, n: number, where: string): void {
  if (!Number.isInteger(n) || n < 1 || matrix.length !== n * n) {
    throw new RangeError(`${where}: expected an n × n matrix with n = ${n}, got ${matrix.length} entries`);
  }
  if (!matrix.every(Number.isFinite)) throw new RangeError(`${where}: the matrix has a non-finite entry`);
}
