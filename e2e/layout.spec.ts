import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

/**
 * The page fits its window: at a laptop's 1280 × 800, a narrow 1000 × 800
 * window and a phone's 390 × 844, in both modes, nothing scrolls sideways,
 * every canvas (the 3-D scene, the contour map, the data view, the uPlot
 * charts) and the spectrum's SVG fits inside its container, and on the
 * phone the landscape is tall enough to use. The window is narrowed on a
 * page already laid out, so canvases must follow their containers down.
 */
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1000', width: 1000, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const;

/** A phone's landscape must be at least this tall (CSS px) to be looked at and clicked. */
const PHONE_LANDSCAPE_MIN_HEIGHT = 300;

/** What the layout check measures on the page. */
interface LayoutFacts {
  scrollWidth: number;
  innerWidth: number;
  landscapeHeight: number;
  landscapeWidth: number;
  /** Every drawn element wider than its container or past the window's right edge, described. */
  overflowing: string[];
  /** How many drawn elements were measured. */
  measured: number;
}

async function layoutFacts(page: Page): Promise<LayoutFacts> {
  return page.evaluate(() => {
    const overflowing: string[] = [];
    const drawn = Array.from(document.querySelectorAll<HTMLElement | SVGElement>('canvas, svg.spectrum-svg, .uplot'));
    let measured = 0;
    for (const element of drawn) {
      const box = element.getBoundingClientRect();
      // Canvases that are not laid out (the hidden tab's, a canvas uPlot keeps off-screen) are not shown.
      if (box.width === 0 || box.height === 0) continue;
      const parent = element.parentElement;
      if (!parent) continue;
      measured += 1;
      const container = parent.getBoundingClientRect();
      const name = `${element.tagName.toLowerCase()}${element.getAttribute('data-testid') ? `[${element.getAttribute('data-testid')}]` : ''} in ${parent.className || parent.tagName}`;
      if (box.width > container.width + 1) overflowing.push(`${name}: ${box.width.toFixed(0)} px wide in ${container.width.toFixed(0)} px`);
      if (box.right > window.innerWidth + 1) overflowing.push(`${name}: right edge at ${box.right.toFixed(0)} px, window ${window.innerWidth} px`);
    }
    const landscape = document.querySelector('[data-testid="landscape-view"]')?.getBoundingClientRect();
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      landscapeHeight: landscape?.height ?? 0,
      landscapeWidth: landscape?.width ?? 0,
      overflowing,
      measured,
    };
  });
}

/** Narrows the window to `size`, lets the page lay out again, and checks that it fits. */
async function checkFits(page: Page, size: (typeof SIZES)[number], minimumMeasured: number): Promise<void> {
  await page.setViewportSize({ width: size.width, height: size.height });
  // ResizeObservers run after layout; uPlot and the canvases repaint in the frames that follow.
  await expect
    .poll(async () => {
      const facts = await layoutFacts(page);
      return { scrolls: facts.scrollWidth > facts.innerWidth, overflowing: facts.overflowing };
    }, { message: `the page fits ${size.width} × ${size.height}` })
    .toEqual({ scrolls: false, overflowing: [] });
  const facts = await layoutFacts(page);
  expect(facts.measured).toBeGreaterThanOrEqual(minimumMeasured);
  expect(facts.landscapeWidth).toBeLessThanOrEqual(size.width);
  if (size.width < 600) expect(facts.landscapeHeight).toBeGreaterThanOrEqual(PHONE_LANDSCAPE_MIN_HEIGHT);
}

test('analytic mode fits 1280 × 800, 1000 × 800 and 390 × 844 in 3-D and as a contour map', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=rosenbrock&n=200' });
  await explorer.waitForSurface();
  await explorer.waitForState((s) => s.runStatus === 'done', 'the runs to finish');
  for (const mode of ['3d', 'contour'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await explorer.setViewMode(mode);
    for (const size of SIZES) {
      // The scene's or map's canvas, and the loss chart's uPlot frame with its canvas.
      await checkFits(page, size, 3);
      await page.evaluate(() => window.scrollTo(0, 0));
      await explorer.screenshot(`70-layout-analytic-${mode}-${size.name}`);
    }
  }
});

test('network mode fits 1280 × 800, 1000 × 800 and 390 × 844: slice, data view, charts, spectrum', async ({ page }) => {
  test.setTimeout(180_000);
  const explorer = new ExplorerPage(page);
  // Full-batch gradient descent with sharpness tracked (the sharpness chart and its 2/η line) and Adam on minibatches.
  await explorer.open({ hash: 'p=network&n=60&sh=10&o=sgd,id:o1,b:0,lr:0.1&o=adam,id:o2,b:16,lr:0.02' });
  await explorer.waitForNetworkData();
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done', 'both runs trained', 90_000);
  await explorer.fill('slice-resolution', '25');
  await explorer.waitForState((s) => s.experiment.slice.resolution === 25, 'a 25-point slice');
  await explorer.computeSlice((slice) => slice.nx === 25 && slice.projectedRuns.length === 2, 90_000);
  await explorer.setViewMode('contour');
  await explorer.clickLandscapeAt(0.45, 0.45);
  await explorer.waitForState((s) => s.probe !== null && s.probe.lambdaMax !== null, 'the probe', 60_000);

  for (const mode of ['3d', 'contour'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await explorer.setViewMode(mode);
    for (const size of SIZES) {
      // The landscape's canvas, the data view's, and the two uPlot charts (frame and canvas each).
      await checkFits(page, size, 6);
      await page.evaluate(() => window.scrollTo(0, 0));
      await explorer.screenshot(`71-layout-network-${mode}-${size.name}`);
    }
  }

  // The curvature tab: the Gauss-Newton spectrum in the side column fits too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await explorer.openSideTab('curvature');
  await page.getByTestId('curvature-target').selectOption('selected');
  await page.getByTestId('curvature-matrix-gauss-newton').click();
  await page.getByTestId('compute-exact-spectrum').click();
  await explorer.waitForState((s) => s.curvature !== null && s.curvature.jobState === 'done', 'the exact spectrum', 90_000);
  await expect(page.getByTestId('spectrum-chart')).toBeVisible();
  for (const size of SIZES) {
    await checkFits(page, size, 5);
    await page.getByTestId('spectrum-chart').scrollIntoViewIfNeeded();
    await explorer.screenshot(`72-layout-network-spectrum-${size.name}`);
  }
});
