import { describe, expect, it } from 'vitest';
import type { NetworkExperiment } from '../../workers/engine/spec/experiment';
import { uploadMarker } from '../../workers/engine/spec/uploadedData';
import { threeClassCsv, uploadOf } from '../../workers/engine/testing/csvFixtures';
import { createAppStore } from '../store/store';
import { syncExperimentWithUrl, type UrlHost } from '../store/urlSync';
import { openCsvFile } from './openCsvFile';

/** A stand-in for a picked file. */
const fileOf = (text: string, name = 'data.csv') => ({ name, size: text.length, text: async () => text });

/** A store in network mode. */
function networkStore() {
  const store = createAppStore();
  store.getState().setMode('network');
  return store;
}

const problemOf = (store: ReturnType<typeof createAppStore>) => (store.getState().experiment as NetworkExperiment).problem;

describe('opening a CSV file as the data set', () => {
  it('trains on a good file: the data set becomes csv with its rows, everything else kept', async () => {
    const store = networkStore();
    store.getState().setHiddenWidth(0, 9);
    const outcome = await openCsvFile(fileOf(threeClassCsv(30), 'flowers.csv'), store);
    expect(outcome).toEqual({ kind: 'info', text: 'Opened "flowers.csv": 30 rows, 3 classes (a, b, c).' });
    const problem = problemOf(store);
    expect(problem.dataset).toBe('csv');
    expect(problem.upload).toEqual(uploadOf(threeClassCsv(30), 'flowers.csv'));
    expect(problem.hidden).toEqual([9, 16]);
    expect(store.getState().uploads).toHaveLength(1);
    // Back to a generated data set drops the rows from the experiment, not from the page.
    store.getState().setDataset('moons');
    expect(problemOf(store).upload).toBeUndefined();
    expect(store.getState().uploads).toHaveLength(1);
  });

  it.each([
    ['text in a feature column', `a,b,c\n${threeClassCsv(12).split('\n').slice(1).join('\n')}1,oops,a\n`, /Could not open "bad\.csv": line 14, column 2 \(b\): "oops" is not a number\. Nothing was changed\./],
    ['a wrong column count', '1,2\n3,4\n', /line 1: expected 3 columns/],
    ['NaN', `${threeClassCsv(12)}NaN,1,a\n`, /line 14, column 1 \(length\): "NaN" is not a number/],
    ['too many rows', threeClassCsv(5001), /5,001 rows of data, more than the 5,000/],
  ])('refuses %s with a clear sentence and changes nothing', async (_, text, message) => {
    const store = networkStore();
    await openCsvFile(fileOf(threeClassCsv(20), 'good.csv'), store);
    const before = store.getState().experiment;
    const outcome = await openCsvFile(fileOf(text, 'bad.csv'), store);
    expect(outcome.kind).toBe('error');
    expect(outcome.text).toMatch(message);
    expect(store.getState().experiment).toBe(before);
    expect(store.getState().uploads).toHaveLength(1);
  });

  it('gives a link that waited for the file its rows, and the link its marker back', async () => {
    const upload = uploadOf(threeClassCsv(30), 'flowers.csv');
    const source = networkStore();
    source.getState().trainOnUpload(upload);
    const host = hostWith('');
    syncExperimentWithUrl(source, host)();
    const link = host.location.hash.slice(1);
    expect(link).toContain(`csv=${uploadMarker(upload).hash}.30`);

    // A fresh page opens the link without the rows: the default data set, and the marker it needs.
    const fresh = createAppStore();
    const freshHost = hostWith(link);
    const stop = syncExperimentWithUrl(fresh, freshHost);
    expect(problemOf(fresh).dataset).toBe('spiral');
    expect(fresh.getState().missingUpload).toEqual(uploadMarker(upload));
    expect(fresh.getState().linkMessages[0]).toMatch(/needs|open that file/);
    const outcome = await openCsvFile(fileOf(threeClassCsv(30), 'flowers.csv'), fresh);
    expect(outcome.kind).toBe('info');
    expect(outcome.text).not.toMatch(/not the file the link names/);
    expect(fresh.getState().missingUpload).toBeNull();
    expect(freshHost.location.hash).toBe(`#${link}`);
    stop();
  });

  it('says when the file opened is not the one the link names', async () => {
    const source = networkStore();
    source.getState().trainOnUpload(uploadOf(threeClassCsv(30)));
    const host = hostWith('');
    syncExperimentWithUrl(source, host)();
    const fresh = createAppStore();
    syncExperimentWithUrl(fresh, hostWith(host.location.hash.slice(1)))();
    const outcome = await openCsvFile(fileOf(threeClassCsv(33)), fresh);
    expect(outcome.text).toMatch(/Opened "data\.csv": 33 rows, 3 classes \(a, b, c\)\. It is not the file the link names \(30 rows, content hash [0-9a-f]{8}\)\./);
    expect(problemOf(fresh).dataset).toBe('csv');
  });
});

/** A window stand-in whose hash starts as `hash`. */
function hostWith(hash: string): UrlHost & { location: { hash: string; href: string } } {
  const host = {
    location: { hash: hash ? `#${hash}` : '', href: `http://page/${hash ? `#${hash}` : ''}` },
    history: {
      state: null,
      replaceState(_data: unknown, _unused: string, url?: string) {
        if (url === undefined) return;
        host.location.href = url;
        host.location.hash = url.slice(url.indexOf('#'));
      },
    },
    addEventListener() {},
    removeEventListener() {},
  };
  return host;
}
