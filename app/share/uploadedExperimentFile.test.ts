import { describe, expect, it } from 'vitest';
import { threeClassCsv, uploadOf } from '../../workers/engine/testing/csvFixtures';
import { createAppStore } from '../store/store';
import { syncExperimentWithUrl, type UrlHost } from '../store/urlSync';
import { experimentFileToJson, parseExperimentFile } from './experimentFile';
import { experimentFileOf } from './pageResults';

describe('an experiment file of uploaded data', () => {
  it('is written with the rows, reads back to the same experiment, and its link finds them once the file is remembered', () => {
    const store = createAppStore();
    store.getState().setMode('network');
    const upload = uploadOf(threeClassCsv(30), 'flowers.csv');
    expect(store.getState().trainOnUpload(upload)).toBeNull();
    const text = experimentFileToJson(experimentFileOf(store.getState(), '2026-12-04T20:00:00.000Z'));
    expect(text).toContain('"fileName": "flowers.csv"');
    const read = parseExperimentFile(text);
    expect(read.experiment).toEqual(store.getState().experiment);

    // "Open live" in another page: the file's rows are remembered, then its link is opened.
    const other = createAppStore();
    const problem = read.experiment.problem;
    if (problem.kind !== 'network' || problem.upload === undefined) throw new Error('expected uploaded rows');
    other.getState().rememberUpload(problem.upload);
    const host: UrlHost = {
      location: { hash: `#${read.link}`, href: `http://page/#${read.link}` },
      history: { state: null, replaceState: () => undefined },
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    syncExperimentWithUrl(other, host)();
    expect(other.getState().missingUpload).toBeNull();
    expect(other.getState().linkMessages).toEqual([]);
    expect(other.getState().experiment).toEqual(store.getState().experiment);
  });
});
