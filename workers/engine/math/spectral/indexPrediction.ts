/**
 * The random-matrix prediction of how the index of a critical point (the
 * fraction of negative Hessian eigenvalues) rises with its loss.
 *
 * Bray & Dean (2007, "Statistics of critical points of Gaussian fields on
 * large-dimensional spaces") find that at a critical point of energy ε the
 * Hessian's spectrum is a semicircle of fixed radius R whose centre moves
 * linearly with ε, down through zero as ε rises; Dauphin et al. (2014,
 * "Identifying and attacking the saddle point problem in high-dimensional
 * non-convex optimization") and Pennington & Bahri (2017, "Geometry of
 * neural network loss surfaces via random matrix theory") observe the same
 * monotone index-versus-loss law for neural networks, with the 3/2-power
 * onset α ∝ (ε − ε_c)^{3/2} this model gives. With F the distribution
 * function of the standard semicircle on [−1, 1],
 *   F(t) = ½ + (t √(1 − t²) + arcsin t)/π,
 * the centre at R(1 − s(ε − ε_c)) puts the fraction F(−1 + s(ε − ε_c)) of
 * the spectrum below zero:
 *   α(ε) = 0 for ε ≤ ε_c,  F(−1 + s(ε − ε_c)) up to ε_c + 2/s,  1 beyond.
 * ε_c is the loss below which critical points are minima; 1/s sets how fast
 * the index climbs. Both are fitted to measured (loss, index) points.
 */

/** F(t): the fraction of the standard semicircle law (radius 1, centre 0) below t. */
export function semicircleCdf(t: number): number {
  if (t <= -1) return 0;
  if (t >= 1) return 1;
  return 0.5 + (t * Math.sqrt(1 - t * t) + Math.asin(t)) / Math.PI;
}

/** The two parameters of the shifted-semicircle index law. */
export interface IndexLaw {
  /** ε_c: the loss where the spectrum's left edge reaches zero. */
  criticalLoss: number;
  /** s > 0: the centre moves by R·s per unit of loss. */
  slope: number;
}

/** α(ε) of the shifted-semicircle law (see the module comment). */
export function predictedIndex(loss: number, law: IndexLaw): number {
  return semicircleCdf(-1 + law.slope * (loss - law.criticalLoss));
}

/** A fitted law and how well it fits. */
export interface IndexFit extends IndexLaw {
  /** √(mean (α(ε_k) − index_k)²) over the points. */
  rmsError: number;
}

/**
 * The law closest in least squares to measured points (loss_k, index_k):
 * a grid over ε_c (below, across and beyond the measured losses) and
 * log-spaced s, then a pattern search that halves its steps to 1e-10
 * (relative). Needs two points with different losses.
 */
export function fitIndexLaw(losses: ArrayLike<number>, indices: ArrayLike<number>): IndexFit {
  const count = losses.length;
  if (count !== indices.length) throw new RangeError(`fitIndexLaw: ${count} losses but ${indices.length} indices`);
  let low = Infinity;
  let high = -Infinity;
  for (let k = 0; k < count; k++) {
    if (!Number.isFinite(losses[k]) || !(indices[k] >= 0 && indices[k] <= 1)) {
      throw new RangeError(`fitIndexLaw: point ${k} has loss ${losses[k]} and index ${indices[k]}; an index is a fraction in [0, 1]`);
    }
    low = Math.min(low, losses[k]);
    high = Math.max(high, losses[k]);
  }
  const span = high - low;
  if (!(span > 0)) throw new RangeError('fitIndexLaw: needs points at two or more different losses');
  const error = (criticalLoss: number, logSlope: number) => {
    const law = { criticalLoss, slope: Math.exp(logSlope) };
    let sum = 0;
    for (let k = 0; k < count; k++) sum += (predictedIndex(losses[k], law) - indices[k]) ** 2;
    return sum / count;
  };
  // Grid: ε_c from low − span to high, s·span from 0.05 to 50.
  let best = { c: low, l: Math.log(1 / span), e: Infinity };
  for (let i = 0; i <= 80; i++) {
    const c = low - span + (2 * span * i) / 80;
    for (let j = 0; j <= 60; j++) {
      const l = Math.log(0.05 / span) + (Math.log(1000) * j) / 60;
      const e = error(c, l);
      if (e < best.e) best = { c, l, e };
    }
  }
  let stepC = span / 40;
  let stepL = Math.log(1000) / 60;
  while (stepC > 1e-10 * span || stepL > 1e-10) {
    let moved = false;
    for (const [dc, dl] of [[stepC, 0], [-stepC, 0], [0, stepL], [0, -stepL]]) {
      const e = error(best.c + dc, best.l + dl);
      if (e < best.e) {
        best = { c: best.c + dc, l: best.l + dl, e };
        moved = true;
      }
    }
    if (!moved) {
      stepC /= 2;
      stepL /= 2;
    }
  }
  return { criticalLoss: best.c, slope: Math.exp(best.l), rmsError: Math.sqrt(best.e) };
}
