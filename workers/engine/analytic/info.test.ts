import { describe, expect, it } from 'vitest';
import { derivatives64 } from './closedForms64';
import { refineCriticalPoint } from './criticalPoints';
import { analyticInfo, ANALYTIC_NAMES, type AnalyticProblem } from './functions';
import { maxAbs, maxAbsDifference, reference } from './testing/referenceForms';
import { Rng } from '../math/rng';

const PROBLEMS: AnalyticProblem[] = [
  ...ANALYTIC_NAMES.map((name) => ({ name })),
  { name: 'quadratic', condition: 1 },
  { name: 'quadratic', condition: 1e4, angleDeg: -45 },
];

const inside = (p: { x: number; y: number }, w: { xMin: number; xMax: number; yMin: number; yMax: number }) =>
  p.x >= w.xMin && p.x <= w.xMax && p.y >= w.yMin && p.y <= w.yMax;

describe('closedForms64', () => {
  for (const problem of PROBLEMS) {
    it(`${problem.name}: agrees with the test's own formulas to float64 precision`, () => {
      const rng = new Rng(3);
      for (let trial = 0; trial < 50; trial++) {
        const x = rng.uniformIn(-4, 4);
        const y = rng.uniformIn(-4, 4);
        const engine = derivatives64(problem, x, y);
        const expected = reference(problem, x, y);
        expect(maxAbsDifference(engine.grad, expected.grad)).toBeLessThanOrEqual(1e-12 * Math.max(1, maxAbs(expected.grad)));
        expect(maxAbsDifference(engine.hessian, expected.hessian)).toBeLessThanOrEqual(
          1e-12 * Math.max(1, maxAbs(expected.hessian)),
        );
      }
    });
  }
});

describe('analyticInfo', () => {
  for (const problem of PROBLEMS) {
    it(`${problem.name}: critical points have ∇f = 0 and the stated Hessian signature`, () => {
      const info = analyticInfo(problem);
      expect(info.criticalPoints.length).toBeGreaterThan(0);
      for (const point of info.criticalPoints) {
        expect(inside(point, info.window)).toBe(true);
        const { grad, hessian } = reference(problem, point.x, point.y);
        // Full precision: the gradient vanishes to rounding of its largest term.
        expect(Math.hypot(grad[0], grad[1])).toBeLessThan(1e-12 * Math.max(1, maxAbs(hessian)));
        const det = hessian[0] * hessian[3] - hessian[1] * hessian[2];
        const trace = hessian[0] + hessian[3];
        if (point.kind === 'saddle' && det === 0) {
          // Degenerate (monkey saddle): f takes both signs of f(p) − f(p*) on a small circle.
          const f0 = reference(problem, point.x, point.y).f;
          const around = Array.from({ length: 12 }, (_, k) => {
            const angle = (k * Math.PI) / 6 + 0.1;
            return reference(problem, point.x + 1e-3 * Math.cos(angle), point.y + 1e-3 * Math.sin(angle)).f - f0;
          });
          expect(Math.min(...around)).toBeLessThan(0);
          expect(Math.max(...around)).toBeGreaterThan(0);
        } else if (point.kind === 'saddle') {
          expect(det).toBeLessThan(0);
        } else {
          expect(det).toBeGreaterThan(0);
          expect(Math.sign(trace)).toBe(point.kind === 'minimum' ? 1 : -1);
        }
      }
      // No two listed points coincide.
      for (let a = 0; a < info.criticalPoints.length; a++) {
        for (let b = a + 1; b < info.criticalPoints.length; b++) {
          const p = info.criticalPoints[a];
          const q = info.criticalPoints[b];
          expect(Math.hypot(p.x - q.x, p.y - q.y)).toBeGreaterThan(1e-3);
        }
      }
    });
  }

  it('gives the known minima: Rosenbrock (1, 1), Beale (3, 0.5), four for Himmelblau including (3, 2)', () => {
    const minima = (problem: AnalyticProblem) =>
      analyticInfo(problem).criticalPoints.filter((p) => p.kind === 'minimum');
    expect(minima({ name: 'rosenbrock' })).toEqual([{ x: 1, y: 1, kind: 'minimum' }]);
    const beale = minima({ name: 'beale' });
    expect(beale).toHaveLength(1);
    expect(beale[0].x).toBeCloseTo(3, 14);
    expect(beale[0].y).toBeCloseTo(0.5, 14);
    const himmelblau = analyticInfo({ name: 'himmelblau' }).criticalPoints;
    expect(himmelblau.filter((p) => p.kind === 'minimum')).toHaveLength(4);
    expect(himmelblau.filter((p) => p.kind === 'saddle')).toHaveLength(4);
    expect(himmelblau.filter((p) => p.kind === 'maximum')).toHaveLength(1);
    expect(himmelblau.some((p) => Math.abs(p.x - 3) < 1e-14 && Math.abs(p.y - 2) < 1e-14)).toBe(true);
    // Every minimum of Himmelblau has f = 0 (both squares vanish).
    for (const p of himmelblau.filter((q) => q.kind === 'minimum')) {
      expect(reference({ name: 'himmelblau' }, p.x, p.y).f).toBeLessThan(1e-24);
    }
  });

  it('gives starts inside the window, a formula and a label for every function', () => {
    for (const problem of PROBLEMS) {
      const info = analyticInfo(problem);
      expect(inside({ x: info.start[0], y: info.start[1] }, info.window)).toBe(true);
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.formula).toMatch(/^f\(x, y\) = /);
    }
    expect(analyticInfo({ name: 'quadratic', condition: 25, angleDeg: 60 }).formula).toContain('25 v²');
    // Log scale only where f ≥ 0 everywhere.
    expect(ANALYTIC_NAMES.filter((name) => analyticInfo({ name }).logScale)).toEqual([
      'rosenbrock',
      'himmelblau',
      'beale',
    ]);
  });

  it('refuses to classify a singular critical point without a stated kind', () => {
    expect(() => refineCriticalPoint({ name: 'monkey_saddle' }, { x: 0, y: 0 })).toThrow(/singular/);
  });
});
