import { describe, expect, it } from 'vitest';
import { defaultExperiment, validateExperiment } from './experiment';
import {
  curvatureSettingsProblems,
  defaultCurvatureSettings,
  defaultSliceSettings,
  resolutionLimits,
  sliceSettingsProblems,
  type SliceSettings,
} from './landscapeSettings';
import { LANDSCAPE_LIMITS } from './limits';

const slice = (patch: Partial<SliceSettings>): SliceSettings => ({ ...defaultSliceSettings(), ...patch });

describe('slice settings', () => {
  it('defaults to a valid 65 × 65 filter-normalised random plane, and the experiment carries them', () => {
    expect(sliceSettingsProblems(defaultSliceSettings())).toEqual([]);
    expect(curvatureSettingsProblems(defaultCurvatureSettings())).toEqual([]);
    const experiment = defaultExperiment();
    expect(experiment.slice).toEqual(defaultSliceSettings());
    expect(experiment.slice.resolution).toBe(65);
    expect(validateExperiment(experiment)).toEqual([]);
  });

  it('bounds the resolution by the dimension: 201 points on a line by default, at most 201² on a plane', () => {
    expect(resolutionLimits(1).default).toBe(201);
    expect(sliceSettingsProblems(slice({ dims: 1, resolution: 2001 }))).toEqual([]);
    expect(sliceSettingsProblems(slice({ dims: 2, resolution: 201 }))).toEqual([]);
    const [tooBig] = sliceSettingsProblems(slice({ dims: 2, resolution: 2001 }));
    expect(tooBig).toMatch(/resolution \(points per side of the plane\) must be an integer from 5 to 201, got 2001/);
    expect(sliceSettingsProblems(slice({ dims: 1, resolution: 1e9 }))[0]).toMatch(/points on the line/);
    expect(sliceSettingsProblems(slice({ resolution: 64.5 }))).toHaveLength(1);
    expect(sliceSettingsProblems(slice({ resolution: Number.NaN }))).toHaveLength(1);
  });

  it('rejects empty or reversed ranges, far coordinates, bad run references and a run interpolated with itself', () => {
    expect(sliceSettingsProblems(slice({ alpha: [1, 1] }))[0]).toMatch(/alpha needs its lower bound below/);
    expect(sliceSettingsProblems(slice({ beta: [2, -2] }))[0]).toMatch(/beta needs/);
    expect(sliceSettingsProblems(slice({ alpha: [-1e3, 1] }))[0]).toMatch(/within \[-100, 100\]/);
    expect(sliceSettingsProblems(slice({ centre: '<script>' }))[0]).toMatch(/slice.centre must be a run id or "init"/);
    expect(sliceSettingsProblems(slice({ directions: 'interpolation', runA: 'o1', runB: 'o1' }))[0]).toMatch(/must differ/);
    // The same two runs are fine when not interpolating (the fields are unused then).
    expect(sliceSettingsProblems(slice({ directions: 'random', runA: 'o1', runB: 'o1' }))).toEqual([]);
    expect(sliceSettingsProblems(slice({ directions: 'sideways' as never }))[0]).toMatch(/directions must be one of random, hessian, pca, interpolation/);
    expect(sliceSettingsProblems(slice({ dims: 3 as never }))[0]).toMatch(/dims must be 1 or 2/);
    expect(sliceSettingsProblems(slice({ seed: -1 }))[0]).toMatch(/seed/);
  });

  it('makes an invalid slice an invalid experiment', () => {
    const experiment = defaultExperiment();
    experiment.slice.resolution = 100_000;
    expect(validateExperiment(experiment).join()).toMatch(/slice.resolution/);
  });
});

describe('curvature settings', () => {
  it('accepts the bounds and rejects values beyond them', () => {
    const { k, traceBudget, smoothing } = LANDSCAPE_LIMITS;
    expect(curvatureSettingsProblems({ ...defaultCurvatureSettings(), k: k.max, traceBudget: traceBudget.min, smoothing: smoothing.max })).toEqual([]);
    expect(curvatureSettingsProblems({ ...defaultCurvatureSettings(), k: 21 })[0]).toMatch(/curvature.k must be an integer from 1 to 20, got 21/);
    expect(curvatureSettingsProblems({ ...defaultCurvatureSettings(), traceBudget: 2 })[0]).toMatch(/traceBudget/);
    expect(curvatureSettingsProblems({ ...defaultCurvatureSettings(), smoothing: 0 })[0]).toMatch(/smoothing/);
    expect(curvatureSettingsProblems({ ...defaultCurvatureSettings(), matrix: 'fisher' as never })[0]).toMatch(/hessian, gauss-newton, both/);
    expect(curvatureSettingsProblems({ ...defaultCurvatureSettings(), axis: 'log' as never })[0]).toMatch(/axis/);
  });
});
