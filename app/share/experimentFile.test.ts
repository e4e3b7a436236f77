import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment } from '../../workers/engine/spec/experiment';
import { defaultDisplay } from '../url/displayFields';
import { stateToLink } from '../url/link';
import { threeClassCsv, uploadOf } from '../../workers/engine/testing/csvFixtures';
import { EXPERIMENT_FILE_FORMAT, experimentFileToJson, parseExperimentFile, type ExperimentFile } from './experimentFile';

/** A small, valid file of the default analytic experiment with a 3 × 2 surface and one path. */
function validFile(): ExperimentFile {
  const experiment = defaultExperiment();
  const display = { ...defaultDisplay(), camera: { position: [1, 8, 9] as [number, number, number], target: [0, 1, 0] as [number, number, number] } };
  return {
    format: EXPERIMENT_FILE_FORMAT,
    link: stateToLink(experiment, display),
    experiment,
    display,
    backend: 'wasm',
    savedAt: '2026-12-03T17:00:00.000Z',
    surface: { of: 'function', quantity: 'f', split: null, nx: 3, ny: 2, x: { name: 'x', values: [-2, 0, 2] }, y: { name: 'y', values: [-1, 3] }, values: [1, 2, null, 4, 5, 0.1] },
    paths: [{ id: 'o1', label: 'Gradient descent', color: '#4cc9f0', points: [[-1.5, 2], [-1.4, 1.9]], losses: [212.5, 170.25] }],
    curves: [],
    markers: [{ kind: 'minimum', x: 1, y: 1 }],
  };
}

const parse = (file: unknown) => parseExperimentFile(typeof file === 'string' ? file : JSON.stringify(file));

describe('the experiment file', () => {
  it('reads back what it writes, numbers to the bit', () => {
    const file = validFile();
    file.surface!.values[0] = 0.1 + 0.2;
    const read = parseExperimentFile(experimentFileToJson(file));
    expect(read).toEqual(file);
    expect(read.surface!.values[0]).toBe(0.30000000000000004);
  });

  it('reads a network experiment with its curves', () => {
    const experiment = defaultNetworkExperiment();
    const display = { ...defaultDisplay(), sideTab: 'curvature' as const, selectedRun: experiment.optimizers[0].id };
    const file = { ...validFile(), experiment, display, link: stateToLink(experiment, display), surface: null, paths: [], markers: [], curves: [{ id: 'o1', label: 'a', color: '#ffffff', steps: [0, 10], trainLoss: [0.7, 0.6], testLoss: [0.71, null] }] };
    expect(parse(file).curves[0].testLoss).toEqual([0.71, null]);
  });

  /** A file of a network experiment on uploaded rows. */
  function uploadedFile(): ExperimentFile {
    const experiment = defaultNetworkExperiment();
    experiment.problem = { ...experiment.problem, dataset: 'csv', datasetOptions: {}, upload: uploadOf(threeClassCsv(30), 'mine.csv') };
    const display = defaultDisplay();
    return { ...validFile(), experiment, display, link: stateToLink(experiment, display), surface: null, paths: [], markers: [] };
  }

  it('keeps uploaded rows, which its link only names, and reads them back to the bit', () => {
    const file = uploadedFile();
    expect(file.link).toMatch(/&ds=csv&.*&csv=[0-9a-f]{8}\.30&/);
    const text = experimentFileToJson(file);
    const read = parseExperimentFile(text);
    expect(read).toEqual(file);
    const problem = read.experiment.problem;
    expect(problem.kind === 'network' && problem.upload?.x).toEqual(uploadOf(threeClassCsv(30)).x);
  });

  it('refuses uploaded rows that are not the ones its link names, or not a data set', () => {
    const tampered = uploadedFile();
    const problem = tampered.experiment.problem;
    if (problem.kind !== 'network' || problem.upload === undefined) throw new Error('expected uploaded rows');
    problem.upload.x[0] = 999;
    expect(() => parse(tampered)).toThrow(/its uploaded rows are not the ones its link names/);
    const broken = uploadedFile();
    (broken.experiment.problem as { upload: unknown }).upload = { ...problem.upload, y: ['<b>'] };
    expect(() => parse(broken)).toThrow(/its uploaded data set is malformed: it must have from 10 to 5000 rows, got 1/);
    const missing = uploadedFile();
    delete (missing.experiment.problem as { upload?: unknown }).upload;
    expect(() => parse(missing)).toThrow(/its link has settings the page refuses: This link trains on an uploaded CSV file/);
  });

  const bad: [string, () => unknown, RegExp][] = [
    ['text that is not JSON', () => 'not json {', /^it is not JSON$/],
    ['JSON that is not an object', () => '[1,2]', /its "format" must be "loss-landscape-experiment\/1" \(found none\)/],
    ['another format', () => ({ ...validFile(), format: 'loss-landscape-results/1' }), /\(found "loss-landscape-results\/1"\)/],
    ['an unknown key', () => ({ ...validFile(), extra: 1 }), /the file is malformed: Unrecognized key/],
    ['a surface with too few values', () => ({ ...validFile(), surface: { ...validFile().surface!, values: [1, 2, 3] } }), /the surface must hold nx·ny values at surface/],
    ['a surface of absurd size', () => ({ ...validFile(), surface: { ...validFile().surface!, nx: 100000 } }), /malformed: .* at surface\.nx/],
    ['Infinity (1e999) in the surface', () => experimentFileToJson(validFile()).replace('"values": [1,', '"values": [1e999,'), /malformed: .* at surface\.values\.0/],
    ['text in the surface', () => ({ ...validFile(), surface: { ...validFile().surface!, values: ['<script>', 2, 3, 4, 5, 6] } }), /at surface\.values\.0/],
    ['a path with a loss missing', () => ({ ...validFile(), paths: [{ ...validFile().paths[0], losses: [1] }] }), /a path must have one loss per point/],
    ['a markup run id', () => ({ ...validFile(), paths: [{ ...validFile().paths[0], id: '<img onerror=x>' }] }), /at paths\.0\.id/],
    ['a link with refused settings', () => ({ ...validFile(), link: 'nx=99999' }), /its link has settings the page refuses: Ignored nx="99999" \(grid columns\)/],
    ['an experiment that disagrees with its link', () => ({ ...validFile(), experiment: { ...validFile().experiment, steps: 301 } }), /its experiment differs from the experiment its link describes/],
    ['a display that disagrees with its link', () => ({ ...validFile(), display: defaultDisplay() }), /its display differs from the display its link describes/],
    ['a huge text', () => ' '.repeat(64 * 1024 * 1024 + 1), /more than the 64 MB an experiment file may hold/],
  ];

  it.each(bad)('refuses %s with a clear message', (_, make, message) => {
    expect(() => parse(make())).toThrow(message);
  });
});
