/**
 * The data set of a network experiment: which one, its own options (from
 * the registry's option table, with their ranges), the fraction held out
 * for testing and the data seed; or data of one's own from a CSV file
 * ("Open CSV…", or a file dropped on the panel), which takes no options.
 */
import type { ReactElement } from 'react';
import { DATASETS, DATASET_NAMES, type DatasetName } from '../../workers/engine/spec/datasets';
import { UPLOADED_DATASET, UPLOADED_DATASET_LABEL, uploadedRows, type UploadedData, type UploadedDatasetName } from '../../workers/engine/spec/uploadedData';
import { selectNetworkProblem, selectTrainingData } from '../store/networkSelectors';
import { appStore, useAppStore } from '../store/store';
import { NumberField } from '../ui/NumberField';
import { Section } from '../ui/Section';
import { SelectField } from '../ui/SelectField';
import { UploadControls, useCsvOpening } from './UploadControls';

type DatasetChoice = DatasetName | UploadedDatasetName;

const DATASET_OPTIONS = DATASET_NAMES.map((name) => ({ value: name as DatasetChoice, label: DATASETS[name].label }));

/** What an uploaded data set is, in one line. */
function describeUpload(upload: UploadedData): string {
  const [first, second, target] = upload.columns;
  const task = upload.classNames === null ? `regression of ${target}` : `${upload.classNames.length} classes of ${target}`;
  return `${upload.fileName}: ${uploadedRows(upload).toLocaleString('en')} rows, ${first} and ${second} (standardised on the training split), ${task}`;
}

/** The data-set section (nothing for an analytic experiment). */
export function DatasetPanel(): ReactElement | null {
  const problem = useAppStore(selectNetworkProblem);
  const data = useAppStore(selectTrainingData);
  const latestUpload = useAppStore((state) => state.uploads[0]);
  const { outcome, open, drop } = useCsvOpening();
  if (problem === null) return null;
  const { setDataset, setDatasetOption, setTestFraction, setDataSeed, trainOnUpload, setMissingUpload } = appStore.getState();
  const upload = problem.dataset === UPLOADED_DATASET ? problem.upload : undefined;
  const dataset = problem.dataset === UPLOADED_DATASET ? null : DATASETS[problem.dataset];
  // The uploaded choice is offered once there are rows to choose.
  const uploaded = upload ?? latestUpload;
  const options = uploaded ? [...DATASET_OPTIONS, { value: UPLOADED_DATASET as DatasetChoice, label: `${UPLOADED_DATASET_LABEL} (${uploaded.fileName})` }] : DATASET_OPTIONS;
  const choose = (choice: DatasetChoice) => {
    if (choice === UPLOADED_DATASET) {
      if (uploaded) trainOnUpload(uploaded);
      return;
    }
    // Another data set chosen by hand: the link no longer waits for its file.
    if (setDataset(choice) === null) setMissingUpload(null);
  };
  const description = dataset ? dataset.description : upload ? describeUpload(upload) : '';

  return (
    <Section title="Data" testId="dataset-panel" onDragOver={drop.onDragOver} onDrop={drop.onDrop}>
      <SelectField<DatasetChoice>
        label="Data set"
        value={problem.dataset}
        options={options}
        onChange={choose}
        testId="dataset-select"
        title={description}
      />
      <p className="note" data-testid="dataset-description">{description}</p>
      <UploadControls outcome={outcome} open={open} />
      <div className="option-grid">
        {(dataset?.options ?? []).map((option) => (
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
