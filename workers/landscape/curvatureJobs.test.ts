import '../engine/testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { defaultCurvatureSettings, defaultSliceSettings, type CurvatureSettings } from '../engine/spec/landscapeSettings';
import { symmetricEigenvalues } from '../engine/math/linalg/symmetricEigen';
import type { BuiltNetwork } from '../engine/networks/build';
import { Rng } from '../engine/math/rng';
import { CurvatureJobs, matricesOf, smoothedDensity } from './curvatureJobs';
import { isAbortError } from './jobRegistry';
import type { LandscapeJobs } from './landscapeJobs';
import { withSmallLandscape } from './testing/smallLandscape';

// SMALL_PROBLEM has 25 parameters, so the dense Hessian is a reference in milliseconds.
let reference: BuiltNetwork;
let landscape: LandscapeJobs;
let curvature: CurvatureJobs;
let theta: Float32Array;
/** Every eigenvalue of the dense Hessian, computed independently of the report. */
let hessianEigenvalues: Float64Array;

withSmallLandscape(async (setup) => {
  ({ jobs: landscape, reference } = setup);
  curvature = new CurvatureJobs(landscape);
  const rng = Rng.derive(3, 'curvature-jobs-test');
  theta = Float32Array.from(reference.initialParams, (value) => value + 0.5 * rng.normal());
  hessianEigenvalues = symmetricEigenvalues(await reference.objective.fullHessian(theta), 25);
});

const settings = (patch: Partial<CurvatureSettings> = {}): CurvatureSettings => ({ ...defaultCurvatureSettings(), k: 3, slqRuns: 4, slqSteps: 10, traceBudget: 30, ...patch });

describe('CurvatureJobs', () => {
  it('matches the dense Hessian: exact spectrum, read-outs, Lanczos ends, Hutch++ trace', async () => {
    const summary = await curvature.compute({ key: 'theta', params: theta }, settings(), true);
    expect(summary.size).toBe(25);
    const [hessian] = summary.matrices;
    expect(hessian.matrix).toBe('hessian');
    const largest = Math.max(...hessianEigenvalues);
    const smallest = Math.min(...hessianEigenvalues);
    const scale = Math.max(Math.abs(largest), Math.abs(smallest));
    expect(hessian.exact!.length).toBe(25);
    expect(hessian.readouts.lambdaMax).toBeCloseTo(largest, 4);
    expect(Math.abs(hessian.readouts.lambdaMin - smallest)).toBeLessThan(1e-4 * scale);
    // 25 Lanczos steps span ℝ²⁵: the Ritz values at both ends are the eigenvalues.
    expect(Math.abs(hessian.largest[0] - largest)).toBeLessThan(1e-3 * scale);
    expect(Math.abs(hessian.smallest[0] - smallest)).toBeLessThan(1e-3 * scale);
    // Every Lanczos value carries its error bar, and the bar covers the exact eigenvalue.
    expect(hessian.largestErrors).toHaveLength(3);
    expect(Math.abs(hessian.largest[0] - largest)).toBeLessThanOrEqual(2 * hessian.largestErrors[0] + 1e-6 * scale);
    expect(Math.abs(hessian.smallest[0] - smallest)).toBeLessThanOrEqual(2 * hessian.smallestErrors[0] + 1e-6 * scale);
    // The traces and the density say what they cost and why they stopped.
    expect(['tolerance', 'budget', 'exact']).toContain(hessian.trace.hutchPlusPlus.stop);
    expect(hessian.trace.hutchPlusPlus.budget).toBe(settings().traceBudget);
    expect(hessian.density.budget).toBe(settings().densityBudget);
    expect(hessian.density.products).toBeLessThanOrEqual(hessian.density.budget);
    expect(Math.abs(hessian.density.mean * 25 - hessianEigenvalues.reduce((sum, value) => sum + value, 0))).toBeLessThanOrEqual(
      4 * 25 * hessian.density.meanStandardError + 1e-4 * scale,
    );
    const trace = hessianEigenvalues.reduce((sum, value) => sum + value, 0);
    const { estimate, standardError } = hessian.trace.hutchPlusPlus;
    expect(Math.abs(estimate - trace)).toBeLessThanOrEqual(4 * standardError + 1e-3 * scale);
    // A probability density: it integrates to 1 (up to the smoothing tails beyond the grid).
    expect(hessian.density.integral).toBeGreaterThan(0.97);
    expect(hessian.density.integral).toBeLessThan(1.03);
  });

  it('adds the curvature along the slice directions once a slice exists', async () => {
    await landscape.computeSlice({ ...defaultSliceSettings(), resolution: 5 }, { centre: theta });
    const summary = await curvature.compute({ key: 'theta', params: theta }, settings(), false);
    const along = summary.matrices[0].along;
    expect(along.map((entry) => entry.label)).toEqual(['slice d1', 'slice d2']);
    // A Rayleigh quotient lies between the extreme eigenvalues.
    for (const { value } of along) {
      expect(value).toBeLessThanOrEqual(Math.max(...hessianEigenvalues) + 1e-4);
      expect(value).toBeGreaterThanOrEqual(Math.min(...hessianEigenvalues) - 1e-4);
    }
    expect(summary.matrices[0].exact).not.toBeNull(); // kept from the first report of the same key
  });

  it('describes both matrices and the split: G is positive semi-definite and ‖S‖/‖H‖ in [0, ∞)', async () => {
    const summary = await curvature.compute({ key: 'both', params: theta }, settings({ matrix: 'both' }), true);
    expect(summary.matrices.map((m) => m.matrix)).toEqual(['hessian', 'gaussNewton']);
    const gaussNewton = summary.matrices[1];
    expect(Math.min(...gaussNewton.exact!)).toBeGreaterThan(-1e-5 * Math.max(...gaussNewton.exact!));
    expect(summary.split?.method).toBe('exact');
    expect(summary.split!.residualShare).toBeGreaterThan(0);
    const estimated = await curvature.compute({ key: 'gn', params: theta }, settings({ matrix: 'gauss-newton' }), false);
    expect(estimated.split?.method).toBe('estimated');
    expect(estimated.split!.residualShare).toBeCloseTo(summary.split!.residualShare, 0);
    // G's density is smoothed as a PSD matrix's (reflected at 0, nothing below it); the Hessian's is not.
    expect(summary.matrices[0].density.nonNegative).toBe(false);
    for (const { density, readouts } of [gaussNewton, estimated.matrices[0]]) {
      expect(density.nonNegative).toBe(true);
      expect(density.linear.grid[0]).toBe(0);
      expect(density.symlog.grid[0]).toBe(0);
      expect(density.integral).toBeGreaterThan(0.97);
      expect(density.integral).toBeLessThan(1.03);
      expect(readouts.negativeFraction).toBe(0);
    }
    expect(estimated.matrices[0].readouts.source).toBe('estimated');
  });

  it('estimates the exact spectrum\'s time, cancels on request and leaves no tensors behind', async () => {
    const estimate = await curvature.estimateExact({ key: 'theta', params: theta }, settings());
    expect(estimate.feasible).toBe(true);
    expect(estimate.seconds).toBeGreaterThan(0);
    const before = tf.memory().numTensors;
    let cancelled = false;
    const job = curvature.compute({ key: 'fresh', params: theta }, settings({ traceBudget: 300 }), false, () => {
      if (!cancelled) landscape.cancel('curvature');
      cancelled = true;
    });
    await expect(job).rejects.toSatisfy(isAbortError);
    await curvature.compute({ key: 'other', params: theta }, settings(), false);
    // Every product reads its result and disposes of its tensors.
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('helpers', () => {
  it('maps the matrix choice to the engine matrices', () => {
    expect(matricesOf('hessian')).toEqual(['hessian']);
    expect(matricesOf('gauss-newton')).toEqual(['gaussNewton']);
    expect(matricesOf('both')).toEqual(['hessian', 'gaussNewton']);
  });

  it('smooths with a width proportional to the spectrum\'s range', () => {
    const nodes = Float64Array.of(-1, 0, 3);
    const weights = Float64Array.of(0.25, 0.5, 0.25);
    const narrow = smoothedDensity(nodes, weights, undefined, 0.01, 0);
    const wide = smoothedDensity(nodes, weights, undefined, 0.2, 0);
    const peak = (curve: { density: Float64Array }) => Math.max(...curve.density);
    // σ = 0.04 against σ = 0.8: the narrow density's peak at 0 is about 20 times higher.
    expect(peak(narrow.linear) / peak(wide.linear)).toBeGreaterThan(10);
    expect(narrow.negativeWeight).toBeCloseTo(0.25, 12);
    expect(narrow.integral).toBeCloseTo(1, 2);
  });
});
