import { describe, expect, it } from 'vitest';
import { regressionCsv, threeClassCsv, uploadOf } from '../testing/csvFixtures';
import { networkProblem, networkProblemErrors, networkShape } from './networkProblem';
import { matchesMarker, uploadedDataErrors, uploadedDataShape, uploadMarker, type UploadedData } from './uploadedData';

describe('uploaded data', () => {
  it('keeps what the reader read: raw features, class indices, class names and the file name', () => {
    const upload = uploadOf(threeClassCsv(30), 'flowers.csv');
    expect(upload.fileName).toBe('flowers.csv');
    expect(upload.columns).toEqual(['length', 'width', 'kind']);
    expect(upload.task).toBe('multiclass');
    expect(upload.classNames).toEqual(['a', 'b', 'c']);
    expect(upload.x.slice(0, 4)).toEqual([100, -5, 107, -4.7]);
    expect(upload.y.slice(0, 4)).toEqual([0, 1, 2, 0]);
    expect(uploadedDataErrors(upload)).toEqual([]);
  });

  it('shapes the network by the task: K outputs for K classes, one for a regression', () => {
    expect(uploadedDataShape(uploadOf(threeClassCsv()))).toEqual({ task: 'multiclass', inputDim: 2, outputDim: 3 });
    expect(uploadedDataShape(uploadOf(regressionCsv()))).toEqual({ task: 'regression', inputDim: 2, outputDim: 1 });
    const problem = networkProblem({ dataset: 'csv', upload: uploadOf(threeClassCsv()), hidden: [4] });
    expect(networkShape(problem)).toMatchObject({ layers: [2, 4, 3], loss: 'softmax_ce', paramCount: 3 * 4 + 5 * 3 });
    expect(networkProblemErrors(problem)).toEqual([]);
  });

  it('marks its content with a hash that ignores the file name and follows every number', () => {
    const upload = uploadOf(threeClassCsv(30), 'one.csv');
    const marker = uploadMarker(upload);
    expect(marker.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(marker.rows).toBe(30);
    expect(uploadMarker({ ...upload, fileName: 'renamed.csv' })).toEqual(marker);
    const changed: UploadedData = { ...upload, x: [...upload.x] };
    changed.x[17] += 1e-9;
    expect(uploadMarker(changed).hash).not.toBe(marker.hash);
    expect(matchesMarker(upload, marker)).toBe(true);
    expect(matchesMarker(upload, { ...marker, rows: 31 })).toBe(false);
    expect(uploadMarker(uploadOf(regressionCsv())).hash).not.toBe(marker.hash);
  });

  const upload = () => uploadOf(threeClassCsv(12));
  const bad: [string, () => unknown, RegExp][] = [
    ['nothing', () => undefined, /holds no rows \(open its CSV file\)/],
    ['too few rows', () => ({ ...upload(), x: [1, 2], y: [0] }), /from 10 to 5000 rows, got 1/],
    ['a missing feature', () => ({ ...upload(), x: upload().x.slice(1) }), /two features per row \(24 numbers\), got 23/],
    ['NaN in a feature', () => ({ ...upload(), x: [NaN, ...upload().x.slice(1)] }), /features must be finite numbers/],
    ['a label beyond the classes', () => ({ ...upload(), y: [3, ...upload().y.slice(1)] }), /class indices from 0 to 2/],
    ['a task that does not match the classes', () => ({ ...upload(), task: 'binary' }), /must be multiclass for 3 classes/],
    ['an unknown task', () => ({ ...upload(), task: 'ranking' }), /regression, binary or multiclass/],
    ['a regression with text targets', () => ({ ...uploadOf(regressionCsv()), y: ['1', ...uploadOf(regressionCsv()).y.slice(1)] }), /targets must be finite numbers/],
    ['a huge file name', () => ({ ...upload(), fileName: 'x'.repeat(1000) }), /file name must be text of at most 80/],
  ];
  it.each(bad)('refuses %s with a sentence', (_, make, message) => {
    expect(uploadedDataErrors(make()).join('; ')).toMatch(message);
  });

  it('is required by the csv data set and refused by the others', () => {
    expect(networkProblemErrors(networkProblem({ dataset: 'csv' })).join('; ')).toMatch(/the uploaded data set: it holds no rows/);
    expect(networkProblemErrors(networkProblem({ dataset: 'spiral', upload: upload() })).join('; ')).toMatch(/only the uploaded data set \(csv\) holds rows/);
    expect(networkProblemErrors(networkProblem({ dataset: 'csv', upload: upload(), datasetOptions: { n: 3 } })).join('; ')).toMatch(/takes no options/);
  });
});
