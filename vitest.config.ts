import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'workers/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks',
    // Test files share their worker's module cache: loading TensorFlow.js once
    // per worker instead of once per file cuts the suite from about 200 s to
    // about 70 s on two cores. Tests must therefore not rely on fresh module
    // state: engine tests pick their backend in beforeAll and compare tensor
    // counts before and after, never against zero.
    isolate: false,
  },
});
