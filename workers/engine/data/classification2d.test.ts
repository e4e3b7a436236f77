import { describe, expect, it } from 'vitest';
import { MOONS_SHIFT, makeBlobs, makeCircles, makeMoons, makeSpiral, makeXor } from './classification2d';
import { labelsOf } from './labels';
import type { Dataset } from './types';

const GENERATORS = {
  spiral: (seed: number) => makeSpiral({ n: 300, classes: 3 }, seed),
  circles: (seed: number) => makeCircles({ n: 300 }, seed),
  xor: (seed: number) => makeXor({ n: 300 }, seed),
  blobs: (seed: number) => makeBlobs({ n: 300, classes: 4 }, seed),
  moons: (seed: number) => makeMoons({ n: 300 }, seed),
};

function classSizes(dataset: Dataset, classes: number): number[] {
  const sizes = new Array<number>(classes).fill(0);
  for (const label of labelsOf(dataset)) sizes[label]++;
  return sizes;
}

function point(dataset: Dataset, i: number): [number, number] {
  return [dataset.x[2 * i], dataset.x[2 * i + 1]];
}

describe('2-D classification generators', () => {
  for (const [name, make] of Object.entries(GENERATORS)) {
    it(`${name}: the same seed gives identical arrays, another seed different ones`, () => {
      const a = make(11), b = make(11), c = make(12);
      expect(Array.from(a.x)).toEqual(Array.from(b.x));
      expect(Array.from(a.y)).toEqual(Array.from(b.y));
      expect(Array.from(a.x)).not.toEqual(Array.from(c.x));
    });

    it(`${name}: shapes, finite inputs and label ranges`, () => {
      const d = make(3);
      expect(d.n).toBe(300);
      expect(d.inputDim).toBe(2);
      expect(d.x.length).toBe(600);
      expect(d.x.every(Number.isFinite)).toBe(true);
      const classes = d.task === 'binary' ? 2 : d.outputDim;
      expect(d.classNames).toHaveLength(classes);
      if (d.task === 'binary') {
        expect(d.outputDim).toBe(1);
        expect(d.y).toBeInstanceOf(Float32Array);
        expect(d.y.length).toBe(300);
        expect(d.y.every((v) => v === 0 || v === 1)).toBe(true);
      } else {
        expect(d.y).toBeInstanceOf(Int32Array);
        expect(d.y.length).toBe(300);
        expect(d.y.every((v) => Number.isInteger(v) && v >= 0 && v < classes)).toBe(true);
      }
      // 300 is divisible by 2, 3 and 4: the classes are exactly balanced.
      expect(classSizes(d, classes)).toEqual(new Array(classes).fill(300 / classes));
    });
  }

  it('balances classes to within one when n is not a multiple of the class count', () => {
    const d = makeSpiral({ n: 103, classes: 5 }, 1);
    const sizes = classSizes(d, 5);
    expect(sizes.reduce((a, b) => a + b)).toBe(103);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBe(1);
  });

  it('does not put all of one class first', () => {
    const labels = labelsOf(makeCircles({ n: 200 }, 5));
    const firstHalfOnes = labels.subarray(0, 100).reduce((a, b) => a + b, 0);
    expect(firstHalfOnes).toBeGreaterThan(30);
    expect(firstHalfOnes).toBeLessThan(70);
  });

  it('circles: noiseless points lie on radius (c + 1)/C, noisy ones scatter by the noise', () => {
    const clean = makeCircles({ n: 400, classes: 4, noise: 0 }, 2);
    const labels = labelsOf(clean);
    for (let i = 0; i < clean.n; i++) {
      expect(Math.hypot(...point(clean, i))).toBeCloseTo((labels[i] + 1) / 4, 5);
    }
    const noisy = makeCircles({ n: 4000, classes: 2, noise: 0.05 }, 2);
    const noisyLabels = labelsOf(noisy);
    const radiusSums = [0, 0], counts = [0, 0];
    for (let i = 0; i < noisy.n; i++) {
      radiusSums[noisyLabels[i]] += Math.hypot(...point(noisy, i));
      counts[noisyLabels[i]]++;
    }
    expect(radiusSums[0] / counts[0]).toBeCloseTo(0.5, 2);
    expect(radiusSums[1] / counts[1]).toBeCloseTo(1, 2);
  });

  it('moons: noiseless points lie on the two unit half circles', () => {
    const d = makeMoons({ n: 400, noise: 0 }, 9);
    const labels = labelsOf(d);
    for (let i = 0; i < d.n; i++) {
      const [px, py] = point(d, i);
      const x = px + MOONS_SHIFT[0], y = py + MOONS_SHIFT[1];
      if (labels[i] === 0) {
        // Upper moon: on the unit circle about the origin, above the x-axis.
        expect(Math.hypot(x, y)).toBeCloseTo(1, 5);
        expect(y).toBeGreaterThanOrEqual(-1e-6);
      } else {
        // Lower moon: on the unit circle about (1, ½), below its centre.
        expect(Math.hypot(x - 1, y - 0.5)).toBeCloseTo(1, 5);
        expect(y).toBeLessThanOrEqual(0.5 + 1e-6);
      }
    }
    // Centred: the mean of all points is near the origin.
    let mx = 0, my = 0;
    for (let i = 0; i < d.n; i++) { mx += d.x[2 * i] / d.n; my += d.x[2 * i + 1] / d.n; }
    expect(Math.abs(mx)).toBeLessThan(0.05);
    expect(Math.abs(my)).toBeLessThan(0.05);
  });

  it('xor: noiseless points keep out of the margin, and the label is the XOR of the signs', () => {
    const d = makeXor({ n: 500, margin: 0.2, noise: 0 }, 4);
    const labels = labelsOf(d);
    const quadrants = new Set<string>();
    for (let i = 0; i < d.n; i++) {
      const [px, py] = point(d, i);
      expect(Math.abs(px)).toBeGreaterThanOrEqual(0.2 - 1e-6);
      expect(Math.abs(py)).toBeGreaterThanOrEqual(0.2 - 1e-6);
      expect(Math.max(Math.abs(px), Math.abs(py))).toBeLessThanOrEqual(1);
      expect(labels[i]).toBe(Math.sign(px) === Math.sign(py) ? 0 : 1);
      quadrants.add(`${Math.sign(px)},${Math.sign(py)}`);
    }
    expect(quadrants.size).toBe(4);
  });

  it('blobs: class means sit at the centres on the unit circle with the requested spread', () => {
    const k = 5, noise = 0.3;
    const d = makeBlobs({ n: 5000, classes: k, noise }, 6);
    const labels = labelsOf(d);
    for (let c = 0; c < k; c++) {
      let sx = 0, sy = 0, sxx = 0, m = 0;
      for (let i = 0; i < d.n; i++) {
        if (labels[i] !== c) continue;
        const [px, py] = point(d, i);
        sx += px; sy += py; sxx += px * px; m++;
      }
      const mx = sx / m, my = sy / m;
      // Standard error of a class mean: 0.3 / sqrt(1000) ≈ 0.01; allow 4 of them.
      expect(Math.abs(mx - Math.cos((2 * Math.PI * c) / k))).toBeLessThan(0.04);
      expect(Math.abs(my - Math.sin((2 * Math.PI * c) / k))).toBeLessThan(0.04);
      expect(Math.sqrt(sxx / m - mx * mx)).toBeCloseTo(noise, 1);
    }
  });

  it('spiral: noiseless points of arm c satisfy angle = 2π(turns·r + c/C) modulo 2π', () => {
    const turns = 1.25, classes = 3;
    const d = makeSpiral({ n: 300, classes, turns, noise: 0 }, 8);
    const labels = labelsOf(d);
    for (let i = 0; i < d.n; i++) {
      const [px, py] = point(d, i);
      const r = Math.hypot(px, py);
      expect(r).toBeLessThanOrEqual(1 + 1e-6);
      if (r < 1e-3) continue; // the angle of a point at the centre is not defined
      const expected = 2 * Math.PI * (turns * r + labels[i] / classes);
      const gap = Math.atan2(py, px) - expected;
      // Compare angles on the circle: distance to the nearest multiple of 2π.
      const wrapped = Math.abs(gap - 2 * Math.PI * Math.round(gap / (2 * Math.PI)));
      expect(wrapped).toBeLessThan(1e-4 / r);
    }
  });

  it('rejects out-of-range options with a message naming data set, option and range', () => {
    expect(() => makeSpiral({ n: 3 }, 1)).toThrow('spiral: n must be an integer in [4, 5000], got 3');
    expect(() => makeSpiral({ n: 5001 }, 1)).toThrow(/n must be an integer in \[4, 5000\]/);
    expect(() => makeCircles({ noise: -0.1 }, 1)).toThrow('circles: noise must be a number in [0, 0.5], got -0.1');
    expect(() => makeBlobs({ classes: 9 }, 1)).toThrow('blobs: classes must be an integer in [2, 8], got 9');
    expect(() => makeBlobs({ classes: 2.5 }, 1)).toThrow(/classes must be an integer/);
    expect(() => makeMoons({ noise: Number.NaN }, 1)).toThrow(/moons: noise must be a number/);
    expect(() => makeXor({ margin: 0.6 }, 1)).toThrow(/xor: margin must be a number in \[0, 0.5\]/);
  });
});
