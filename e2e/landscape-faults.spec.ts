import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

/** Two Adam runs on the spiral (minibatches of 16 and the full batch). */
const SPIRAL = 'p=network&n=40&o=adam,id:o1,b:16,lr:0.02&o=adam,id:o2,b:0,lr:0.02';

test('a landscape worker that crashes in the middle of a slice fails that slice with the reason; the next slice starts on a new worker', async ({ page }) => {
  test.setTimeout(150_000);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ hash: SPIRAL });
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done', 'both runs trained', 60_000);
  // A fine slice, refined for a few seconds: the crash lands while it is running.
  await explorer.fill('slice-resolution', '201');
  await page.getByTestId('compute-slice').click();
  await explorer.waitForState((s) => s.slice !== null && s.slice.state === 'running' && s.slice.done > 0, 'the slice under way');
  await page.evaluate(() => window.__explorer!.simulateLandscapeWorkerCrash());

  const progress = page.getByTestId('job-progress').first();
  await expect(progress).toHaveAttribute('data-state', 'failed');
  await expect(progress).toContainText('landscape worker crashed');
  await expect(page.getByTestId('notice')).toContainText('landscape computation stopped');
  // Chunks the dead worker had already sent must not bring the failed slice back to life.
  await page.waitForTimeout(1500);
  await expect(progress).toHaveAttribute('data-state', 'failed');
  await expect(page.getByTestId('compute-slice')).toBeEnabled();

  await explorer.fill('slice-resolution', '17');
  const before = (await explorer.state()).slice?.version ?? -1;
  const after = await explorer.computeSlice((slice) => slice.nx === 17 && slice.version > before && slice.projectedRuns.length === 2);
  expect(after.slice!.finite).toBe(17 * 17);
});

test('after the network changes, the exact-spectrum button shows the predicted time for the new network', async ({ page }) => {
  test.setTimeout(120_000);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ hash: SPIRAL });
  await explorer.openSideTab('curvature');
  const exact = page.getByTestId('compute-exact-spectrum');
  await expect(exact).toContainText(/about|under/, { timeout: 30_000 });

  await explorer.fill('hidden-width-0', '12');
  await explorer.waitForNetworkData();
  await expect(exact).toContainText(/about|under/, { timeout: 10_000 });
});
