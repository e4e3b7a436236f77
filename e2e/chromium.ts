/**
 * The headless Chromium that the end-to-end tests and the browser benchmarks
 * launch: Debian's system build when installed (the binary under
 * /usr/lib/chromium, or its wrapper script), with flags that keep it off the
 * network and render WebGL on SwiftShader, the CPU implementation, so no GPU
 * is needed.
 */
import { existsSync } from 'node:fs';

/** The system Chromium's path, or undefined where none is installed (Playwright's own is used then). */
export const SYSTEM_CHROMIUM: string | undefined = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((path) =>
  existsSync(path),
);

/** Launch flags: no sandbox (containers), no background network chatter, WebGL on SwiftShader. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
