/**
 * Test helper: every analytic (`"function"`) vector of the landscape-fixture/1
 * format in the shared fixture folder (`../shared/fixtures` from the repository
 * root, or the folder named by the FIXTURES_DIR environment variable).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OptimizerConfig } from '../../optim/optimizers';
import type { AnalyticName } from '../problems';

/** One expected run: the optimizer object, the number of updates, and the start plus each updated point. */
export interface AnalyticTrajectoryFixture {
  optimizer: OptimizerConfig;
  steps: number;
  path: [number, number][];
}

/** A 2-D analytic vector: f, ∇f, ∇²f and its spectrum at `params`, and optimizer trajectories from there. */
export interface AnalyticFixture {
  file: string;
  name: string;
  function: AnalyticName;
  params: [number, number];
  expected: {
    loss: number;
    grad: [number, number];
    hessian: [[number, number], [number, number]];
    hessianEigenvalues: [number, number];
    hessianTrace: number;
    trajectories: AnalyticTrajectoryFixture[];
  };
}

const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The fixture folder the tests read. */
export const FIXTURE_DIR = process.env.FIXTURES_DIR ?? resolve(REPOSITORY_ROOT, '../shared/fixtures');

/** All analytic vectors in {@link FIXTURE_DIR}, sorted by file name; throws if there are none. */
export function loadAnalyticFixtures(): AnalyticFixture[] {
  const fixtures: AnalyticFixture[] = [];
  for (const file of readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')) as Record<string, unknown>;
    if (data.format !== 'landscape-fixture/1') {
      throw new Error(`${file}: unknown format ${String(data.format)}`);
    }
    if (typeof data.function === 'string') fixtures.push({ ...(data as unknown as AnalyticFixture), file });
  }
  if (fixtures.length === 0) throw new Error(`No analytic fixtures in ${FIXTURE_DIR}`);
  return fixtures;
}
