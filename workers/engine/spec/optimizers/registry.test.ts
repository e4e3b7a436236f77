import { describe, expect, it } from 'vitest';
import * as registry from './registry';
import { optimizerProblem, resolveOptimizer } from './validate';

const { HYPER_PARAMETERS, HYPER_PARAMETER_NAMES, OPTIMIZER_METHODS, OPTIMIZER_NAMES, PROBLEM_KINDS } = registry;
const { hyperParameterSpecs, methodOf, optimizerDefaults, optimizerNamesFor } = registry;

describe('the optimizer registry', () => {
  it('offers the first-order and Newton methods for both kinds, and the matrix-free second-order ones for networks only', () => {
    const analytic = ['sgd', 'momentum', 'nesterov', 'rmsprop', 'adam', 'newton', 'saddle_free_newton'];
    expect(optimizerNamesFor('analytic')).toEqual(analytic);
    expect(optimizerNamesFor('network')).toEqual([...analytic, 'gauss_newton', 'trust_region', 'hessian_free']);
    expect(OPTIMIZER_NAMES).toEqual(optimizerNamesFor('network'));
  });

  it('gives every hyper-parameter its own URL key, none of them a run field (id, colour, batch size)', () => {
    const keys = HYPER_PARAMETER_NAMES.map((name) => HYPER_PARAMETERS[name].urlKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const runField of ['id', 'c', 'b']) expect(keys).not.toContain(runField);
  });

  it('lists each hyper-parameter of a method once, with a default for every kind it applies to inside the slider and passing the rule', () => {
    for (const name of OPTIMIZER_NAMES) {
      const method = methodOf(name);
      const keys = method.hyperParameters.map((use) => use.key);
      expect(new Set(keys).size, name).toBe(keys.length);
      for (const kind of method.kinds) {
        for (const spec of hyperParameterSpecs(name, kind)) {
          const rule = (HYPER_PARAMETERS[spec.key] as registry.HyperParameter).rule;
          expect(rule.holds(spec.defaultValue), `${name}.${spec.key} (${kind})`).toBe(true);
          expect(spec.min).toBeLessThan(spec.max);
          expect(spec.defaultValue).toBeGreaterThanOrEqual(spec.min);
          expect(spec.defaultValue).toBeLessThanOrEqual(spec.max);
          if (spec.scale === 'log') expect(spec.min).toBeGreaterThan(0);
        }
      }
    }
  });

  it('keeps the analytic and network defaults that differ apart', () => {
    const lr = (name: 'sgd' | 'adam' | 'saddle_free_newton', kind: 'analytic' | 'network') =>
      hyperParameterSpecs(name, kind).find((spec) => spec.key === 'lr')!.defaultValue;
    // The functions' default starts want small rates; the data sets larger ones.
    expect(lr('sgd', 'analytic')).toBe(1e-3);
    expect(lr('sgd', 'network')).toBe(0.1);
    expect(lr('adam', 'analytic')).toBe(2e-2);
    expect(lr('adam', 'network')).toBe(1e-2);
    expect(lr('saddle_free_newton', 'analytic')).toBe(0.5);
    expect(lr('saddle_free_newton', 'network')).toBe(1);
    expect(optimizerDefaults('newton', 'analytic').damping).toBe(1e-3);
    expect(optimizerDefaults('newton', 'network').damping).toBe(0.1);
  });

  it('says which curvature each method needs', () => {
    const curvature = Object.fromEntries(OPTIMIZER_NAMES.map((name) => [name, [OPTIMIZER_METHODS[name].curvature, OPTIMIZER_METHODS[name].dense]]));
    expect(curvature).toEqual({
      sgd: ['none', false],
      momentum: ['none', false],
      nesterov: ['none', false],
      rmsprop: ['none', false],
      adam: ['none', false],
      newton: ['hessian', true],
      saddle_free_newton: ['hessian', true],
      gauss_newton: ['gauss_newton', false],
      trust_region: ['hessian', false],
      hessian_free: ['gauss_newton', false],
    });
  });
});

describe('resolveOptimizer', () => {
  it.each(PROBLEM_KINDS)('fills the %s defaults of the method and the unused values of the rest', (kind) => {
    for (const name of optimizerNamesFor(kind)) {
      const resolved = resolveOptimizer({ name }, kind);
      expect(resolved.name).toBe(name);
      for (const field of HYPER_PARAMETER_NAMES) expect(resolved[field]).toBe(optimizerDefaults(name, kind)[field]);
      const unusedFields = HYPER_PARAMETER_NAMES.filter((field) => !hyperParameterSpecs(name, kind).some((spec) => spec.key === field));
      for (const field of unusedFields) expect(resolved[field]).toBe(HYPER_PARAMETERS[field].unused);
    }
  });

  it('refuses a method the kind does not offer, naming the ones it does', () => {
    expect(() => resolveOptimizer({ name: 'trust_region' }, 'analytic')).toThrow(
      'Unknown optimizer "trust_region"; expected one of sgd, momentum, nesterov, rmsprop, adam, newton, saddle_free_newton',
    );
    expect(resolveOptimizer({ name: 'trust_region' }, 'network').radius).toBe(0.5);
  });

  it('checks every field by its rule, then the rules joining fields, and says why', () => {
    expect(optimizerProblem({ name: 'sgd', lr: 0.1 }, 'analytic')).toBeNull();
    expect(optimizerProblem({ name: 'sgd', momentum: 1 }, 'analytic')).toBe('Optimizer sgd: momentum must be in [0, 1), got 1');
    expect(optimizerProblem({ name: 'trust_region', cgIterations: 501 }, 'network')).toBe(
      'Optimizer trust_region: cgIterations must be an integer from 1 to 500, got 501',
    );
    expect(optimizerProblem({ name: 'trust_region', radius: 20 }, 'network')).toBe('Optimizer trust_region: maxRadius (10) must be at least radius (20)');
    expect(optimizerProblem({ name: 'trust_region', radius: 20, maxRadius: 50 }, 'network')).toBeNull();
    // A field's own rule is reported before a joint rule it also breaks.
    expect(optimizerProblem({ name: 'trust_region', radius: 20, acceptRatio: 1 }, 'network')).toContain('acceptRatio must be in [0, 0.25)');
  });
});
