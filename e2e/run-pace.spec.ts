import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

/** Plays the runs from the start and returns the page-clock milliseconds until they are done. */
async function timedRun(page: Page, explorer: ExplorerPage): Promise<number> {
  await explorer.pressKey('r');
  await explorer.waitForState((s) => s.runStatus === 'idle' && s.runs.every((run) => run.step === 0), 'the reset');
  const started = await page.evaluate(() => performance.now());
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done', 'the runs to finish', 120_000);
  return (await page.evaluate(() => performance.now())) - started;
}

test('the runs keep their speed in the 3-D view as in the contour view, and never outrun the speed asked for', async ({ page }) => {
  test.setTimeout(240_000);
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'n=300' });
  await explorer.waitForSurface();
  await explorer.waitForState((s) => s.runStatus === 'done', 'the first run');
  const figures: Record<string, number> = {};
  for (const mode of ['3d', 'contour'] as const) {
    await explorer.setViewMode(mode);
    await page.getByTestId('run-speed').selectOption('auto');
    figures[`${mode} auto`] = Math.round(await timedRun(page, explorer));
    await page.getByTestId('run-speed').selectOption('max');
    figures[`${mode} max`] = Math.round(await timedRun(page, explorer));
  }
  // Wall-clock figures are printed, not asserted (the machine is shared): an auto run is meant to take 2.5 s in either view.
  console.log(`300 steps (ms, page clock): ${JSON.stringify(figures)}`);

  // At 10 steps a second the runs never run ahead of their clock, however fast the worker is.
  await page.getByTestId('run-speed').selectOption('10');
  await expect.poll(async () => (await explorer.state()).runPace.speed).toBe('10');
  await explorer.pressKey('r');
  await explorer.waitForState((s) => s.runs.every((run) => run.step === 0), 'the reset');
  const started = await page.evaluate(() => performance.now());
  await explorer.play();
  await page.waitForTimeout(1500);
  const [state, elapsed] = await Promise.all([explorer.state(), page.evaluate((t) => performance.now() - t, started)]);
  // The first step comes at once, then one every 100 ms.
  expect(state.runs[0].step).toBeGreaterThan(0);
  expect(state.runs[0].step).toBeLessThanOrEqual(1 + Math.floor(elapsed / 100));
});

test('the scrubber shows any step already computed, in the paths and the loss chart, by mouse and by keyboard', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'n=200' });
  await explorer.waitForSurface();
  await page.getByTestId('run-speed').selectOption('max');
  await explorer.waitForState((s) => s.runStatus === 'done' && s.runs.every((run) => run.step === 200), 'the runs to finish');
  const chart = page.getByTestId('loss-chart');
  const scrubber = page.getByTestId('run-scrubber');
  await expect(chart).toHaveAttribute('data-points', '201');
  await expect(scrubber).toHaveAttribute('max', '200');
  const full = await explorer.landscapePixelDeviation();

  // Keyboard: Home shows the start; the arrows move one step (the page's → shortcut leaves a focused slider alone).
  await scrubber.focus();
  await page.keyboard.press('Home');
  await expect(chart).toHaveAttribute('data-points', '1');
  await expect(page.getByTestId('run-scrubber-step')).toHaveText('0');
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(chart).toHaveAttribute('data-points', '6');
  expect((await explorer.state()).runPace.shownStep).toBe(5);
  // Only the view moved: the runs are as they were.
  expect((await explorer.state()).runs.map((run) => run.pathLength)).toEqual([201, 201]);
  await explorer.screenshot('08-scrubbed-to-step-5');
  expect(await explorer.landscapePixelDeviation()).not.toBe(full);

  // Mouse: a click at the middle of the slider shows about step 100.
  const box = (await scrubber.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const middle = (await explorer.state()).runPace.shownStep!;
  expect(middle).toBeGreaterThan(80);
  expect(middle).toBeLessThan(120);
  await expect(chart).toHaveAttribute('data-points', String(middle + 1));

  // End follows the newest step again.
  await scrubber.focus();
  await page.keyboard.press('End');
  await expect(chart).toHaveAttribute('data-points', '201');
  expect((await explorer.state()).runPace.shownStep).toBeNull();
});

test('grabbing the scrubber while the runs play pauses them there; Play goes on from the newest step', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'n=3000' });
  await explorer.waitForSurface();
  await page.getByTestId('run-speed').selectOption('100');
  await explorer.waitForState((s) => s.runStatus === 'running' && s.runs[0].step >= 30, 'thirty steps');
  await page.getByTestId('run-scrubber').focus();
  await page.keyboard.press('Home');
  const paused = await explorer.waitForState((s) => s.runStatus === 'paused', 'paused by the scrubber');
  expect(paused.runPace.shownStep).toBe(0);
  await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-points', '1');
  await explorer.play();
  const going = await explorer.waitForState((s) => s.runs[0].step > paused.runs[0].step, 'the runs going on');
  expect(going.runPace.shownStep).toBeNull();
});
