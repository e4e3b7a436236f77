import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';
import { recordCspViolations } from './pages/cspViolations';

test('the built page carries a Content-Security-Policy of its own origin, and a whole session breaks none of it nor asks another origin', async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.context().on('request', (request) => requests.push(request.url()));
  const violations = await recordCspViolations(page);
  const explorer = new ExplorerPage(page);
  await explorer.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/'unsafe-eval'/);

  // Analytic mode: the surface and the runs; then network mode: data, training, a slice, the spectrum.
  // WebAssembly compiles under the policy ('wasm-unsafe-eval'): the backend is wasm, not the cpu fallback.
  expect((await explorer.waitForSurface()).backend).toBe('wasm');
  await explorer.waitForState((s) => s.runs.every((run) => run.step >= 10), 'ten optimizer steps');
  await explorer.setViewMode('contour');
  await explorer.switchMode('network');
  await explorer.waitForNetworkData();
  await explorer.play();
  await explorer.waitForState((s) => s.networkRuns.every((run) => run.step >= 20), '20 training steps', 45_000);
  await explorer.pauseIfRunning();
  await explorer.fill('slice-resolution', '9');
  await explorer.computeSlice((slice) => slice.nx === 9);
  await explorer.openSideTab('curvature');
  await page.getByTestId('compute-spectrum').click();
  await explorer.waitForState((s) => s.curvature !== null && s.curvature.jobState === 'done', 'the curvature report', 60_000);

  expect(await violations()).toEqual([]);
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(foreign).toEqual([]);
  expect(requests.length).toBeGreaterThan(10);
});

test('after one visit the app works offline, reload included, in both modes', async ({ page, context }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open();
  await explorer.waitForSurface();
  // The service worker has cached every file of the build once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => window.__explorer!.getState().offlineReady), { timeout: 30_000 }).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.__explorer !== undefined);
  const state = await explorer.waitForSurface(60_000);
  expect(state.grid!.finite).toBe(state.grid!.nx * state.grid!.ny);
  await explorer.switchMode('network');
  await explorer.waitForNetworkData(60_000);
  await explorer.play();
  const trained = await explorer.waitForState((s) => s.networkRuns.every((run) => run.step >= 10), 'ten training steps offline', 45_000);
  expect(trained.notices.filter((notice) => /crash|no computation backend/i.test(notice))).toEqual([]);
  await explorer.screenshot('50-offline-network');
});

test('the build evaluates no strings as code (no eval, no new Function), so the policy needs no unsafe-eval', () => {
  // The web server of these tests has just built dist/.
  const assets = join(process.cwd(), 'dist', 'assets');
  const scripts = readdirSync(assets).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(5);
  const offenders = scripts.filter((file) => /\beval\s*\(|\bnew\s+Function\s*\(/.test(readFileSync(join(assets, file), 'utf8')));
  expect(offenders).toEqual([]);
});
