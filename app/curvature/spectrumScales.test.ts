import { describe, expect, it } from 'vitest';
import { toAxis, type SpectrumAxis } from './spectrumAxis';
import { decadeTicks, densityDomain, largestDensity, linearTicks, scaleValue, spectrumXDomain, svgPath, symlogTicks, type Scale } from './spectrumScales';

const xScale: Scale = { domain: [0, 10], range: [100, 200], log: false };
const logScale: Scale = { domain: [0.01, 100], range: [300, 100], log: true };

describe('scaleValue', () => {
  it('maps linearly and through log10', () => {
    expect(scaleValue(xScale, 2.5)).toBe(125);
    // log10: −2 … 2 onto 300 … 100, so 1 (log 0) sits halfway.
    expect(scaleValue(logScale, 1)).toBeCloseTo(200, 9);
    expect(scaleValue(logScale, 100)).toBeCloseTo(100, 9);
  });
});

describe('domains', () => {
  const curve = { x: Float64Array.from([-1, 0, NaN, 3]), density: Float64Array.from([0.1, 0.7, NaN, 0.2]) };
  const histogram = { edges: Float64Array.from([-2, 0, 2]), density: Float64Array.from([0.2, 0.9]) };

  it('spans every finite position of curves and bars', () => {
    expect(spectrumXDomain([curve], histogram)).toEqual([-2, 3]);
    expect(spectrumXDomain([], null)).toEqual([-1, 1]);
  });

  it('finds the highest density and frames it', () => {
    expect(largestDensity([curve], histogram)).toBe(0.9);
    expect(largestDensity([curve], null)).toBe(0.7);
    expect(densityDomain(2, false)).toEqual([0, 2.1]);
    const [floor, top] = densityDomain(2, true);
    expect(floor).toBeCloseTo(2e-4, 15);
    expect(top).toBe(4);
  });
});

describe('svgPath', () => {
  it('starts a new sub-path after a point that is not finite', () => {
    const yScale: Scale = { domain: [0, 1], range: [50, 0], log: false };
    const path = svgPath(Float64Array.from([0, 5, 6, 10]), Float64Array.from([0, 1, NaN, 0.5]), xScale, yScale);
    expect(path).toBe('M100.0 50.0L150.0 0.0M200.0 25.0');
  });

  it('draws densities below a log axis’s floor along its bottom edge', () => {
    const path = svgPath(Float64Array.from([0, 10]), Float64Array.from([0, 100]), xScale, logScale);
    expect(path).toBe('M100.0 300.0L200.0 100.0');
  });
});

describe('ticks', () => {
  it('gives nice linear ticks with short labels', () => {
    expect(linearTicks(0, 1, 5).map((t) => t.label)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });

  it('gives the powers of ten of a log range', () => {
    expect(decadeTicks(1e-3, 20).map((t) => t.label)).toEqual(['0.001', '0.01', '0.1', '1', '10']);
  });

  it('labels a symlog axis in eigenvalues, spaced apart, from 0 outward', () => {
    const axis: SpectrumAxis = { kind: 'symlog', scale: 1 };
    const lo = toAxis(-100, axis);
    const hi = toAxis(1000, axis);
    const spacing = (hi - lo) / 10;
    const ticks = symlogTicks(lo, hi, axis, spacing);
    const labels = ticks.map((t) => t.label);
    expect(labels).toContain('0');
    expect(labels).toContain('1000');
    expect(labels).toContain('-100');
    // Decades far below c = 1 all sit at ≈ 0: none of them is labelled.
    expect(labels).not.toContain('1e-5');
    for (const tick of ticks) expect(tick.position).toBeCloseTo(toAxis(Number(tick.label), axis), 12);
    for (let k = 1; k < ticks.length; k++) expect(ticks[k].position - ticks[k - 1].position).toBeGreaterThanOrEqual(spacing - 1e-12);
  });
});
