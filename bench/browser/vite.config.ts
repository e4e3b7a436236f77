import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The benchmark page's own build: root bench/browser, output in
 * bench/browser/dist (git-ignored), relative asset URLs, module workers.
 * `npm run bench` builds it with this file; nothing of the app is included.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8192,
  },
});
