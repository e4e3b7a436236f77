import { describe, expect, it } from 'vitest';
import { integrateAutonomous } from './dormandPrince';

describe('integrateAutonomous (Dormand–Prince 5(4))', () => {
  it('solves y′ = A y for a rotation-and-decay A to the requested tolerance at every output time', () => {
    // y′ = [[−a, −w], [w, −a]] y: y(t) = e^{−at} R(wt) y₀.
    const a = 0.3;
    const w = 2;
    const outputs = Float64Array.from({ length: 21 }, (_, k) => k * 0.5);
    const solution = integrateAutonomous(
      (y, out) => {
        out[0] = -a * y[0] - w * y[1];
        out[1] = w * y[0] - a * y[1];
      },
      [1, 0],
      outputs,
      { rtol: 1e-10, atol: 1e-12 },
    );
    expect(solution.stopped).toBeNull();
    expect(Array.from(solution.times)).toEqual(Array.from(outputs));
    for (let k = 0; k < outputs.length; k++) {
      const t = outputs[k];
      expect(solution.states[2 * k]).toBeCloseTo(Math.exp(-a * t) * Math.cos(w * t), 8);
      expect(solution.states[2 * k + 1]).toBeCloseTo(Math.exp(-a * t) * Math.sin(w * t), 8);
    }
  });

  it('takes fewer steps at a looser tolerance, and is over a thousand times more accurate four tolerance decades tighter', () => {
    const run = (rtol: number) =>
      integrateAutonomous((y, out) => void (out[0] = -y[0] * y[0]), [1], [0, 10], { rtol, atol: rtol * 1e-2 });
    // y′ = −y²: y(t) = 1 / (1 + t).
    const loose = run(1e-4);
    const tight = run(1e-8);
    expect(loose.accepted).toBeLessThan(tight.accepted);
    const error = (solution: ReturnType<typeof run>) => Math.abs(solution.states[1] - 1 / 11);
    expect(error(tight)).toBeLessThan(error(loose) / 1e3);
    expect(error(tight)).toBeLessThan(1e-8);
  });

  it('stops where stopAt says, at an output time', () => {
    const solution = integrateAutonomous((_y, out) => void (out[0] = 1), [0], [0, 1, 2, 3, 4], { stopAt: (_t, y) => y[0] > 1.5 });
    expect(Array.from(solution.times)).toEqual([0, 1, 2]);
    expect(solution.stopped).toBe('stopAt');
  });

  it('reports a solution that blows up in finite time instead of looping (y′ = y², y(0) = 1 reaches ∞ at t = 1)', () => {
    const solution = integrateAutonomous((y, out) => void (out[0] = y[0] * y[0]), [1], [0, 0.5, 2], { maxSteps: 5000 });
    expect(solution.times[1]).toBe(0.5);
    expect(solution.states[1]).toBeCloseTo(2, 6);
    expect(solution.stopped === 'maxSteps' || solution.stopped === 'notFinite').toBe(true);
    expect(solution.times.length).toBe(2);
  });

  it('refuses bad arguments', () => {
    const field = (_y: Float64Array, out: Float64Array) => void (out[0] = 0);
    expect(() => integrateAutonomous(field, [], [0])).toThrow(RangeError);
    expect(() => integrateAutonomous(field, [1], [0, 0])).toThrow(/increase/);
    expect(() => integrateAutonomous(field, [1], [0, 1], { rtol: 0 })).toThrow(/tolerances/);
  });
});
