/**
 * One run of either kind of experiment: its optimizer, colour, (network
 * runs) batch size and the hyper-parameters its method uses, as the
 * optimizer registry lists them, and its live status. "Show" (network runs)
 * picks the run whose decision boundary the data view draws.
 */
import { memo, type ReactElement } from 'react';
import { hyperParameterSpecs, methodOf, optimizerNamesFor, type OptimizerName, type ProblemKind } from '../../workers/engine/spec/optimizers/registry';
import { RUN_WORDS, batchSizeOf, type RunSpec } from '../../workers/engine/spec/runs';
import { selectShownRunId } from '../store/networkSelectors';
import type { EditRefusal } from '../store/experimentSlice';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { HyperParameterControl } from './HyperParameterControl';
import { RunStatus } from './RunStatus';

/** A change to one run: its optimizer (which resets the hyper-parameters), colour, batch size or a hyper-parameter. */
type RunPatch = Partial<Omit<RunSpec, 'id'>>;

/** Applies `patch` to run `id` through the store's edit of the experiment's kind; returns why it was refused, or null. */
function updateRun(kind: ProblemKind, id: string, patch: RunPatch): EditRefusal {
  const store = appStore.getState();
  if (kind === 'network') return store.updateNetworkRun(id, patch);
  return store.updateOptimizer(id, patch as Parameters<typeof store.updateOptimizer>[1]);
}

/** The card of run `spec` of a `kind` experiment, named `label` (see runLabels). */
export const RunCard = memo(function RunCard({ kind, spec, label }: { kind: ProblemKind; spec: RunSpec; label: string }): ReactElement {
  const shown = useAppStore(selectShownRunId) === spec.id;
  const method = methodOf(spec.name);
  const edit = (patch: RunPatch) => updateRun(kind, spec.id, patch);
  return (
    <div
      className={kind === 'network' ? 'optimizer-card training-run' : 'optimizer-card'}
      data-testid={`run-${spec.id}`}
      data-name={spec.name}
      style={{ borderLeftColor: spec.color }}
    >
      <div className="optimizer-head">
        <input type="color" value={spec.color} aria-label={`${label} colour`} onChange={(event) => edit({ color: event.target.value })} />
        <select
          aria-label="Optimizer"
          data-testid={`run-kind-${spec.id}`}
          value={spec.name}
          onChange={(event) => edit({ name: event.target.value as OptimizerName })}
        >
          {optimizerNamesFor(kind).map((name) => (
            <option key={name} value={name}>
              {methodOf(name).label}
            </option>
          ))}
        </select>
        {kind === 'network' && (
          <button
            type="button"
            className={shown ? 'shown-run' : 'secondary'}
            aria-pressed={shown}
            title="Show this run's decision boundary in the data view"
            data-testid={`show-run-${spec.id}`}
            onClick={() => appStore.getState().selectRun(spec.id)}
          >
            Show
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-label={`Remove ${label}`}
          title="Remove"
          data-testid={`remove-run-${spec.id}`}
          onClick={() => appStore.getState().removeOptimizer(spec.id)}
        >
          ×
        </button>
      </div>
      <div className="summary">{method.rule}</div>
      {RUN_WORDS[kind].batched && (
        <NumberField
          label="Batch size"
          hint="0 = full batch"
          value={batchSizeOf(spec)}
          integer
          testId={`batch-${spec.id}`}
          onCommit={(batchSize) => edit({ batchSize })}
        />
      )}
      {hyperParameterSpecs(spec.name, kind).map((hyper) => (
        <HyperParameterControl
          key={hyper.key}
          spec={hyper}
          value={spec[hyper.key] ?? hyper.defaultValue}
          testId={`${hyper.key}-${spec.id}`}
          onCommit={(value) => edit({ [hyper.key]: value })}
        />
      ))}
      <RunStatus kind={kind} id={spec.id} />
    </div>
  );
});
