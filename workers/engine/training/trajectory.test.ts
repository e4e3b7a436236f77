import { describe, expect, it } from 'vitest';
import { ParameterTrajectory } from './trajectory';

/** A 2-parameter vector that encodes its step, so rows can be checked. */
const at = (step: number) => Float32Array.from([step, -step]);

describe('ParameterTrajectory', () => {
  it('keeps θ₀, every k-th step, and appends the latest on reading', () => {
    const trajectory = new ParameterTrajectory(2, 3, 100);
    trajectory.restart(at(0));
    for (let step = 1; step <= 10; step++) trajectory.record(step, at(step));
    const { steps, params } = trajectory.read(10, at(10));
    expect(Array.from(steps)).toEqual([0, 3, 6, 9, 10]);
    expect(Array.from(params)).toEqual([0, -0, 3, -3, 6, -6, 9, -9, 10, -10]);
    // A stored latest step is not repeated.
    expect(Array.from(trajectory.read(9, at(9)).steps)).toEqual([0, 3, 6, 9]);
  });

  it('stays within the cap by doubling the spacing, keeping an even grid and θ₀', () => {
    const trajectory = new ParameterTrajectory(2, 1, 8);
    trajectory.restart(at(0));
    for (let step = 1; step <= 100; step++) {
      trajectory.record(step, at(step));
      expect(trajectory.size).toBeLessThanOrEqual(8);
    }
    const { steps, params } = trajectory.read(100, at(100));
    expect(steps[0]).toBe(0);
    expect(steps[steps.length - 1]).toBe(100);
    const spacing = trajectory.interval;
    expect(spacing).toBeGreaterThan(1);
    for (let i = 1; i < steps.length - 1; i++) expect(steps[i] - steps[i - 1]).toBe(spacing);
    steps.forEach((step, i) => expect(params[2 * i]).toBe(step));
  });

  it('copies what it stores, restarts cleanly and refuses bad settings', () => {
    const trajectory = new ParameterTrajectory(2, 1, 4);
    const live = at(0);
    trajectory.restart(live);
    live[0] = 99;
    expect(trajectory.read(0, live).params[0]).toBe(0);
    trajectory.record(1, at(1));
    trajectory.restart(at(0));
    expect(trajectory.size).toBe(1);
    expect(() => new ParameterTrajectory(2, 0, 4)).toThrow(/snapshotEvery/);
    expect(() => new ParameterTrajectory(2, 1, 1)).toThrow(/maxSnapshots/);
  });
});
