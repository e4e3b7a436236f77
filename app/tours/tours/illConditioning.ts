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
import type { Tour } from '../types';

const bowl = 'v=1&p=analytic&f=quadratic&c=20&a=0&x0=-2&x1=2&y0=-2&y1=2&sx=-1.8&sy=1.2&m=contour&log=1';

export const ILL_CONDITIONING_TOUR: Tour = {
  id: 'ill-conditioning',
  title: 'Ill-conditioning and momentum',
  summary: "On a bowl 20 times steeper one way than the other, gradient descent's step is capped at 2/λmax; momentum raises the cap to 2(1+μ)/λmax.",
  steps: [
    {
      title: 'A bowl with condition number 20',
      link: `${bowl}&n=200&o=sgd,id:gd,c:4cc9f0,lr:0.03,w:0`,
      text:
        'f(x, y) = ½ (x² + 20 y²): the curvature is λmin = 1 along x and λmax = 20 along y, a condition number κ = 20. ' +
        'Gradient descent with η = 0.03 shrinks the error along y by |1 − 20η| = 0.4 per step but along x only by 1 − η = 0.97.',
      notice: 'The path drops into the valley floor at once, then crawls along x: the flat direction sets the pace.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'converges', run: 'gd', below: 1e-3 }],
    },
    {
      title: 'Just under the limit 2/λmax = 0.1',
      link: `${bowl}&n=200&o=sgd,id:gd,c:4cc9f0,lr:0.095,w:0`,
      text:
        'Along y the error is multiplied by 1 − 20η = −0.9: it changes sign every step and shrinks only slowly. ' +
        'A larger step helps the flat direction, but the steep one decides whether the run is stable at all.',
      notice: 'The path zig-zags across the valley, yet still reaches the minimum at the centre.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'converges', run: 'gd', below: 1e-3 }],
    },
    {
      title: 'Just over it: η = 0.11 diverges',
      link: `${bowl}&n=200&o=sgd,id:gd,c:4cc9f0,lr:0.11,w:0`,
      text:
        'Now 1 − 20η = −1.2: every step overshoots the valley by more than it corrects, and the zig-zag grows by 20 % a step. ' +
        'Gradient descent is stable only for η < 2/λmax, however flat the other directions are.',
      notice: 'The run stops with a divergence message naming the step.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'diverges', run: 'gd' }],
    },
    {
      title: 'Momentum goes past 2/λmax',
      link: `${bowl}&n=200&o=sgd,id:gd,c:4cc9f0,lr:0.17,w:0&o=momentum,id:mom,c:ff7aa2,lr:0.17,mu:0.9,w:0`,
      text:
        'Both runs use η = 0.17, beyond gradient descent\'s limit of 0.1. Heavy-ball momentum with μ = 0.9 is stable for ' +
        'η < 2(1 + μ)/λmax = 0.19: the velocity averages the alternating gradients along y instead of following them.',
      notice: 'Gradient descent diverges within a few dozen steps; momentum swings across the valley, yet its loss keeps falling to the minimum.',
      actions: [{ kind: 'run' }],
      claims: [
        { kind: 'diverges', run: 'gd' },
        { kind: 'converges', run: 'mom', below: 1e-3 },
      ],
    },
    {
      title: "Momentum's own limit 2(1 + μ)/λmax = 0.19",
      link: `${bowl}&n=200&o=momentum,id:mom,c:ff7aa2,lr:0.17,mu:0.9,w:0&o=momentum,id:mom2,c:ffd166,lr:0.2,mu:0.9,w:0`,
      text:
        'Momentum raises the ceiling but does not remove it. At η = 0.2 the product ηλmax = 4 exceeds 2(1 + μ) = 3.8 ' +
        'and the error along y grows by half again each step.',
      notice: 'η = 0.17 still converges; η = 0.2 diverges within a few dozen steps.',
      actions: [{ kind: 'run' }],
      claims: [
        { kind: 'converges', run: 'mom', below: 1e-3 },
        { kind: 'diverges', run: 'mom2' },
      ],
    },
  ],
};
