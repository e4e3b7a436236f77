/**
 * The presets menu: a ready-made experiment per entry, grouped by mode.
 * Choosing one replaces the experiment (and so the URL) and starts its runs.
 */
import type { ReactElement } from 'react';
import { validateExperiment } from '../../workers/engine/spec/experiment';
import { appStore } from '../store/store';
import { PRESETS, type ExperimentPreset } from '../../workers/engine/spec/presets';

/** Loads `preset` into the store and plays it; false (and nothing changed) if it is not a valid experiment. */
export function applyPreset(preset: ExperimentPreset): boolean {
  const experiment = preset.build();
  const problems = validateExperiment(experiment);
  const state = appStore.getState();
  if (problems.length > 0) {
    state.setError(`The preset "${preset.label}" is not a valid experiment: ${problems.join('; ')}`);
    return false;
  }
  state.loadExperiment(experiment, []);
  state.play();
  return true;
}

const GROUPS = [...new Set(PRESETS.map((preset) => preset.group))];

/** The presets menu: choosing an entry loads and plays it. */
export function PresetsMenu(): ReactElement {
  return (
    <div className="field presets">
      <label htmlFor="presets-menu">Presets</label>
      <select
        id="presets-menu"
        data-testid="presets-menu"
        value=""
        onChange={(event) => {
          const preset = PRESETS.find((candidate) => candidate.id === event.target.value);
          if (preset) applyPreset(preset);
        }}
      >
        <option value="" disabled>
          Choose a preset…
        </option>
        {GROUPS.map((group) => (
          <optgroup key={group} label={group}>
            {PRESETS.filter((preset) => preset.group === group).map((preset) => (
              <option key={preset.id} value={preset.id} title={preset.description} data-testid={`preset-${preset.id}`}>
                {preset.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
