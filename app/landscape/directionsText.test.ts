import { describe, expect, it } from 'vitest';
import { directionsText } from './SlicePanel';

describe('directionsText', () => {
  it('reports the directions with the app’s number formats', () => {
    const base = { kind: 'pca' as const, anchors: null };
    expect(directionsText({ ...base, norms: [12.63, 8.375], angleDegrees: 100.44, explainedVariance: [0.81234, 0.0987], eigenvalues: null })).toBe(
      '‖d1‖ = 12.6, ‖d2‖ = 8.38, angle 100.4°, variance explained 81.2% + 9.87%',
    );
    expect(directionsText({ ...base, kind: 'hessian', norms: [1, 1], angleDegrees: 90, explainedVariance: null, eigenvalues: [1234.56, -0.000012] })).toBe(
      '‖d1‖ = 1, ‖d2‖ = 1, angle 90.0°, eigenvalues 1235, -1.2e-5',
    );
    expect(directionsText({ ...base, kind: 'random', norms: [0.5, null], angleDegrees: null, explainedVariance: null, eigenvalues: null })).toBe('‖d1‖ = 0.5');
  });
});
