/**
 * The slice controls: how the directions are chosen (random filter-normalised,
 * top Hessian eigenvectors, PCA of a run's trajectory, or the interpolation
 * between runs), around which run, the range and resolution, 1-D or 2-D,
 * the metric and the data split, how often it is recomputed while training
 * runs; "Compute slice" with its progress and Cancel. Until a plane is
 * picked here, the live slices use the followed run's trajectory plane.
 */
import { useMemo, type ReactElement } from 'react';
import { runLabels } from '../runs/runLabels';
import {
  INITIAL_PARAMS,
  resolutionLimits,
  type SliceDirectionsKind,
  type SliceSettings,
} from '../../workers/engine/spec/landscapeSettings';
import type { DirectionsInfo } from '../../workers/engine/spec/messages/landscape';
import { appStore, useAppStore } from '../store/store';
import { JobProgressBar } from '../ui/JobProgressBar';
import { formatPercent, formatSignificant } from '../ui/format';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';
import { SelectField, type SelectOption } from '../ui/SelectField';
import { namesPlane } from './liveSchedule';
import './landscape.css';

const METRIC_OPTIONS: readonly SelectOption<SliceSettings['metric']>[] = [
  { value: 'loss', label: 'Loss' },
  { value: 'accuracy', label: 'Accuracy' },
];

const SPLIT_OPTIONS: readonly SelectOption<SliceSettings['split']>[] = [
  { value: 'train', label: 'Training set' },
  { value: 'test', label: 'Test set' },
];

const DIRECTION_OPTIONS: readonly SelectOption<SliceDirectionsKind>[] = [
  { value: 'random', label: 'Random (filter-normalised)' },
  { value: 'hessian', label: 'Top Hessian eigenvectors' },
  { value: 'pca', label: 'PCA of a trajectory' },
  { value: 'interpolation', label: 'Interpolation between runs' },
];

/** The ranges that frame each kind: the plane through θ_0, θ_A, θ_B puts them at (0, 0), (1, 0), (0, 1). */
function defaultRanges(directions: SliceDirectionsKind): Pick<SliceSettings, 'alpha' | 'beta'> {
  return directions === 'interpolation' ? { alpha: [-0.5, 1.5], beta: [-0.5, 1.5] } : { alpha: [-1, 1], beta: [-1, 1] };
}

/** "‖d1‖ = 3.2, ‖d2‖ = 3.1, angle 89.6°" and what the kind adds. */
export function directionsText(info: DirectionsInfo): string {
  const parts = [`‖d1‖ = ${formatSignificant(info.norms[0], 3)}`];
  if (info.norms[1] !== null) parts.push(`‖d2‖ = ${formatSignificant(info.norms[1], 3)}`);
  if (info.angleDegrees !== null) parts.push(`angle ${info.angleDegrees.toFixed(1)}°`);
  if (info.explainedVariance) parts.push(`variance explained ${formatPercent(info.explainedVariance[0])} + ${formatPercent(info.explainedVariance[1])}`);
  if (info.eigenvalues) parts.push(`eigenvalues ${info.eigenvalues.map((value) => formatSignificant(value, 4)).join(', ')}`);
  return parts.join(', ');
}

/** The slice section of the controls (see the module comment). */
export function SlicePanel(): ReactElement {
  const settings = useAppStore((state) => state.experiment.slice);
  const runs = useAppStore((state) => state.experiment.optimizers);
  // The progress bar and Cancel are for the slice the user asked for; the live ones report over the landscape.
  const job = useAppStore((state) => (state.landscape.sliceKind === 'requested' ? state.landscape.sliceJob : null));
  const directions = useAppStore((state) => state.landscape.slice?.directions ?? null);
  const planeChosen = useAppStore((state) => state.slicePlaneChosen || namesPlane(state.experiment.slice));
  const { setSliceSettings, requestSlice, cancelSlice } = appStore.getState();
  const edit = (patch: Partial<SliceSettings>) => setSliceSettings(patch);

  // Runs are named as their cards name them; the value is the id the experiment keeps.
  const runOptions: SelectOption<string>[] = useMemo(() => {
    const labels = runLabels(runs);
    return [...runs.map((run, index) => ({ value: run.id, label: labels[index] })), { value: INITIAL_PARAMS, label: 'θ₀ (initialisation)' }];
  }, [runs]);
  const limits = resolutionLimits(settings.dims);
  const running = job?.state === 'running';
  const interpolation = settings.directions === 'interpolation';

  return (
    <Section title="Slice" testId="slice-panel">
      <SelectField
        label="Directions"
        value={settings.directions}
        options={DIRECTION_OPTIONS}
        testId="slice-directions"
        onChange={(value) => edit({ directions: value, ...defaultRanges(value) })}
      />
      {!planeChosen && (
        <p className="note" data-testid="slice-plane-note">
          While training, the slice follows the run in its trajectory's plane (PCA of its path); pick a plane to keep it.
        </p>
      )}
      {interpolation ? (
        <div className="row">
          {settings.dims === 2 && (
            <SelectField label="θ_0" value={settings.origin} options={runOptions} testId="slice-origin" onChange={(origin) => edit({ origin })} />
          )}
          <SelectField label="θ_A" value={settings.runA} options={runOptions} testId="slice-run-a" onChange={(runA) => edit({ runA })} />
          <SelectField label="θ_B" value={settings.runB} options={runOptions} testId="slice-run-b" onChange={(runB) => edit({ runB })} />
        </div>
      ) : (
        <SelectField
          label={settings.directions === 'pca' ? 'Trajectory of' : 'Centre (latest parameters)'}
          value={settings.centre}
          options={settings.directions === 'pca' ? runOptions.filter((option) => option.value !== INITIAL_PARAMS) : runOptions}
          testId="slice-centre"
          onChange={(centre) => edit({ centre })}
        />
      )}
      <div className="row segmented" role="group" aria-label="Slice dimensions">
        {([1, 2] as const).map((dims) => (
          <button
            key={dims}
            type="button"
            aria-pressed={settings.dims === dims}
            data-testid={`slice-dims-${dims}`}
            onClick={() => edit({ dims, resolution: resolutionLimits(dims).default })}
          >
            {dims === 1 ? '1-D line' : '2-D plane'}
          </button>
        ))}
      </div>
      <div className="row">
        <NumberField label="α from" value={settings.alpha[0]} testId="slice-alpha-min" onCommit={(lo) => edit({ alpha: [lo, settings.alpha[1]] })} />
        <NumberField label="α to" value={settings.alpha[1]} testId="slice-alpha-max" onCommit={(hi) => edit({ alpha: [settings.alpha[0], hi] })} />
      </div>
      {settings.dims === 2 && (
        <div className="row">
          <NumberField label="β from" value={settings.beta[0]} testId="slice-beta-min" onCommit={(lo) => edit({ beta: [lo, settings.beta[1]] })} />
          <NumberField label="β to" value={settings.beta[1]} testId="slice-beta-max" onCommit={(hi) => edit({ beta: [settings.beta[0], hi] })} />
        </div>
      )}
      <div className="row">
        <NumberField
          label={settings.dims === 1 ? 'Points' : 'Points per side'}
          hint={`${limits.min}–${limits.max}`}
          value={settings.resolution}
          integer
          testId="slice-resolution"
          onCommit={(resolution) => edit({ resolution })}
        />
        <NumberField label="Seed" value={settings.seed} integer testId="slice-seed" onCommit={(seed) => edit({ seed })} />
      </div>
      <NumberField
        label="While training, recompute every (steps)"
        hint="0: never"
        value={settings.liveEvery}
        integer
        testId="slice-live-every"
        onCommit={(liveEvery) => edit({ liveEvery })}
      />
      <div className="row">
        <SelectField label="Show" value={settings.metric} options={METRIC_OPTIONS} testId="slice-metric" onChange={(metric) => edit({ metric })} />
        <SelectField label="On" value={settings.split} options={SPLIT_OPTIONS} testId="slice-split" onChange={(split) => edit({ split })} />
      </div>
      <div className="row">
        <button type="button" className="primary" data-testid="compute-slice" onClick={requestSlice} disabled={running}>
          Compute slice
        </button>
      </div>
      {job && <JobProgressBar job={job} onCancel={cancelSlice} />}
      {directions && (
        <p className="slice-facts" data-testid="slice-directions-info">
          {directionsText(directions)}
        </p>
      )}
    </Section>
  );
}
