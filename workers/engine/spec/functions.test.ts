import { describe, expect, it } from 'vitest';
import { EXPERIMENT_LIMITS } from './limits';
import { ANALYTIC_FUNCTIONS, ANALYTIC_NAMES, analyticTeaching, quadraticCoefficients } from './functions';

const inside = (p: readonly [number, number], w: { xMin: number; xMax: number; yMin: number; yMax: number }) =>
  p[0] >= w.xMin && p[0] <= w.xMax && p[1] >= w.yMin && p[1] <= w.yMax;

describe('the teaching table', () => {
  it('lists every function with a window inside the accepted coordinates, a start and every seed inside the window', () => {
    expect(Object.keys(ANALYTIC_FUNCTIONS).sort()).toEqual([...ANALYTIC_NAMES].sort());
    const { coordinate, minSpan } = EXPERIMENT_LIMITS;
    for (const name of ANALYTIC_NAMES) {
      const { window, start, criticalSeeds } = ANALYTIC_FUNCTIONS[name];
      for (const bound of [window.xMin, window.xMax, window.yMin, window.yMax]) {
        expect(bound).toBeGreaterThanOrEqual(coordinate.min);
        expect(bound).toBeLessThanOrEqual(coordinate.max);
      }
      expect(window.xMax - window.xMin).toBeGreaterThanOrEqual(minSpan);
      expect(window.yMax - window.yMin).toBeGreaterThanOrEqual(minSpan);
      expect(inside(start, window)).toBe(true);
      for (const seed of criticalSeeds) expect(inside([seed.x, seed.y], window)).toBe(true);
    }
  });

  it('hands out copies, so an edited window or start leaves the table as it was', () => {
    const first = analyticTeaching({ name: 'rosenbrock' });
    first.window.xMin = 99;
    first.start[0] = 99;
    const second = analyticTeaching({ name: 'rosenbrock' });
    expect(second.window).toEqual({ xMin: -2, xMax: 2, yMin: -1, yMax: 3 });
    expect(second.start).toEqual([-1.5, 2]);
  });

  it('writes the quadratic’s parameters, defaulted from the limits table, into its formula', () => {
    const { condition, angleDeg } = EXPERIMENT_LIMITS;
    expect(analyticTeaching({ name: 'quadratic' }).formula).toBe(
      `f(x, y) = ½ (u² + ${condition.default} v²), (u, v) = (x, y) rotated by −${angleDeg.default}°`,
    );
    expect(quadraticCoefficients({ name: 'quadratic' }).lambda2).toBe(condition.default);
    expect(() => analyticTeaching({ name: 'quadratic', condition: condition.max * 2 })).toThrow(
      `condition must be a number in [${condition.min}, ${condition.max}]`,
    );
    expect(() => analyticTeaching({ name: 'nope' as never })).toThrow(/Unknown analytic function "nope"/);
  });
});
