import { expect, test, type Page } from '@playwright/test';
import { ExplorerPage, SCREENSHOT_DIR } from './pages/ExplorerPage';

/**
 * The page fits its window: at a laptop's 1280 × 800, a narrow 1000 × 800
 * window and a phone's 390 × 844, in both modes, nothing scrolls sideways,
 * every canvas (the 3-D scene, the contour map, the data view, the uPlot
 * charts) and the spectrum's SVG fits inside its container, and on the
 * phone the landscape is tall enough to use. The window is narrowed on a
 * page already laid out, so canvases must follow their containers down.
 * At every size the colour bar's ticks read in order without overprinting,
 * and a slice's overlays (badges, the clicked point) leave most of it in view.
 */
const SIZES = [
  { name: '1280', width: 1280, height: 800 },
  { name: '1000', width: 1000, height: 800 },
  { name: '390', width: 390, height: 844 },
] as const;

/** A phone's landscape must be at least this tall (CSS px) to be looked at and clicked; it was a 50 px sliver. */
const PHONE_LANDSCAPE_MIN_HEIGHT = 320;

/**
 * The most of the landscape the overlays of a slice (faithfulness badges,
 * the clicked point's read-out) may cover, as a share of its area; they
 * covered about a third of it.
 */
const OVERLAY_MAX_SHARE = 0.15;

/** What the layout check measures on the page. */
interface LayoutFacts {
  scrollWidth: number;
  innerWidth: number;
  landscapeHeight: number;
  landscapeWidth: number;
  /** Every drawn element wider than its container or past the window's right edge, and every panel whose content is wider than it, described. */
  overflowing: string[];
  /** How many drawn elements were measured. */
  measured: number;
  /** The colour bar's tick labels from top to bottom: their values and whether any two overlap. */
  legendValues: number[];
  legendOverlaps: boolean;
  /** Share of the landscape's area under the slice's overlay (0 without one). */
  overlayShare: number;
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
    // Panels that scroll on their own must not scroll sideways either (their content would be cut off).
    for (const panel of Array.from(document.querySelectorAll<HTMLElement>('.controls, .network-data, .chart, .network-bottom'))) {
      if (panel.scrollWidth <= panel.clientWidth + 1) continue;
      const edge = panel.getBoundingClientRect().left + panel.clientLeft + panel.clientWidth;
      const culprits = Array.from(panel.querySelectorAll<HTMLElement>('*'))
        .filter((element) => element.getBoundingClientRect().right > edge + 1)
        .slice(0, 3)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className || '-'} "${(element.textContent ?? '').slice(0, 30)}"`);
      overflowing.push(`${panel.className}: ${panel.scrollWidth} px of content in ${panel.clientWidth} px (${culprits.join('; ')})`);
    }
    const landscape = document.querySelector('[data-testid="landscape-view"]')?.getBoundingClientRect();
    const ticks = Array.from(document.querySelectorAll('[data-testid="legend-tick"]'))
      .map((tick) => ({ box: tick.getBoundingClientRect(), value: Number((tick.textContent ?? '').replace('−', '-')) }))
      .sort((a, b) => a.box.top - b.box.top);
    const legendOverlaps = ticks.some((tick, k) => k > 0 && tick.box.top < ticks[k - 1].box.bottom - 0.5);
    // What the overlay's boxes cover (the column holding them is see-through).
    const overlayBoxes = Array.from(document.querySelectorAll('.slice-overlay > *')).map((box) => box.getBoundingClientRect());
    const covered = overlayBoxes.reduce((sum, box) => sum + box.width * box.height, 0);
    const overlayShare = landscape ? covered / (landscape.width * landscape.height) : 0;
    return {
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
      landscapeHeight: landscape?.height ?? 0,
      landscapeWidth: landscape?.width ?? 0,
      overflowing,
      measured,
      legendValues: ticks.map((tick) => tick.value),
      legendOverlaps,
      overlayShare,
    };
  });
}

/** Narrows the window to `size`, lets the page lay out again, and checks that it fits. */
async function checkFits(page: Page, size: (typeof SIZES)[number], minimumMeasured: number, screenshot: string): Promise<void> {
  await page.setViewportSize({ width: size.width, height: size.height });
  // ResizeObservers run after layout; uPlot and the canvases repaint in the frames that follow.
  await expect
    .poll(async () => {
      const facts = await layoutFacts(page);
      return { scrolls: facts.scrollWidth > facts.innerWidth, overflowing: facts.overflowing };
    }, { message: `the page fits ${size.width} × ${size.height}` })
    .toEqual({ scrolls: false, overflowing: [] });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${screenshot}.png` });
  const facts = await layoutFacts(page);
  console.log(`${screenshot}: overlay covers ${(100 * facts.overlayShare).toFixed(1)} % of the landscape`);
  expect(facts.measured).toBeGreaterThanOrEqual(minimumMeasured);
  expect(facts.landscapeWidth).toBeLessThanOrEqual(size.width);
  if (size.width < 600) expect(facts.landscapeHeight).toBeGreaterThanOrEqual(PHONE_LANDSCAPE_MIN_HEIGHT);
  // The colour bar: at least two ticks, highest loss on top, in order, none printed over another.
  expect(facts.legendValues.length).toBeGreaterThanOrEqual(2);
  expect(facts.legendValues.every(Number.isFinite)).toBe(true);
  expect(facts.legendValues).toEqual([...facts.legendValues].sort((a, b) => b - a));
  expect(facts.legendOverlaps).toBe(false);
  expect(facts.overlayShare).toBeLessThanOrEqual(OVERLAY_MAX_SHARE);
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
      await checkFits(page, size, 3, `70-layout-analytic-${mode}-${size.name}`);
    }
  }
});

test('network mode fits 1280 × 800, 1000 × 800 and 390 × 844: slice, data view, charts, spectrum', async ({ page }) => {
  test.setTimeout(180_000);
  const explorer = new ExplorerPage(page);
  // Full-batch gradient descent with sharpness tracked (the sharpness chart and its 2/η line) and Adam on minibatches.
  await explorer.openNetwork({ hash: 'p=network&n=60&sh=10&o=sgd,id:o1,b:0,lr:0.1&o=adam,id:o2,b:16,lr:0.02' });
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done', 'both runs trained', 90_000);
  await explorer.fill('slice-resolution', '25');
  await explorer.waitForState((s) => s.experiment.slice.resolution === 25, 'a 25-point slice');
  await explorer.computeSlice((slice) => slice.nx === 25 && slice.projectedRuns.length === 2, 90_000);
  await explorer.setViewMode('contour');
  await explorer.clickLandscapeAt(0.45, 0.45);
  const probed = await explorer.waitForState((s) => s.probe !== null && s.probe.lambdaMax !== null, 'the probe', 60_000);
  const probeCaption = probed.probe!.caption;

  for (const mode of ['3d', 'contour'] as const) {
    await page.setViewportSize({ width: 1280, height: 800 });
    await explorer.setViewMode(mode);
    for (const size of SIZES) {
      // The landscape's canvas, the data view's, and the two uPlot charts (frame and canvas each).
      await checkFits(page, size, 6, `71-layout-network-${mode}-${size.name}`);
    }
  }

  // The clicked point stays where it was clicked whatever the window does.
  expect((await explorer.state()).probe!.caption).toBe(probeCaption);

  // The overlays fold: the read-out down to its first line, the badges' numbers out on request.
  const readout = page.getByTestId('probe-readout');
  const unfolded = (await readout.boundingBox())!.height;
  await page.getByTestId('probe-fold').click();
  await expect(readout.locator('table')).toBeHidden();
  expect((await readout.boundingBox())!.height).toBeLessThan(unfolded / 2);
  await page.getByTestId('probe-fold').click();
  await expect(page.getByTestId('probe-lambda-max')).toBeVisible();
  await expect(page.getByTestId('faithfulness').locator('.badge-text')).toHaveCount(0);
  await page.getByTestId('faithfulness-toggle').click();
  await expect(page.getByTestId('faithfulness').locator('.badge-text')).toHaveCount(2);
  await expect(page.getByTestId('faithfulness').locator('.badge-text').first()).toContainText('off-plane distance');
  await explorer.screenshot('71-layout-network-badges-open-390');
  await page.getByTestId('faithfulness-toggle').click();

  // The curvature tab: the Gauss-Newton matrix's estimated spectrum (SLQ) in the side column. G is
  // positive semi-definite: its saddle index is 0 and its density starts at 0, and the chart says why.
  await page.setViewportSize({ width: 1280, height: 800 });
  await explorer.openSideTab('curvature');
  await page.getByTestId('curvature-target').selectOption('selected');
  await page.getByTestId('curvature-matrix-gauss-newton').click();
  await page.getByTestId('compute-spectrum').click();
  await explorer.waitForState((s) => s.curvature !== null && s.curvature.jobState === 'done', 'the estimated spectrum', 90_000);
  await expect(page.getByTestId('spectrum-chart')).toBeVisible();
  await expect(page.getByTestId('spectrum-psd-note')).toBeVisible();
  await expect(page.getByTestId('curvature-readouts').locator('tr', { hasText: 'negative eigenvalues' }).locator('td')).toHaveText('0%');
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.getByTestId('spectrum-chart').scrollIntoViewIfNeeded();
    await checkFits(page, size, 5, `72-layout-network-spectrum-${size.name}`);
  }
});
