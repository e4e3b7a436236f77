/**
 * The runs of the experiment, for either kind: a card per run and the row
 * that adds one (the methods the registry offers for the kind). Every
 * network run starts from the same initialisation θ₀.
 */
import { useMemo, useState, type ReactElement } from 'react';
import { runCountLimits } from '../../workers/engine/spec/experiment';
import { methodOf, optimizerNamesFor, type OptimizerName, type ProblemKind } from '../../workers/engine/spec/optimizers/registry';
import { RUN_WORDS } from '../../workers/engine/spec/runs';
import { selectNetworkRuns } from '../store/networkSelectors';
import { selectAnalyticOptimizers } from '../store/selectors';
import type { EditRefusal } from '../store/experimentSlice';
import { appStore, useAppStore } from '../store/store';
import { Section } from '../ui/Section';
import { RunCard } from './RunCard';
import { runLabels } from './runLabels';

/** What each kind's panel says: its title, a note above the cards, the words for an empty list and the method offered first. */
const PANEL_WORDS: Readonly<
  Record<ProblemKind, { title: string; note: string | null; empty: string | null; addLabel: string; addButton: string; firstChoice: OptimizerName }>
> = {
  analytic: {
    title: 'Optimizers',
    note: null,
    empty: 'No optimizer: add one to walk the surface.',
    addLabel: 'Optimizer to add',
    addButton: 'Add',
    firstChoice: 'momentum',
  },
  network: {
    title: 'Training runs',
    note: 'Every run starts from the same initialisation θ₀.',
    // A network experiment always has a run: no runs means the experiment is not a network's.
    empty: null,
    addLabel: 'Optimizer of the run to add',
    addButton: 'Add run',
    firstChoice: 'adam',
  },
};

/** Adds a run of method `name` through the store's edit of the experiment's kind. */
function addRun(kind: ProblemKind, name: OptimizerName): EditRefusal {
  const store = appStore.getState();
  if (kind === 'network') return store.addNetworkRun(name);
  return store.addOptimizer(name as Parameters<typeof store.addOptimizer>[0]);
}

/** The run cards of a `kind` experiment and the row that adds a run (nothing while the experiment is of the other kind). */
export function RunPanel({ kind }: { kind: ProblemKind }): ReactElement | null {
  const runs = useAppStore(kind === 'network' ? selectNetworkRuns : selectAnalyticOptimizers);
  const labels = useMemo(() => runLabels(runs, kind), [runs, kind]);
  const words = PANEL_WORDS[kind];
  const [choice, setChoice] = useState<OptimizerName>(words.firstChoice);
  if (runs.length === 0 && words.empty === null) return null;
  const { max } = runCountLimits(kind);
  const full = runs.length >= max;

  return (
    <Section title={words.title} testId={`${kind}-runs-panel`}>
      {words.note && <p className="note">{words.note}</p>}
      {runs.map((spec, index) => (
        <RunCard key={spec.id} kind={kind} spec={spec} label={labels[index]} />
      ))}
      {runs.length === 0 && <p className="note">{words.empty}</p>}
      <div className="row add-row">
        <select
          aria-label={words.addLabel}
          data-testid="add-run-kind"
          value={choice}
          onChange={(event) => setChoice(event.target.value as OptimizerName)}
        >
          {optimizerNamesFor(kind).map((name) => (
            <option key={name} value={name}>
              {methodOf(name).label}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={full}
          title={full ? `At most ${max} ${RUN_WORDS[kind].noun}s` : undefined}
          data-testid="add-run"
          onClick={() => addRun(kind, choice)}
        >
          {words.addButton}
        </button>
      </div>
    </Section>
  );
}
