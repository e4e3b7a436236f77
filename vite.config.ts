import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The page's Content-Security-Policy: everything from the app's own origin
 * and nothing else. Each exception is what the app needs to run:
 * - `'wasm-unsafe-eval'`: compiling the WebAssembly backend (no JavaScript eval);
 * - `data:` and `blob:` images: canvas exports (PNG) and icons;
 * - no `'unsafe-inline'` styles: three.js and uPlot set element styles from
 *   script, which style-src does not govern.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The built page's Content-Security-Policy, as a meta tag (a static host
 * may set no headers). Only in the build: the development server injects
 * styles and scripts for hot reloading that the policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head' },
    ],
  };
}

/**
 * `base: './'` makes every asset URL relative, so `dist/` works from any
 * sub-path (a project page at /explorer/ as well as the domain root).
 *
 * The service worker (vite-plugin-pwa over Workbox) precaches the whole
 * build — page, scripts, workers, the WebAssembly binaries — so that after
 * one visit the app works offline, reload included. A new build is not
 * taken silently: the page offers to reload (registerType 'prompt').
 */
export default defineConfig({
  base: './',
  plugins: [
    react(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,wasm}'],
        // The 3-D chunk is ~1.3 MB and the wasm binaries ~0.4 MB each.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
