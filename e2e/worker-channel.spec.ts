import { expect, test, type Page } from '@playwright/test';
import type { ExplorerTestState } from '../app/testHandle';
import { ExplorerPage } from './pages/ExplorerPage';
import { installMessageMeter, meteredArrays, parameterArrays, resetMessageMeter } from './pages/messageMeter';

/** Two Adam runs of 200 steps on the spiral (minibatches of 16 and the full batch), as in the landscape spec. */
const TRAINED_SPIRAL = 'p=network&n=200&o=adam,id:o1,b:16,lr:0.02&o=adam,id:o2,b:0,lr:0.02';

/**
 * Presses "Compute slice" and measures, on the page's clock, the time until
 * the first values of the new slice are in the store (a field version newer
 * than any before the press), then waits for the slice and its projections.
 */
async function timedSlice(page: Page, explorer: ExplorerPage): Promise<{ firstValuesMs: number }> {
  const firstValuesMs = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const before = window.__explorer!.getState().slice?.version ?? -1;
        const pressed = performance.now();
        (document.querySelector('[data-testid="compute-slice"]') as HTMLButtonElement).click();
        const poll = () => {
          const slice = window.__explorer!.getState().slice;
          if (slice !== null && slice.version > before && slice.done > 0) resolve(performance.now() - pressed);
          else setTimeout(poll, 2);
        };
        poll();
      }),
  );
  await explorer.waitForState((s) => s.slice?.state === 'done' && s.slice.projectedRuns.length === 2, 'the slice and the projected runs', 60_000);
  return { firstValuesMs };
}

test('slices: parameter vectors crossing the page, and the time to the first values', async ({ page }) => {
  test.setTimeout(180_000);
  await installMessageMeter(page);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ hash: TRAINED_SPIRAL });
  await explorer.play();
  const trained = await explorer.waitForState((s) => s.runStatus === 'done', 'both runs trained', 60_000);
  const paramCount = trained.dataView.paramCount;
  expect(paramCount).toBeGreaterThan(0);
  await explorer.fill('slice-resolution', '33');
  await explorer.waitForState((s) => s.experiment.slice.resolution === 33, 'a 33-point slice');

  const figures: { slice: string; firstValuesMs: number; parameterBytes: number; parameterArrays: number }[] = [];
  for (const [label, directions] of [
    ['random (cold worker)', 'random'],
    ['random', 'random'],
    ['pca', 'pca'],
    ['random again', 'random'],
    ['pca again', 'pca'],
  ] as const) {
    await page.getByTestId('slice-directions').selectOption(directions);
    await explorer.waitForState((s) => s.experiment.slice.directions === directions, `${directions} directions`);
    await resetMessageMeter(page);
    const { firstValuesMs } = await timedSlice(page, explorer);
    const vectors = parameterArrays(await meteredArrays(page), paramCount);
    figures.push({
      slice: label,
      firstValuesMs: Math.round(firstValuesMs),
      parameterBytes: vectors.reduce((sum, array) => sum + array.bytes, 0),
      parameterArrays: vectors.length,
    });
  }
  console.log(`worker-channel figures (P = ${paramCount}): ${JSON.stringify(figures)}`);
  // The landscape worker takes θ and the trajectories from the training worker itself.
  expect(figures.map((figure) => figure.parameterBytes)).toEqual(figures.map(() => 0));
});

/** Trains the two spiral runs for `steps` steps and computes a new 17 × 17 random plane with both runs projected onto it. */
async function trainAndSlice(explorer: ExplorerPage, steps: number): Promise<ExplorerTestState> {
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done' && s.networkRuns.every((run) => run.step === steps), 'both runs trained', 60_000);
  const before = (await explorer.state()).slice?.version ?? -1;
  return explorer.computeSlice((slice) => slice.nx === 17 && slice.version > before && slice.projectedRuns.length === 2);
}

test('a slice after the training worker was replaced takes its parameters from the new one', async ({ page }) => {
  test.setTimeout(150_000);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ hash: 'p=network&n=40&o=adam,id:o1,b:16,lr:0.02&o=adam,id:o2,b:0,lr:0.02' });
  await explorer.fill('slice-resolution', '17');
  await trainAndSlice(explorer, 40);

  await page.evaluate(() => window.__explorer!.simulateWorkerCrash());
  await expect(page.getByTestId('notice')).toContainText('the training worker crashed');
  await explorer.waitForNetworkData();
  // The runs start over on the new worker; the next slice is centred on its run's parameters and projects its trajectories.
  const state = await trainAndSlice(explorer, 40);
  expect(state.slice!.finite).toBe(17 * 17);
  expect(state.slice!.min).toBeLessThanOrEqual(state.networkRuns[0].trainLoss! + 1e-4);
});

test('a crashed landscape worker is replaced at the next slice, which is linked to the training worker again', async ({ page }) => {
  test.setTimeout(150_000);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ hash: 'p=network&n=40&o=adam,id:o1,b:16,lr:0.02&o=adam,id:o2,b:0,lr:0.02' });
  await explorer.fill('slice-resolution', '17');
  const before = (await trainAndSlice(explorer, 40)).slice!;

  await page.evaluate(() => window.__explorer!.simulateLandscapeWorkerCrash());
  await expect(page.getByTestId('notice')).toContainText('landscape computation stopped');
  await explorer.fill('slice-seed', '2');
  await explorer.waitForState((s) => s.experiment.slice.seed === 2, 'another slice seed');
  const after = await explorer.computeSlice((slice) => slice.nx === 17 && slice.version > before.version && slice.projectedRuns.length === 2);
  expect(after.slice!.finite).toBe(17 * 17);
  expect(after.slice!.projectedRuns).toEqual(['o1', 'o2']);
  // Training is untouched by the landscape worker's crash.
  expect(after.networkRuns.map((run) => run.step)).toEqual([40, 40]);
});
