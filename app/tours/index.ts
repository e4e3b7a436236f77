/**
 * Every tour, in the order the tour menu lists them. A tour is one JSON file
 * in `tours/` (checked at load by `checkedTour`); adding one is adding its
 * file and its lines here.
 */
import { checkedTour } from './checkedTour';
import illConditioningData from './tours/illConditioning.json' with { type: 'json' };
import saddlesData from './tours/saddles.json' with { type: 'json' };
import rosenbrockData from './tours/rosenbrock.json' with { type: 'json' };
import edgeOfStabilityData from './tours/edgeOfStability.json' with { type: 'json' };
import type { Tour } from './types';

export type { Tour, TourStep, TourAction, TourClaim } from './types';

/**
 * Ill-conditioning and momentum on the quadratic bowl f = ½ (x² + κ y²),
 * κ = 20 (rotation 0, so the Hessian is diag(1, 20): λmin = 1 along x,
 * λmax = 20 along y).
 *
 * Gradient descent multiplies the error along an eigenvector by 1 − ηλ per
 * step, so it is stable iff η < 2/λmax = 0.1. Heavy-ball momentum
 * (m ← μm + g, θ ← θ − ηm) has along each eigenvector the characteristic
 * polynomial r² − (1 + μ − ηλ) r + μ, stable iff ηλ < 2(1 + μ): with μ = 0.9
 * the limit is 2(1.9)/20 = 0.19. The rates in the steps sit on either side
 * of these limits (`tours.test.ts` checks them against
 * `workers/engine/analytic/stability.ts` and runs every step in the engine).
 */
const ILL_CONDITIONING_TOUR = checkedTour(illConditioningData, 'illConditioning.json');

/**
 * Saddles on f = x² − y² (Hessian diag(2, −2)), from (1, 0.01), just off the
 * ridge: gradient descent is slowed by the saddle, Newton's method is drawn
 * into it (it solves ∇f = 0, and a saddle is a solution), saddle-free Newton
 * (Dauphin et al. 2014), θ ← θ − η (|H| + δI)⁻¹ ∇f, turns the negative
 * curvature into a direction of descent. The closed forms are in
 * `workers/engine/spec/presets/saddlePreset.ts`.
 */
const SADDLES_TOUR = checkedTour(saddlesData, 'saddles.json');

/**
 * The Rosenbrock valley f = (1 − x)² + 100 (y − x²)², minimum f = 0 at (1, 1)
 * at the end of a long, curved, nearly flat valley whose walls are steep
 * (λmax of the Hessian about 1000 near the minimum, λmin about 0.4).
 */
const ROSENBROCK_TOUR = checkedTour(rosenbrockData, 'rosenbrock.json');

/**
 * The edge of stability (Cohen et al. 2021), on the explorer's preset
 * (`workers/engine/spec/presets/networkPresets.ts`): full-batch gradient
 * descent, η = 0.07 (2/η ≈ 28.6), on a 1-12-12-1 tanh network fitting T₃.
 * Measured there: λmax starts at 12.2 (0.43 · 2/η) and rises steadily,
 * reaches 28.2 at step 350, and from step 400 on hovers around 2/η in a
 * saw-tooth between 24 and 33 (mean 28.8) while the loss keeps falling,
 * non-monotonically.
 */
const EDGE_OF_STABILITY_TOUR = checkedTour(edgeOfStabilityData, 'edgeOfStability.json');

/** The tours, in menu order. */
export const TOURS: readonly Tour[] = [ILL_CONDITIONING_TOUR, SADDLES_TOUR, ROSENBROCK_TOUR, EDGE_OF_STABILITY_TOUR];

/** The tour with `id`, or undefined. */
export function tourById(id: string): Tour | undefined {
  return TOURS.find((tour) => tour.id === id);
}
