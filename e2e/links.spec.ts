import { expect, test } from '@playwright/test';
import { ExplorerPage, functionOf } from './pages/ExplorerPage';
import { watchPage } from './pages/longTasks';

test('a hostile link shows what was ignored and runs with the defaults', async ({ page }) => {
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  const explorer = new ExplorerPage(page);
  const hostile = [
    'nx=100000',
    'ny=100000',
    `f=${encodeURIComponent('<script>alert(1)</script>')}`,
    'sx=NaN',
    'x0=1e999',
    'o=evil,lr:1',
    `zz=${encodeURIComponent('<img src=x onerror=alert(2)>')}`,
  ].join('&');
  await explorer.open({ hash: hostile });

  await expect(explorer.linkMessages).toBeVisible();
  await expect(explorer.linkMessages).toContainText('Some settings in this link were ignored');
  await expect(explorer.linkMessages).toContainText('nx="100000"');
  await expect(explorer.linkMessages).toContainText('<script>alert(1)</script>');
  await expect(explorer.linkMessages).toContainText('Ignored optimizer "evil"');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  const state = await explorer.waitForSurface();
  expect(state.grid).toMatchObject({ nx: 256, ny: 256, finite: 256 * 256 });
  expect(functionOf(state)).toBe('rosenbrock');
  expect(state.experiment.start).toEqual([-1.5, 2]);
  expect(state.experiment.window.xMin).toBe(-2);
  expect(state.experiment.optimizers.map((o) => o.name)).toEqual(['sgd', 'adam']);
  // The address now holds the experiment actually shown.
  expect(page.url()).toContain('nx=256');
  await explorer.screenshot('05-hostile-link');

  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(explorer.linkMessages).toHaveCount(0);
});

test('a link of a million characters is refused with a message, not a blank page', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'x'.repeat(1_000_000) });
  await expect(explorer.linkMessages).toContainText('1,000,000 characters');
  const state = await explorer.waitForSurface();
  expect(state.grid).toMatchObject({ nx: 256, ny: 256, finite: 256 * 256 });
});

test('back and forward restore the experiments of earlier links', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=beale&n=50' });
  await explorer.waitForState((s) => functionOf(s) === 'beale', 'Beale');
  await page.goto('./#f=saddle&n=60');
  await explorer.waitForState((s) => functionOf(s) === 'saddle' && s.experiment.steps === 60, 'the saddle');
  await page.goBack();
  await explorer.waitForState((s) => functionOf(s) === 'beale' && s.experiment.steps === 50, 'Beale again');
  await page.goForward();
  await explorer.waitForState((s) => functionOf(s) === 'saddle', 'the saddle again');
  const state = await explorer.waitForSurface();
  expect(state.grid!.finite).toBe(256 * 256);
});

test('bad numbers, a key given twice and keys of the other mode are each named in the banner; the run goes on without freezing', async ({ page }) => {
  const { errors, longestTaskMs } = await watchPage(page);
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=quadratic&c=NaN&a=Infinity&x0=-1e308&sx=&n=40&n=50&ds=moons&o=newton' });
  const banner = explorer.linkMessages;
  await expect(banner).toContainText('Ignored c="NaN" (condition κ): expected a number from 1 to 1000000; using 10.');
  await expect(banner).toContainText('Ignored a="Infinity" (rotation in degrees)');
  await expect(banner).toContainText('Ignored x0="-1e308" (window x from)');
  await expect(banner).toContainText('Ignored sx="" (start x₀)');
  await expect(banner).toContainText('The link gives n (steps) 2 times: read the first, "40"; ignored "50".');
  await expect(banner).toContainText('Ignored ds="moons" (data set): it applies only to neural networks.');
  // Newton reaches the quadratic's minimum exactly (a loss of 0): the run ends, the page answers.
  const done = await explorer.waitForState((s) => s.runStatus === 'done', 'the Newton run to finish');
  expect(done.experiment.steps).toBe(40);
  expect(errors).toEqual([]);
  expect(await longestTaskMs()).toBeLessThan(5000);
});

test('Newton on a network over the dense limit is dropped alone: the link’s network and other runs are kept', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'p=network&h=40,40&n=77&o=newton,id:nw&o=sgd,id:g,b:8,lr:0.3' });
  await expect(explorer.linkMessages).toContainText(
    "Ignored run 1 (Newton): Newton factorises the dense Hessian at every step, so it is offered up to 1,000 parameters; this network has 1,801. The link's other runs are kept.",
  );
  const state = await explorer.waitForNetworkData();
  expect(state.experiment.problem).toMatchObject({ hidden: [40, 40] });
  expect(state.experiment.steps).toBe(77);
  expect(state.experiment.optimizers.map((run) => [run.id, run.name, run.lr])).toEqual([['g', 'sgd', 0.3]]);
});
