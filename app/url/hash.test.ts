import { describe, expect, it } from 'vitest';
import {
  analyticProblemSpec,
  defaultExperiment,
  validateExperiment,
  type Experiment,
} from '../../workers/engine/spec/experiment';
import { EXPERIMENT_LIMITS } from '../../workers/engine/spec/limits';
import { analyticInfo } from '../../workers/engine/analytic/info';
import { hyperParameterSpecs, optimizerNamesFor } from '../../workers/engine/spec/optimizers/registry';
import { defaultRun } from '../../workers/engine/spec/runs';
import { Rng } from '../../workers/engine/math/rng';
import { MAX_HASH_LENGTH, experimentToHash, hashToExperiment } from './hash';
import { expectExactRoundTrip } from './testing/roundTrip';

/** An experiment in which every field differs from its default. */
function unusualExperiment(): Experiment {
  const experiment = defaultExperiment({ kind: 'analytic', name: 'quadratic', condition: 57.5, angleDeg: -12.25 });
  experiment.window = { xMin: -3.5, xMax: 1.25, yMin: -0.1, yMax: 0.3 };
  experiment.grid = { nx: 128, ny: 33 };
  experiment.start = [0.1 + 0.2, -1e-7];
  experiment.steps = 1234;
  experiment.view = { mode: 'contour', logScale: true };
  experiment.seed = 4_000_000_000;
  experiment.optimizers = optimizerNamesFor('analytic').map((name, index) => {
    const spec = defaultRun('analytic', name, index, []);
    spec.id = `run${index}`;
    spec.color = '#a1b2c3';
    // Move every hyper-parameter off its default, inside its slider range.
    for (const hyper of hyperParameterSpecs(name, 'analytic')) {
      spec[hyper.key] = hyper.integer ? hyper.min + 3 : hyper.min + (hyper.max - hyper.min) / 3;
    }
    return spec;
  });
  return experiment;
}

describe('experimentToHash / hashToExperiment', () => {
  it('reads back the default experiment exactly, without messages', () => {
    const experiment = defaultExperiment();
    expect(hashToExperiment(experimentToHash(experiment))).toEqual({ experiment, messages: [] });
  });

  it('reads back an experiment whose every field differs from the default', () => {
    expectExactRoundTrip(unusualExperiment());
  });

  it('round-trips every analytic function with its own defaults', () => {
    for (const name of ['rosenbrock', 'himmelblau', 'beale', 'saddle', 'monkey_saddle', 'quadratic'] as const) {
      const experiment = defaultExperiment(analyticProblemSpec(name));
      expect(hashToExperiment(experimentToHash(experiment)).experiment).toEqual(experiment);
    }
  });

  it('gives the default experiment for an empty hash', () => {
    expect(hashToExperiment('')).toEqual({ experiment: defaultExperiment(), messages: [] });
    expect(hashToExperiment('#')).toEqual({ experiment: defaultExperiment(), messages: [] });
  });

  it('fills missing fields from the chosen function’s teaching defaults', () => {
    const { experiment, messages } = hashToExperiment('f=himmelblau&n=50');
    const info = analyticInfo({ name: 'himmelblau' });
    expect(messages).toEqual([]);
    expect(experiment.problem).toMatchObject({ kind: 'analytic', name: 'himmelblau' });
    expect(experiment.window).toEqual(info.window);
    expect(experiment.start).toEqual(info.start);
    expect(experiment.steps).toBe(50);
  });

  it('reads the quadratic’s parameters whatever their order in the link', () => {
    const { experiment } = hashToExperiment('c=40&a=15&f=quadratic');
    expect(experiment.problem).toEqual({ kind: 'analytic', name: 'quadratic', condition: 40, angleDeg: 15 });
  });

  it('does not attach the quadratic’s parameters to another function', () => {
    const { experiment } = hashToExperiment('f=saddle&c=40');
    expect(experiment.problem).toEqual({ kind: 'analytic', name: 'saddle' });
  });
});

describe('hostile and malformed hashes', () => {
  const defaults = defaultExperiment();

  it('ignores an absurd grid and says so', () => {
    const { experiment, messages } = hashToExperiment('nx=100000&ny=100000');
    expect(experiment.grid).toEqual(defaults.grid);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('nx="100000"');
    expect(messages[0]).toContain(`from ${EXPERIMENT_LIMITS.gridSide.min} to ${EXPERIMENT_LIMITS.gridSide.max}`);
  });

  it('ignores NaN, Infinity, huge numbers, hexadecimal and empty values', () => {
    const { experiment, messages } = hashToExperiment('sx=NaN&sy=Infinity&x0=1e400&n=0x10&s=&y1=-1e308');
    expect(experiment.start).toEqual(defaults.start);
    expect(experiment.window).toEqual(defaults.window);
    expect(experiment.steps).toBe(defaults.steps);
    expect(experiment.seed).toBe(defaults.seed);
    expect(messages).toHaveLength(6);
  });

  it('keeps the good fields next to bad ones', () => {
    const { experiment, messages } = hashToExperiment('nx=64&ny=banana&n=77');
    expect(experiment.grid).toEqual({ nx: 64, ny: defaults.grid.ny });
    expect(experiment.steps).toBe(77);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('grid rows');
  });

  it('rejects fractional integers', () => {
    const { experiment, messages } = hashToExperiment('nx=64.5');
    expect(experiment.grid.nx).toBe(defaults.grid.nx);
    expect(messages[0]).toContain('an integer');
  });

  it('restores the window of an axis whose bounds are reversed', () => {
    const { experiment, messages } = hashToExperiment('x0=2&x1=-2&y0=-5&y1=5');
    expect(experiment.window).toEqual({ ...defaults.window, yMin: -5, yMax: 5 });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('x range');
  });

  it('quotes a script injection as inert, shortened text and keeps the default function', () => {
    const attack = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const { experiment, messages } = hashToExperiment(`f=${encodeURIComponent(attack)}`);
    expect(experiment.problem).toMatchObject({ kind: 'analytic', name: 'rosenbrock' });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('<script>alert(1)</script>');
    expect(messages[0]).not.toContain('onerror');
  });

  it('replaces control characters in quoted values', () => {
    const { messages } = hashToExperiment('m=%00%1b[31mred');
    expect(messages[0]).toContain('??[31mred');
  });

  it('reports unknown settings', () => {
    const { experiment, messages } = hashToExperiment('zz=1&__proto__=2');
    expect(experiment).toEqual(defaults);
    expect(messages).toEqual(['Ignored unknown setting "zz".', 'Ignored unknown setting "__proto__".']);
  });

  it('ignores a hash of a million characters without reading it', () => {
    const { experiment, messages } = hashToExperiment(`nx=64&${'x'.repeat(1_000_000)}`);
    expect(experiment).toEqual(defaults);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('1,000,006 characters');
    expect(messages[0]).toContain(String(MAX_HASH_LENGTH.toLocaleString('en')));
  });

  it('reads a hash just under the length limit', () => {
    const padding = `&zz=${'x'.repeat(MAX_HASH_LENGTH - 'n=42&zz='.length)}`;
    const hash = `n=42${padding}`;
    expect(hash.length).toBe(MAX_HASH_LENGTH);
    const { experiment, messages } = hashToExperiment(hash);
    expect(experiment.steps).toBe(42);
    expect(messages).toHaveLength(1);
    expect(messages[0].length).toBeLessThan(100);
  });

  it('reads a link of a future format version as this version and says so', () => {
    const { experiment, messages } = hashToExperiment('v=2&n=12');
    expect(experiment.version).toBe(1);
    expect(experiment.steps).toBe(12);
    expect(messages[0]).toContain('link format version');
  });

  it('survives random garbage: never throws, always returns a valid experiment', () => {
    const rng = new Rng(20240601);
    const alphabet = 'abcfmnosvxy01=&%,:.-+e#;<>"\'\\ \u0000\u00e9\ud83d';
    for (let trial = 0; trial < 300; trial++) {
      const length = rng.int(60);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[rng.int(alphabet.length)];
      const { experiment } = hashToExperiment(text);
      expect(validateExperiment(experiment)).toEqual([]);
    }
  });
});

describe('optimizers in the hash', () => {
  it('drops an unknown optimizer and keeps the others', () => {
    const { experiment, messages } = hashToExperiment('o=sgd,lr:0.002&o=lbfgs,lr:1&o=adam');
    expect(experiment.optimizers.map((spec) => spec.name)).toEqual(['sgd', 'adam']);
    expect(experiment.optimizers[0].lr).toBe(0.002);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('"lbfgs"');
  });

  it('falls back to the default optimizers when none of those given can be read', () => {
    const { experiment, messages } = hashToExperiment('o=evil,lr:1&o=%3Cscript%3E');
    expect(experiment.optimizers).toEqual(defaultExperiment().optimizers);
    expect(messages).toHaveLength(3);
    expect(messages[2]).toBe('Using the default optimizers instead.');
  });

  it('keeps the default of a hyper-parameter the engine would reject', () => {
    const { experiment, messages } = hashToExperiment('o=sgd,lr:-1&o=adam,b1:1,b2:0.5');
    const sgdDefault = hyperParameterSpecs('sgd', 'analytic')[0].defaultValue;
    expect(experiment.optimizers[0].lr).toBe(sgdDefault);
    expect(experiment.optimizers[1].beta1).toBe(0.9);
    expect(experiment.optimizers[1].beta2).toBe(0.5);
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('lr');
  });

  it('ignores a hyper-parameter that does not belong to the optimizer', () => {
    const { experiment, messages } = hashToExperiment('o=sgd,b1:0.5');
    expect(experiment.optimizers[0]).not.toHaveProperty('beta1');
    expect(messages[0]).toContain('not a setting of Gradient descent');
  });

  it('accepts a huge learning rate (it is valid; the run will diverge)', () => {
    const { experiment, messages } = hashToExperiment('o=sgd,lr:1e6');
    expect(messages).toEqual([]);
    expect(experiment.optimizers[0].lr).toBe(1e6);
  });

  it('keeps ids unique and colours well formed', () => {
    const { experiment, messages } = hashToExperiment('o=sgd,id:a,c:zzzzzz&o=adam,id:a,c:FF0000&o=sgd,id:BAD');
    expect(experiment.optimizers.map((spec) => spec.id)).toEqual(['a', 'o1', 'o2']);
    expect(experiment.optimizers[1].color).toBe('#ff0000');
    expect(messages).toHaveLength(3);
  });

  it('reads at most the maximum number of optimizers', () => {
    const max = EXPERIMENT_LIMITS.optimizerCount.max;
    const hash = Array.from({ length: max + 3 }, () => 'o=sgd').join('&');
    const { experiment, messages } = hashToExperiment(hash);
    expect(experiment.optimizers).toHaveLength(max);
    expect(messages).toEqual([`Ignored 3 optimizers beyond the first ${max}.`]);
  });

  it('tells "no optimizers" (o=) from "not given" (default optimizers)', () => {
    expect(hashToExperiment('o=').experiment.optimizers).toEqual([]);
    expect(hashToExperiment('n=5').experiment.optimizers).toEqual(defaultExperiment().optimizers);
    const none = { ...defaultExperiment(), optimizers: [] };
    expect(hashToExperiment(experimentToHash(none)).experiment).toEqual(none);
  });
});

describe('keys given twice, and keys the experiment does not use', () => {
  it('reads a key given twice at its first value and names the value it ignored', () => {
    const { experiment, messages } = hashToExperiment('n=50&f=beale&n=20');
    expect(experiment.steps).toBe(50);
    expect(messages).toEqual(['The link gives n (steps) 2 times: read the first, "50"; ignored "20".']);
    // The same value twice changes nothing and needs no word.
    expect(hashToExperiment('n=50&n=50').messages).toEqual([]);
  });

  it('reads a run setting given twice at its first value and says so', () => {
    const { experiment, messages } = hashToExperiment('o=sgd,lr:0.1,lr:0.2');
    expect(experiment.optimizers[0].lr).toBe(0.1);
    expect(messages).toEqual(['Ignored "lr:0.2" of optimizer 1 (Gradient descent): lr is given twice; using the first, "0.1".']);
  });

  it('lists the settings that do not apply to the experiment instead of dropping them silently', () => {
    const { experiment, messages } = hashToExperiment('f=saddle&c=40&a=10&ds=moons&lc=o1');
    expect(experiment.problem).toEqual({ kind: 'analytic', name: 'saddle' });
    expect(messages).toEqual([
      'Ignored c="40" (condition κ): it applies only to the quadratic function.',
      'Ignored a="10" (rotation in degrees): it applies only to the quadratic function.',
      'Ignored ds="moons" (data set): it applies only to neural networks.',
      'Ignored lc="o1" (slice centre): it applies only to neural networks.',
    ]);
  });
});

describe('a dense-curvature run on a network over its limit', () => {
  // 2-40-40-1: (2 + 1)·40 + (40 + 1)·40 + (40 + 1)·1 = 1801 parameters, above the 1000 Newton is offered for.
  const link = 'p=network&h=40,40&n=77&ds=circles&o=adam,id:a,lr:0.01&o=newton,id:nw&o=sgd,id:g,b:8,lr:0.3';

  it('drops only that run, keeps the rest of the link, and says so', () => {
    const { experiment, messages } = hashToExperiment(link);
    expect(experiment.problem).toMatchObject({ kind: 'network', dataset: 'circles', hidden: [40, 40] });
    expect(experiment.steps).toBe(77);
    expect(experiment.optimizers.map((run) => [run.id, run.name, run.lr])).toEqual([
      ['a', 'adam', 0.01],
      ['g', 'sgd', 0.3],
    ]);
    expect(messages).toEqual([
      "Ignored run 2 (Newton): Newton factorises the dense Hessian at every step, so it is offered up to 1,000 parameters; this network has 1,801. The link's other runs are kept.",
    ]);
    expect(validateExperiment(experiment)).toEqual([]);
  });

  it('falls back to the default runs, and only those, when it was the only run', () => {
    const { experiment, messages } = hashToExperiment('p=network&h=40,40&n=77&o=saddle_free_newton');
    expect(experiment.problem).toMatchObject({ hidden: [40, 40] });
    expect(experiment.steps).toBe(77);
    expect(experiment.optimizers.map((run) => run.name)).toEqual(['sgd', 'sgd']);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toBe('A network needs at least one training run; using the default runs.');
  });
});
