import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allImports, boundaryViolations, pureLayerViolations, reachableModules, valueImports } from './testing/importGraph';

const REPOSITORY = resolve(__dirname, '..');

describe('the page loads only the engine’s pure layer', () => {
  it('app/main.tsx reaches no TensorFlow.js and nothing under workers/ outside engine/spec and engine/math', () => {
    expect(boundaryViolations(REPOSITORY, 'app/main.tsx')).toEqual([]);
  });

  it('the pure layer (engine/spec, engine/math) imports nothing from outside it, not even types', () => {
    expect(pureLayerViolations(REPOSITORY)).toEqual([]);
  });

  it('the walk sees the page itself: the store, the pure layer and the lazily loaded render chunk', () => {
    const reached = reachableModules(REPOSITORY, 'app/main.tsx');
    expect(reached.has('app/store/store.ts')).toBe(true);
    expect(reached.has('app/render.tsx')).toBe(true);
    expect(reached.has('workers/engine/spec/experiment.ts')).toBe(true);
    expect(reached.has('react')).toBe(true);
  });
});

describe('reading imports', () => {
  it('keeps imports that load code and drops the ones the compiler erases', () => {
    const text = [
      "import a from './a';",
      "import * as b from './b';",
      "import { c, type C } from './c';",
      "import type { D } from './d';",
      "import { type E } from './e';",
      "import './f.css';",
      "export { g } from './g';",
      "export type { H } from './h';",
      "export { type I } from './i';",
      "export * from './j';",
      "const k = () => import('./k');",
      "const worker = new Worker(new URL('./l.worker.ts', import.meta.url), { type: 'module' });",
      "import lUrl from './l.worker.ts?worker&url';",
      "// import { m } from './m';",
      "const text = \"import { n } from './n'\";",
    ].join('\n');
    expect(valueImports('x.tsx', text)).toEqual(['./a', './b', './c', './f.css', './g', './j', './k']);
    expect(allImports('x.tsx', `${text}\ntype Z = import('./z').Z;`)).toEqual([
      './a', './b', './c', './d', './e', './f.css', './g', './h', './i', './j', './k', './l.worker.ts?worker&url', './z',
    ]);
  });
});

describe('the boundary check on a made-up page', () => {
  const root = mkdtempSync(join(tmpdir(), 'import-boundary-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };

  it('fails, naming the chain, when the page reaches TensorFlow.js or engine code', () => {
    write('app/main.tsx', "import { view } from './view';\nimport type { Api } from '../workers/job.worker';\nview();\n");
    write('app/view.tsx', "import { limit } from '../workers/engine/spec/limits';\nimport { tensor } from './tensor';\nexport const view = () => limit + tensor;\n");
    write('app/tensor.ts', "import * as tf from '@tensorflow/tfjs-core';\nexport const tensor = tf.scalar(1);\n");
    write('workers/engine/spec/limits.ts', "import { solve } from '../training/solve';\nexport const limit = solve();\n");
    write('workers/engine/training/solve.ts', "import { deep } from './deep';\nexport const solve = () => deep;\n");
    write('workers/engine/training/deep.ts', 'export const deep = 1;\n');
    write('workers/job.worker.ts', "import * as tf from '@tensorflow/tfjs';\nexport interface Api { run(): void }\n");
    expect(boundaryViolations(root, 'app/main.tsx')).toEqual([
      'app/main.tsx → app/view.tsx → workers/engine/spec/limits.ts → workers/engine/training/solve.ts',
      'app/main.tsx → app/view.tsx → app/tensor.ts → @tensorflow/tfjs-core',
    ]);
    expect(pureLayerViolations(root)).toEqual(['workers/engine/spec/limits.ts → workers/engine/training/solve.ts']);
  });

  it('passes once the page imports only types from the engine and starts workers by URL', () => {
    write('app/main.tsx', [
      "import { view } from './view';",
      "import type { Api } from '../workers/job.worker';",
      "import { type Other } from '../workers/engine/training/solve';",
      "export type { Deep } from '../workers/engine/training/deep';",
      "const worker = new Worker(new URL('../workers/job.worker.ts', import.meta.url), { type: 'module' });",
      'view(worker);',
    ].join('\n'));
    write('app/view.tsx', "import { limit } from '../workers/engine/spec/limits';\nexport const view = (w: unknown) => [limit, w];\n");
    write('workers/engine/spec/limits.ts', "import { norm } from '../math/norm';\nexport const limit = norm;\n");
    write('workers/engine/math/norm.ts', 'export const norm = 2;\n');
    expect(boundaryViolations(root, 'app/main.tsx')).toEqual([]);
    expect(pureLayerViolations(root)).toEqual([]);
    // A type from the engine is no cost to the page, but the pure layer may not name one.
    write('workers/engine/spec/types.ts', "import type { Deep } from '../training/deep';\nexport type Shown = Deep;\n");
    expect(boundaryViolations(root, 'app/main.tsx')).toEqual([]);
    expect(pureLayerViolations(root)).toEqual(['workers/engine/spec/types.ts → workers/engine/training/deep.ts']);
    expect([...reachableModules(root, 'app/main.tsx').keys()]).toEqual([
      'app/main.tsx',
      'app/view.tsx',
      'workers/engine/spec/limits.ts',
      'workers/engine/math/norm.ts',
    ]);
  });
});
