/**
 * Test helper: the small network the landscape job tests run on, and the
 * vitest hooks around it.
 */
import { afterAll, beforeAll } from 'vitest';
import { buildNetwork, type BuiltNetwork } from '../../engine/networks/build';
import { networkProblem, type NetworkProblem } from '../../engine/spec/networkProblem';
import { useTestBackend } from '../../engine/testing/backend';
import { LandscapeJobs } from '../landscapeJobs';

/** A 2-6-1 tanh network on 80 spiral points (25 parameters): every job takes milliseconds. */
export const SMALL_PROBLEM: NetworkProblem = networkProblem({ datasetOptions: { n: 80 }, hidden: [6] });

/** Landscape jobs on `SMALL_PROBLEM`, and an independent copy of the same network, for reference values. */
export interface SmallLandscape {
  jobs: LandscapeJobs;
  reference: BuiltNetwork;
}

/**
 * Registers the hooks: before the file's tests the test backend and a
 * `SmallLandscape`, handed to `receive` (which may finish the file's own
 * setup); after them both are disposed.
 */
export function withSmallLandscape(receive: (setup: SmallLandscape) => void | Promise<void>): void {
  let setup: SmallLandscape | null = null;
  beforeAll(async () => {
    await useTestBackend();
    const reference = buildNetwork(SMALL_PROBLEM);
    const jobs = new LandscapeJobs();
    jobs.setProblem(SMALL_PROBLEM);
    setup = { jobs, reference };
    await receive(setup);
  });
  afterAll(() => {
    setup?.jobs.dispose();
    setup?.reference.dispose();
  });
}
