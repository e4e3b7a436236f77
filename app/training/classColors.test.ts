import { describe, expect, it } from 'vitest';
import {
  binaryPixel,
  CLASS_COLORS,
  classColor,
  classRgb,
  confidenceStrength,
  MAX_TINT,
  NEUTRAL_RGB,
  parseHexColor,
  probabilityOfOne,
  tintedClassPixel,
} from './classColors';

/** Euclidean distance between two RGB triples (0–255). */
function distance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe('class colours', () => {
  it('parses hex colours', () => {
    expect(parseHexColor('#ff8000')).toEqual([255, 128, 0]);
    expect(parseHexColor('#0a0b0c')).toEqual([10, 11, 12]);
  });

  it('gives the first ten classes clearly different colours and repeats the palette beyond it', () => {
    for (let a = 0; a < CLASS_COLORS.length; a++) {
      for (let b = a + 1; b < CLASS_COLORS.length; b++) expect(distance(classRgb(a), classRgb(b))).toBeGreaterThan(40);
    }
    expect(classColor(CLASS_COLORS.length + 2)).toBe(classColor(2));
    expect(classColor(-1)).toBe(classColor(CLASS_COLORS.length - 1));
  });

  it('rescales confidence so chance level is 0 and certainty is 1', () => {
    expect(confidenceStrength(1 / 3, 3)).toBeCloseTo(0, 12);
    expect(confidenceStrength(1, 3)).toBe(1);
    // (0.6 − 1/3)/(2/3) = 0.4
    expect(confidenceStrength(0.6, 3)).toBeCloseTo(0.4, 12);
    expect(confidenceStrength(0.2, 3)).toBe(0);
    expect(confidenceStrength(NaN, 3)).toBe(0);
  });

  it('mixes the class colour into the neutral background up to MAX_TINT', () => {
    const out = [0, 0, 0];
    tintedClassPixel(1, 0, out);
    expect(out).toEqual([...NEUTRAL_RGB]);
    tintedClassPixel(1, 1, out);
    const [r, g, b] = classRgb(1);
    expect(out[0]).toBeCloseTo(NEUTRAL_RGB[0] + MAX_TINT * (r - NEUTRAL_RGB[0]), 9);
    expect(out[1]).toBeCloseTo(NEUTRAL_RGB[1] + MAX_TINT * (g - NEUTRAL_RGB[1]), 9);
    expect(out[2]).toBeCloseTo(NEUTRAL_RGB[2] + MAX_TINT * (b - NEUTRAL_RGB[2]), 9);
  });

  it('makes a diverging map of p(class 1): neutral at 0.5, class colours at the ends, moving away monotonically', () => {
    const at = (p: number) => {
      const out = [0, 0, 0];
      binaryPixel(p, out);
      return out;
    };
    expect(at(0.5)).toEqual([...NEUTRAL_RGB]);
    expect(at(NaN)).toEqual([...NEUTRAL_RGB]);
    const full0 = [0, 0, 0];
    const full1 = [0, 0, 0];
    tintedClassPixel(0, 1, full0);
    tintedClassPixel(1, 1, full1);
    expect(at(0)).toEqual(full0);
    expect(at(1)).toEqual(full1);
    let previous = 0;
    for (const p of [0.6, 0.7, 0.8, 0.9, 1]) {
      const d = distance(at(p), NEUTRAL_RGB);
      expect(d).toBeGreaterThan(previous);
      previous = d;
    }
  });

  it('reads p(class 1) from the predicted class and its probability', () => {
    expect(probabilityOfOne(1, 0.8)).toBe(0.8);
    expect(probabilityOfOne(0, 0.8)).toBeCloseTo(0.2, 12);
  });
});
