/**
 * An uploaded data set (`spec/uploadedData.ts`) as the engine consumes it:
 * the rows in float32, the labels packed as the task needs them (like every
 * classification data set, through `classificationDataset`). The features
 * stay in the file's units; `prepareProblemData` standardises them on the
 * training split, as it does iris.
 */
import { classificationDataset } from './labels';
import type { Dataset } from './types';
import type { UploadedData } from '../spec/uploadedData';

/** The data set of `upload`: n × 2 features, and 0/1 targets, class indices or real targets by its task. */
export function datasetOfUpload(upload: UploadedData): Dataset {
  const x = Float32Array.from(upload.x);
  const featureNames = upload.columns.slice(0, 2);
  if (upload.task === 'regression') {
    return { x, n: upload.y.length, inputDim: 2, y: Float32Array.from(upload.y), outputDim: 1, task: 'regression', featureNames };
  }
  return classificationDataset(x, 2, Int32Array.from(upload.y), [...(upload.classNames ?? [])], featureNames);
}
