import '../testing/nodeGradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../testing/backend';
import { evaluateGrid, type Grid2D } from './evaluate';
import { analyticInfo } from './info';
import { ANALYTIC_NAMES, type AnalyticProblem } from '../spec/functions';
import { previewGrid, value64 } from './preview';

beforeAll(async () => {
  await useTestBackend();
});

const problems: AnalyticProblem[] = ANALYTIC_NAMES.map((name) =>
  name === 'quadratic' ? { name, condition: 25, angleDeg: 40 } : { name },
);

describe('previewGrid (float64 closed forms, no backend)', () => {
  it.each(problems.map((p) => [p.name, p] as const))('%s: equals the backend’s batched surface to float32 rounding', async (_, problem) => {
    const grid: Grid2D = { ...analyticInfo(problem).window, nx: 33, ny: 17 };
    const preview = previewGrid(problem, grid);
    const batched = await evaluateGrid(problem, grid);
    const scale = Math.max(...batched.map(Math.abs), 1e-3);
    let worst = 0;
    for (let k = 0; k < batched.length; k++) worst = Math.max(worst, Math.abs(preview[k] - batched[k]));
    expect(preview.length).toBe(33 * 17);
    expect(worst).toBeLessThan(1e-5 * scale);
  });

  it('lays the grid out row-major with x along a row', () => {
    const grid: Grid2D = { xMin: -1, xMax: 1, yMin: 0, yMax: 2, nx: 3, ny: 2 };
    const values = previewGrid({ name: 'saddle' }, grid);
    // f = x² − y²: row y = 0 is [1, 0, 1], row y = 2 is [−3, −4, −3].
    expect([...values]).toEqual([1, 0, 1, -3, -4, -3]);
    expect(value64({ name: 'rosenbrock' }, 1, 1)).toBe(0);
  });

  it('rejects an absurd grid with a clear message', () => {
    expect(() => previewGrid({ name: 'saddle' }, { xMin: 0, xMax: 1, yMin: 0, yMax: 1, nx: 100_000, ny: 2 })).toThrow(/nx/);
  });
});
