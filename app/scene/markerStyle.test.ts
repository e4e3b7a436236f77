import { describe, expect, it } from 'vitest';
import { markerTooltipLines } from './markerStyle';

describe('markerTooltipLines', () => {
  it('names the point and lists the loss and Hessian eigenvalues', () => {
    const lines = markerTooltipLines({ x: 1, y: 1, kind: 'minimum', loss: 0, eigenvalues: [0.3993, 1001.6] });
    expect(lines).toEqual(['Minimum', '(x, y) = (1, 1)', 'loss = 0', 'Hessian eigenvalues: 0.3993, 1002']);
  });

  it('leaves out what is not known', () => {
    expect(markerTooltipLines({ x: -0.5, y: 2.25, kind: 'saddle' })).toEqual(['Saddle point', '(x, y) = (-0.5, 2.25)']);
  });
});
