/**
 * The data view of network mode fed from the store: the training and test
 * points with the decision boundary (or regression surface, or curve) of the
 * selected run's latest parameters, or of the clicked point of the slice
 * while there is one.
 */
import type { ReactElement } from 'react';
import { selectTrainingData } from '../store/networkSelectors';
import { useAppStore } from '../store/store';
import { DataView } from './DataView';

/** The data view with the shown prediction and its caption, or a note while the data is prepared. */
export function DataViewPanel(): ReactElement {
  const data = useAppStore(selectTrainingData);
  const runPrediction = useAppStore((s) => s.runPrediction);
  const probe = useAppStore((s) => s.landscape.probe);
  if (data === null) {
    return (
      <div className="data-view-empty" data-testid="data-view-empty">
        Preparing the data…
      </div>
    );
  }
  // A clicked point of the slice is what the user is looking at; the runs come back when it is forgotten.
  const shown = probe?.prediction ? { field: probe.prediction, caption: probe.caption } : runPrediction;
  const twoInputs = data.train.inputDim <= 2;
  const caption = shown?.caption ?? (twoInputs ? undefined : `The prediction needs a plane of inputs; this data set has ${data.train.inputDim} (the first two are shown).`);
  return (
    <DataView
      train={data.train}
      test={data.test}
      prediction={shown?.field ?? null}
      caption={caption}
      classNames={data.classNames ?? undefined}
    />
  );
}
