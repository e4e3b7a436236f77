import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * `base: './'` makes every asset URL relative, so `dist/` works from any
 * sub-path (a project page at /explorer/ as well as the domain root).
 */
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
