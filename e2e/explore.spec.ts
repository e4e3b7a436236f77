import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import type { ResultsDocument } from '../app/export/results';
import type { ExplorerNumbers } from '../app/testNumbers';
import { ExplorerPage } from './pages/ExplorerPage';

/**
 * The experiment is the link: the page and `npm run explore` compute the
 * same link on the same backend, and their numbers agree to the last bit
 * wherever the page holds full precision and the arithmetic is the
 * project's own or the backend's: the surface, f along the paths, gradient
 * descent's path, the training losses, the slice.
 *
 * Float64 values that pass through Math.pow, Math.exp or Math.log (Adam's
 * bias corrections β^t, the Lanczos and density computations of the
 * curvature report) can differ in their last bits, because Node's V8 and
 * Chromium's V8 ship different implementations of those functions
 * (measured: 40 of 400 powers 0.999^t, 0.9^t and 13 of 200 exponentials
 * differ by one unit in the last place between Node 20 and Chromium 156).
 * Those are compared to within a few units in the last place.
 */

/** The backend both compute on (the page's ?backend=, the command's the same from the link). */
const BACKEND = 'wasm';

/** Gradient descent and Adam for 60 steps on a 41 × 33 Himmelblau surface. */
const ANALYTIC = 'v=1&p=analytic&f=himmelblau&x0=-5&x1=5&y0=-5&y1=5&nx=41&ny=33&sx=-0.5&sy=-3&n=60&o=sgd,id:o1,c:4cc9f0,lr:0.01,w:0&o=adam,id:o2,c:ff7aa2,lr:0.1,b1:0.9,b2:0.999,eps:1e-8,w:0';

/** A 2-6-1 network on 80 spiral points, 30 steps of two runs, a 9 × 9 plane and a small curvature report. */
const NETWORK = 'v=1&p=network&n=30&ds=spiral&do=n:80&h=6&ev=10&lr=9&ck=2&cr=2&cs=5&ct=9&o=sgd,id:o1,c:4cc9f0,b:8,lr:0.5,w:0&o=sgd,id:o2,c:ff7aa2,b:0,lr:0.5,w:0';

/** |a − b| in units of the last place of the larger magnitude (0 when equal). */
function ulpsApart(a: number, b: number): number {
  if (a === b) return 0;
  const ulp = 2 ** (Math.floor(Math.log2(Math.max(Math.abs(a), Math.abs(b)))) - 52);
  return Math.abs(a - b) / ulp;
}

/** The largest {@link ulpsApart} of two equally long lists. */
function mostUlpsApart(a: readonly (number | null)[], b: readonly (number | null)[]): number {
  expect(a).toHaveLength(b.length);
  return Math.max(0, ...a.map((value, k) => ulpsApart(value ?? NaN, b[k] ?? NaN)));
}

/** Units in the last place two engines' Math.pow/exp/log may leave between the same computation's results (see the module comment). */
const LIBM_ULPS = 16;

/** `npm run explore` on `link`: its results document. */
function explore(link: string): ResultsDocument {
  const out = execFileSync('node_modules/.bin/tsx', ['workers/engine/cli/explore.ts', link, '--quiet'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as ResultsDocument;
}

/** The page's full-precision numbers. */
const numbers = (explorer: ExplorerPage) => explorer.page.evaluate(() => window.__explorer!.getNumbers()) as Promise<ExplorerNumbers>;

test('an analytic link: the page’s surface and paths equal the command’s', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ query: `?backend=${BACKEND}`, hash: ANALYTIC });
  await explorer.waitForSurface();
  const done = await explorer.waitForState((s) => s.runStatus === 'done', 'both runs at 60 steps');
  expect(done.backend).toBe(BACKEND);
  expect(done.linkMessages).toEqual([]);
  const shown = await numbers(explorer);
  const results = explore(`?backend=${BACKEND}#${ANALYTIC}`);
  expect(results.backend).toBe(BACKEND);
  expect(results.experiment).toEqual(done.experiment);
  expect(shown.surface!.values).toHaveLength(41 * 33);
  expect(results.surface!.values).toEqual(shown.surface!.values);
  expect(results.runs.map((run) => run.id)).toEqual(shown.paths.map((path) => path.id));
  results.runs.forEach((run, index) => {
    if (run.kind !== 'analytic') throw new Error('analytic runs expected');
    expect(run.losses).toHaveLength(61);
    expect(run.losses).toEqual(shown.paths[index].losses);
  });
  const [descent, adam] = results.runs.map((run) => (run.kind === 'analytic' ? run.path.flat() : []));
  // Gradient descent is plain arithmetic on the backend's gradients: the same bits.
  expect(descent).toEqual(shown.paths[0].points);
  // Adam divides by 1 − β^t: Math.pow's last bit may differ between the two JavaScript engines.
  expect(mostUlpsApart(adam, shown.paths[1].points)).toBeLessThanOrEqual(LIBM_ULPS);
});

test('a network link: the page’s training losses, slice and spectrum equal the command’s', async ({ page }) => {
  test.setTimeout(120_000);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ query: `?backend=${BACKEND}`, hash: NETWORK });
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done', 'both runs trained');
  await page.getByTestId('compute-slice').click();
  await explorer.waitForState((s) => s.slice?.state === 'done' && s.slice.projectedRuns.length === 2, 'the slice and the projected runs');
  await explorer.openSideTab('curvature');
  await page.getByTestId('curvature-target').selectOption('run:o1');
  await page.getByTestId('compute-spectrum').click();
  const state = await explorer.waitForState((s) => s.curvature?.jobState === 'done', 'the spectrum of run o1');
  expect(state.backend).toBe(BACKEND);
  expect(state.linkMessages).toEqual([]);
  const shown = await numbers(explorer);

  const results = explore(`?backend=${BACKEND}#${NETWORK}`);
  expect(results.experiment).toEqual(state.experiment);
  results.runs.forEach((run, index) => {
    if (run.kind !== 'network') throw new Error('network runs expected');
    expect(run.evaluations.steps).toEqual([0, 10, 20, 30]);
    expect(run.evaluations.steps).toEqual(shown.curves[index].steps);
    expect(run.evaluations.trainLoss).toEqual(shown.curves[index].trainLoss);
    expect(run.evaluations.testLoss).toEqual(shown.curves[index].testLoss);
    expect(run.final.trainLoss).toBe(state.networkRuns[index].trainLoss);
  });
  expect(shown.slice!.values).toHaveLength(81);
  expect(results.surface!.values).toEqual(shown.slice!.values);
  expect(results.surface!.x.values).toEqual(shown.slice!.alphas);
  const [hessian] = results.curvature!.matrices;
  expect(results.curvature!.runId).toBe('o1');
  const command = [hessian.readouts.lambdaMax, hessian.readouts.lambdaMin, hessian.trace.hutchPlusPlus.estimate, hessian.density.integral];
  const shownReport = [state.curvature!.lambdaMax, state.curvature!.lambdaMin, state.curvature!.trace, state.curvature!.densityIntegral];
  // The report's float64 Lanczos and density pass through Math.exp and Math.log (see the module comment).
  expect(mostUlpsApart(command, shownReport)).toBeLessThanOrEqual(LIBM_ULPS);
});

test('a bad link: the command prints the page’s banner and its messages, and exits non-zero', async ({ page }) => {
  const bad = 'f=nosuch&n=-4&x0=abc';
  const explorer = new ExplorerPage(page);
  await explorer.open({ query: `?backend=${BACKEND}`, hash: bad });
  await expect(explorer.linkMessages).toBeVisible();
  const banner = (await explorer.linkMessages.locator('strong').textContent())!;
  const items = await explorer.linkMessages.locator('li').allTextContents();
  expect(items).toHaveLength(3);
  let status = 0;
  let stderr = '';
  try {
    execFileSync('node_modules/.bin/tsx', ['workers/engine/cli/explore.ts', `#${bad}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as { status: number; stderr: string };
    status = failure.status;
    stderr = failure.stderr;
  }
  expect(status).toBe(1);
  expect(stderr.split('\n').slice(0, 4)).toEqual([banner, ...items.map((item) => `  - ${item}`)]);
});
