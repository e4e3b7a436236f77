/**
 * The Rosenbrock valley f = (1 − x)² + 100 (y − x²)², minimum f = 0 at (1, 1)
 * at the end of a long, curved, nearly flat valley whose walls are steep
 * (λmax of the Hessian about 1000 near the minimum, λmin about 0.4).
 */
import type { Tour } from '../types';

const valley = 'v=1&p=analytic&f=rosenbrock&x0=-2&x1=2&y0=-1&y1=3&sx=-1.5&sy=2&log=1';
const GD = 'o=sgd,id:gd,c:4cc9f0,lr:0.001,w:0';
const MOMENTUM = 'o=momentum,id:mom,c:ff7aa2,lr:0.001,mu:0.9,w:0';
const ADAM = 'o=adam,id:adam,c:ffd166,lr:0.1,b1:0.9,b2:0.999,eps:1e-8,w:0';

export const ROSENBROCK_TOUR: Tour = {
  id: 'rosenbrock',
  title: 'The Rosenbrock valley: GD, momentum, Adam',
  summary: 'A curved valley with steep walls and a flat floor: how far gradient descent, momentum and Adam get along it.',
  steps: [
    {
      title: 'A curved valley',
      link: `${valley}&n=1000&m=3d&${GD}`,
      text:
        'f(x, y) = (1 − x)² + 100 (y − x²)² has its minimum at (1, 1), at the end of a banana-shaped valley. ' +
        'The walls are steep (curvature near 1000), so the step must stay under 2/λmax ≈ 0.002, and the floor is almost flat.',
      notice: 'Gradient descent falls to the valley floor in a few steps, then crawls along it: after 1000 steps it has not reached the bend.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'endsAway', run: 'gd', point: [1, 1], distance: 1 }],
    },
    {
      title: 'Momentum carries speed along the floor',
      link: `${valley}&n=1000&m=contour&${GD}&${MOMENTUM}`,
      text:
        'Heavy-ball momentum with the same η and μ = 0.9 adds up the small, consistent gradients along the floor, ' +
        'about 1/(1 − μ) = 10 times the step, while the alternating gradients across the valley cancel.',
      notice: 'The momentum path runs on along the valley and ends far closer to (1, 1): a much lower loss.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'lowerLoss', run: 'mom', than: 'gd', factor: 10 }],
    },
    {
      title: 'Adam rescales each coordinate',
      link: `${valley}&n=1000&m=contour&${GD}&${MOMENTUM}&${ADAM}`,
      text:
        'Adam (η = 0.1) divides each coordinate of its averaged gradient by the root mean square of that coordinate, so its ' +
        'steps have about the size η whatever the slope: large on the flat floor, small on the steep walls.',
      notice: 'Adam ends on the minimum at (1, 1), momentum close to it, gradient descent still before the bend of the valley.',
      actions: [{ kind: 'run' }],
      claims: [
        { kind: 'endsNear', run: 'adam', point: [1, 1], tolerance: 0.01 },
        { kind: 'lowerLoss', run: 'adam', than: 'gd', factor: 10 },
      ],
    },
  ],
};
