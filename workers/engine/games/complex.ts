/**
 * The little complex arithmetic the linearised game dynamics need: the
 * eigenvalues of a real 2 × 2 matrix and the roots of quadratics with complex
 * coefficients. Plain objects so that a worker can send them as they are.
 */

/** z = re + i·im. */
export interface Complex {
  re: number;
  im: number;
}

/** re + i·im. */
export function complex(re: number, im = 0): Complex {
  return { re, im };
}

/** a + b. */
export function add(a: Complex, b: Complex): Complex {
  return { re: a.re + b.re, im: a.im + b.im };
}

/** a − b. */
export function sub(a: Complex, b: Complex): Complex {
  return { re: a.re - b.re, im: a.im - b.im };
}

/** a · b. */
export function mul(a: Complex, b: Complex): Complex {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/** s · a for a real s. */
export function scale(s: number, a: Complex): Complex {
  return { re: s * a.re, im: s * a.im };
}

/** |a|. */
export function abs(a: Complex): number {
  return Math.hypot(a.re, a.im);
}

/** The principal square root √a (Re ≥ 0; on the branch cut, Im ≥ 0). */
export function sqrt(a: Complex): Complex {
  const r = abs(a);
  if (r === 0) return { re: 0, im: 0 };
  // Written so that neither part loses precision by cancellation.
  if (a.re >= 0) {
    const re = Math.sqrt((r + a.re) / 2);
    return { re, im: a.im / (2 * re) };
  }
  const im = Math.sqrt((r - a.re) / 2);
  return { re: Math.abs(a.im) / (2 * im), im: a.im < 0 ? -im : im };
}

/**
 * The two roots of μ² + b μ + c = 0 for complex b, c:
 * μ = (−b ± √(b² − 4c)) / 2, the larger-modulus root computed first and the
 * other from the product of the roots (μ₁ μ₂ = c), so a small root keeps its
 * relative accuracy.
 */
export function quadraticRoots(b: Complex, c: Complex): [Complex, Complex] {
  const root = sqrt(sub(mul(b, b), scale(4, c)));
  // Choose the sign that adds magnitudes: q = −(b + sign·√Δ)/2.
  const sign = b.re * root.re + b.im * root.im >= 0 ? 1 : -1;
  const q = scale(-0.5, add(b, scale(sign, root)));
  if (abs(q) === 0) return [complex(0), complex(0)];
  const other = divide(c, q);
  return [q, other];
}

/** a / b. */
export function divide(a: Complex, b: Complex): Complex {
  const d = b.re * b.re + b.im * b.im;
  return { re: (a.re * b.re + a.im * b.im) / d, im: (a.im * b.re - a.re * b.im) / d };
}

/**
 * The eigenvalues of the real 2 × 2 matrix [m00 m01; m10 m11]: the roots of
 * λ² − tr λ + det = 0, a complex-conjugate pair when tr² < 4 det.
 */
export function eigenvalues2x2(m: readonly [number, number, number, number]): [Complex, Complex] {
  const trace = m[0] + m[3];
  const det = m[0] * m[3] - m[1] * m[2];
  return quadraticRoots(complex(-trace), complex(det));
}
