import { describe, expect, it } from 'vitest';
import { CONTOUR_AXES, fitPlotRect, planeToPixel } from './contourLayout';
import { paintAxes, paintFieldImage } from './plotCanvas';

/** Text drawn on the fake canvas, with the transform's translation at the time. */
interface DrawnText {
  text: string;
  x: number;
  y: number;
  align: string;
  origin: [number, number];
}

/** A 2-D context that records text and images; every character is 6 px wide. */
function recordingContext() {
  const texts: DrawnText[] = [];
  const images: number[][] = [];
  let origin: [number, number] = [0, 0];
  const stack: [number, number][] = [];
  const ctx = {
    font: '',
    textAlign: 'start',
    textBaseline: 'alphabetic',
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    imageSmoothingEnabled: false,
    save: () => stack.push(origin),
    restore: () => {
      origin = stack.pop() ?? [0, 0];
    },
    translate: (x: number, y: number) => {
      origin = [origin[0] + x, origin[1] + y];
    },
    rotate: () => {},
    beginPath: () => {},
    rect: () => {},
    clip: () => {},
    moveTo: () => {},
    lineTo: () => {},
    stroke: () => {},
    strokeRect: () => {},
    measureText: (text: string) => ({ width: 6 * text.length }),
    fillText: (text: string, x: number, y: number) => texts.push({ text, x, y, align: ctx.textAlign, origin }),
    drawImage: (_image: unknown, ...box: number[]) => images.push(box),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, texts, images, depth: () => stack.length };
}

describe('paintAxes', () => {
  const window = { xMin: -2, xMax: 2, yMin: -1, yMax: 3 };
  const rect = fitPlotRect(window, 640, 540, { left: 60, right: 104, top: 16, bottom: 44 });

  it('labels nice ticks at their plane positions and names both axes', () => {
    const { ctx, texts, depth } = recordingContext();
    paintAxes(ctx, window, rect, ['x', 'y'], CONTOUR_AXES);
    expect(depth()).toBe(0);
    const below = texts.filter((t) => t.align === 'center' && t.text !== 'x' && t.text !== 'y');
    expect(below.map((t) => t.text)).toEqual(['-2', '-1', '0', '1', '2']);
    below.forEach((t) => expect(t.x).toBeCloseTo(planeToPixel(rect, window, Number(t.text), 0)[0], 9));
    const left = texts.filter((t) => t.align === 'right');
    expect(left.map((t) => t.text)).toEqual(['-1', '0', '1', '2', '3']);
    left.forEach((t) => expect(t.y).toBeCloseTo(planeToPixel(rect, window, 0, Number(t.text))[1], 9));
    expect(texts.some((t) => t.text === 'x')).toBe(true);
    const yName = texts.find((t) => t.text === 'y')!;
    expect(yName.origin[0]).toBe(rect.left - CONTOUR_AXES.yNameOffset);
  });

  it('keeps the labels of a narrow window apart', () => {
    const narrow = { xMin: 1e12, xMax: 1e12 + 1, yMin: -1e12, yMax: -1e12 + 1 };
    const { ctx, texts } = recordingContext();
    paintAxes(ctx, narrow, rect, ['α', 'β'], CONTOUR_AXES);
    const left = texts.filter((t) => t.align === 'right').map((t) => t.text);
    const below = texts.filter((t) => t.align === 'center' && t.text !== 'α' && t.text !== 'β').map((t) => t.text);
    for (const labels of [left, below]) {
      expect(labels.length).toBeGreaterThanOrEqual(2);
      expect(new Set(labels).size).toBe(labels.length);
      const values = labels.map(Number);
      for (let k = 1; k < values.length; k++) expect(values[k]).toBeGreaterThan(values[k - 1]);
    }
  });

  it('moves the y name clear of tick labels wider than usual', () => {
    const { ctx, texts } = recordingContext();
    paintAxes(ctx, { xMin: 0, xMax: 0.01, yMin: -0.0205, yMax: -0.0105 }, rect, ['x', 'y'], CONTOUR_AXES);
    const left = texts.filter((t) => t.align === 'right').map((t) => t.text);
    expect(left).toContain('-0.018');
    const widest = Math.max(...left.map((text) => 6 * text.length));
    const yName = texts.find((t) => t.text === 'y')!;
    // The name's centre is left of the labels' left ends by more than half the font size, and still on the canvas.
    expect(yName.origin[0]).toBeLessThan(rect.left - 7 - widest - CONTOUR_AXES.fontPx / 2);
    expect(yName.origin[0]).toBeGreaterThan(CONTOUR_AXES.fontPx / 2);
  });
});

describe('paintFieldImage', () => {
  it('stretches the image half a cell beyond the plot so pixel centres land on the nodes', () => {
    const { ctx, images } = recordingContext();
    const rect = { left: 10, top: 20, width: 300, height: 200 };
    paintFieldImage(ctx, {} as CanvasImageSource, { nx: 4, ny: 3 }, rect);
    // Cells of 100 × 100 px: the image spans from (−40, −30) to (360, 270).
    expect(images).toEqual([[-40, -30, 400, 300]]);
  });
});
