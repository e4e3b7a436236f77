import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

test('a diverging gradient descent stops with a message naming the step, while Adam goes on', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=rosenbrock&n=200' });
  await explorer.waitForSurface();
  await explorer.pressKey('r');
  const [sgdId, adamId] = await explorer.optimizerIds();

  // η = 0.05 is far above 2 / λ_max ≈ 0.001 at the start (-1.5, 2).
  await explorer.fill(`lr-${sgdId}`, '0.05');
  await explorer.waitForState((s) => s.experiment.optimizers[0].lr === 0.05, 'the new learning rate');
  await explorer.play();

  const diverged = await explorer.waitForState((s) => s.runs[0].status === 'diverged', 'gradient descent to diverge');
  const step = diverged.runs[0].divergedAt!;
  expect(step).toBeGreaterThan(0);
  const message = page.getByTestId(`diverged-${sgdId}`);
  await expect(message).toBeVisible();
  // The card shows the last completed step; the message names it too, so the two do not read as an off-by-one.
  await expect(message).toContainText(`Gradient descent diverged at step ${step}, so it stopped at step ${step - 1}:`);
  await expect(page.getByTestId(`step-${sgdId}`)).toHaveText(String(step - 1));
  await expect(message).toHaveCSS('color', 'rgb(255, 107, 107)');

  const finished = await explorer.waitForState((s) => s.runs[1].status === 'done', 'Adam to finish');
  expect(finished.runs[1].step).toBe(200);
  expect(finished.runs[1].divergedAt).toBeNull();
  expect(finished.runs[0].step).toBe(step - 1);
  await expect(page.getByTestId(`step-${adamId}`)).toHaveText('200');
  await explorer.screenshot('04-divergence');
});

test('a refused learning rate is named in the words of its card, and its notice goes when the value is set back', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'f=rosenbrock&n=20' });
  await explorer.waitForSurface();
  const [sgdId] = await explorer.optimizerIds();
  const original = (await explorer.state()).experiment.optimizers[0].lr;

  await explorer.fill(`lr-${sgdId}`, '-1');
  const notice = page.getByTestId('edit-problems');
  await expect(notice).toHaveText('Not applied: Gradient descent: learning rate η must be a finite number > 0, got -1');
  await expect(page.getByTestId(`lr-${sgdId}`)).toHaveAttribute('aria-invalid', 'true');

  // Typing the value the run already has withdraws the refusal and its notice.
  await explorer.fill(`lr-${sgdId}`, String(original));
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId(`lr-${sgdId}`)).toHaveAttribute('aria-invalid', 'false');

  // So does Escape.
  await explorer.fill(`lr-${sgdId}`, '-2');
  await expect(notice).toBeVisible();
  await page.getByTestId(`lr-${sgdId}`).press('Escape');
  await expect(notice).toHaveCount(0);
  expect((await explorer.state()).experiment.optimizers[0].lr).toBe(original);
});
