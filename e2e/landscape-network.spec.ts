import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

/**
 * Network landscapes end to end: two runs train on the spiral (Adam on
 * minibatches of 16 and on the full batch, from one initialisation), then a
 * filter-normalised random
 * plane around the first run's solution, the runs projected onto it, a
 * probe of a clicked point, the line between the two solutions, a slice
 * cancelled midway, and the curvature spectrum of the selected run.
 */
test('slices of a trained spiral network: plane with trajectories, probe, interpolation line, cancel, spectrum', async ({ page }) => {
  test.setTimeout(150_000);
  const explorer = new ExplorerPage(page);
  // 200 Adam steps of each run: both solutions are well away from θ₀ and from each other.
  await explorer.openNetwork({ hash: 'p=network&n=200&o=adam,id:o1,b:16,lr:0.02&o=adam,id:o2,b:0,lr:0.02' });
  // The landscape is there before anything is trained: a slice at θ₀, with no click.
  await explorer.waitForState((s) => s.slice !== null && s.slice.finite > 0, 'the landscape at θ₀');
  await explorer.play();
  const trained = await explorer.waitForState((s) => s.runStatus === 'done', 'both runs trained', 60_000);
  expect(trained.networkRuns.map((run) => run.step)).toEqual([200, 200]);
  // Both learnt: below ln 2 ≈ 0.693, the loss of a network that cannot tell the arms apart.
  for (const run of trained.networkRuns) expect(run.trainLoss!).toBeLessThan(0.6);

  // A 33 × 33 filter-normalised random plane around the first run's latest parameters.
  await expect(page.getByTestId('slice-directions')).toHaveValue('random');
  await expect(page.getByTestId('slice-centre')).toHaveValue('o1');
  await explorer.fill('slice-resolution', '33');
  await explorer.waitForState((s) => s.experiment.slice.resolution === 33, 'a 33-point slice');
  await page.getByTestId('compute-slice').click();
  // Coarse first, refined in place: the worker sends several partial fields of the same 33 × 33 slice
  // (the page draws the newest at most every 200 ms, so a fast slice may show only the last).
  const planeDone = await explorer.waitForState(
    (s) => s.slice?.state === 'done' && s.slice.nx === 33 && s.slice.projectedRuns.length === 2,
    'the plane and the projected runs',
    60_000,
  );
  const plane = planeDone.slice!;
  expect(plane).toMatchObject({ dims: 2, nx: 33, ny: 33, done: 33 * 33, total: 33 * 33, finite: 33 * 33 });
  expect(plane.min).toBeGreaterThan(0);
  expect(plane.max).toBeGreaterThan(plane.min);
  expect(plane.chunks).toBeGreaterThan(1);
  // The centre is the first run's solution: the surface there is its training loss, far below the plane's maximum.
  expect(plane.min).toBeLessThanOrEqual(planeDone.networkRuns[0].trainLoss! + 1e-4);
  expect(plane.projectedRuns).toEqual(['o1', 'o2']);
  for (const item of plane.faithfulness) {
    expect(Number.isFinite(item.relativeResidual)).toBe(true);
    expect(item.relativeResidual).toBeGreaterThan(0);
  }
  await expect(page.getByTestId('faithfulness').locator('li')).toHaveCount(2);
  await expect(explorer.landscape).toHaveAttribute('data-drawn-version', String(plane.version));
  await explorer.screenshot('40-network-slice-3d');

  // A click on the map probes that point: the data view shows its network, the read-out its eigenvalues.
  await explorer.setViewMode('contour');
  await explorer.clickLandscapeAt(0.6, 0.4);
  const probed = await explorer.waitForState((s) => s.probe !== null && s.probe.lambdaMax !== null, 'the probe', 30_000);
  const probe = probed.probe!;
  expect(probe.caption).toMatch(/^clicked point \(α, β\) = \(/);
  expect(probe.hasPrediction).toBe(true);
  expect(probe.lambdaMax!).toBeGreaterThan(probe.lambdaMin!);
  expect(probe.loss).toBeGreaterThan(0);
  await expect(page.getByTestId('data-view').locator('figcaption')).toHaveText(probe.caption);
  await expect(page.getByTestId('probe-lambda-max')).not.toHaveText('—');
  await explorer.screenshot('41-network-slice-probe');

  // The loss along the line from the first run's solution (α = 0) to the second's (α = 1).
  // Switching to a line resets the resolution to a line's default; type over it once it shows.
  await explorer.chooseSlice('interpolation', 1, 201, 41);
  const lineDone = await explorer.computeSlice((slice) => slice.dims === 1 && slice.nx === 41);
  const [markA, markB] = lineDone.slice!.marks;
  expect([markA.alpha, markB.alpha]).toEqual([0, 1]);
  // α = −0.5 + 0.05 k: α = 0 and α = 1 are samples, where the line holds each run's own training loss.
  const [lossA, lossB] = lineDone.networkRuns.map((run) => run.trainLoss!);
  expect(markA.value).toBeCloseTo(lossA, 4);
  expect(markB.value).toBeCloseTo(lossB, 4);
  await expect(page.getByTestId('line-slice-chart')).toBeVisible();
  await explorer.screenshot('42-network-interpolation-line');

  // A large plane, cancelled once it has started refining.
  await explorer.chooseSlice('random', 2, 65, 201);
  await page.getByTestId('compute-slice').click();
  // Cancel is pressed inside the page as the first chunk arrives: the whole plane can take only a few
  // seconds, less than a click from outside may need to land while the bar re-renders.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const cancelOnFirstChunk = () => {
          const slice = window.__explorer!.getState().slice;
          const cancel = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="job-progress"] button')].find((button) => button.textContent === 'Cancel');
          if (slice !== null && slice.nx === 201 && slice.done > 0 && cancel !== undefined) {
            cancel.click();
            resolve();
          } else setTimeout(cancelOnFirstChunk, 0);
        };
        cancelOnFirstChunk();
      }),
  );
  const cancelled = await explorer.waitForState((s) => s.slice?.state === 'cancelled', 'the cancelled slice');
  expect(cancelled.slice!.done).toBeLessThan(201 * 201);
  await expect(page.getByTestId('job-progress')).toHaveAttribute('data-state', 'cancelled');

  // The spectrum of the selected run's Hessian: SLQ density over the exact histogram (337 parameters).
  await explorer.openSideTab('curvature');
  await page.getByTestId('curvature-target').selectOption('selected');
  // The predicted time comes from products timed on this machine: a loaded one takes longer to time them.
  await expect(page.getByTestId('compute-exact-spectrum')).toContainText(/about|under/, { timeout: 60_000 });
  await page.getByTestId('compute-exact-spectrum').click();
  const spectrum = await explorer.waitForState((s) => s.curvature !== null && s.curvature.jobState === 'done', 'the exact spectrum', 60_000);
  const curvature = spectrum.curvature!;
  expect(curvature.exactCount).toBe(337);
  expect(curvature.lambdaMax).toBeGreaterThan(0);
  expect(curvature.lambdaMax).toBeGreaterThanOrEqual(curvature.lambdaMin);
  expect(Math.abs(curvature.densityIntegral - 1)).toBeLessThan(0.05);
  expect(Number.isFinite(curvature.trace)).toBe(true);
  expect(curvature.traceStandardError).toBeGreaterThanOrEqual(0);
  await expect(page.getByTestId('spectrum-chart')).toBeVisible();
  await expect(page.getByTestId('curvature-readouts')).toContainText('λmax');
  // Every estimate with its ±, and the density with the budget it used.
  const readouts = page.getByTestId('curvature-readouts');
  await expect(readouts.locator('tr', { hasText: 'trace (Hutchinson)' })).toContainText('±');
  await expect(readouts.locator('tr', { hasText: 'density mean' })).toContainText('±');
  await expect(readouts.locator('tr', { hasText: 'density budget' })).toContainText(/\d+ of \d+ products \((requested error reached|budget spent|exact)\)/);
  await readouts.scrollIntoViewIfNeeded();
  await explorer.screenshot('44-network-curvature-readouts');
  await page.getByTestId('spectrum-chart').scrollIntoViewIfNeeded();
  await explorer.screenshot('43-network-curvature-spectrum');
});
