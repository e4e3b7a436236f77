import { describe, expect, it } from 'vitest';
import { regressionCsv, threeClassCsv, uploadOf } from '../testing/csvFixtures';
import { networkProblem } from '../spec/networkProblem';
import { fitScaling } from './standardize';
import { prepareDataset, prepareProblemData } from './registry';
import { datasetOfUpload } from './uploaded';

/** Mean and population standard deviation of feature k. */
function moments(x: Float32Array, n: number, k: number): [number, number] {
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i * 2 + k] / n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (x[i * 2 + k] - mean) ** 2 / n;
  return [mean, Math.sqrt(variance)];
}

describe('uploaded data in the engine', () => {
  it('packs classes as the task needs: 3 classes as integer labels, 2 as 0/1 targets', () => {
    const three = datasetOfUpload(uploadOf(threeClassCsv(30)));
    expect(three).toMatchObject({ n: 30, inputDim: 2, outputDim: 3, task: 'multiclass', classNames: ['a', 'b', 'c'], featureNames: ['length', 'width'] });
    expect(three.y).toBeInstanceOf(Int32Array);
    const binaryText = Array.from({ length: 10 }, (_, i) => `${i},${-i},${i % 2 ? 'yes' : 'no'}`).join('\n');
    const binary = datasetOfUpload(uploadOf(binaryText));
    expect(binary).toMatchObject({ outputDim: 1, task: 'binary', classNames: ['no', 'yes'] });
    expect(Array.from(binary.y.slice(0, 4))).toEqual([0, 1, 0, 1]);
  });

  it('standardises the features like iris: μ and σ of the training split, applied to the test split too', () => {
    const upload = uploadOf(threeClassCsv(60));
    const prepared = prepareProblemData(networkProblem({ dataset: 'csv', upload, testFraction: 0.25, dataSeed: 7 }));
    const { train, test, scaling } = prepared;
    expect(train.n + test.n).toBe(60);
    expect(test.n).toBe(15);
    for (const k of [0, 1]) {
      const [mean, std] = moments(train.x, train.n, k);
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      expect(std).toBeCloseTo(1, 5);
    }
    // The scaling is the training rows' own, in the file's units.
    const rawTrain = { ...datasetOfUpload(upload), n: train.n, x: Float32Array.from(Array.from(prepared.trainRows).flatMap((row) => [upload.x[2 * row], upload.x[2 * row + 1]])) };
    const fitted = fitScaling(rawTrain);
    expect(Array.from(scaling!.mean)).toEqual(Array.from(fitted.mean));
    const row = prepared.testRows[0];
    expect(test.x[0]).toBeCloseTo((upload.x[2 * row] - fitted.mean[0]) / fitted.std[0], 5);
  });

  it('splits a regression as one stratum and keeps its targets as given', () => {
    const upload = uploadOf(regressionCsv(20));
    const { train, test, trainRows } = prepareProblemData(networkProblem({ dataset: 'csv', upload, testFraction: 0.2 }));
    expect([train.n, test.n]).toEqual([16, 4]);
    expect(train.task).toBe('regression');
    expect(train.y[0]).toBeCloseTo(upload.y[trainRows[0]], 5);
  });

  it('leaves the generated data sets as they were', () => {
    const problem = networkProblem({ dataset: 'iris', testFraction: 0.3, dataSeed: 3 });
    const viaProblem = prepareProblemData(problem);
    const direct = prepareDataset('iris', {}, 3, 0.3);
    expect(Array.from(viaProblem.train.x)).toEqual(Array.from(direct.train.x));
  });

  it('refuses the csv data set without rows', () => {
    expect(() => prepareProblemData(networkProblem({ dataset: 'csv' }))).toThrow(/holds no rows/);
  });
});
