import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extremeEigenvalues } from '../math/krylov/extremes';
import { choleskySolve } from '../math/linalg/cholesky';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { newtonDirection } from '../optimizers/newtonDirection';
import { networkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import {
  compareLowRankNewton,
  denseEigenpairs,
  denseLowRank,
  estimatedLowRankError,
  lowRankErrorFromSpectrum,
  lowRankNewtonStep,
  mergeEnds,
  relativeFrobeniusError,
  type Eigenpairs,
} from './lowRank';
import { curvatureOperator } from './operators';

/** A 2-8-1 tanh network on 40 blobs of two classes: 33 parameters. */
let network: BuiltNetwork;
let hessian: Float64Array;
let pairs: Eigenpairs;
let n: number;

beforeAll(async () => {
  await useTestBackend();
  network = buildNetwork(networkProblem({ dataset: 'blobs', datasetOptions: { n: 40, classes: 2 }, hidden: [8], testFraction: 0 }));
  n = network.objective.paramCount;
  hessian = await network.objective.fullHessian(network.initialParams);
  pairs = denseEigenpairs(hessian, n);
});
afterAll(() => network.dispose());

describe('low-rank Hessian', () => {
  it('the exact relative error from the spectrum equals ‖H − H_k‖_F / ‖H‖_F of the dense H_k', () => {
    const ranks = [0, 1, 5, 20, n];
    const fromSpectrum = lowRankErrorFromSpectrum(pairs.values, ranks);
    ranks.forEach((k, r) => {
      const direct = relativeFrobeniusError(hessian, denseLowRank(pairs, k, n));
      expect(Math.abs(fromSpectrum[r] - direct)).toBeLessThan(1e-9);
    });
    expect(fromSpectrum[0]).toBeCloseTo(1, 12);
    expect(fromSpectrum[ranks.length - 1]).toBeLessThan(1e-7);
    // The error falls with k, and H_k (Eckart–Young) beats any other k pairs, e.g. the k algebraically largest.
    for (let r = 1; r < ranks.length; r++) expect(fromSpectrum[r]).toBeLessThanOrEqual(fromSpectrum[r - 1]);
    const algebraic = [...pairs.values].sort((a, b) => b - a);
    const algebraicError = Math.sqrt(algebraic.slice(5).reduce((s, v) => s + v * v, 0) / algebraic.reduce((s, v) => s + v * v, 0));
    expect(fromSpectrum[2]).toBeLessThanOrEqual(algebraicError + 1e-12);
  });

  it('estimates the error from products within its standard error, for every seed, and exactly from Lanczos pairs', async () => {
    const operator = curvatureOperator(network.objective, network.initialParams, 'hessian');
    const ranks = [1, 5, 20];
    const exact = lowRankErrorFromSpectrum(pairs.values, ranks);
    for (const seed of [0, 1, 2, 3]) {
      const estimate = await estimatedLowRankError(operator.matVec, n, pairs, ranks, { probes: 20, seed });
      expect(estimate.products).toBe(20);
      ranks.forEach((_, r) => {
        expect(estimate.standardError[r]).toBeGreaterThan(0);
        expect(Math.abs(estimate.relativeError[r] - exact[r])).toBeLessThan(5 * estimate.standardError[r] + 1e-6);
      });
    }
    // Lanczos run to P steps recovers every pair: both ends merged by magnitude give H_k's exact error.
    const lanczos = await extremeEigenvalues(operator.matVec, n, { k: 20, maxProducts: n, tol: 1e-10 });
    const merged = mergeEnds(lanczos.largest, lanczos.smallest, 20);
    expect(merged.values).toHaveLength(20);
    merged.values.forEach((value, i) => expect(Math.abs(value - pairs.values[i])).toBeLessThan(1e-5 * Math.abs(pairs.values[0])));
    ranks.forEach((k, r) => {
      expect(Math.abs(relativeFrobeniusError(hessian, denseLowRank(merged, k, n)) - exact[r])).toBeLessThan(1e-4);
    });
  });

  it('the damped Newton step with H_k solves (H_k + δI) Δ = −g, and with k = P is the full damped Newton step', async () => {
    const { grad } = await network.objective.lossAndGrad(network.initialParams);
    const g = Float64Array.from(grad);
    const damping = 0.05;
    const full = lowRankNewtonStep(pairs, n, g, damping, 'signed');
    const reference = newtonDirection(hessian, g, damping, 'signed');
    const scale = Math.max(...reference.map(Math.abs));
    full.forEach((value, i) => expect(Math.abs(value + reference[i])).toBeLessThan(1e-8 * scale));
    // Rank 5, saddle-free: H_5 with |λ| plus δI is positive definite, so Cholesky solves it independently.
    const absolute: Eigenpairs = { values: pairs.values.map(Math.abs), vectors: pairs.vectors };
    const system = denseLowRank(absolute, 5, n);
    for (let i = 0; i < n; i++) system[i * n + i] += damping;
    const solved = choleskySolve(system, g);
    expect(solved).not.toBeNull();
    const step = lowRankNewtonStep(pairs, 5, g, damping, 'absolute');
    step.forEach((value, i) => expect(Math.abs(value + (solved as Float64Array)[i])).toBeLessThan(1e-8 * Math.max(1, Math.abs(value))));
  });

  it('compares the rank-k steps with the full one and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    const result = await compareLowRankNewton(network.objective, network.initialParams, { ranks: [1, 5, 20, n], damping: 0.1, map: 'absolute' });
    expect(tf.memory().numTensors).toBe(before);
    expect(result.relativeError[3]).toBeLessThan(1e-7);
    expect(result.distanceToFull[3]).toBeLessThan(1e-6);
    expect(result.cosineToFull[3]).toBeCloseTo(1, 6);
    expect(Math.abs(result.lossAfter[3] - result.fullLossAfter)).toBeLessThan(1e-6);
    // The loss after each step is the objective at θ + Δ_k.
    const step = lowRankNewtonStep(denseEigenpairs(hessian, n), 5, Float64Array.from((await network.objective.lossAndGrad(network.initialParams)).grad), 0.1, 'absolute');
    const moved = Float32Array.from(network.initialParams, (p, i) => p + step[i]);
    expect(Math.abs(result.lossAfter[1] - (await network.objective.loss(moved)))).toBeLessThan(1e-5);
    expect(result.eigenvalues).toHaveLength(n);
  });
});
