/**
 * Every tour walked as a lecturer would: at 1920×1080 in presentation mode,
 * by keyboard only (PageDown and → to go on, ← back), each step checked
 * for what its text says: the step's text and place on screen and in the
 * address bar, its work finished, every claim true of the page's own
 * numbers (`window.__explorer`), and the runs' outcomes shown in the tour
 * panel (a diverged run says so). A screenshot of every step lands in
 * e2e/screenshots/tour-<id>-<n>.png.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkClaims, type RunEvidence } from '../app/tours/claims';
import { TOURS } from '../app/tours/index';
import type { Tour, TourStep } from '../app/tours/types';
import { ExplorerPage, SCREENSHOT_DIR } from './pages/ExplorerPage';

test.use({ viewport: { width: 1920, height: 1080 } });

/** What each run of the step on screen produced, from the page's test handle. */
async function pageEvidence(explorer: ExplorerPage): Promise<RunEvidence[]> {
  const state = await explorer.state();
  const numbers = await explorer.page.evaluate(() => window.__explorer!.getNumbers());
  if (state.experiment.problem.kind === 'analytic') {
    return state.runs.map((run) => {
      const path = numbers.paths.find((candidate) => candidate.id === run.id);
      const count = path ? path.losses.length : 0;
      return {
        id: run.id,
        diverged: run.status === 'diverged',
        end: path && count > 0 ? [path.points[2 * count - 2], path.points[2 * count - 1]] : null,
        loss: path && count > 0 ? path.losses[count - 1] : null,
        trainLosses: [],
        sharpness: [],
        threshold: null,
      };
    });
  }
  return state.networkRuns.map((run) => {
    const curve = numbers.curves.find((candidate) => candidate.id === run.id);
    return {
      id: run.id,
      diverged: run.status === 'diverged',
      end: null,
      loss: run.trainLoss,
      trainLosses: curve?.trainLoss ?? [],
      sharpness: run.sharpnessSeries.map(([, lambda]) => lambda),
      // 2/η from the run's own learning rate in the experiment.
      threshold: (() => {
        const lr = Number(state.experiment.optimizers.find((spec) => spec.id === run.id)?.lr);
        return lr > 0 ? 2 / lr : null;
      })(),
    };
  });
}

/** Waits for the step's work to finish (a step without work: for its panel). */
async function waitForStep(explorer: ExplorerPage, tour: Tour, index: number, step: TourStep): Promise<void> {
  const panel = explorer.page.getByTestId('tour-panel');
  await expect(panel).toHaveAttribute('data-step', String(index + 1));
  await expect(panel).toHaveAttribute('data-tour', tour.id);
  if (step.actions?.length) {
    await explorer.waitForState(
      (s) => s.tours.tour?.step === index && s.tours.tour.job?.state === 'done',
      `${tour.id} step ${index + 1}: its work done`,
      180_000,
    );
    await expect(panel.getByTestId('job-progress')).toHaveAttribute('data-state', 'done');
  }
}

/**
 * Sets the page's pace to as fast as the worker goes, as a lecturer in a
 * hurry would: the pace changes how fast the runs play, never what they
 * compute, so every claim holds as at the default pace, in a fraction of
 * the wait. A tour stays in one mode, so the one pace control shown is enough.
 */
async function fastestPace(page: Page): Promise<void> {
  const analytic = page.getByTestId('run-speed');
  const network = page.getByTestId('steps-per-second');
  await expect(analytic.or(network)).toBeVisible();
  if (await analytic.isVisible()) await analytic.selectOption('max');
  else {
    await network.fill('0');
    await network.press('Enter');
  }
}

/** Asserts everything the step says. */
async function checkStep(explorer: ExplorerPage, page: Page, tour: Tour, index: number, step: TourStep): Promise<void> {
  const panel = page.getByTestId('tour-panel');
  await expect(panel.getByTestId('tour-count')).toHaveText(`Step ${index + 1} of ${tour.steps.length}`);
  await expect(panel.getByTestId('tour-step-title')).toHaveText(step.title);
  await expect(panel.getByTestId('tour-text')).toHaveText(step.text);
  await expect(panel.getByTestId('tour-notice')).toContainText(step.notice);
  // The address bar holds this step's link.
  expect(new URL(page.url()).hash).toContain(`tour=${tour.id}&step=${index + 1}`);
  const state = await explorer.state();
  expect(state.linkMessages).toEqual([]);
  expect(state.tours.presenting).toBe(true);
  expect(state.error).toBeNull();

  const evidence = await pageEvidence(explorer);
  for (const { claim, result } of checkClaims(step.claims ?? [], evidence)) {
    expect(result.ok, `${tour.id} step ${index + 1}, ${claim.kind}: ${result.detail}`).toBe(true);
    const line = panel.getByTestId(`tour-run-${claim.run}`);
    await expect(line).toBeVisible();
    if (claim.kind === 'diverges') await expect(line).toContainText('diverged at step');
    else await expect(line).not.toContainText('diverged');
  }
}

test('presentation mode: controls hidden until c, the help on ?, large tour text and chart labels of 18 px or more at 1080p', async ({ page }) => {
  test.setTimeout(120_000);
  const explorer = new ExplorerPage(page);
  const tours = await (async () => {
    await explorer.open();
    return page.evaluate(() => window.__explorer!.tours);
  })();
  expect(tours.map((tour) => tour.id)).toEqual(expect.arrayContaining(['ill-conditioning', 'saddles', 'rosenbrock']));

  // The tours menu opens the first step.
  await page.getByTestId('tours-menu').selectOption('saddles');
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', '1');

  await explorer.pressKey('p');
  await expect(page.locator('.controls')).toBeHidden();
  await expect(page.getByTestId('status-bar')).toBeHidden();
  await explorer.pressKey('c');
  await expect(page.locator('.controls')).toBeVisible();
  await explorer.pressKey('c');
  await expect(page.locator('.controls')).toBeHidden();

  await explorer.pressKey('?');
  const help = page.getByTestId('help-overlay');
  await expect(help).toBeVisible();
  for (const words of ['next tour step', 'previous tour step', 'play / pause', 'presentation mode', 'full screen']) await expect(help).toContainText(words);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/tour-help.png` });
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  expect((await explorer.state()).tours.presenting).toBe(true);

  // The stage and the tour fill the screen; the smallest chart label (11 px) is zoomed to 18 px or more, the tour text larger.
  const sizes = await page.evaluate(() => {
    const stage = document.querySelector('.stage') as HTMLElement & { currentCSSZoom?: number };
    const panel = document.querySelector('.tour-panel') as HTMLElement;
    const text = document.querySelector('.tour-text') as HTMLElement;
    return {
      zoom: stage.currentCSSZoom ?? 1,
      stageWidth: stage.getBoundingClientRect().width,
      panelWidth: panel.getBoundingClientRect().width,
      textPx: parseFloat(getComputedStyle(text).fontSize),
    };
  });
  expect(11 * sizes.zoom).toBeGreaterThanOrEqual(18);
  expect(sizes.stageWidth + sizes.panelWidth).toBeGreaterThan(1900);
  expect(sizes.textPx).toBeGreaterThanOrEqual(28);

  await explorer.pressKey('Escape');
  expect((await explorer.state()).tours.presenting).toBe(false);
  await expect(page.locator('.controls')).toBeVisible();
});

test('a step has its own link: it opens that step, its experiment and its work', async ({ page }) => {
  test.setTimeout(300_000);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const tour = (await page.evaluate(() => window.__explorer!.tours)).find((candidate) => candidate.id === 'ill-conditioning')!;
  await explorer.open({ hash: `${tour.steps[2].link}&tour=ill-conditioning&step=3` });
  await expect(page.getByTestId('tour-panel')).toBeVisible();
  await explorer.pressKey('p');
  await waitForStep(explorer, tour, 2, tour.steps[2]);
  await checkStep(explorer, page, tour, 2, tour.steps[2]);
  // ← goes back a step, loading its experiment.
  await explorer.pressKey('ArrowLeft');
  await waitForStep(explorer, tour, 1, tour.steps[1]);
  await checkStep(explorer, page, tour, 1, tour.steps[1]);
  // A bad step is reported and the tour opens at its first step.
  await explorer.open({ hash: `${tour.steps[0].link}&tour=ill-conditioning&step=42` });
  await expect(explorer.linkMessages).toContainText('tour step');
  await expect(page.getByTestId('tour-panel')).toHaveAttribute('data-step', '1');
});

for (const tour of TOURS) {
  test(`tour ${tour.id}: every step by keyboard in presentation mode at 1920×1080, each claim on screen`, async ({ page }) => {
    test.setTimeout(600_000);
    const explorer = new ExplorerPage(page);
    await explorer.open({ hash: `${tour.steps[0].link}&tour=${tour.id}&step=1` });
    // The page's tours are these (the handle hands out the data the page uses).
    expect(await page.evaluate(() => window.__explorer!.tours)).toEqual(structuredClone(TOURS));
    // The keys listen once the page is drawn.
    await expect(page.getByTestId('tour-panel')).toBeVisible();
    await fastestPace(page);
    await explorer.pressKey('p');
    await expect(page.locator('.controls')).toBeHidden();
    for (let index = 0; index < tour.steps.length; index++) {
      const step = tour.steps[index];
      await waitForStep(explorer, tour, index, step);
      await checkStep(explorer, page, tour, index, step);
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/tour-${tour.id}-${index + 1}.png` });
      // A clicker's PageDown and the arrow key alternate.
      if (index < tour.steps.length - 1) await explorer.pressKey(index % 2 === 0 ? 'PageDown' : 'ArrowRight');
    }
    // At the last step, "next" stays there.
    await explorer.pressKey('PageDown');
    expect((await explorer.state()).tours.tour?.step).toBe(tour.steps.length - 1);
  });
}
