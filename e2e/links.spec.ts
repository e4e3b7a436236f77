import { expect, test } from '@playwright/test';
import { ExplorerPage, functionOf } from './pages/ExplorerPage';

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
