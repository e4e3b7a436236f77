/**
 * The data set of a network experiment: which one, its own options (from
 * the registry's option table, with their ranges), the fraction held out
 * for testing and the data seed.
 */
import type { ReactElement } from 'react';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../workers/engine/spec/datasets';
import { selectNetworkProblem, selectTrainingData } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';
import { SelectField } from '../ui/SelectField';

const DATASET_OPTIONS = DATASET_NAMES.map((name) => ({ value: name, label: DATASETS[name].label }));

/** The data-set section (nothing for an analytic experiment). */
export function DatasetPanel(): ReactElement | null {
  const problem = useAppStore(selectNetworkProblem);
  const data = useAppStore(selectTrainingData);
  if (problem === null) return null;
  const dataset = DATASETS[problem.dataset];
  const { setDataset, setDatasetOption, setTestFraction, setDataSeed } = appStore.getState();

  return (
    <Section title="Data" testId="dataset-panel">
      <SelectField<DatasetName>
        label="Data set"
        value={problem.dataset}
        options={DATASET_OPTIONS}
        onChange={setDataset}
        testId="dataset-select"
        title={dataset.description}
      />
      <p className="note">{dataset.description}</p>
      <div className="option-grid">
        {dataset.options.map((option) => (
          <div key={option.key} title={`${option.description} (${option.min} to ${option.max})`}>
            <NumberField
              label={option.label}
              value={problem.datasetOptions[option.key] ?? option.default}
              integer={option.integer}
              testId={`dataset-option-${option.key}`}
              onCommit={(value) => setDatasetOption(option.key, value)}
            />
          </div>
        ))}
      </div>
      <div className="row">
        <NumberField
          label="Test fraction"
          value={problem.testFraction}
          testId="test-fraction"
          onCommit={(fraction) => setTestFraction(fraction)}
        />
        <NumberField label="Data seed" value={problem.dataSeed} integer testId="data-seed" onCommit={(seed) => setDataSeed(seed)} />
      </div>
      {data && (
        <p className="note" data-testid="dataset-counts">
          {data.train.n} training and {data.test?.n ?? 0} test samples
        </p>
      )}
    </Section>
  );
}
