/** Chooses the analytic function (and the quadratic's condition number and rotation). */
import type { ReactElement } from 'react';
import { analyticInfo } from '../../workers/engine/analytic/info';
import { ANALYTIC_NAMES, type AnalyticName } from '../../workers/engine/spec/functions';
import { analyticProblemOf } from '../../workers/engine/spec/experiment';
import { selectAnalyticProblem } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';

/** Display names, computed once (analyticInfo is pure). */
const LABELS = Object.fromEntries(ANALYTIC_NAMES.map((name) => [name, analyticInfo({ name }).label])) as Record<
  AnalyticName,
  string
>;

export function ProblemPanel(): ReactElement | null {
  const problem = useAppStore(selectAnalyticProblem);
  // Network experiments are configured by the network panels.
  if (problem === null) return null;
  const formula = analyticInfo(analyticProblemOf(problem)).formula;
  const { setFunction, setQuadratic } = appStore.getState();

  return (
    <Section title="Function" testId="problem-panel">
      <div className="field">
        <label htmlFor="function-select">Function</label>
        <select
          id="function-select"
          data-testid="function-select"
          value={problem.name}
          onChange={(event) => setFunction(event.target.value as AnalyticName)}
        >
          {ANALYTIC_NAMES.map((name) => (
            <option key={name} value={name}>
              {LABELS[name]}
            </option>
          ))}
        </select>
      </div>
      <p className="formula" data-testid="formula">
        {formula}
      </p>
      {problem.name === 'quadratic' && (
        <div className="row">
          <NumberField
            label="Condition κ"
            value={problem.condition ?? 1}
            testId="quadratic-condition"
            onCommit={(condition) => setQuadratic({ condition })}
          />
          <NumberField
            label="Rotation °"
            value={problem.angleDeg ?? 0}
            testId="quadratic-angle"
            onCommit={(angleDeg) => setQuadratic({ angleDeg })}
          />
        </div>
      )}
    </Section>
  );
}
