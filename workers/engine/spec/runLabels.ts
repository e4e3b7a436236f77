/**
 * Display names of runs, for legends, cards and every message about a run:
 * the page and the engine name a run the same way, never by its id.
 */
import { methodOf, type OptimizerName, type ProblemKind } from './optimizers/registry';

/** How each kind's runs are spoken of, and whether they have a batch size. */
export const RUN_WORDS: Readonly<Record<ProblemKind, { noun: string; field: string; batched: boolean }>> = {
  analytic: { noun: 'optimizer', field: 'optimizers', batched: false },
  network: { noun: 'run', field: 'runs', batched: true },
};

/** What a run's name is made of: its method and, for network runs, its minibatch size (0 or absent = full batch). */
export interface RunNameParts {
  name: OptimizerName;
  batchSize?: number;
}

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
export function runLabels(runs: readonly RunNameParts[], kind: ProblemKind = 'network'): string[] {
  const batched = RUN_WORDS[kind].batched;
  const names = runs.map((run) => (batched ? `${methodOf(run.name).label}, ${batchLabel(run.batchSize ?? 0)}` : methodOf(run.name).label));
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (names.filter((other) => other === name).length === 1) return name;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return `${name} ${count}`;
  });
}
