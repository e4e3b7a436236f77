import { describe, expect, it } from 'vitest';
import { defaultNetworkExperiment, validateExperiment, type NetworkExperiment } from '../../workers/engine/spec/experiment';
import { uploadMarker } from '../../workers/engine/spec/uploadedData';
import { regressionCsv, threeClassCsv, uploadOf } from '../../workers/engine/testing/csvFixtures';
import { experimentToHash, hashToExperiment } from './hash';
import { linkToState, stateToLink } from './link';
import { defaultDisplay } from './displayFields';

/** A network experiment on the uploaded three-class data, with a few settings off their defaults. */
function uploadedExperiment(): NetworkExperiment {
  const experiment = defaultNetworkExperiment();
  experiment.problem = { ...experiment.problem, dataset: 'csv', datasetOptions: {}, upload: uploadOf(threeClassCsv(30), 'mine.csv'), hidden: [6], testFraction: 0.3 };
  experiment.steps = 123;
  expect(validateExperiment(experiment)).toEqual([]);
  return experiment;
}

describe('the uploaded-data marker of links', () => {
  it('writes ds=csv and csv=HASH.ROWS, and reads back the same experiment when the page holds the rows', () => {
    const experiment = uploadedExperiment();
    const hash = experimentToHash(experiment);
    const { hash: contentHash } = uploadMarker(experiment.problem.upload!);
    expect(hash).toContain('&ds=csv&');
    expect(hash).toContain(`&csv=${contentHash}.30&`);
    // The rows themselves never travel in the link.
    expect(hash.length).toBeLessThan(700);
    const other = uploadOf(regressionCsv());
    const read = hashToExperiment(hash, [other, experiment.problem.upload!]);
    expect(read.messages).toEqual([]);
    expect(read.missingUpload).toBeUndefined();
    expect(read.experiment).toEqual(experiment);
    expect(experimentToHash(read.experiment)).toBe(hash);
  });

  it('opens on the default data set without the rows, keeping every other setting, and says which file it needs', () => {
    const experiment = uploadedExperiment();
    const link = stateToLink(experiment, { ...defaultDisplay(), sideTab: 'curvature' });
    const { experiment: opened, messages, missingUpload, display } = linkToState(link);
    const marker = uploadMarker(experiment.problem.upload!);
    expect(missingUpload).toEqual(marker);
    expect(messages).toEqual([
      `This link trains on an uploaded CSV file (30 rows, content hash ${marker.hash}) that a link cannot carry: open that file (Data → Open CSV…) to train on it. Showing Spiral until then; every other setting is the link's.`,
    ]);
    const problem = (opened as NetworkExperiment).problem;
    expect(problem.dataset).toBe('spiral');
    expect(problem.upload).toBeUndefined();
    expect(problem.hidden).toEqual([6]);
    expect(problem.testFraction).toBe(0.3);
    expect(opened.steps).toBe(123);
    expect(opened.optimizers).toEqual(experiment.optimizers);
    expect(display.sideTab).toBe('curvature');
    // Rows with other content are not taken for the link's.
    const changed = uploadOf(threeClassCsv(31));
    expect(linkToState(link, [changed]).missingUpload).toEqual(marker);
  });

  it('leaves links of generated data sets as they were: no marker', () => {
    expect(experimentToHash(defaultNetworkExperiment())).not.toContain('csv');
  });

  const base = experimentToHash(defaultNetworkExperiment());
  const garbage: [string, string, RegExp][] = [
    ['letters', 'zzz', /Ignored ds=csv \(data set\): the link gives csv="zzz", but an uploaded data set needs the uploaded rows' content hash and count.*; using Spiral\./],
    ['an empty value', '', /gives csv="", but an uploaded data set needs/],
    ['markup', '<script>alert(1)</script>', /gives csv="<script>alert\(1\)<\/script>"/],
    ['upper-case hex', 'ABCDEF12.30', /gives csv="ABCDEF12\.30"/],
    ['too few rows', '0123abcd.3', /gives csv="0123abcd\.3"/],
    ['too many rows', '0123abcd.99999', /gives csv="0123abcd\.99999"/],
    ['a long text', 'a'.repeat(3000), /gives csv="a{40}…"/],
  ];
  it.each(garbage)('falls back to the default data set for a marker of %s, saying so', (_, value, message) => {
    const link = base.replace('ds=spiral', `ds=csv&csv=${encodeURIComponent(value)}`);
    const { experiment, messages, missingUpload } = hashToExperiment(link);
    expect(messages.join('\n')).toMatch(message);
    expect((experiment as NetworkExperiment).problem.dataset).toBe('spiral');
    expect(missingUpload).toBeUndefined();
    expect(validateExperiment(experiment)).toEqual([]);
  });

  it('says so for ds=csv without a marker', () => {
    const { messages } = hashToExperiment(base.replace('ds=spiral', 'ds=csv'));
    expect(messages).toEqual([expect.stringMatching(/^Ignored ds=csv \(data set\): the link gives no marker, but an uploaded data set needs .*; using Spiral\.$/)]);
  });

  it('ignores a marker on a link of a generated data set, or of an analytic function, with a sentence', () => {
    const { experiment, messages } = hashToExperiment(`${base}&csv=0123abcd.30`);
    expect(messages).toEqual(['Ignored csv="0123abcd.30" (uploaded data): it applies only to an uploaded data set (ds=csv).']);
    expect((experiment as NetworkExperiment).problem.dataset).toBe('spiral');
    expect(hashToExperiment('f=himmelblau&csv=0123abcd.30').messages).toEqual(['Ignored csv="0123abcd.30" (uploaded data): it applies only to an uploaded data set (ds=csv).']);
  });

  it('reads the first of a repeated marker and names the others', () => {
    const experiment = uploadedExperiment();
    const link = experimentToHash(experiment);
    const read = hashToExperiment(`${link}&csv=0123abcd.30`, [experiment.problem.upload!]);
    expect(read.messages).toEqual([expect.stringMatching(/^The link gives csv \(uploaded data\) 2 times: read the first, "[0-9a-f]{8}\.30"; ignored "0123abcd\.30"\.$/)]);
    expect(read.experiment).toEqual(experiment);
  });

  it('keeps the link of an uploaded data set whose link gives options: they are ignored', () => {
    const experiment = uploadedExperiment();
    const link = experimentToHash(experiment).replace('do=', 'do=n:50');
    const read = hashToExperiment(link, [experiment.problem.upload!]);
    expect(read.messages).toEqual(['Ignored the option "n" of the data set Uploaded CSV: it takes none.']);
    expect(read.experiment).toEqual(experiment);
  });
});
