import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK_PROBLEM, lossForTask, networkProblem, networkProblemErrors, networkShape, validateNetworkProblem, type NetworkProblem } from './networkProblem';
import { NETWORK_LIMITS } from './limits';

describe('network problem', () => {
  it('the default problem is valid and describes a 2-16-16-1 network on the two-arm spiral', () => {
    expect(networkProblemErrors(networkProblem())).toEqual([]);
    const shape = networkShape(networkProblem());
    expect(shape.layers).toEqual([2, 16, 16, 1]);
    expect(shape.task).toBe('binary');
    expect(shape.loss).toBe('sigmoid_ce');
    // (2+1)·16 + (16+1)·16 + (16+1)·1
    expect(shape.paramCount).toBe(48 + 272 + 17);
  });

  it('networkProblem copies the nested defaults instead of sharing them', () => {
    const problem = networkProblem();
    problem.hidden.push(4);
    problem.init.seed = 7;
    expect(DEFAULT_NETWORK_PROBLEM.hidden).toEqual([16, 16]);
    expect(DEFAULT_NETWORK_PROBLEM.init.seed).toBe(1);
  });

  it('picks the loss from the task', () => {
    expect(lossForTask('regression')).toBe('mse');
    expect(lossForTask('binary')).toBe('sigmoid_ce');
    expect(lossForTask('multiclass')).toBe('softmax_ce');
    expect(networkShape(networkProblem({ dataset: 'iris' })).layers).toEqual([4, 16, 16, 3]);
    expect(networkShape(networkProblem({ dataset: 'sine', hidden: [] })).layers).toEqual([1, 1]);
  });

  const faults: [string, Partial<NetworkProblem>, RegExp][] = [
    ['too many hidden layers', { hidden: [2, 2, 2, 2, 2, 2, 2] }, /at most 6 hidden layers/],
    ['a zero width', { hidden: [16, 0] }, /the width of hidden layer 2 must be an integer from 1 to 128, got 0/],
    ['a fractional width', { hidden: [2.5] }, /hidden layer 1/],
    ['a width beyond the limit', { hidden: [129] }, /got 129/],
    ['an unknown activation', { activation: 'gelu' as never }, /the activation must be one of tanh, relu, sigmoid, linear/],
    ['an unknown scheme', { init: { scheme: 'orthogonal' as never, scale: 1, seed: 1 } }, /the initialisation must be one of/],
    ['a zero scale', { init: { scheme: 'normal', scale: 0, seed: 1 } }, /the init gain or σ must be a number from 0.001 to 10, got 0/],
    ['a negative seed', { init: { scheme: 'he', scale: 1, seed: -1 } }, /the init seed must be/],
    ['a fractional data seed', { dataSeed: 1.5 }, /the data seed must be/],
    ['negative weight decay', { weightDecay: -0.1 }, /the weight decay λ must be a number from 0 to 10, got -0.1/],
    ['dropout of 1', { dropout: 1 }, /the dropout p must be a probability from 0 to 0.9, got 1/],
    ['too large a test fraction', { testFraction: 0.95 }, /the test fraction must be/],
    ['an unknown data set', { dataset: 'mnist' as never }, /the data set: .*unknown data set 'mnist'/],
    ['a bad data-set option', { datasetOptions: { n: 2 } }, /the data set: .*n must be/],
    ['too many parameters', { hidden: [128, 128] }, /has 17025 parameters; at most 10000/],
  ];
  for (const [what, overrides, message] of faults) {
    it(`rejects ${what} with a message naming the field`, () => {
      const errors = networkProblemErrors(networkProblem(overrides));
      expect(errors.length).toBe(1);
      expect(errors[0]).toMatch(message);
      expect(() => validateNetworkProblem(networkProblem(overrides))).toThrow(message);
    });
  }

  it('accepts the limits themselves', () => {
    const atLimits = networkProblem({
      hidden: [NETWORK_LIMITS.width.min, 1, 1, 1, 1, NETWORK_LIMITS.width.min],
      weightDecay: NETWORK_LIMITS.weightDecay.max,
      dropout: NETWORK_LIMITS.dropout.max,
      testFraction: NETWORK_LIMITS.testFraction.max,
      dataSeed: NETWORK_LIMITS.seed.max,
    });
    expect(networkProblemErrors(atLimits)).toEqual([]);
  });

  it('lists every fault at once', () => {
    const errors = networkProblemErrors(networkProblem({ weightDecay: -1, dropout: 2, activation: 'x' as never }));
    expect(errors).toHaveLength(3);
  });
});
