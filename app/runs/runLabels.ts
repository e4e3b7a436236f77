/** Display names of runs, for legends, cards and messages. */
import { methodOf, type ProblemKind } from '../../workers/engine/spec/optimizers/registry';
import { RUN_WORDS, batchSizeOf, type RunSpec } from '../../workers/engine/spec/runs';

/** "batch 8" or "full batch". */
export function batchLabel(batchSize: number): string {
  return batchSize > 0 ? `batch ${batchSize}` : 'full batch';
}

/**
 * Each run's name: its optimizer's label and, for network runs, the batch
 * size ("Gradient descent, batch 8"); runs that would share a name are
 * numbered ("Adam 1", "Adam 2"; "Adam, full batch 1", "… 2").
 * @param kind the experiment's problem kind (network runs unless said)
 */
export function runLabels(runs: readonly RunSpec[], kind: ProblemKind = 'network'): string[] {
  const batched = RUN_WORDS[kind].batched;
  const names = runs.map((run) => (batched ? `${methodOf(run.name).label}, ${batchLabel(batchSizeOf(run))}` : methodOf(run.name).label));
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (names.filter((other) => other === name).length === 1) return name;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return `${name} ${count}`;
  });
}
