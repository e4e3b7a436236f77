/**
 * Gradients and Hessians of the analytic functions in closed form, in
 * float64 plain JavaScript. TensorFlow.js computes in float32; these exist to
 * locate critical points to full double precision (Newton's method on ∇f = 0).
 */
import { quadraticCoefficients, validateProblem, type AnalyticProblem } from '../spec/functions';

/** ∇f and the Hessian [f_xx, f_xy, f_yx, f_yy] (row-major) at one point. */
export interface Derivatives64 {
  grad: [number, number];
  hessian: [number, number, number, number];
}

/** ∇f(x, y) and ∇²f(x, y) of `problem` in float64. */
export function derivatives64(problem: AnalyticProblem, x: number, y: number): Derivatives64 {
  validateProblem(problem);
  switch (problem.name) {
    case 'rosenbrock': {
      // f = (1 − x)² + 100 (y − x²)²; r = y − x²
      const r = y - x * x;
      return symmetric(-2 * (1 - x) - 400 * x * r, 200 * r, 2 - 400 * r + 800 * x * x, -400 * x, 200);
    }
    case 'himmelblau': {
      // f = a² + b², a = x² + y − 11, b = x + y² − 7
      const a = x * x + y - 11;
      const b = x + y * y - 7;
      return symmetric(
        4 * x * a + 2 * b,
        2 * a + 4 * y * b,
        4 * a + 8 * x * x + 2,
        4 * x + 4 * y,
        2 + 4 * b + 8 * y * y,
      );
    }
    case 'beale':
      return bealeDerivatives(x, y);
    case 'saddle':
      // f = x² − y²
      return symmetric(2 * x, -2 * y, 2, 0, -2);
    case 'monkey_saddle':
      // f = x³ − 3 x y²
      return symmetric(3 * x * x - 3 * y * y, -6 * x * y, 6 * x, -6 * y, -6 * x);
    case 'quadratic': {
      // f = ½ (λ1 u² + λ2 v²) = ½ (a x² + 2 b x y + c y²)
      const q = quadraticCoefficients(problem);
      const a = q.lambda1 * q.cos * q.cos + q.lambda2 * q.sin * q.sin;
      const b = (q.lambda1 - q.lambda2) * q.sin * q.cos;
      const c = q.lambda1 * q.sin * q.sin + q.lambda2 * q.cos * q.cos;
      return symmetric(a * x + b * y, b * x + c * y, a, b, c);
    }
  }
}

/**
 * Beale: f = Σ_k r_k², r_k = c_k − x + x y^k (k = 1, 2, 3; c = 1.5, 2.25, 2.625).
 * ∂r_k/∂x = y^k − 1, ∂r_k/∂y = k x y^(k−1); ∂²r_k/∂x² = 0,
 * ∂²r_k/∂x∂y = k y^(k−1), ∂²r_k/∂y² = k (k−1) x y^(k−2).
 * Then ∇f = 2 Σ r_k ∇r_k and ∇²f = 2 Σ (∇r_k ∇r_kᵀ + r_k ∇²r_k).
 */
function bealeDerivatives(x: number, y: number): Derivatives64 {
  const c = [1.5, 2.25, 2.625];
  let gx = 0;
  let gy = 0;
  let hxx = 0;
  let hxy = 0;
  let hyy = 0;
  for (let k = 1; k <= 3; k++) {
    const r = c[k - 1] - x + x * y ** k;
    const rx = y ** k - 1;
    const ry = k * x * y ** (k - 1);
    const rxy = k * y ** (k - 1);
    const ryy = k === 1 ? 0 : k * (k - 1) * x * y ** (k - 2);
    gx += 2 * r * rx;
    gy += 2 * r * ry;
    hxx += 2 * rx * rx;
    hxy += 2 * (rx * ry + r * rxy);
    hyy += 2 * (ry * ry + r * ryy);
  }
  return symmetric(gx, gy, hxx, hxy, hyy);
}

function symmetric(gx: number, gy: number, hxx: number, hxy: number, hyy: number): Derivatives64 {
  return { grad: [gx, gy], hessian: [hxx, hxy, hxy, hyy] };
}
