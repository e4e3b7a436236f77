import { describe, expect, it } from 'vitest';
import { hyperParameterSpecs } from '../../workers/engine/spec/optimizers/registry';
import { sliderPosition, sliderValue } from './HyperParameterControl';

const learningRate = hyperParameterSpecs('sgd', 'analytic').find((h) => h.key === 'lr')!;
const momentum = hyperParameterSpecs('momentum', 'analytic').find((h) => h.key === 'momentum')!;
const warmup = hyperParameterSpecs('sgd', 'analytic').find((h) => h.key === 'warmupSteps')!;

describe('hyper-parameter slider mapping', () => {
  it('puts the ends of the range at the ends of the slider', () => {
    expect(sliderPosition(learningRate, learningRate.min)).toBe(0);
    expect(sliderPosition(learningRate, learningRate.max)).toBe(1000);
    expect(sliderValue(learningRate, 0)).toBeCloseTo(learningRate.min, 12);
    expect(sliderValue(learningRate, 1000)).toBeCloseTo(learningRate.max, 12);
  });

  it('spaces a log-scaled parameter by decades: the midpoint is the geometric mean', () => {
    const middle = sliderValue(learningRate, 500);
    expect(middle).toBeCloseTo(Number(Math.sqrt(learningRate.min * learningRate.max).toPrecision(3)), 12);
  });

  it('spaces a linear parameter evenly', () => {
    expect(sliderValue(momentum, 500)).toBeCloseTo(Number(((momentum.min + momentum.max) / 2).toPrecision(3)), 12);
  });

  it('round-trips a value through the slider to within one slider step', () => {
    for (const value of [3e-4, 0.01, 0.5]) {
      const back = sliderValue(learningRate, sliderPosition(learningRate, value));
      expect(Math.abs(Math.log(back / value))).toBeLessThan(Math.log(learningRate.max / learningRate.min) / 1000 + 5e-3);
    }
  });

  it('clamps values outside the range to the slider’s ends and rounds integer parameters', () => {
    expect(sliderPosition(learningRate, 50)).toBe(1000);
    expect(sliderPosition(learningRate, 1e-12)).toBe(0);
    expect(Number.isInteger(sliderValue(warmup, 333))).toBe(true);
  });
});
