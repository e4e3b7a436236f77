import { describe, expect, it } from 'vitest';
import {
  defaultExperiment,
  defaultNetworkExperiment,
  isNetworkExperiment,
  validateExperiment,
  type NetworkExperiment,
} from '../../workers/engine/spec/experiment';
import { defaultRun } from '../../workers/engine/spec/runs';
import { hyperParameterSpecs, optimizerNamesFor } from '../../workers/engine/spec/optimizers/registry';
import { Rng } from '../../workers/engine/math/rng';
import { experimentToHash, hashToExperiment } from './hash';
import { datasetOptionsKind, hiddenWidthsKind } from './networkFields';
import { formatRun, parseRun } from './runCodec';
import { expectExactRoundTrip } from './testing/roundTrip';

/** A network experiment in which every network field differs from its default. */
function unusualNetworkExperiment(): NetworkExperiment {
  const experiment = defaultNetworkExperiment();
  experiment.problem = {
    kind: 'network',
    dataset: 'circles',
    datasetOptions: { n: 222, noise: 0.125 },
    testFraction: 0.35,
    dataSeed: 4_000_000_001,
    hidden: [7, 3, 5],
    activation: 'relu',
    init: { scheme: 'normal', scale: 0.3, seed: 99 },
    weightDecay: 1e-4,
    dropout: 0.25,
  };
  experiment.steps = 777;
  experiment.evalEvery = 7;
  experiment.sharpnessEvery = 21;
  experiment.seed = 31337;
  experiment.optimizers = optimizerNamesFor('network').slice(0, 8).map((name, index) => {
    const spec = defaultRun('network', name, index, [], index * 3);
    spec.id = `net${index}`;
    spec.color = '#a1b2c3';
    // Every hyper-parameter off its default, inside its slider range.
    for (const hyper of hyperParameterSpecs(name, 'network')) {
      spec[hyper.key] = hyper.integer ? hyper.min + 3 : Number((hyper.min + (hyper.max - hyper.min) / 3).toPrecision(6));
    }
    return spec;
  });
  // The slice names runs of this experiment.
  experiment.slice = { ...experiment.slice, centre: 'net1', runA: 'net2', runB: 'net0', origin: 'init' };
  return experiment;
}

describe('network links', () => {
  it('read back the default network experiment exactly, without messages', () => {
    const experiment = defaultNetworkExperiment();
    const hash = experimentToHash(experiment);
    expect(hash).toContain('p=network');
    expect(hash).not.toMatch(/(^|&)(x0|nx|sx|f)=/);
    expect(hashToExperiment(hash)).toEqual({ experiment, messages: [] });
  });

  it('read back an experiment whose every network field differs from the default', () => {
    expectExactRoundTrip(unusualNetworkExperiment());
  });

  it('fill what a short link leaves out from the network defaults', () => {
    const { experiment, messages } = hashToExperiment('p=network&ds=xor&h=4&n=50');
    expect(messages).toEqual([]);
    expect(isNetworkExperiment(experiment)).toBe(true);
    const defaults = defaultNetworkExperiment();
    expect(experiment).toEqual({
      ...defaults,
      problem: { ...defaults.problem, dataset: 'xor', datasetOptions: {}, hidden: [4] },
      steps: 50,
    });
  });

  it('ignore analytic-only settings in a network link, saying which and why', () => {
    const { experiment, messages } = hashToExperiment('p=network&f=beale&x0=-3&nx=64');
    expect(messages).toEqual([
      'Ignored f="beale" (function): it applies only to analytic functions.',
      'Ignored x0="-3" (window x from): it applies only to analytic functions.',
      'Ignored nx="64" (grid columns): it applies only to analytic functions.',
    ]);
    expect(experiment).toEqual(defaultNetworkExperiment());
  });

  it('fall back field by field, saying what was ignored', () => {
    const { experiment, messages } = hashToExperiment(
      'p=network&ds=mnist&h=16,999&act=swish&tf=2&wd=-1&dr=1&ev=0&sh=-3&isc=0&dseed=-1&iseed=1.5&init=lecun',
    );
    const defaults = defaultNetworkExperiment();
    expect(experiment).toEqual(defaults);
    expect(messages).toHaveLength(12);
    expect(messages[0]).toBe('Ignored ds="mnist" (data set): expected one of spiral, circles, xor, blobs, moons, sine, chebyshev, plane, bump, iris, csv; using spiral.');
    expect(messages.join(' ')).toContain('h="16,999" (hidden layers): expected at most 6 layer widths from 1 to 128');
  });

  it('check data-set options against the data set’s own table', () => {
    const { experiment, messages } = hashToExperiment('p=network&ds=moons&do=n:50,turns:2,noise:7');
    expect(isNetworkExperiment(experiment) && experiment.problem.datasetOptions).toEqual({ n: 50 });
    expect(messages).toEqual([
      'Ignored the option "turns" of the data set Two moons: it takes n, noise.',
      'Ignored noise=7 (Noise) of the data set Two moons: expected a number from 0 to 0.5; using 0.1.',
    ]);
  });

  it('keep the network within the parameter budget', () => {
    const { experiment, messages } = hashToExperiment('p=network&h=128,128,128');
    expect(isNetworkExperiment(experiment) && experiment.problem.hidden).toEqual([16, 16]);
    expect(messages[0]).toContain('33,537 parameters, more than the 10,000 allowed; using 16, 16');
  });

  it('need at least one run: none, or none readable, gives the default runs', () => {
    for (const runs of ['o=', 'o=lbfgs,id:a']) {
      const { experiment, messages } = hashToExperiment(`p=network&${runs}`);
      expect(experiment.optimizers).toEqual(defaultNetworkExperiment().optimizers);
      expect(messages[messages.length - 1]).toBe('A network needs at least one training run; using the default runs.');
    }
  });

  it('read a hostile value as inert, quoted text', () => {
    const attack = encodeURIComponent('<img src=x onerror=alert(1)>');
    const { experiment, messages } = hashToExperiment(`p=network&ds=${attack}&do=${attack}&h=${attack}`);
    expect(experiment).toEqual(defaultNetworkExperiment());
    expect(messages).toHaveLength(3);
    for (const message of messages) expect(message).toMatch(/^Ignored (ds|do|h)="<img src=x onerror=alert\(1\)>"/);
  });

  it('never throw on random network links and always give a valid experiment', () => {
    const rng = new Rng(77);
    const keys = ['p=network', 'ds=', 'do=', 'h=', 'act=', 'tf=', 'ev=', 'sh=', 'o=', 'dr=', 'wd='];
    const alphabet = 'abcnoisetur0123456789:,.-+e_%';
    for (let trial = 0; trial < 200; trial++) {
      const parts = ['p=network'];
      for (let k = 0; k < 4; k++) {
        let value = '';
        for (let i = rng.int(12); i > 0; i--) value += alphabet[rng.int(alphabet.length)];
        parts.push(`${keys[rng.int(keys.length)]}${value}`);
      }
      const { experiment } = hashToExperiment(parts.join('&'));
      expect(validateExperiment(experiment)).toEqual([]);
    }
  });

  it('switch back to an analytic link with analytic defaults', () => {
    expect(hashToExperiment('p=analytic').experiment).toEqual(defaultExperiment());
  });
});

describe('run codec, network runs', () => {
  it('writes the name, id, colour, batch size and the hyper-parameters that apply', () => {
    const spec = { ...defaultRun('network', 'sgd', 0, [], 8), lr: 0.5 };
    expect(formatRun('network', spec)).toBe('sgd,id:o1,c:4cc9f0,b:8,lr:0.5,w:0');
  });

  it('accepts joined trust-region settings that hold only together', () => {
    const messages: string[] = [];
    const spec = parseRun('network', 'trust_region,id:t,r:20,rmax:50', 0, [], messages);
    expect(messages).toEqual([]);
    expect(spec).toMatchObject({ radius: 20, maxRadius: 50 });
  });

  it('keeps the defaults of what it cannot use and says why', () => {
    const messages: string[] = [];
    const spec = parseRun('network', 'adam,b:-4,lr:0,rho:0.5,cg:3,id:x y', 2, [], messages);
    expect(spec).toEqual(defaultRun('network', 'adam', 2));
    expect(messages).toEqual([
      'Ignored "b:-4" of run 3 (Adam): the batch size is an integer from 0 to 5000 (0 = full batch).',
      'Ignored "rho:0.5" of run 3 (Adam): not a setting of Adam.',
      'Ignored "cg:3" of run 3 (Adam): not a setting of Adam.',
      'Ignored "id:x y" of run 3 (Adam): an id is 1–12 lower-case letters or digits.',
      'Ignored "lr:0" of run 3 (Adam): learning rate η must be a finite number > 0, got 0.',
    ]);
  });
});

describe('network field kinds', () => {
  it('read hidden widths and data-set options, and write them back the same way', () => {
    expect(hiddenWidthsKind.schema.parse('')).toEqual([]);
    expect(hiddenWidthsKind.schema.parse('8,4')).toEqual([8, 4]);
    expect(hiddenWidthsKind.schema.safeParse('8,,4').success).toBe(false);
    expect(hiddenWidthsKind.schema.safeParse('1,1,1,1,1,1,1').success).toBe(false);
    expect(datasetOptionsKind.schema.parse('n:200,noise:1e-2')).toEqual({ n: 200, noise: 0.01 });
    expect(datasetOptionsKind.schema.safeParse('__proto__:1').success).toBe(false);
    expect(datasetOptionsKind.format({ n: 200, noise: 0.01 })).toBe('n:200,noise:0.01');
  });
});
