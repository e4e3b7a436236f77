/**
 * The training worker's answers to the landscape worker (see
 * `spec/messages/parameters.ts`): parameters and trajectories of the
 * current job's runs, read between the page's calls, never during a step
 * or a rebuild, and transferred.
 */
import * as Comlink from 'comlink';
import type { ParameterServer } from '../engine/spec/messages/parameters';
import type { SerialCalls } from './serialCalls';
import type { TrainingJob } from './trainingJob';

/** A `ParameterServer` over the job `job()` returns (it throws while there is none), its reads queued on `calls`. */
export function parameterServer(job: () => TrainingJob, calls: SerialCalls): ParameterServer {
  return {
    getParams: (runId, which) =>
      calls.run(() => {
        const params = job().params(runId, which);
        return Comlink.transfer(params, [params.buffer as ArrayBuffer]);
      }),
    getTrajectory: (runId) =>
      calls.run(() => {
        const { params } = job().trajectory(runId);
        return Comlink.transfer(params, [params.buffer as ArrayBuffer]);
      }),
    getTrajectorySteps: (runId) => calls.run(() => job().trajectory(runId).steps),
  };
}
