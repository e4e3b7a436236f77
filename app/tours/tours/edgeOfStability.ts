/**
 * The edge of stability (Cohen et al. 2021), on the explorer's preset
 * (`workers/engine/spec/presets/networkPresets.ts`): full-batch gradient
 * descent, η = 0.07 (2/η ≈ 28.6), on a 1-12-12-1 tanh network fitting T₃.
 * Measured there: λmax starts at 12.2 (0.43 · 2/η) and rises steadily,
 * reaches 28.2 at step 350, and from step 400 on hovers around 2/η in a
 * saw-tooth between 24 and 33 (mean 28.8) while the loss keeps falling,
 * non-monotonically.
 */
import type { Tour } from '../types';

const network =
  'v=1&p=network&m=3d&log=1&s=1&ds=chebyshev&do=n:64&tf=0&dseed=1&h=12,12&act=tanh&init=glorot&isc=1&iseed=2&wd=0&dr=0&ev=10&sh=10';
const GD = 'o=sgd,id:gd,c:4cc9f0,b:0,lr:0.07,w:0';

export const EDGE_OF_STABILITY_TOUR: Tour = {
  id: 'edge-of-stability',
  title: 'The edge of stability',
  summary: "Full-batch gradient descent sharpens the loss until λmax reaches 2/η, then stays there while the loss keeps falling, unevenly.",
  steps: [
    {
      title: 'Progressive sharpening',
      link: `${network}&n=300&${GD}`,
      text:
        'Full-batch gradient descent with η = 0.07 trains a small tanh network (193 parameters) to fit a cubic. ' +
        'On a quadratic it would be stable while λmax < 2/η ≈ 28.6. Every 10 steps the explorer measures λmax, the top Hessian eigenvalue, by Lanczos.',
      notice: 'In the sharpness chart λmax starts well below the dashed 2/η line and climbs towards it as training goes on.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'sharpnessStartsBelow', run: 'gd', fraction: 0.5 }],
    },
    {
      title: 'At the edge: λmax ≈ 2/η, and the loss still falls',
      link: `${network}&n=700&${GD}`,
      text:
        'Once λmax reaches 2/η the classical bound says the step is too large, yet training does not diverge. ' +
        'λmax hovers at 2/η in a saw-tooth: each overshoot makes the loss jump, and that jump flattens the network again (Cohen et al. 2021).',
      notice: 'λmax stays on the 2/η line; the loss curve keeps going down, with spikes: it is not monotone.',
      actions: [{ kind: 'run' }],
      claims: [
        { kind: 'sharpnessAtThreshold', run: 'gd', tolerance: 0.15, last: 20 },
        { kind: 'lossRisesSometime', run: 'gd' },
      ],
    },
  ],
};
