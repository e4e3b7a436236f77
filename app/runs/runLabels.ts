/** Display names of training runs, for legends, cards and messages. */
import { batchSizeOf, type NetworkRunSpec } from '../../workers/engine/spec/networkRuns';
import { NETWORK_OPTIMIZER_INFO } from '../../workers/engine/spec/optimizers/networkInfo';

/** "batch 8" or "full batch". */
export function batchLabel(batchSize: number): string {
  return batchSize > 0 ? `batch ${batchSize}` : 'full batch';
}

/**
 * Each run's name: its optimizer and batch size ("Gradient descent, batch 8");
 * runs that would share a name are numbered ("Adam, full batch 1", "… 2").
 */
export function runLabels(runs: readonly NetworkRunSpec[]): string[] {
  const names = runs.map((run) => `${NETWORK_OPTIMIZER_INFO[run.name].label}, ${batchLabel(batchSizeOf(run))}`);
  const seen = new Map<string, number>();
  return names.map((name) => {
    if (names.filter((other) => other === name).length === 1) return name;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return `${name} ${count}`;
  });
}
