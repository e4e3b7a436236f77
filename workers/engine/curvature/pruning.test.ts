import '../testing/nodeGradients';
import { resolveOptimizer } from '../spec/optimizers/validate';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choleskySolve } from '../math/linalg/cholesky';
import { buildNetwork, type BuiltNetwork } from '../networks/build';
import { networkProblem } from '../spec/networkProblem';
import { useTestBackend } from '../testing/backend';
import { descend, plainGradient } from '../training/descent';
import {
  obdSaliencies,
  optimalBrainSurgeon,
  probeEigenDirections,
  pruningCandidates,
  pruningStudy,
  type PruningStudy,
} from './pruning';

/** A 2-6-1 tanh network trained by Adam on 45 two-moons points (25 parameters, 18 of them weights). */
let network: BuiltNetwork;
let params: Float32Array;
let hessian: Float64Array;
let n: number;
let study: PruningStudy;
let tensorsBefore: number;
const FRACTIONS = [0, 0.25, 0.5, 0.75];

beforeAll(async () => {
  await useTestBackend();
  network = buildNetwork(networkProblem({ dataset: 'moons', datasetOptions: { n: 60 }, hidden: [6], testFraction: 0.25 }));
  n = network.objective.paramCount;
  params = (await descend(network.initialParams, plainGradient(network.objective), { optimizer: resolveOptimizer({ name: 'adam', lr: 0.05 }, 'analytic'), steps: 200 })).params;
  hessian = await network.objective.fullHessian(params);
  tensorsBefore = tf.memory().numTensors;
  study = await pruningStudy(network.objective, params, { fractions: FRACTIONS, testObjective: network.testObjective });
});
afterAll(() => network.dispose());

const curve = (method: string) => {
  const found = study.curves.find((c) => c.method === method);
  if (found === undefined) throw new Error(`no ${method} curve`);
  return found;
};

/** Entries of the dense symmetric M restricted to rows `rows` and columns `columns`. */
const block = (m: Float64Array, rows: number[], columns: number[]) =>
  Float64Array.from(rows.flatMap((i) => columns.map((j) => m[i * n + j])));

describe('pruning rules', () => {
  it('remove weights only (not biases), magnitude smallest |θ| first', () => {
    const candidates = pruningCandidates(network.objective, 'weights');
    expect(candidates).toHaveLength(2 * 6 + 6 * 1);
    expect(study.candidateCount).toBe(candidates.length);
    const magnitude = curve('magnitude');
    const sorted = Array.from(candidates).sort((a, b) => Math.abs(params[a]) - Math.abs(params[b]));
    expect(Array.from(magnitude.order)).toEqual(sorted);
    // At 50 %, the 9 smallest weights are zero and nothing else changed.
    const half = magnitude.params.subarray(2 * n, 3 * n);
    expect(magnitude.removed[2]).toBe(9);
    for (let i = 0; i < n; i++) expect(half[i]).toBe(sorted.slice(0, 9).includes(i) ? 0 : params[i]);
  });

  it('OBD ranks by ½ h_ii θ_i² with h_ii from the dense Hessian', () => {
    const candidates = Array.from(pruningCandidates(network.objective, 'weights'));
    const saliency = candidates.map((i) => 0.5 * hessian[i * n + i] * params[i] * params[i]);
    const computed = obdSaliencies(params, Float64Array.from({ length: n }, (_, i) => hessian[i * n + i]));
    candidates.forEach((i, c) => expect(computed[i]).toBeCloseTo(saliency[c], 12));
    const expected = candidates.map((i, c) => ({ i, s: saliency[c] })).sort((a, b) => a.s - b.s || a.i - b.i).map(({ i }) => i);
    expect(Array.from(curve('obd').order)).toEqual(expected);
  });

  it('OBS: the first saliencies are the constrained minima of the quadratic model, and after r removals θ is its constrained minimiser', () => {
    const damping = study.surgeonDamping;
    const m = Float64Array.from(hessian);
    for (let i = 0; i < n; i++) m[i * n + i] += damping;
    const candidates = pruningCandidates(network.objective, 'weights');
    const surgeon = optimalBrainSurgeon(params, hessian, candidates, [0, 6], damping);
    // Removing q alone: min ½ δᵀMδ subject to δ_q = −θ_q, solved directly: δ_F = −M_FF⁻¹ M_Fq δ_q.
    for (const q of candidates.slice(0, 6)) {
      const free = Array.from({ length: n }, (_, i) => i).filter((i) => i !== q);
      const rhs = Float64Array.from(block(m, free, [q]), (v) => v * params[q]);
      const solved = choleskySolve(block(m, free, free), rhs) as Float64Array;
      const delta = new Float64Array(n);
      delta[q] = -params[q];
      free.forEach((i, f) => (delta[i] = solved[f]));
      let cost = 0;
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) cost += 0.5 * delta[i] * m[i * n + j] * delta[j];
      expect(Math.abs(surgeon.firstSaliencies[q] - cost)).toBeLessThan(1e-9 * Math.max(1, cost) + 1e-12);
    }
    // Six removals S: θ_S = 0 and the rest minimise the model, δ_F = M_FF⁻¹ M_FS θ_S.
    const removed = surgeon.steps.map((s) => s.index);
    expect(new Set(removed).size).toBe(6);
    const free = Array.from({ length: n }, (_, i) => i).filter((i) => !removed.includes(i));
    const coupling = block(m, free, removed);
    const rhs = Float64Array.from(free, (_, f) => removed.reduce((s, q, r) => s + coupling[f * removed.length + r] * params[q], 0));
    const solved = choleskySolve(block(m, free, free), rhs) as Float64Array;
    const after = surgeon.params[1];
    removed.forEach((q) => expect(after[q]).toBe(0));
    free.forEach((i, f) => expect(Math.abs(after[i] - (params[i] + solved[f]))).toBeLessThan(1e-8 * Math.max(1, Math.abs(after[i]))));
  });
});

describe('pruningStudy', () => {
  it('evaluates every pruned θ, with the Rayleigh quotient and prediction of its removed direction, and leaves no tensors behind', async () => {
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    for (const c of study.curves) {
      expect(Number.isNaN(c.rayleighQuotient[0])).toBe(true);
      expect(Math.abs(c.trainLoss[0] - study.loss)).toBeLessThan(1e-6);
      for (let r = 1; r < FRACTIONS.length; r++) {
        const theta = c.params.subarray(r * n, (r + 1) * n);
        expect(Math.abs(c.trainLoss[r] - (await network.objective.loss(theta)))).toBeLessThan(1e-5);
        // dᵀHd / dᵀd from a Hessian-vector product, an independent path to the dense product used.
        const d = Float32Array.from(theta, (v, i) => v - params[i]);
        const hd = await network.objective.hvp(params, d);
        const dd = d.reduce((s, v) => s + v * v, 0);
        const dhd = d.reduce((s, v, i) => s + v * hd[i], 0);
        expect(Math.abs(c.rayleighQuotient[r] - dhd / dd)).toBeLessThan(1e-4 * Math.abs(study.eigenvalues[0]));
        expect(c.flatShare[r]).toBeGreaterThanOrEqual(0);
        expect(c.flatShare[r]).toBeLessThanOrEqual(1 + 1e-9);
      }
      expect(c.testAccuracy).toHaveLength(FRACTIONS.length);
    }
  });

  it('at half the weights removed the surgeon loses the least', () => {
    const half = FRACTIONS.indexOf(0.5);
    expect(curve('obs').trainLoss[half]).toBeLessThan(curve('magnitude').trainLoss[half]);
    expect(curve('obs').trainLoss[half]).toBeLessThan(curve('obd').trainLoss[half]);
  });

  it('rejects fractions outside [0, 1]', async () => {
    await expect(pruningStudy(network.objective, params, { fractions: [0.5, 1.5] })).rejects.toThrow(/fractions/);
  });
});

describe('probeEigenDirections', () => {
  it('finds the loss flat along near-zero eigen-directions and following ½ λ r² along the others', async () => {
    const radius = 0.3;
    const probe = await probeEigenDirections(network.objective, params, { radius, count: 3, hessian });
    const top = Math.max(...probe.measuredRise);
    expect(top).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) {
      // The flattest directions: the loss barely moves, as ½ λ r² says.
      expect(Math.abs(probe.measuredRise[i])).toBeLessThan(1e-2 * top);
      expect(Math.abs(probe.measuredRise[i] - probe.predictedRise[i])).toBeLessThan(2e-3 * top);
    }
  });
});
