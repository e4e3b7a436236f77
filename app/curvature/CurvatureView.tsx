/**
 * The curvature view: the spectrum of the Hessian and/or the Gauss-Newton
 * matrix at a run's latest parameters or at the clicked point of the slice.
 * "Compute spectrum" runs the matrix-free estimates (Lanczos ends, Hutch++
 * trace, SLQ density); "Exact spectrum" adds every eigenvalue (P ≤ MAX_EXACT_PARAMETERS)
 * and shows its predicted time before it starts. The density is drawn over
 * the exact histogram with the random-matrix references, on a linear or
 * symmetric-log axis, beside the read-outs.
 */
import { useEffect, useMemo, type ReactElement } from 'react';
import {
  type CurvatureMatrixChoice,
  type CurvatureSettings,
} from '../../workers/engine/spec/landscapeSettings';
import { LANDSCAPE_LIMITS, MAX_EXACT_PARAMETERS } from '../../workers/engine/spec/limits';
import type { CurvatureTargetChoice } from '../store/landscapeSlice';
import { appStore, useAppStore } from '../store/store';
import { readoutsOf, spectrumViewOf } from '../landscape/landscapeViews';
import { CurvatureReadouts } from './CurvatureReadouts';
import { JobProgressBar } from '../ui/JobProgressBar';
import { MATRIX_NAMES, SpectrumChart } from './SpectrumChart';
import { formatEstimate } from '../ui/format';
import { NumberField } from '../ui/NumberField';
import { SelectField } from '../ui/SelectField';
import '../landscape/landscape.css';

const MATRIX_CHOICES: readonly { value: CurvatureMatrixChoice; label: string }[] = [
  { value: 'hessian', label: 'Hessian' },
  { value: 'gauss-newton', label: 'Gauss-Newton' },
  { value: 'both', label: 'Both' },
];

/** The select's value of a target: "selected", "run:o1" or "probe". */
function targetValue(target: CurvatureTargetChoice): string {
  return target.kind === 'run' ? `run:${target.runId}` : target.kind;
}

function targetOf(value: string): CurvatureTargetChoice {
  if (value === 'probe' || value === 'selected') return { kind: value };
  return { kind: 'run', runId: value.slice('run:'.length) };
}

/** The curvature view (see the module comment). */
export function CurvatureView(): ReactElement {
  const settings = useAppStore((state) => state.experiment.curvature);
  const runIds = useAppStore((state) => state.experiment.optimizers.map((run) => run.id).join(','));
  const selectedRunId = useAppStore((state) => state.selectedRunId ?? state.experiment.optimizers[0]?.id ?? null);
  const target = useAppStore((state) => state.landscape.curvatureTarget);
  const hasProbe = useAppStore((state) => state.landscape.probe !== null);
  const probeCaption = useAppStore((state) => state.landscape.probe?.caption ?? null);
  const job = useAppStore((state) => state.landscape.curvatureJob);
  const curvature = useAppStore((state) => state.landscape.curvature);
  const estimate = useAppStore((state) => state.landscape.exactEstimate);
  const info = useAppStore((state) => state.landscape.info);
  const { setCurvatureSettings, setCurvatureTarget, requestCurvature, cancelCurvature, requestExactEstimate } = appStore.getState();
  const edit = (patch: Partial<CurvatureSettings>) => setCurvatureSettings(patch);

  // The predicted time of the exact spectrum belongs on its button before it is pressed.
  const targetKey = targetValue(target);
  useEffect(() => requestExactEstimate(), [targetKey, selectedRunId, settings.matrix, probeCaption, requestExactEstimate]);

  // New view objects only when the report or the axis changes, so the charts redraw only then.
  const spectra = useMemo(() => curvature?.summary.matrices.map((matrix) => spectrumViewOf(matrix, settings.axis)) ?? [], [curvature, settings.axis]);
  const readouts = useMemo(() => curvature?.summary.matrices.map((matrix) => readoutsOf(matrix, curvature.summary.split)) ?? [], [curvature]);

  const running = job?.state === 'running';
  const exactFeasible = info === null || info.exactFeasible;
  const options = [
    { value: 'selected', label: `selected run${selectedRunId ? ` (${selectedRunId})` : ''}, latest` },
    ...runIds.split(',').filter((id) => id !== '').map((id) => ({ value: `run:${id}`, label: `run ${id} (latest)` })),
    ...(hasProbe ? [{ value: 'probe', label: 'clicked point' }] : []),
  ];
  const { k, slqRuns, slqSteps, smoothing, traceBudget } = LANDSCAPE_LIMITS;

  return (
    <section className="curvature-view" data-testid="curvature-view" aria-label="Curvature">
      <div className="curvature-controls">
        <SelectField label="At" value={targetKey} options={options} testId="curvature-target" className="wide" onChange={(value) => setCurvatureTarget(targetOf(value))} />
        <div className="field curvature-matrix">
          <span className="label">Matrix</span>
          <div className="row segmented" role="group" aria-label="Curvature matrix">
            {MATRIX_CHOICES.map((choice) => (
              <button
                key={choice.value}
                type="button"
                aria-pressed={settings.matrix === choice.value}
                data-testid={`curvature-matrix-${choice.value}`}
                onClick={() => edit({ matrix: choice.value })}
              >
                {choice.label}
              </button>
            ))}
          </div>
        </div>
        <button type="button" className="primary" data-testid="compute-spectrum" disabled={running} onClick={() => requestCurvature(false)}>
          Compute spectrum
        </button>
        <button
          type="button"
          data-testid="compute-exact-spectrum"
          disabled={running || !exactFeasible}
          title={
            exactFeasible
              ? 'every eigenvalue, from the dense matrix; the time shown is what they add to the estimates'
              : `offered up to ${MAX_EXACT_PARAMETERS} parameters`
          }
          onClick={() => requestCurvature(true)}
        >
          Exact spectrum{estimate ? ` (+ ${formatEstimate(estimate.seconds)})` : ''}
        </button>
      </div>
      {job && <JobProgressBar job={job} onCancel={cancelCurvature} />}
      {/* The estimators' settings are read less often than the results: folded away by default. */}
      <details className="curvature-settings">
        <summary>Estimator settings</summary>
        <div className="curvature-controls">
          <NumberField label="k per end" hint={`≤ ${k.max}`} value={settings.k} integer testId="curvature-k" onCommit={(value) => edit({ k: value })} />
          <NumberField label="SLQ probes" hint={`≤ ${slqRuns.max}`} value={settings.slqRuns} integer onCommit={(value) => edit({ slqRuns: value })} />
          <NumberField label="SLQ steps" hint={`≤ ${slqSteps.max}`} value={settings.slqSteps} integer onCommit={(value) => edit({ slqSteps: value })} />
          <NumberField label="Smoothing" hint={`≤ ${smoothing.max}`} value={settings.smoothing} onCommit={(value) => edit({ smoothing: value })} />
          <NumberField label="Trace budget" hint={`≤ ${traceBudget.max}`} value={settings.traceBudget} integer onCommit={(value) => edit({ traceBudget: value })} />
        </div>
      </details>
      {curvature && (
        <div className="curvature-body">
          <div className="curvature-spectra">
            {spectra.map((spectrum) => (
              <SpectrumChart key={spectrum.matrix} spectrum={spectrum} onAxisChange={(axis) => edit({ axis })} />
            ))}
          </div>
          <div>
            {readouts.map((values, index) => (
              <CurvatureReadouts key={spectra[index].matrix} readouts={values} caption={`${MATRIX_NAMES[spectra[index].matrix]} at ${curvature.caption}`} />
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
