import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultFixtureFolder } from '../fixtures/readFolder';

const script = fileURLToPath(new URL('./conformance.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
let good: string;
let empty: string;

/** Runs the command as `npm run conformance` would (through tsx), from another working directory. */
async function conformance(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, script, ...args], {
      cwd: tmpdir(),
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(async () => {
  good = await mkdtemp(join(tmpdir(), 'conformance-good-'));
  await copyFile(join(defaultFixtureFolder(), 'sigmoid-2-6-1-bce.json'), join(good, 'sigmoid-2-6-1-bce.json'));
  empty = await mkdtemp(join(tmpdir(), 'conformance-empty-'));
  await writeFile(join(empty, 'other.json'), JSON.stringify({ format: 'other/1' }));
});

afterAll(async () => {
  await rm(good, { recursive: true, force: true });
  await rm(empty, { recursive: true, force: true });
});

describe('npm run conformance', () => {
  it('checks a folder and exits 0 when everything passes', async () => {
    const { code, stdout } = await conformance(good, '--backend', 'cpu');
    expect(stdout).toContain('PASS  sigmoid-2-6-1-bce  gaussNewtonEigenvalues');
    expect(stdout).toContain('PASS  sigmoid-2-6-1-bce  lanczosSmallest3');
    // 8 reference quantities and 5 curvature-estimator checks.
    expect(stdout.trim().split('\n').at(-1)).toBe('conformance (cpu): 13 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('runs the stochastic checks from the seed given, or once per seed of a range with a count per quantity', async () => {
    const [one, range, bad, both] = await Promise.all([
      conformance(good, '--seed', '7'),
      conformance(good, '--seeds', '2..4'),
      conformance(good, '--seed', '1..3'),
      conformance(good, '--seed', '1', '--seeds', '2..3'),
    ]);
    expect(one.stdout).toContain('on cpu, seed 7');
    expect(one.code).toBe(0);
    expect(range.stdout).toContain('on cpu, seeds 2..4');
    expect(range.stdout).toContain('seeds  sigmoid-2-6-1-bce  hutchPlusPlusTrace  passed for 3 of 3 seeds (2..4)');
    // 8 seed-independent checks once, 5 stochastic ones for each of 3 seeds.
    expect(range.stdout.trim().split('\n').at(-1)).toBe('conformance (cpu): 23 passed, 0 failed');
    expect(bad.stderr).toContain('--seed takes one seed');
    expect(bad.code).toBe(2);
    expect(both.stderr).toContain('give one --seed or --seeds');
    expect(both.code).toBe(2);
  });

  it('checks the typed-array path with --path fast, and both paths with --path both', async () => {
    const [fast, both] = await Promise.all([conformance(good, '--path', 'fast'), conformance(good, '--path', 'both')]);
    expect(fast.stdout).toContain('PASS  sigmoid-2-6-1-bce  lanczosLargest3');
    expect(fast.stdout.trim().split('\n').at(-1)).toBe('conformance (cpu, fast path): 13 passed, 0 failed');
    expect(fast.code).toBe(0);
    const summaries = both.stdout.split('\n').filter((line) => line.startsWith('conformance ('));
    expect(summaries).toEqual(['conformance (cpu): 13 passed, 0 failed', 'conformance (cpu, fast path): 13 passed, 0 failed']);
    expect(both.code).toBe(0);
    const bad = await conformance('--path', 'gpu');
    expect(bad.stderr).toContain('--path takes tfjs, fast or both; got gpu');
    expect(bad.code).toBe(2);
  });

  it('sweeps seeds on the typed-array path', async () => {
    const { code, stdout } = await conformance(good, '--path', 'fast', '--seeds', '2..3');
    expect(stdout).toContain('on cpu, fast path, seeds 2..3');
    expect(stdout).toContain('seeds  sigmoid-2-6-1-bce  lanczosSmallest3  passed for 2 of 2 seeds (2..3)');
    // 8 seed-independent checks once, 5 stochastic ones for each of 2 seeds.
    expect(stdout.trim().split('\n').at(-1)).toBe('conformance (cpu, fast path): 18 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('exits non-zero when no fixture is found, and on bad arguments', async () => {
    const [none, bad] = await Promise.all([conformance(empty), conformance('--backend', 'gpu')]);
    expect(none.stdout).toContain(`no landscape-fixture/1 files in ${empty}`);
    expect(none.stdout.trim().split('\n').at(-1)).toBe('conformance (cpu): 0 passed, 0 failed');
    expect(none.code).toBe(1);
    expect(bad.stderr).toContain('--backend takes cpu or wasm; got gpu');
    expect(bad.code).toBe(2);
  });
});
