/**
 * Level-1 vector operations on Float64Array, used by the iterative curvature
 * algorithms. All run in O(n) and allocate only where they return a new vector.
 */

/** xᵀy. */
export function dot(x: Float64Array, y: Float64Array): number {
  let s0 = 0;
  let s1 = 0;
  const n = x.length;
  let i = 0;
  // Two accumulators shorten the dependency chain of the additions.
  for (; i + 1 < n; i += 2) {
    s0 += x[i] * y[i];
    s1 += x[i + 1] * y[i + 1];
  }
  if (i < n) s0 += x[i] * y[i];
  return s0 + s1;
}

/** ‖x‖₂, scaled to avoid overflow and underflow for extreme entries. */
export function norm2(x: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const t = x[i] / scale;
    s += t * t;
  }
  return scale * Math.sqrt(s);
}

/** y ← y + a·x, in place; returns y. */
export function axpy(a: number, x: Float64Array, y: Float64Array): Float64Array {
  for (let i = 0; i < y.length; i++) y[i] += a * x[i];
  return y;
}

/** x ← a·x, in place; returns x. */
export function scaleInPlace(a: number, x: Float64Array): Float64Array {
  for (let i = 0; i < x.length; i++) x[i] *= a;
  return x;
}

/**
 * Removes from w its components along the orthonormal vectors `basis`,
 * w ← (I − Q Qᵀ) w, by classical Gram–Schmidt applied twice ("twice is
 * enough": the second pass restores orthogonality to working precision even
 * when w was nearly inside span(Q)). In place; returns w.
 */
export function orthogonalizeAgainst(w: Float64Array, basis: readonly Float64Array[]): Float64Array {
  if (basis.length === 0) return w;
  const coefficients = new Float64Array(basis.length);
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < basis.length; j++) coefficients[j] = dot(basis[j], w);
    for (let j = 0; j < basis.length; j++) axpy(-coefficients[j], basis[j], w);
  }
  return w;
}

/**
 * z ← (I − QQᵀ) z for orthonormal Q by one pass of classical Gram–Schmidt
 * (the coefficients Qᵀz first, then the subtraction), enough where Q is
 * orthonormal to working precision and the result is not itself added to
 * Q (for that, use orthogonalizeAgainst). In place; returns z.
 */
export function projectOut(z: Float64Array, basis: readonly Float64Array[]): Float64Array {
  const coefficients = new Float64Array(basis.length);
  for (let j = 0; j < basis.length; j++) coefficients[j] = dot(basis[j], z);
  for (let j = 0; j < basis.length; j++) axpy(-coefficients[j], basis[j], z);
  return z;
}

/** Σ_j c_j · basis[j], a new vector of length n. */
export function combine(basis: readonly Float64Array[], coefficients: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let j = 0; j < basis.length; j++) {
    if (coefficients[j] !== 0) axpy(coefficients[j], basis[j], out);
  }
  return out;
}
