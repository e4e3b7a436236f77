/** Chooses the analytic function (and the quadratic's condition number and rotation). */
import type { ReactElement } from 'react';
import { ANALYTIC_FUNCTIONS, ANALYTIC_NAMES, analyticTeaching, type AnalyticName } from '../../workers/engine/spec/functions';
import { analyticProblemOf } from '../../workers/engine/spec/experiment';
import { selectAnalyticProblem } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';

export function ProblemPanel(): ReactElement | null {
  const problem = useAppStore(selectAnalyticProblem);
  // Network experiments are configured by the network panels.
  if (problem === null) return null;
  const formula = analyticTeaching(analyticProblemOf(problem)).formula;
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
              {ANALYTIC_FUNCTIONS[name].label}
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
