import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { watchPage } from './pages/longTasks';

/**
 * A frozen page is one task that holds the main thread for seconds: a log
 * axis reaching a loss of 1.7e-36 froze it for 11–16 s before throwing.
 * Rendering on the CPU (SwiftShader) makes tasks of a few hundred ms.
 */
const FROZEN_MS = 5000;

test('Newton reaches the quadratic’s minimum exactly: the loss chart turns linear with a note, no error, no freeze', async ({ page }) => {
  const watch = await watchPage(page);
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=quadratic&o=newton' });
  await explorer.waitForSurface();
  await explorer.waitForState((s) => s.runStatus === 'done', 'the Newton run to finish');
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toHaveAttribute('data-log', 'false');

  // Step by step from the start, so the chart sees every loss on the way down:
  // 2.5, 1.7e-12, 1.7e-24, 1.7e-30, 1.7e-36, then exactly 0.
  await explorer.pressKey('r');
  await explorer.waitForState((s) => s.runs[0].step === 0, 'the reset');
  await expect(chart).toHaveAttribute('data-log', 'true');
  let step = 0;
  while (step < 8) {
    await page.getByTestId('step').click();
    step = (await explorer.waitForState((s) => s.runs[0].step > step, 'one more step')).runs[0].step;
    expect(watch.errors).toEqual([]);
  }
  const state = await explorer.state();
  expect(state.runs[0].loss).toBe(0);
  await expect(chart).toHaveAttribute('data-points', String(state.runs[0].step + 1));
  await expect(chart).toHaveAttribute('data-log', 'false');
  await expect(page.getByTestId('loss-chart-note')).toHaveText('(linear: some losses are ≤ 0)');

  // The page still answers: the switch turns the note off and on again.
  await chart.getByRole('checkbox').uncheck();
  await expect(page.getByTestId('loss-chart-note')).toHaveCount(0);
  await chart.getByRole('checkbox').check();
  await expect(page.getByTestId('loss-chart-note')).toBeVisible();
  expect(watch.errors).toEqual([]);
  expect(await watch.longestTaskMs()).toBeLessThan(FROZEN_MS);
  await explorer.screenshot('05-newton-loss-chart-linear');
});

test('gradient descent diverging down the saddle to −1e12: the loss chart stays linear and labels its axis', async ({ page }) => {
  const watch = await watchPage(page);
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=saddle&o=sgd,lr:0.9' });
  await explorer.waitForSurface();
  const diverged = await explorer.waitForState((s) => s.runs[0].status === 'diverged', 'gradient descent to diverge');
  expect(diverged.runs[0].loss).toBeLessThan(-1e11);
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-log', 'false');
  await expect(page.getByTestId('loss-chart-note')).toHaveText('(linear: some losses are ≤ 0)');
  expect(watch.errors).toEqual([]);
  expect(await watch.longestTaskMs()).toBeLessThan(FROZEN_MS);
  await explorer.screenshot('06-saddle-divergence-loss-chart');
});
