import { describe, expect, it } from 'vitest';
import { quadraticCoefficients } from '../spec/functions';
import { derivatives64 } from './closedForms64';
import { gradientFlowPath } from './gradientFlow';

describe('gradientFlowPath', () => {
  it('follows the closed-form flow of the rotated quadratic: θ(t) = Q e^{−Λt} Qᵀ θ₀', () => {
    const problem = { name: 'quadratic' as const, condition: 20, angleDeg: 30 };
    const q = quadraticCoefficients(problem);
    const start: [number, number] = [-1.8, -0.6];
    const eta = 0.05;
    const flow = gradientFlowPath(problem, start, eta, 60);
    expect(flow.stopped).toBeNull();
    expect(flow.times).toHaveLength(61);
    // (u, v) = the point rotated by −φ; each coordinate decays with its own eigenvalue.
    const u0 = q.cos * start[0] + q.sin * start[1];
    const v0 = -q.sin * start[0] + q.cos * start[1];
    for (let k = 0; k <= 60; k++) {
      const t = k * eta;
      const u = u0 * Math.exp(-q.lambda1 * t);
      const v = v0 * Math.exp(-q.lambda2 * t);
      expect(flow.path[2 * k]).toBeCloseTo(q.cos * u - q.sin * v, 7);
      expect(flow.path[2 * k + 1]).toBeCloseTo(q.sin * u + q.cos * v, 7);
    }
  });

  it('leaves the saddle x² − y² along y (x(t) = x₀e^{−2t}, y(t) = y₀e^{2t}) and stops once outside the window of divergence', () => {
    const flow = gradientFlowPath({ name: 'saddle' }, [1, 1e-3], 0.1, 100);
    for (let k = 0; k < 30; k++) {
      expect(flow.path[2 * k]).toBeCloseTo(Math.exp(-0.2 * k), 7);
      expect(flow.path[2 * k + 1] / (1e-3 * Math.exp(0.2 * k))).toBeCloseTo(1, 7);
    }
    // y₀ e^{2t} passes 10⁶ at t = ln(10⁹)/2 ≈ 10.4, i.e. after sample 103 > 100: all samples reached.
    expect(flow.stopped).toBeNull();
    const far = gradientFlowPath({ name: 'saddle' }, [1, 1e-3], 0.2, 100);
    expect(far.stopped).toBe('left-window');
    expect(far.times.length).toBe(52);
  });

  it('is what gradient descent approaches as η → 0: on Rosenbrock the gap at t = 1 shrinks in proportion to η', () => {
    const problem = { name: 'rosenbrock' as const };
    const start: [number, number] = [-1.5, 2];
    const gap = (eta: number) => {
      const steps = Math.round(1 / eta);
      let [x, y] = start;
      for (let k = 0; k < steps; k++) {
        const { grad } = derivatives64(problem, x, y);
        x -= eta * grad[0];
        y -= eta * grad[1];
      }
      const flow = gradientFlowPath(problem, start, eta, steps);
      return Math.hypot(x - flow.path[2 * steps], y - flow.path[2 * steps + 1]);
    };
    const coarse = gap(2e-4);
    const fine = gap(5e-5);
    // Euler's global error is O(η): a quarter of the step, about a quarter of the gap.
    expect(fine / coarse).toBeGreaterThan(0.2);
    expect(fine / coarse).toBeLessThan(0.3);
    // Along the flow the loss never rises.
    const flow = gradientFlowPath(problem, start, 0.01, 100);
    for (let k = 1; k < flow.losses.length; k++) expect(flow.losses[k]).toBeLessThanOrEqual(flow.losses[k - 1] + 1e-9);
  });

  it('refuses a non-positive time step or a fractional step count', () => {
    expect(() => gradientFlowPath({ name: 'saddle' }, [1, 0], 0, 10)).toThrow(RangeError);
    expect(() => gradientFlowPath({ name: 'saddle' }, [1, 0], 0.1, 2.5)).toThrow(RangeError);
  });
});
