import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

test('an edit after the runs finished starts them again, and the loss chart keeps its axes', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'n=60' });
  await explorer.waitForSurface();
  await explorer.waitForState((s) => s.runStatus === 'done' && s.runs.every((run) => run.step === 60), 'the runs to finish');
  const chart = page.getByTestId('loss-chart');
  await expect(chart).toHaveAttribute('data-points', '61');
  const drawnDeviation = await explorer.pixelDeviation(chart.locator('.chart-body'));

  await page.getByTestId('add-run-kind').selectOption('rmsprop');
  await page.getByTestId('add-run').click();
  await explorer.waitForState((s) => s.experiment.optimizers.length === 3, 'a third optimizer');
  const restarted = await explorer.waitForState((s) => s.runStatus === 'done' && s.runs.length === 3 && s.runs.every((run) => run.step === 60), 'all three runs to finish');
  expect(restarted.runs.map((run) => run.pathLength)).toEqual([61, 61, 61]);
  await expect(chart).toHaveAttribute('data-points', '61');
  // Axes, ticks and three lines drawn (a chart without data draws nothing, not even its axes).
  expect(await explorer.pixelDeviation(chart.locator('.chart-body'))).toBeGreaterThan(0.5 * drawnDeviation);
  await explorer.screenshot('07-edit-after-done');
});
