import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, SYSTEM_CHROMIUM } from './e2e/chromium';

/**
 * End-to-end tests against the built app: `vite build`, then `vite preview`
 * serves dist/ on 127.0.0.1:4173 once for every spec (one worker, so the two
 * cores are not shared between browsers).
 *
 * The system Chromium is preferred (Debian installs it under /usr/lib/chromium);
 * WebGL runs on SwiftShader, the CPU implementation, so the tests need no GPU.
 */

// E2E_PORT lets a second checkout run its tests while another holds the default port.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    command: `npx vite build --logLevel warn && npx vite preview --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    // Always build and serve this checkout: a server left running could hold an older build.
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: [/webgpu\.spec\.ts/, /main-thread\.spec\.ts/],
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: SYSTEM_CHROMIUM, args: [...CHROMIUM_ARGS] },
      },
    },
    {
      // Measurements, not checks: the main thread's long tasks per scenario
      // (`npm run bench:main-thread`), kept out of `npm test` because a task's
      // length is wall-clock time.
      name: 'main-thread',
      testMatch: /main-thread\.spec\.ts/,
      use: {
        browserName: 'chromium',
        // With WebGPU on offer, so that MAIN_THREAD_BACKEND=webgpu measures it too.
        launchOptions: { executablePath: SYSTEM_CHROMIUM, args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'] },
      },
    },
    {
      // WebGPU needs its own browser flags, so it runs as a separate project.
      name: 'webgpu',
      testMatch: /webgpu\.spec\.ts/,
      timeout: 180_000,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: SYSTEM_CHROMIUM,
          args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'],
        },
      },
    },
  ],
});
