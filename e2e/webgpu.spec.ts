import { expect, test } from '@playwright/test';
import { ExplorerPage } from './pages/ExplorerPage';

// Runs in its own project, whose Chromium is started with --enable-unsafe-webgpu
// (a software WebGPU adapter here: slow, hence the long timeouts).
test('a software WebGPU adapter is passed over for wasm, saying why', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  await explorer.open({ hash: 'n=20' });
  await expect(explorer.backendLabel()).toHaveText('wasm', { timeout: 60_000 });
  const state = await explorer.state();
  expect(state.backendAttempts[0]).toMatchObject({ backend: 'webgpu', ok: false });
  expect(state.backendAttempts[0].reason).toMatch(/^software adapter \(.*swiftshader.*\), slower than wasm$/);
});

test('forced with ?backend=webgpu, the worker runs on the webgpu backend', async ({ page }) => {
  const explorer = new ExplorerPage(page);
  const started = Date.now();
  await explorer.open({ query: '?backend=webgpu', hash: 'n=20' });
  await expect(explorer.backendLabel()).toHaveText('webgpu', { timeout: 150_000 });
  const state = await explorer.waitForSurface(150_000);
  console.log(`webgpu: surface drawn ${Date.now() - started} ms after navigation started`);
  expect(state.backend).toBe('webgpu');
  expect(state.backendAttempts[0]).toEqual({ backend: 'webgpu', ok: true });
  expect(state.grid).toMatchObject({ nx: 256, ny: 256, finite: 256 * 256 });
  await explorer.waitForState((s) => s.runs.every((r) => r.step >= 5), 'a few optimizer steps', 150_000);
  await explorer.screenshot('06-webgpu');
});
