import { expect, test } from '@playwright/test';
import { ExplorerPage, functionOf } from './pages/ExplorerPage';

test('a crashed worker is replaced, with a message, and the experiment is kept', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=himmelblau&n=120' });
  const before = await explorer.waitForSurface();
  await page.evaluate(() => window.__explorer!.simulateWorkerCrash());

  await expect(page.getByTestId('notice')).toContainText('worker crashed');
  const after = await explorer.waitForState((s) => s.backend === 'wasm' || s.backend === 'cpu', 'a CPU-side backend');
  expect(after.experiment).toEqual(before.experiment);
  // The runs start over on the new worker and finish.
  await explorer.waitForState((s) => s.runStatus === 'done' && s.runs.every((r) => r.step === 120), 'the runs to finish');
  expect((await explorer.state()).grid!.finite).toBe(256 * 256);
});

test('a lost WebGL context moves the work to the CPU side, with a message', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ query: '?backend=webgl', hash: 'f=saddle&n=40' });
  await explorer.waitForState((s) => s.backend === 'webgl', 'the forced WebGL backend', 60_000);
  await explorer.waitForSurface(60_000);
  await page.evaluate(() => window.__explorer!.simulateBackendLoss());

  await expect(page.getByTestId('notice')).toContainText('GPU backend was lost');
  const state = await explorer.waitForState((s) => s.backend === 'wasm', 'wasm after the loss', 60_000);
  expect(functionOf(state)).toBe('saddle');
  await explorer.waitForState((s) => s.surfacePhase === 'full' && s.grid!.finite === 256 * 256, 'the surface again');
});
