import { expect, test } from '@playwright/test';
import { ExplorerPage, functionOf } from './pages/ExplorerPage';

/** Rosenbrock's f, written out here so the test does not rely on the app's numbers. */
const rosenbrock = (x: number, y: number) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;

test('gradient descent and Adam walk down Rosenbrock from the same point; pause, step, contour view, reset', async ({
  page,
}) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=himmelblau' });
  await explorer.waitForSurface();
  await explorer.pressKey('r');
  await explorer.waitForState((s) => s.runStatus === 'idle', 'reset to idle');

  await explorer.selectFunction('Rosenbrock');
  await expect(page.getByTestId('formula')).toContainText('100 (y − x²)²');
  await explorer.waitForState((s) => functionOf(s) === 'rosenbrock' && s.runStatus === 'idle', 'Rosenbrock, idle');
  await explorer.setStart(-1.2, 1);
  const configured = await explorer.waitForState(
    (s) => s.experiment.start[0] === -1.2 && s.experiment.start[1] === 1,
    'the typed start point',
  );
  expect(configured.experiment.optimizers.map((o) => o.name)).toEqual(['sgd', 'adam']);
  await explorer.waitForSurface();

  await explorer.play();
  const early = await explorer.waitForState((s) => s.runs.every((r) => r.step >= 10), 'ten steps of each run');
  const later = await explorer.waitForState(
    (s) => s.runs.every((r) => r.step >= early.runs[0].step + 30),
    'thirty more steps',
  );
  // Space pauses (while the run is still going: 300 steps take about 150 batches).
  await explorer.pressKey('Space');
  const paused = await explorer.waitForState((s) => s.runStatus === 'paused', 'paused');
  const startLoss = rosenbrock(-1.2, 1);
  for (let i = 0; i < 2; i++) {
    expect(later.runs[i].pathLength).toBeGreaterThan(early.runs[i].pathLength);
    expect(later.runs[i].loss!).toBeLessThan(early.runs[i].loss!);
    expect(early.runs[i].loss!).toBeLessThan(startLoss);
    expect(later.runs[i].status).toBe('running');
  }
  expect(paused.runs[0].step).toBeLessThan(300);
  await explorer.screenshot('02-rosenbrock-gd-adam-3d');

  // Nothing moves while paused (after the batch that was in flight when the pause came).
  await page.waitForTimeout(300);
  const settled = await explorer.state();
  await page.waitForTimeout(500);
  const stillPaused = await explorer.state();
  expect(stillPaused.runs.map((r) => r.step)).toEqual(settled.runs.map((r) => r.step));
  expect(stillPaused.runs.map((r) => r.status)).toEqual(['paused', 'paused']);

  // → takes exactly one step.
  await explorer.pressKey('ArrowRight');
  await explorer.waitForState((s) => s.runs.every((r, i) => r.step === settled.runs[i].step + 1), 'one more step');

  await explorer.setViewMode('contour');
  await expect(explorer.landscape).toHaveAttribute('data-drawn-version', /\d+/);
  expect((await explorer.state()).view.mode).toBe('contour');
  expect(await explorer.landscapePixelDeviation()).toBeGreaterThan(10);
  await explorer.screenshot('03-rosenbrock-contour');

  // A click on the map moves the start point there (and the runs start over).
  const box = (await explorer.landscape.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  const picked = await explorer.waitForState((s) => s.experiment.start[0] !== -1.2, 'the picked start point');
  const [pickedX, pickedY] = picked.experiment.start;
  expect(pickedX).toBeGreaterThan(-2);
  expect(pickedX).toBeLessThan(2);
  expect(pickedY).toBeGreaterThan(-1);
  expect(pickedY).toBeLessThan(3);
  await expect(page.getByTestId('start-x')).toHaveValue(String(pickedX));
  expect(picked.runs.map((r) => r.step)).toEqual([0, 0]);

  // r resets: no steps, empty paths, idle.
  await explorer.pressKey('r');
  const reset = await explorer.waitForState((s) => s.runStatus === 'idle', 'idle after reset');
  expect(reset.runs.map((r) => [r.step, r.pathLength, r.status])).toEqual([
    [0, 0, 'idle'],
    [0, 0, 'idle'],
  ]);
  expect(page.url()).toContain('m=contour');
});
