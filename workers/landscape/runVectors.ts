/**
 * The parameter vectors a landscape job needs, named the way the page
 * names them (a run's id, or θ₀) and fetched from the training worker over
 * the link: a run's latest parameters, θ₀ (every run starts there; it is
 * taken from the first run), a slice's defining vectors, each run's
 * trajectory.
 */
import { INITIAL_PARAMS, type RunReference, type SliceSettings } from '../engine/spec/landscapeSettings';
import { referencedRuns, sliceNeeds, type SliceVectors } from '../engine/spec/sliceInputs';
import type { TrainingLink } from './trainingLink';

/** The parameters `run` names among the experiment's runs `runIds`: a run's latest, or θ₀. */
export function runParams(link: TrainingLink, run: RunReference, runIds: readonly string[]): Promise<Float32Array> {
  return run === INITIAL_PARAMS ? link.params(firstRun(runIds), 'init') : link.params(run, 'latest');
}

/** The vectors that define the slice of `settings` (see `sliceNeeds`), after checking that every run it names exists. */
export async function sliceVectors(link: TrainingLink, settings: SliceSettings, runIds: readonly string[]): Promise<SliceVectors> {
  const missing = referencedRuns(settings).filter((run) => run !== INITIAL_PARAMS && !runIds.includes(run));
  if (missing.length > 0) throw new Error(`the slice refers to run ${missing.map((id) => `"${id}"`).join(' and ')}, which the experiment does not have`);
  const vectors: SliceVectors = {};
  for (const need of sliceNeeds(settings)) {
    vectors[need.role] =
      need.what === 'trajectory' ? await link.trajectory(need.run === INITIAL_PARAMS ? firstRun(runIds) : need.run) : await runParams(link, need.run, runIds);
  }
  return vectors;
}

/** Each run's kept snapshots (T × P), in the order of `runIds`. */
export async function runTrajectories(link: TrainingLink, runIds: readonly string[]): Promise<{ runId: string; snapshots: Float32Array }[]> {
  const runs = [];
  for (const runId of runIds) runs.push({ runId, snapshots: await link.trajectory(runId) });
  return runs;
}

function firstRun(runIds: readonly string[]): string {
  if (runIds.length === 0) throw new Error('the experiment has no runs to take θ₀ from');
  return runIds[0];
}
