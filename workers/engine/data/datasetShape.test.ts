import { describe, expect, it } from 'vitest';
import { DATASETS, DATASET_NAMES, datasetShape, type DatasetOptions } from '../spec/datasets';
import { makeDataset } from './registry';

/** Every option at its default, then each option alone at its minimum and at its maximum, then all at once. */
function optionExtremes(name: (typeof DATASET_NAMES)[number]): DatasetOptions[] {
  const options = DATASETS[name].options;
  const cases: DatasetOptions[] = [{}];
  for (const option of options) cases.push({ [option.key]: option.min }, { [option.key]: option.max });
  if (options.length > 0) {
    cases.push(Object.fromEntries(options.map((option) => [option.key, option.min])));
    cases.push(Object.fromEntries(options.map((option) => [option.key, option.max])));
  }
  return cases;
}

describe('datasetShape', () => {
  for (const name of DATASET_NAMES) {
    it(`${name}: the task and widths read from the table are those of the generated data, at every option extreme`, () => {
      for (const options of optionExtremes(name)) {
        const data = makeDataset(name, options, 3);
        expect({ options, ...datasetShape(name, options) }).toEqual({
          options,
          task: data.task,
          inputDim: data.inputDim,
          outputDim: data.outputDim,
        });
      }
    });
  }

  it('gives multiclass C outputs for C > 2 classes and one output for two', () => {
    expect(datasetShape('blobs', { classes: 5 })).toEqual({ task: 'multiclass', inputDim: 2, outputDim: 5 });
    expect(datasetShape('spiral', { classes: 2 })).toEqual({ task: 'binary', inputDim: 2, outputDim: 1 });
    expect(datasetShape('iris', {})).toEqual({ task: 'multiclass', inputDim: 4, outputDim: 3 });
    expect(datasetShape('plane', {})).toEqual({ task: 'regression', inputDim: 2, outputDim: 1 });
  });

  it('refuses what the generators refuse, with the same message', () => {
    const faults: [string, DatasetOptions][] = [
      ['mnist', {}],
      ['spiral', { arms: 3 }],
      ['spiral', { n: 2 }],
      ['blobs', { classes: 2.5 }],
      ['iris', { n: 10 }],
      ['sine', { noise: Number.NaN }],
    ];
    for (const [name, options] of faults) {
      let generatorMessage = '';
      try {
        makeDataset(name, options, 1);
      } catch (error) {
        generatorMessage = (error as Error).message;
      }
      expect(generatorMessage).not.toBe('');
      expect(() => datasetShape(name, options)).toThrow(generatorMessage);
    }
  });
});
