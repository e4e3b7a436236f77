/**
 * The scenarios whose main-thread long tasks the main-thread specs measure:
 * play in the analytic 3-D and contour views, network training, a slice
 * being refined. Each opens its own page state, then measures from the
 * moment the work starts until it ends (or `maxMs` have passed), and
 * returns the long tasks of that stretch. With PROFILE=1 in the
 * environment it also prints a CPU profile of the stretch (what ran), with
 * TRACE=1 a trace of each long task (what it was made of, the GPU process
 * included).
 */
import type { Page } from '@playwright/test';
import { ExplorerPage } from './ExplorerPage';
import { longTasksBetween, pageNow, profileMainThread, traceLongTasks, type LongTaskFigures } from './longTasks';

/** A scenario's figures: the long tasks, and how much work was done meanwhile. */
export interface ScenarioFigures extends LongTaskFigures {
  scenario: string;
  /** Total long-task time scaled to a 5 s stretch. */
  totalPer5sMs: number;
  /** Steps taken (or slice points computed) during the stretch. */
  progress: number;
}

/** Measures from now until `finished` holds or `maxMs` pass; prints a profile or a trace when asked. */
async function measureUntil(page: Page, scenario: string, finished: () => Promise<boolean>, progress: () => Promise<number>, maxMs: number): Promise<ScenarioFigures> {
  const from = await pageNow(page);
  const before = await progress();
  const watch = (async () => {
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline && !(await finished())) await page.waitForTimeout(100);
  })();
  if (process.env.PROFILE === '1') {
    const top = await profileMainThread(page, maxMs, 12);
    console.log(`${scenario} profile:\n${top.map((entry) => `${entry.selfMs} ms  ${entry.name}`).join('\n')}`);
  } else if (process.env.TRACE === '1') {
    console.log(`${scenario} trace: ${JSON.stringify(await traceLongTasks(page, maxMs), null, 1)}`);
  }
  await watch;
  const figures = await longTasksBetween(page, from, await pageNow(page));
  return { scenario, ...figures, totalPer5sMs: Math.round((5000 * figures.totalMs) / Math.max(1, figures.windowMs)), progress: (await progress()) - before };
}

/** The query that forces the computation backend (wasm unless MAIN_THREAD_BACKEND names another). */
export function backendQuery(): string {
  return `?backend=${process.env.MAIN_THREAD_BACKEND ?? 'wasm'}`;
}

/** Play of the default run (300 steps) in the analytic view `mode`, from the start to the end. */
export async function analyticPlay(page: Page, mode: '3d' | 'contour', query = backendQuery()): Promise<ScenarioFigures> {
  const explorer = new ExplorerPage(page);
  await explorer.open({ query, hash: `m=${mode}` });
  await explorer.waitForSurface(120_000);
  await explorer.waitForState((s) => s.runStatus === 'done', 'the first run', 120_000);
  await restart(explorer);
  const state = () => explorer.state();
  return measureUntil(page, `analytic ${mode}, 300 steps`, async () => (await state()).runStatus === 'done', async () => (await state()).runs[0]?.step ?? 0, 10_000);
}

/** Reset, then Play. */
async function restart(explorer: ExplorerPage): Promise<void> {
  await explorer.pressKey('r');
  await explorer.waitForState((s) => s.runStatus === 'idle' && s.runs.every((run) => run.step === 0), 'the reset');
  await explorer.play();
}

/** Training of the default network experiment: its first `ms` of play. */
export async function networkTraining(page: Page, ms = 5000, query = backendQuery()): Promise<ScenarioFigures> {
  const explorer = new ExplorerPage(page);
  await explorer.open({ query, hash: 'p=network&n=10000' });
  await explorer.waitForNetworkData(120_000);
  await explorer.play();
  const state = () => explorer.state();
  return measureUntil(page, 'network training', async () => (await state()).runStatus === 'done', async () => (await state()).networkRuns[0]?.step ?? 0, ms);
}

/** The side of the refined slice: MAIN_THREAD_SLICE, or 129 (the default slice is 65). */
const SLICE_SIDE = Number(process.env.MAIN_THREAD_SLICE ?? 129);

/** A SLICE_SIDE² slice of a trained network, from the press of "Compute slice" until it is done. */
export async function sliceRefining(page: Page, query = backendQuery()): Promise<ScenarioFigures> {
  const explorer = new ExplorerPage(page);
  await explorer.open({ query, hash: 'p=network&n=100' });
  await explorer.waitForNetworkData(120_000);
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done', 'the training', 120_000);
  await explorer.fill('slice-resolution', String(SLICE_SIDE));
  await explorer.waitForState((s) => s.experiment.slice.resolution === SLICE_SIDE, `a ${SLICE_SIDE}-point slice`);
  await page.getByTestId('compute-slice').click();
  const state = () => explorer.state();
  return measureUntil(page, `slice ${SLICE_SIDE}², refined`, async () => (await state()).slice?.state === 'done' && (await state()).slice?.nx === SLICE_SIDE, async () => (await state()).slice?.done ?? 0, 15_000);
}
