import { describe, expect, it } from 'vitest';
import { fitPlotRect, isInsidePlot, pixelToPlane, planeToPixel } from './contourLayout';

const margins = { left: 50, right: 100, top: 10, bottom: 40 };

describe('fitPlotRect', () => {
  it('keeps one scale for both axes and fits the free space', () => {
    const window = { xMin: -2, xMax: 2, yMin: -1, yMax: 1 };
    const rect = fitPlotRect(window, 800, 450, margins);
    // Free space 650 × 400; the 4 × 2 window is limited by width: 162.5 px per unit.
    expect(rect.width).toBeCloseTo(650, 9);
    expect(rect.height).toBeCloseTo(325, 9);
    expect(rect.width / 4).toBeCloseTo(rect.height / 2, 9);
    expect(rect.left).toBeCloseTo(50, 9);
    expect(rect.top).toBeCloseTo(10 + (400 - 325) / 2, 9);
  });

  it('centres a square window in a wide canvas', () => {
    const rect = fitPlotRect({ xMin: 0, xMax: 1, yMin: 0, yMax: 1 }, 1000, 350, margins);
    expect(rect.width).toBeCloseTo(300, 9);
    expect(rect.left + rect.width / 2).toBeCloseTo(50 + 850 / 2, 9);
  });
});

describe('planeToPixel / pixelToPlane', () => {
  const window = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
  const rect = fitPlotRect(window, 600, 500, margins);

  it('puts (xMin, yMax) top-left and (xMax, yMin) bottom-right', () => {
    expect(planeToPixel(rect, window, -2, 3)).toEqual([expect.closeTo(rect.left, 9), expect.closeTo(rect.top, 9)]);
    expect(planeToPixel(rect, window, 2, -1)).toEqual([
      expect.closeTo(rect.left + rect.width, 9),
      expect.closeTo(rect.top + rect.height, 9),
    ]);
  });

  it('inverts exactly', () => {
    for (const [x, y] of [[0, 0], [1.3, -0.7], [-2, 3]]) {
      const [px, py] = planeToPixel(rect, window, x, y);
      const [bx, by] = pixelToPlane(rect, window, px, py);
      expect(bx).toBeCloseTo(x, 9);
      expect(by).toBeCloseTo(y, 9);
    }
  });

  it('tells inside from outside', () => {
    expect(isInsidePlot(rect, rect.left + 1, rect.top + 1)).toBe(true);
    expect(isInsidePlot(rect, rect.left - 1, rect.top + 1)).toBe(false);
    expect(isInsidePlot(rect, rect.left + 1, rect.top + rect.height + 1)).toBe(false);
  });
});
