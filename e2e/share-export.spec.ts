import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Download, type Page } from '@playwright/test';
import type { ExplorerNumbers } from '../app/testNumbers';
import { ExplorerPage } from './pages/ExplorerPage';

/**
 * The link holds what is on screen: Share copies it, a fresh browser opens
 * it to the same view and, computed again on the same backend, the same
 * numbers to the last bit. Every export is a download of the right kind,
 * and the experiment file opens again and shows its results as saved; a bad
 * file changes nothing and says why.
 */

const BACKEND = 'wasm';

/** A 2-6-1 network on 80 spiral points, 30 steps of two runs and a 9 × 9 plane (as e2e/explore.spec.ts). */
const NETWORK = 'v=1&p=network&n=30&ds=spiral&do=n:80&h=6&ev=10&lr=9&ck=2&cr=2&cs=5&ct=9&o=sgd,id:o1,c:4cc9f0,b:8,lr:0.5,w:0&o=sgd,id:o2,c:ff7aa2,b:0,lr:0.5,w:0';

/** Gradient descent and Adam for 60 steps on a 41 × 33 Himmelblau surface. */
const ANALYTIC = 'v=1&p=analytic&f=himmelblau&x0=-5&x1=5&y0=-5&y1=5&nx=41&ny=33&sx=-0.5&sy=-3&n=60&o=sgd,id:o1,c:4cc9f0,lr:0.01,w:0&o=adam,id:o2,c:ff7aa2,lr:0.1,b1:0.9,b2:0.999,eps:1e-8,w:0';

const numbers = (explorer: ExplorerPage) => explorer.page.evaluate(() => window.__explorer!.getNumbers()) as Promise<ExplorerNumbers>;

/** Drags across the middle of the 3-D view (an orbit), so the camera leaves its home pose. */
async function orbit(page: Page): Promise<void> {
  const box = (await page.getByTestId('landscape-view').boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x - 90, y + 30, { steps: 8 });
  await page.mouse.up();
}

/** Presses Share and returns the link the clipboard then holds (after checking the length the page states). */
async function share(page: Page): Promise<string> {
  await page.getByTestId('share-link').click();
  await expect(page.getByTestId('share-status')).toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  await expect(page.getByTestId('share-status')).toHaveText(`Link copied (${link.length.toLocaleString('en')} characters).`);
  return link;
}

/** The explorer on `page`, whose context may use the clipboard (the Share button copies the link there). */
async function sharingExplorer(page: Page, context: BrowserContext): Promise<ExplorerPage> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  return new ExplorerPage(page);
}

/** A page in a new browser context (no storage, no service worker shared with the first). */
async function freshPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

test('a trained network with a slice, a clicked point, a run, a tab and a camera: Share, open in a fresh browser, the same view and bit-identical numbers', async ({ page, context, browser }) => {
  test.setTimeout(180_000);
  const explorer = await sharingExplorer(page, context);
  await explorer.openNetwork({ query: `?backend=${BACKEND}`, hash: NETWORK });
  await explorer.play();
  await explorer.waitForState((s) => s.runStatus === 'done', 'both runs trained', 60_000);
  await explorer.computeSlice((slice) => slice.nx === 9);
  await orbit(page);
  await explorer.clickLandscapeAt(0.5, 0.55);
  await explorer.waitForState((s) => s.probe !== null, 'the clicked point probed', 30_000);
  await page.getByTestId('show-run-o2').click();
  await explorer.openSideTab('curvature');
  const before = await explorer.state();
  expect(before.display.camera).not.toBeNull();
  expect(before.display.point).not.toBeNull();
  expect(before.display).toMatchObject({ sideTab: 'curvature', selectedRun: 'o2' });
  const shown = await numbers(explorer);
  await explorer.screenshot('60-share-network-before');

  const link = await share(page);
  expect(link).toContain(`?backend=${BACKEND}#`);
  expect(link).toMatch(/&cam=[-\d.,]+&tab=curvature&sel=o2&pt=[-\d.]+,[-\d.]+$/);
  expect(link.length).toBeLessThan(2000);

  const other = new ExplorerPage(await freshPage(browser));
  await other.page.goto(link);
  await other.page.waitForFunction(() => window.__explorer !== undefined);
  await other.waitForNetworkData();
  const opened = await other.state();
  expect(opened.linkMessages).toEqual([]);
  expect(opened.experiment).toEqual(before.experiment);
  expect(opened.display.camera).toEqual(before.display.camera);
  expect(opened.display).toMatchObject({ sideTab: 'curvature', selectedRun: 'o2', point: before.display.point });
  await expect(other.page.getByTestId('side-tab-curvature')).toHaveAttribute('aria-selected', 'true');
  await expect(other.page.getByTestId('show-run-o2')).toHaveAttribute('aria-pressed', 'true');
  await other.play();
  await other.waitForState((s) => s.runStatus === 'done', 'both runs trained again', 60_000);
  // The link's point is probed as soon as the slice is there.
  await other.computeSlice((slice) => slice.nx === 9);
  const again = await other.waitForState((s) => s.probe !== null && s.probe.caption === before.probe!.caption, 'the link’s point probed', 30_000);
  expect(again.probe!.loss).toBe(before.probe!.loss);
  const recomputed = await numbers(other);
  expect(recomputed.curves).toEqual(shown.curves);
  expect(recomputed.slice!.values).toHaveLength(81);
  expect(recomputed.slice).toEqual(shown.slice);
  expect(again.display.camera).toEqual(before.display.camera);
  await other.screenshot('61-share-network-after');
  // The same view: the two landscapes are drawn from the same camera on the same field (no pointer over either).
  await other.page.mouse.move(0, 0);
  await page.mouse.move(0, 0);
  // The probe's last parts (its prediction) may still be computing: compare the views once neither shows a probe's progress.
  for (const view of [explorer, other]) await expect(view.landscape.getByText(/^Probe\b/)).toHaveCount(0, { timeout: 30_000 });
  const [mine, theirs] = [await explorer.landscape.screenshot({ path: 'e2e/screenshots/64-network-view-first.png' }), await other.landscape.screenshot({ path: 'e2e/screenshots/65-network-view-fresh.png' })];
  expect(await meanPixelDifference(page, mine, theirs)).toBeLessThan(1);
  await other.page.context().close();
});

/**
 * The mean absolute difference of two screenshots of the same size, per
 * channel in [0, 255] (decoded in the page). Rasterisation on SwiftShader
 * may differ at a few edge pixels between two contexts; a different camera
 * or field moves most of the picture and gives tens.
 */
async function meanPixelDifference(page: Page, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(async ([first, second]) => {
    const decode = async (base64: string) => {
      // An image element (img-src allows data:; connect-src would refuse a fetch of it).
      const bitmap = new Image();
      bitmap.src = `data:image/png;base64,${base64}`;
      await bitmap.decode();
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [x, y] = [await decode(first), await decode(second)];
    if (x.length !== y.length) return Infinity;
    let sum = 0;
    for (let k = 0; k < x.length; k++) sum += Math.abs(x[k] - y[k]);
    return sum / x.length;
  }, [a.toString('base64'), b.toString('base64')] as const);
}

/** Chooses `entry` in the Export menu and returns the download it starts. */
async function exportEntry(page: Page, entry: string): Promise<Download> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-menu').selectOption(entry);
  return download;
}

/** The bytes of a download. */
async function bytesOf(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

/** Width and height of a PNG (its IHDR chunk), after checking its signature. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('an analytic link: Share in a fresh browser gives the same paths and view; every export; the experiment file opens again without recomputing; bad files change nothing', async ({ page, context, browser }) => {
  test.setTimeout(180_000);
  const explorer = await sharingExplorer(page, context);
  await explorer.open({ query: `?backend=${BACKEND}`, hash: ANALYTIC });
  await explorer.waitForSurface();
  await explorer.waitForState((s) => s.runStatus === 'done', 'both runs at 60 steps');
  await page.getByTestId('log-scale').uncheck();
  await orbit(page);
  await explorer.waitForState((s) => s.display.camera !== null, 'the camera in the link');
  const shown = await numbers(explorer);
  const state = await explorer.state();

  const link = await share(page);
  expect(link).toMatch(/&log=0&.*&cam=[-\d.,]+$/);
  const other = new ExplorerPage(await freshPage(browser));
  await other.page.goto(link);
  await other.page.waitForFunction(() => window.__explorer !== undefined);
  await other.waitForSurface();
  const opened = await other.waitForState((s) => s.runStatus === 'done', 'both runs again');
  expect(opened.linkMessages).toEqual([]);
  expect(opened.view).toEqual({ mode: '3d', logScale: false });
  expect(opened.display.camera).toEqual(state.display.camera);
  const recomputed = await numbers(other);
  expect(recomputed.surface).toEqual(shown.surface);
  expect(recomputed.paths).toEqual(shown.paths);
  await page.mouse.move(0, 0);
  const [mine, theirs] = [await explorer.landscape.screenshot({ path: 'e2e/screenshots/66-analytic-view-first.png' }), await other.landscape.screenshot({ path: 'e2e/screenshots/67-analytic-view-fresh.png' })];
  expect(await meanPixelDifference(page, mine, theirs)).toBeLessThan(1);
  await other.page.context().close();

  // Pictures: the 2× picture is twice the 1× one in each direction.
  const [width, height] = pngSize(await bytesOf(await exportEntry(page, 'view-png-1')));
  const box = (await explorer.landscape.boundingBox())!;
  // The drawing buffer is the view's CSS size, rounded down or to nearest by the renderer.
  expect(Math.abs(width - box.width)).toBeLessThan(1);
  expect(Math.abs(height - box.height)).toBeLessThan(1);
  const twice = await exportEntry(page, 'view-png-2');
  expect(twice.suggestedFilename()).toBe('landscape-2x.png');
  // Twice the view's CSS size in each direction (540.5 CSS pixels give 540 at 1×, 1081 at 2×).
  const [width2, height2] = pngSize(await bytesOf(twice));
  expect(Math.abs(width2 - 2 * box.width)).toBeLessThan(1);
  expect(Math.abs(height2 - 2 * box.height)).toBeLessThan(1);
  const chart = await exportEntry(page, 'charts-png');
  expect(chart.suggestedFilename()).toBe('loss-chart.png');
  expect(pngSize(await bytesOf(chart))[0]).toBeGreaterThan(100);

  // The surface: CSV rows in grid order, JSON values equal to the page's to the bit.
  const csv = (await bytesOf(await exportEntry(page, 'surface-csv'))).toString('utf8').trim().split('\n');
  expect(csv[0]).toBe('x,y,f');
  expect(csv).toHaveLength(41 * 33 + 1);
  expect(csv[1].split(',').map(Number)).toEqual([-5, -5, shown.surface!.values[0]]);
  const surface = JSON.parse((await bytesOf(await exportEntry(page, 'surface-json'))).toString('utf8'));
  expect(surface).toMatchObject({ of: 'function', nx: 41, ny: 33 });
  expect(surface.values).toEqual(shown.surface!.values);

  // The mesh: glTF 2.0 with one vertex per grid point, positions and colours.
  const gltf = JSON.parse((await bytesOf(await exportEntry(page, 'surface-gltf'))).toString('utf8'));
  expect(gltf.asset.version).toBe('2.0');
  const primitive = gltf.meshes[0].primitives[0];
  expect(Object.keys(primitive.attributes)).toEqual(expect.arrayContaining(['POSITION', 'COLOR_0']));
  expect(gltf.accessors[primitive.attributes.POSITION].count).toBe(41 * 33);

  // The experiment file; then another function live, and the file opened over it.
  const saved = await exportEntry(page, 'experiment');
  const savedPath = (await saved.path())!;
  const file = JSON.parse(readFileSync(savedPath, 'utf8'));
  expect(file.format).toBe('loss-landscape-experiment/1');
  expect(file.surface.values).toEqual(shown.surface!.values);
  expect(file.paths.map((path: { losses: number[] }) => path.losses)).toEqual(shown.paths.map((path) => path.losses));
  await explorer.selectFunction('Beale');
  await explorer.waitForState((s) => s.experiment.problem.kind === 'analytic' && s.experiment.problem.name === 'beale', 'Beale live');
  const live = await explorer.state();
  await page.getByTestId('open-file-input').setInputFiles(savedPath);
  await expect(page.getByTestId('opened-file')).toBeVisible();
  const reopened = await explorer.state();
  expect(reopened.openedFile!.surfaceValues).toEqual(shown.surface!.values);
  expect(reopened.openedFile!.link).toBe(file.link);
  // Nothing recomputed: the live experiment is still Beale's, untouched.
  expect(reopened.experiment).toEqual(live.experiment);
  await expect(page.getByTestId('opened-file-runs')).toContainText('Adam');
  await explorer.screenshot('62-opened-experiment-file');

  // Bad files: a message each, and the opened file stays as it was.
  const bad: [string, string, RegExp][] = [
    ['garbage.json', 'not json {', /it is not JSON/],
    ['results.json', JSON.stringify({ format: 'loss-landscape-results/1' }), /its "format" must be "loss-landscape-experiment\/1" \(found "loss-landscape-results\/1"\)/],
    ['short.json', JSON.stringify({ ...file, surface: { ...file.surface, values: file.surface.values.slice(1) } }), /the surface must hold nx·ny values/],
    ['edited.json', JSON.stringify({ ...file, experiment: { ...file.experiment, steps: 61 } }), /its experiment differs from the experiment its link describes/],
    ['nan.json', readFileSync(savedPath, 'utf8').replace(/"values": \[/, '"values": [NaN,'), /it is not JSON/],
  ];
  for (const [name, text, message] of bad) {
    await page.getByTestId('open-file-input').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByTestId('share-status')).toContainText(`Could not open "${name}"`);
    await expect(page.getByTestId('share-status')).toContainText(message);
    await expect(page.getByTestId('share-status')).toContainText('Nothing was changed.');
    // The file opened from the download's path keeps that path's name.
    expect((await explorer.state()).openedFile!.name).toBe(basename(savedPath));
  }
  await explorer.screenshot('63-bad-experiment-file');

  // Drag and drop opens a file like the picker.
  await page.getByTestId('opened-file-close').click();
  await expect(page.getByTestId('opened-file')).toHaveCount(0);
  const text = readFileSync(savedPath, 'utf8');
  const dropped = await page.evaluateHandle((content) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
    return transfer;
  }, text);
  await page.dispatchEvent('main', 'drop', { dataTransfer: dropped });
  await expect(page.getByTestId('opened-file')).toBeVisible();
  expect((await explorer.state()).openedFile!.name).toBe('dropped.json');
});
