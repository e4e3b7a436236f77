/**
 * The main thread while the app computes: its long tasks (PerformanceObserver
 * 'longtask', from the first script on) during play in the analytic 3-D and
 * contour views, network training and a slice being refined, printed per
 * scenario, with the check that the work went on meanwhile. The aim is no
 * task of 50 ms or more (the browser's threshold for a long task) during play
 * and training; the figures are printed, not asserted, because a task's
 * length is wall-clock time: on a loaded machine the same build measured 0
 * long tasks in one run and a 133 ms one in the next.
 * Run by `npm run bench:main-thread` (not part of `npm test`).
 * MAIN_THREAD_BACKEND=webgl measures on another backend; PROFILE=1 or
 * TRACE=1 print what the long tasks were made of.
 */
import { expect, test } from '@playwright/test';
import { installLongTaskObserver } from './pages/longTasks';
import { analyticPlay, networkTraining, sliceRefining, type ScenarioFigures } from './pages/mainThreadScenarios';

function report(figures: ScenarioFigures): ScenarioFigures {
  console.log(`main thread [${process.env.MAIN_THREAD_BACKEND ?? 'wasm'}] ${JSON.stringify(figures)}`);
  return figures;
}

/** The scenario's work went on while its long tasks were recorded. */
function expectProgress(figures: ScenarioFigures): void {
  expect(figures.progress, `${figures.scenario}: progress`).toBeGreaterThan(0);
}

test.beforeEach(async ({ page }) => {
  await installLongTaskObserver(page);
});

test('main thread: play in the analytic 3-D view', async ({ page }) => {
  expectProgress(report(await analyticPlay(page, '3d')));
});

test('main thread: play in the analytic contour view', async ({ page }) => {
  test.setTimeout(120_000);
  expectProgress(report(await analyticPlay(page, 'contour')));
});

test('main thread: network training', async ({ page }) => {
  expectProgress(report(await networkTraining(page)));
});

test('main thread: a slice being refined', async ({ page }) => {
  test.setTimeout(120_000);
  expectProgress(report(await sliceRefining(page)));
});
