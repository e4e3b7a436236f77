import { describe, expect, it } from 'vitest';
import { readoutsFromEstimates, readoutsFromSpectrum } from './readouts';

describe('readoutsFromSpectrum', () => {
  it('reads extremes, conditioning, saddle index and trace', () => {
    const readouts = readoutsFromSpectrum(Float64Array.of(8, 2, 0.5, 1e-9, -1e-9, -0.25, -1));
    expect(readouts.lambdaMax).toBe(8);
    expect(readouts.lambdaMin).toBe(-1);
    expect(readouts.conditionNumber).toBe(8);
    // ±1e-9 count as zero: the positive part ends at 0.5, and 2 of 7 are negative.
    expect(readouts.positiveConditionNumber).toBe(16);
    expect(readouts.negativeFraction).toBeCloseTo(2 / 7, 15);
    expect(readouts.trace).toBeCloseTo(8 + 2 + 0.5 - 0.25 - 1, 12);
    expect(readouts.source).toBe('exact');
  });

  it('has no positive part when every eigenvalue is negative', () => {
    expect(readoutsFromSpectrum(Float64Array.of(-1, -2)).positiveConditionNumber).toBeNull();
  });
});

describe('readoutsFromEstimates', () => {
  it('knows the positive conditioning only for a positive spectrum', () => {
    const saddle = readoutsFromEstimates({ lambdaMax: 4, lambdaMin: -2, trace: 3, negativeWeight: 0.3 });
    expect(saddle.conditionNumber).toBe(2);
    expect(saddle.positiveConditionNumber).toBeNull();
    expect(saddle.negativeFraction).toBe(0.3);
    const bowl = readoutsFromEstimates({ lambdaMax: 4, lambdaMin: 0.5, trace: 6 });
    expect(bowl.positiveConditionNumber).toBe(8);
    expect(bowl.negativeFraction).toBeNull();
    expect(bowl.source).toBe('estimated');
  });
});
