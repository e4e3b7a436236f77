import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

test('the saddle preset: Newton is drawn into the saddle of x² − y², saddle-free Newton escapes, gradient descent lingers', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=himmelblau' });
  await explorer.waitForSurface();

  await explorer.choosePreset('saddle-newton');
  await explorer.waitForState((s) => s.experiment.problem.kind === 'analytic' && s.experiment.problem.name === 'saddle', 'the saddle function');
  await expect(page.getByTestId('formula')).toContainText('x² − y²');
  const done = await explorer.waitForState((s) => s.runStatus === 'done' && s.runs.length === 3, 'all three runs finished', 40_000);

  expect(done.experiment.optimizers.map((o) => o.name)).toEqual(['sgd', 'newton', 'saddle_free_newton']);
  const [gd, newton, saddleFree] = done.runs;
  for (const run of done.runs) {
    expect(run.status).toBe('done');
    expect(run.step).toBe(20);
  }
  // f = x² − y²: 0 at the saddle, below −2.25 beyond the window's edge |y| = 1.5.
  expect(Math.abs(newton.loss!)).toBeLessThan(1e-6);
  expect(saddleFree.loss!).toBeLessThan(-2.25);
  // Gradient descent is near the saddle but not on it: f = 0.9⁴⁰ − 0.01² · 1.1⁴⁰ ≈ 0.0099.
  expect(Math.abs(gd.loss!)).toBeGreaterThan(1e-3);
  expect(Math.abs(gd.loss!)).toBeLessThan(0.1);
  await explorer.waitForSurface();
  await explorer.screenshot('20-saddle-gd-newton-sfn');
});
