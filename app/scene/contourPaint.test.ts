import { describe, expect, it } from 'vitest';
import { fitPlotRect, planeToPixel } from './contourLayout';
import { markerNearPixel } from './contourPaint';
import type { MarkerView } from './types';

describe('markerNearPixel', () => {
  const window = { xMin: -2, xMax: 2, yMin: -2, yMax: 2 };
  const rect = fitPlotRect(window, 500, 500, { left: 0, right: 0, top: 0, bottom: 0 });
  const minimum: MarkerView = { x: 1, y: 1, kind: 'minimum' };
  const saddle: MarkerView = { x: 1.05, y: 1, kind: 'saddle' };
  const start: MarkerView = { x: -1, y: 0, kind: 'start' };

  it('finds the nearest marker within the radius', () => {
    const [px, py] = planeToPixel(rect, window, 1.04, 1);
    // 125 px per unit: the saddle is 1.25 px away, the minimum 5 px.
    expect(markerNearPixel([minimum, saddle, start], window, rect, px, py)).toBe(saddle);
    const [qx, qy] = planeToPixel(rect, window, -1, 0.03);
    expect(markerNearPixel([minimum, saddle, start], window, rect, qx, qy)).toBe(start);
  });

  it('returns null when nothing is close enough', () => {
    const [px, py] = planeToPixel(rect, window, 0, 0);
    expect(markerNearPixel([minimum, saddle, start], window, rect, px, py)).toBeNull();
    expect(markerNearPixel([], window, rect, px, py)).toBeNull();
  });
});
