import { describe, expect, it } from 'vitest';
import { curveOnAxis, fromAxis, histogramBinCount, histogramOnAxis, spectrumAxis, symlogJacobian, toAxis, type SpectrumAxis } from './spectrumAxis';
import type { DensityCurve, SpectrumView } from '../plots/types';

function view(overrides: Partial<SpectrumView>): SpectrumView {
  return { matrix: 'hessian', slq: null, exact: null, references: [], axis: 'linear', ...overrides };
}

/** Trapezoid rule ∫ f over an increasing grid. */
function integrate(x: Float64Array, f: Float64Array): number {
  let total = 0;
  for (let i = 1; i < x.length; i++) total += 0.5 * (f[i] + f[i - 1]) * (x[i] - x[i - 1]);
  return total;
}

/** n + 1 points evenly spaced over [lo, hi]. */
function grid(lo: number, hi: number, n: number): Float64Array {
  return Float64Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);
}

const symlogAxis: SpectrumAxis = { kind: 'symlog', scale: 0.5 };

describe('spectrumAxis', () => {
  it('uses the given symlog scale, else 1e-3 of the largest |λ|', () => {
    expect(spectrumAxis(view({ axis: 'symlog', symlogScale: 0.2 }))).toEqual({ kind: 'symlog', scale: 0.2 });
    const fallback = spectrumAxis(view({ axis: 'symlog', exact: Float64Array.from([-2, 50, 3]) }));
    expect(fallback.kind).toBe('symlog');
    expect(fallback.scale).toBeCloseTo(0.05, 12);
    expect(spectrumAxis(view({ axis: 'symlog' })).scale).toBe(1);
    expect(spectrumAxis(view({ axis: 'linear' })).kind).toBe('linear');
  });
});

describe('toAxis / fromAxis', () => {
  it('puts λ = 9c one decade out and inverts exactly', () => {
    // log10(1 + 9c/c) = 1
    expect(toAxis(4.5, symlogAxis)).toBeCloseTo(1, 12);
    expect(toAxis(-4.5, symlogAxis)).toBeCloseTo(-1, 12);
    for (const lambda of [-300, -0.01, 0, 0.3, 7e4]) expect(fromAxis(toAxis(lambda, symlogAxis), symlogAxis)).toBeCloseTo(lambda, 6);
    expect(toAxis(-3, { kind: 'linear', scale: 1 })).toBe(-3);
  });

  it('has dλ/dy = ln 10 · (c + |λ|), checked by central differences', () => {
    for (const y of [-2.3, -0.4, 0.7, 3.1]) {
      const h = 1e-6;
      const numeric = (fromAxis(y + h, symlogAxis) - fromAxis(y - h, symlogAxis)) / (2 * h);
      expect(symlogJacobian(fromAxis(y, symlogAxis), symlogAxis.scale)).toBeCloseTo(numeric, 3);
    }
  });
});

describe('curveOnAxis', () => {
  it('keeps a curve that is already in the axis’s units', () => {
    const curve: DensityCurve = { grid: grid(0, 1, 4), density: new Float64Array(5).fill(1), label: 'x' };
    const drawn = curveOnAxis(curve, { kind: 'linear', scale: 1 });
    expect(drawn.x).toBe(curve.grid);
    expect(drawn.density).toBe(curve.density);
    // Without gridUnits a curve on a symlog view is taken to be in symlog units already.
    expect(curveOnAxis(curve, symlogAxis).x).toBe(curve.grid);
  });

  it('converts a density in λ to one in y = symlog(λ) that still integrates to 1', () => {
    // Uniform density 1/10 on [0, 10].
    const lambdas = grid(0, 10, 20000);
    const curve: DensityCurve = { grid: lambdas, density: new Float64Array(lambdas.length).fill(0.1), label: 'u', gridUnits: 'eigenvalue' };
    const drawn = curveOnAxis(curve, symlogAxis);
    expect(drawn.x[drawn.x.length - 1]).toBeCloseTo(Math.log10(1 + 10 / 0.5), 12);
    expect(integrate(drawn.x, drawn.density)).toBeCloseTo(1, 4);
  });

  it('converts a density in y back to one in λ that integrates to 1', () => {
    // Uniform density 1/2 on y ∈ [−1, 1].
    const ys = grid(-1, 1, 20000);
    const curve: DensityCurve = { grid: ys, density: new Float64Array(ys.length).fill(0.5), label: 'u', gridUnits: 'symlog' };
    const drawn = curveOnAxis(curve, { kind: 'linear', scale: 0.5 });
    expect(drawn.x[0]).toBeCloseTo(-4.5, 9);
    expect(integrate(drawn.x, drawn.density)).toBeCloseTo(1, 4);
  });
});

describe('histogramOnAxis', () => {
  it('bins in axis units with density count/(n·width)', () => {
    const histogram = histogramOnAxis(Float64Array.from([1, 2, 3, 4]), { kind: 'linear', scale: 1 }, 3);
    expect(Array.from(histogram!.edges)).toEqual([1, 2, 3, 4]);
    // [1, 2) has 1, [2, 3) has 1, [3, 4] has 2: density 1/4, 1/4, 2/4.
    expect(Array.from(histogram!.density)).toEqual([0.25, 0.25, 0.5]);
  });

  it('gives bars of total area 1 on a symlog axis, over the transformed range', () => {
    const eigenvalues = Float64Array.from([-3, -0.01, 0, 0, 0.002, 0.5, 40, 900]);
    const histogram = histogramOnAxis(eigenvalues, symlogAxis, 12)!;
    expect(histogram.edges[0]).toBeCloseTo(toAxis(-3, symlogAxis), 12);
    expect(histogram.edges[12]).toBeCloseTo(toAxis(900, symlogAxis), 12);
    let area = 0;
    for (let b = 0; b < 12; b++) area += histogram.density[b] * (histogram.edges[b + 1] - histogram.edges[b]);
    expect(area).toBeCloseTo(1, 12);
  });

  it('handles equal eigenvalues and none that are finite', () => {
    const single = histogramOnAxis(Float64Array.from([2, 2]), { kind: 'linear', scale: 1 }, 1)!;
    expect(Array.from(single.edges)).toEqual([1.5, 2.5]);
    expect(single.density[0]).toBe(1);
    expect(histogramOnAxis(Float64Array.from([NaN]), symlogAxis)).toBeNull();
  });

  it('chooses twice Rice’s rule within [10, 100] bins', () => {
    expect(histogramBinCount(1000)).toBe(40);
    expect(histogramBinCount(1)).toBe(10);
    expect(histogramBinCount(1e6)).toBe(100);
  });
});
