import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

test('the training worker crashing inside a step, four times over: each time the training restarts by itself, with a message, and plays to the end', async ({ page }) => {
  test.setTimeout(150_000);
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'p=network&n=1500' });
  await explorer.waitForNetworkData();
  await explorer.play();
  for (let crash = 1; crash <= 4; crash++) {
    await explorer.waitForState((s) => s.runStatus === 'running' && s.networkRuns.every((run) => run.step >= 5), `training before crash ${crash}`);
    await page.evaluate(() => window.__explorer!.simulateWorkerCrash('during-step'));
    const state = await explorer.waitForState((s) => s.notices.length >= crash, `the message of crash ${crash}`);
    expect(state.notices[crash - 1]).toMatch(/training worker crashed: .*simulated worker crash during a step.*started again from θ₀/);
  }
  const done = await explorer.waitForState((s) => s.runStatus === 'done', 'the training to finish', 120_000);
  expect(done.networkRuns.map((run) => [run.step, run.status])).toEqual([
    [1500, 'done'],
    [1500, 'done'],
  ]);
  expect(done.error).toBeNull();
});

test('a training worker that stops without a word (self.close()) is found out at once and replaced; the training plays to the end', async ({ page }) => {
  test.setTimeout(120_000);
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'p=network&n=1500' });
  await explorer.waitForNetworkData();
  await explorer.play();
  await explorer.waitForState((s) => s.networkRuns.every((run) => run.step >= 5), 'training under way');
  await page.evaluate(() => window.__explorer!.simulateWorkerSilentStop());
  const told = await explorer.waitForState((s) => s.notices.length === 1, 'a message about the silent stop', 10_000);
  expect(told.notices[0]).toContain('the training worker crashed: it stopped without a word');
  const done = await explorer.waitForState((s) => s.runStatus === 'done', 'the training to finish', 90_000);
  expect(done.networkRuns.map((run) => run.step)).toEqual([1500, 1500]);
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
