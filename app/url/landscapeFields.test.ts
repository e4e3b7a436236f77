import { describe, expect, it } from 'vitest';
import { defaultExperiment, defaultNetworkExperiment, type Experiment } from '../../workers/engine/spec/experiment';
import { defaultCurvatureSettings, defaultSliceSettings } from '../../workers/engine/spec/landscapeSettings';
import { experimentToHash, hashToExperiment } from './hash';
import { LANDSCAPE_URL_FIELDS, repairLandscape } from './landscapeFields';

/** The default network experiment (the landscape fields apply to network links only). */
function networkLike(): Experiment {
  return defaultNetworkExperiment();
}

/** Every slice and curvature setting moved off its default, within its bounds (the runs named are the experiment's: o1 and o2). */
function unusual(experiment: Experiment): Experiment {
  experiment.slice = {
    directions: 'interpolation',
    centre: 'o2',
    runA: 'o2',
    runB: 'init',
    origin: 'o1',
    dims: 1,
    alpha: [-0.5, 1.5],
    beta: [-0.25, 0.125],
    resolution: 1001,
    metric: 'accuracy',
    split: 'test',
    seed: 4_000_000_000,
    liveEvery: 7,
  };
  experiment.curvature = {
    matrix: 'both',
    k: 20,
    slqRuns: 3,
    slqSteps: 77,
    smoothing: 0.0375,
    traceBudget: 300,
    relativeError: 0.0125,
    densityBudget: 4321,
    axis: 'symlog',
    seed: 99,
  };
  return experiment;
}

describe('landscape URL fields', () => {
  it('read back every setting exactly through its text', () => {
    const source = unusual(networkLike());
    const target = networkLike();
    for (const field of LANDSCAPE_URL_FIELDS) {
      const text = field.kind.format(field.get(source));
      const parsed = field.kind.schema.safeParse(text);
      expect(parsed.success, `${field.key}=${text}`).toBe(true);
      if (parsed.success) field.set(target, parsed.data);
    }
    expect(target.slice).toEqual(source.slice);
    expect(target.curvature).toEqual(source.curvature);
    // Not the defaults: the round trip carried information.
    expect(target.slice).not.toEqual(defaultSliceSettings());
    expect(target.curvature).not.toEqual(defaultCurvatureSettings());
  });

  it('have distinct keys, and reject hostile or out-of-range text', () => {
    const keys = LANDSCAPE_URL_FIELDS.map((field) => field.key);
    expect(new Set(keys).size).toBe(keys.length);
    const byKey = new Map(LANDSCAPE_URL_FIELDS.map((field) => [field.key, field]));
    const rejects = (key: string, text: string) => expect(byKey.get(key)!.kind.schema.safeParse(text).success, `${key}=${text}`).toBe(false);
    rejects('lc', '<img src=x>');
    rejects('lc', 'a'.repeat(13));
    rejects('ld', 'sideways');
    rejects('ldim', '3');
    rejects('lr', '1e9');
    rejects('lr', '64.5');
    rejects('la0', '-1e5');
    rejects('ck', '21');
    rejects('cw', '0');
    rejects('ct', 'Infinity');
    rejects('cm', 'fisher');
  });

  it('carry every setting through a whole network link', () => {
    const experiment = unusual(networkLike());
    const { experiment: read, messages } = hashToExperiment(experimentToHash(experiment));
    expect(messages).toEqual([]);
    expect(read.slice).toEqual(experiment.slice);
    expect(read.curvature).toEqual(experiment.curvature);
  });

  it('fall back with a message for a plane resolution beyond 201 or a hostile run reference in a link', () => {
    const hash = experimentToHash(networkLike()).replace(/(^|&)lr=\d+/, '$1lr=1000').replace(/(^|&)lc=o1/, '$1lc=%3Cscript%3E');
    const { experiment, messages } = hashToExperiment(hash);
    expect(experiment.slice.resolution).toBe(65);
    expect(experiment.slice.centre).toBe('o1');
    expect(messages.join(' ')).toMatch(/slice resolution 1000: a plane takes 5 to 201/);
    expect(messages.join(' ')).toMatch(/Ignored lc=.*slice centre/);
  });

  it('stay out of analytic links', () => {
    const hash = experimentToHash(defaultExperiment());
    for (const field of LANDSCAPE_URL_FIELDS) expect(hash).not.toMatch(new RegExp(`(^|&)${field.key}=`));
  });
});

describe('repairLandscape', () => {
  it('replaces a plane resolution meant for a line, reversed ranges and a self-interpolation, saying so', () => {
    const experiment = networkLike();
    experiment.slice = { ...experiment.slice, dims: 2, resolution: 1001, alpha: [1, -1], directions: 'interpolation', runA: 'o1', runB: 'o1' };
    const messages: string[] = [];
    repairLandscape(experiment, messages, new Set());
    expect(experiment.slice.resolution).toBe(65);
    expect(experiment.slice.alpha).toEqual([-1, 1]);
    expect(experiment.slice.directions).toBe('random');
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/slice resolution 1001: a plane takes 5 to 201/);
    // The run is named as its card names it, not by its id.
    expect(messages[2]).toBe('Ignored the interpolation from Gradient descent, batch 16 to itself; using random directions.');
  });

  it('points the slice at runs the link has: a reference the link gave is replaced with a message naming the run, a default one silently', () => {
    const { experiment, messages } = hashToExperiment('p=network&lc=zz&lra=o1&lrb=o9&ld=interpolation&o=adam,id:a,b:16&o=sgd,id:b');
    expect(experiment.optimizers.map((run) => run.id)).toEqual(['a', 'b']);
    expect(experiment.slice).toMatchObject({ centre: 'a', runA: 'a', runB: 'b', origin: 'init', directions: 'interpolation' });
    expect(messages).toEqual([
      'Ignored lc="zz" (slice centre): the link has no run with this id; using Adam, batch 16.',
      'Ignored lra="o1" (slice θ_A): the link has no run with this id; using Adam, batch 16.',
      'Ignored lrb="o9" (slice θ_B): the link has no run with this id; using Gradient descent, full batch.',
    ]);
    // Without slice keys, the slice simply follows the runs.
    const quiet = hashToExperiment('p=network&o=sgd,id:gd');
    expect(quiet.messages).toEqual([]);
    expect(quiet.experiment.slice).toMatchObject({ centre: 'gd', runA: 'gd', runB: 'init', origin: 'init' });
  });

  it('leaves valid settings alone', () => {
    const experiment = unusual(networkLike());
    const before = structuredClone(experiment.slice);
    const messages: string[] = [];
    repairLandscape(experiment, messages, new Set(['lc', 'lra', 'lrb', 'lro']));
    expect(messages).toEqual([]);
    expect(experiment.slice).toEqual(before);
  });
});
