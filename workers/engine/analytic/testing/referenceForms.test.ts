import { describe, expect, it } from 'vitest';
import { Rng } from '../../math/rng';
import { ANALYTIC_NAMES, type AnalyticProblem } from '../../spec/functions';
import { maxAbs, maxAbsDifference, reference } from './referenceForms';

// The hand-written references are only useful if they are right: check each
// derivative against central differences of the level below, in float64.
const PROBLEMS: AnalyticProblem[] = [
  ...ANALYTIC_NAMES.filter((name) => name !== 'quadratic').map((name) => ({ name })),
  { name: 'quadratic' },
  { name: 'quadratic', condition: 250, angleDeg: -70 },
];

function centralDifference(g: (x: number, y: number) => number, x: number, y: number, h: number): [number, number] {
  return [(g(x + h, y) - g(x - h, y)) / (2 * h), (g(x, y + h) - g(x, y - h)) / (2 * h)];
}

describe('reference forms used by the analytic tests', () => {
  for (const problem of PROBLEMS) {
    it(`${problem.name} ${problem.condition ?? ''}: gradient and Hessian match finite differences`, () => {
      const rng = new Rng(11);
      for (let trial = 0; trial < 20; trial++) {
        const x = rng.uniformIn(-3, 3);
        const y = rng.uniformIn(-3, 3);
        const h = 1e-5;
        const at = reference(problem, x, y);
        const gradFd = centralDifference((a, b) => reference(problem, a, b).f, x, y, h);
        const rowX = centralDifference((a, b) => reference(problem, a, b).grad[0], x, y, h);
        const rowY = centralDifference((a, b) => reference(problem, a, b).grad[1], x, y, h);
        expect(maxAbsDifference(at.grad, gradFd)).toBeLessThanOrEqual(1e-6 * Math.max(1, maxAbs(at.grad)));
        expect(maxAbsDifference(at.hessian, [...rowX, ...rowY])).toBeLessThanOrEqual(
          1e-6 * Math.max(1, maxAbs(at.hessian)),
        );
      }
    });
  }
});
