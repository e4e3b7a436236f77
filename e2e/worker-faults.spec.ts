import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

test('the training worker crashing inside a step, four times over: each time the training restarts by itself, with a message, and plays to the end', async ({ page }) => {
  test.setTimeout(150_000);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ hash: 'p=network&n=250' });
  await explorer.play();
  for (let crash = 1; crash <= 4; crash++) {
    await explorer.waitForState((s) => s.runStatus === 'running' && s.networkRuns.every((run) => run.step >= 5), `training before crash ${crash}`);
    await page.evaluate(() => window.__explorer!.simulateWorkerCrash('during-step'));
    const state = await explorer.waitForState((s) => s.notices.length >= crash, `the message of crash ${crash}`);
    expect(state.notices[crash - 1]).toMatch(/training worker crashed: .*simulated worker crash during a step.*started again from θ₀/);
  }
  const done = await explorer.waitForState((s) => s.runStatus === 'done', 'the training to finish', 120_000);
  expect(done.networkRuns.map((run) => [run.step, run.status])).toEqual([
    [250, 'done'],
    [250, 'done'],
  ]);
  expect(done.error).toBeNull();
});

test('a training worker that stops without a word (self.close()) is found out at once and replaced; the training plays to the end', async ({ page }) => {
  test.setTimeout(120_000);
  const explorer = new ExplorerPage(page);
  await explorer.openNetwork({ hash: 'p=network&n=250' });
  await explorer.play();
  await explorer.waitForState((s) => s.networkRuns.every((run) => run.step >= 5), 'training under way');
  await page.evaluate(() => window.__explorer!.simulateWorkerSilentStop());
  const told = await explorer.waitForState((s) => s.notices.length === 1, 'a message about the silent stop', 10_000);
  expect(told.notices[0]).toContain('the training worker crashed: it stopped without a word');
  const done = await explorer.waitForState((s) => s.runStatus === 'done', 'the training to finish', 90_000);
  expect(done.networkRuns.map((run) => run.step)).toEqual([250, 250]);
  expect(done.error).toBeNull();
});

test('an analytic worker that stops without a word is replaced, and the runs play to the end', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'n=3000' });
  await explorer.waitForSurface();
  await explorer.waitForState((s) => s.runStatus === 'running' && s.runs.every((run) => run.step >= 5), 'the runs under way');
  await page.evaluate(() => window.__explorer!.simulateWorkerSilentStop());
  const told = await explorer.waitForState((s) => s.notices.length === 1, 'a message about the silent stop', 10_000);
  expect(told.notices[0]).toContain('the worker crashed: it stopped without a word');
  await explorer.waitForState((s) => s.runStatus === 'done' && s.runs.every((run) => run.step === 3000), 'the runs to finish', 60_000);
});

/** Content types of the build's files, for serving them from the test. */
const CONTENT_TYPES: Record<string, string> = { js: 'text/javascript', wasm: 'application/wasm', css: 'text/css', html: 'text/html', svg: 'image/svg+xml' };

/**
 * Takes the browser offline with an incomplete offline copy: every file of
 * the build (dist/, which the web server of these tests has just built) is
 * served from the copy except those whose path matches `missing`, which
 * fail as offline requests do. Returns a function that brings the network back.
 */
async function offlineWithout(context: BrowserContext, missing: RegExp): Promise<() => Promise<void>> {
  await context.route('**/*', (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(process.cwd(), 'dist', path === '/' ? 'index.html' : path);
    if (missing.test(path) || !existsSync(file)) return route.abort('internetdisconnected');
    return route.fulfill({ body: readFileSync(file), contentType: CONTENT_TYPES[file.split('.').pop()!] ?? 'application/octet-stream' });
  });
  await context.setOffline(true);
  return async () => {
    await context.unroute('**/*');
    await context.setOffline(false);
  };
}

test.describe('offline with an incomplete offline copy', () => {
  // The copy is played by the routes above, not by the service worker.
  test.use({ serviceWorkers: 'block' });

  for (const [what, missing, expected] of [
    ['the training worker’s script', /training\.worker/, /training\.worker-[\w-]+\.js/],
    ['the backends’ modules and binaries', /\/dist-|\.wasm$/, /dist-[\w-]+\.js.*tfjs-backend-wasm-simd-[\w-]+\.wasm/],
  ] as const) {
    test(`switching to network mode without ${what} says that the app is offline and which files are missing, then trains once the network is back`, async ({ page, context }) => {
      const explorer = new ExplorerPage(page);
      await explorer.open();
      await explorer.waitForSurface();
      const backOnline = await offlineWithout(context, missing);
      await explorer.switchMode('network');
      const told = await explorer.waitForState((s) => s.error !== null && /needs these files/.test(s.error), 'the offline message with the missing files');
      expect(told.error).toMatch(/^The app is offline, and its offline copy is not complete: the training needs these files: /);
      expect(told.error).toMatch(expected);
      // One message, not a worker crashing over and over.
      await page.waitForTimeout(2000);
      const after = await explorer.state();
      expect(after.notices.filter((notice) => /crashed|no computation backend/.test(notice))).toEqual([]);
      expect(after.error).toBe(told.error);

      await backOnline();
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      const trained = await explorer.waitForNetworkData(60_000);
      expect(trained.error).toBeNull();
      await explorer.play();
      await explorer.waitForState((s) => s.networkRuns.every((run) => run.step >= 10), 'ten training steps');
    });
  }
});
