/**
 * Saddles on f = x² − y² (Hessian diag(2, −2)), from (1, 0.01), just off the
 * ridge: gradient descent is slowed by the saddle, Newton's method is drawn
 * into it (it solves ∇f = 0, and a saddle is a solution), saddle-free Newton
 * (Dauphin et al. 2014), θ ← θ − η (|H| + δI)⁻¹ ∇f, turns the negative
 * curvature into a direction of descent. The closed forms are in
 * `workers/engine/spec/presets/saddlePreset.ts`.
 */
import type { Tour } from '../types';

const saddle = 'v=1&p=analytic&f=saddle&x0=-1.5&x1=1.5&y0=-1.5&y1=1.5&sx=1&sy=0.01&m=3d&log=0';
const GD = 'o=sgd,id:gd,c:4cc9f0,lr:0.05,w:0';
const NEWTON = 'o=newton,id:newton,c:ff7aa2,lr:1,d:0.001,w:0';
const SFN = 'o=saddle_free_newton,id:sfn,c:ffd166,lr:0.3,d:0.001,w:0';

export const SADDLES_TOUR: Tour = {
  id: 'saddles',
  title: 'Saddles: gradient descent, Newton and saddle-free Newton',
  summary: 'A saddle slows gradient descent, attracts Newton\'s method, and is escaped by saddle-free Newton.',
  steps: [
    {
      title: 'Gradient descent lingers at a saddle',
      link: `${saddle}&n=40&${GD}`,
      text:
        'f(x, y) = x² − y² curves up along x and down along y. Starting 0.01 off the ridge, gradient descent (η = 0.05) ' +
        'shrinks x by 0.9 per step but grows y only by 1.1 per step, from almost nothing.',
      notice: 'The path slides down to the saddle at the centre, slows there, and only then bends away along y.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'endsAway', run: 'gd', point: [0, 0], distance: 0.3 }],
    },
    {
      title: "Newton's method stops on the saddle",
      link: `${saddle}&n=20&${NEWTON}`,
      text:
        'Newton\'s step −H⁻¹∇f jumps to the point where the local quadratic model has zero gradient. ' +
        'Here that point is the saddle: along y, where the curvature is negative, the step goes uphill.',
      notice: 'After one jump the path sits on the saddle at (0, 0) and stays there.',
      actions: [{ kind: 'run' }],
      claims: [{ kind: 'endsNear', run: 'newton', point: [0, 0], tolerance: 1e-3 }],
    },
    {
      title: 'Saddle-free Newton escapes',
      link: `${saddle}&n=20&${GD}&${NEWTON}&${SFN}`,
      text:
        'Saddle-free Newton divides by |H| instead of H: the negative curvature becomes a direction to go down, at the ' +
        'same speed as the positive one converges. All three start from the same point.',
      notice: 'Newton sits on the saddle, gradient descent is still near it, saddle-free Newton is off down the y valley, at the lowest loss.',
      actions: [{ kind: 'run' }],
      claims: [
        { kind: 'endsNear', run: 'newton', point: [0, 0], tolerance: 1e-3 },
        { kind: 'endsAway', run: 'sfn', point: [0, 0], distance: 1 },
        { kind: 'lossBelow', run: 'sfn', below: -1 },
      ],
    },
  ],
};
