import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

test('the Rosenbrock surface appears, 256 × 256, every height finite, and the picture is not blank', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const navigationStarted = Date.now();
  await explorer.open();
  await expect(explorer.landscape).toHaveAttribute('data-drawn-version', /\d+/, { timeout: 30_000 });
  const firstDrawnMs = Date.now() - navigationStarted;

  const state = await explorer.waitForSurface();
  console.log(
    `time to first surface: drawn ${firstDrawnMs} ms after navigation started ` +
      `(first heights in the store at ${state.firstSurfaceMs} ms page time; backend ${state.backend})`,
  );
  expect(state.grid).not.toBeNull();
  const grid = state.grid!;
  expect([grid.nx, grid.ny, grid.finite]).toEqual([256, 256, 256 * 256]);
  // The window [-2, 2] × [-1, 3] has its largest value at the corner (-2, -1): 3² + 100·(−1 − 4)² = 2509.
  expect(grid.max).toBeCloseTo(2509, 1);
  // The minimum f(1, 1) = 0 lies between grid points, so the smallest height is small but positive.
  expect(grid.min).toBeGreaterThanOrEqual(0);
  expect(grid.min).toBeLessThan(0.01);

  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith('explorer:'))
      .map((mark) => `${mark.name.slice('explorer:'.length)} ${Math.round(mark.startTime)} ms`),
  );
  console.log(`start-up marks (page time): ${marks.join(', ')}`);

  await expect(explorer.backendLabel()).toHaveText(state.backend!);
  expect(['webgpu', 'webgl', 'wasm', 'cpu']).toContain(state.backend);

  const deviation = await explorer.landscapePixelDeviation();
  console.log(`landscape pixel standard deviation: ${deviation.toFixed(1)} grey levels`);
  expect(deviation).toBeGreaterThan(10);
  await explorer.screenshot('01-surface-3d');
});
