/**
 * Hessian fingerprints of federated clients: each client's curvature at the
 * shared parameters θ, how far apart the clients' spectra are, and the
 * global Hessian assembled from theirs.
 *
 * Client k holds n_k of the N training rows; its loss is the mean over its
 * rows, L_k(θ) = ℓ_k(θ) + (λ/2)‖θ‖². The full-data loss is the weighted mean
 * L = Σ_k w_k L_k with w_k = n_k / N (Σ w_k = 1, so the penalty adds up to
 * itself), hence
 *   H = Σ_k w_k H_k:
 * the global Hessian, and every product H v, is the clients' weighted sum,
 * computable without pooling the data.
 *
 * Each client's spectrum: exactly (dense H_k, every eigenvalue, the density
 * as mass 1/P at each) for small networks, else the top eigenvalues by
 * Lanczos and the density by stochastic Lanczos quadrature. Distances
 * between clients k and j:
 * - W₁(φ_k, φ_j), the 1-Wasserstein distance between the spectral densities
 *   (in the units of the eigenvalues);
 * - ‖λ^(k) − λ^(j)‖ / max(‖λ^(k)‖, ‖λ^(j)‖) over the top-k eigenvalues.
 */
import { extremeEigenvalues } from '../math/krylov/extremes';
import { spectralDensitySlq } from '../math/krylov/density';
import { throwIfAborted, type BatchProduct, type LongRunOptions } from '../math/krylov/operator';
import { symmetricEigenvalues } from '../math/linalg/symmetricEigen';
import { Rng } from '../math/rng';
import { uniformMeasure, wasserstein1 } from '../math/spectral/wasserstein';
import type { Dataset } from '../data/types';
import type { FederatedSplit } from '../data/federatedSplit';
import { MlpObjective } from '../networks/objective';
import { RegularizedObjective } from '../networks/regularizedObjective';
import type { MlpSpec } from '../spec/mlp';
import { curvatureOperator } from './operators';

/** One client's curvature at θ. */
export interface ClientSpectrum {
  client: number;
  samples: number;
  /** w_k = n_k / N. */
  weight: number;
  /** L_k(θ). */
  loss: number;
  /** The k largest eigenvalues of H_k, descending. */
  topEigenvalues: Float64Array;
  /** The spectral density of H_k: masses `weights` at `nodes`, summing to 1. */
  density: { nodes: Float64Array; weights: Float64Array };
  /** tr H_k (exact, or P times the density's mean). */
  trace: number;
}

/** Σ_k w_k H_k against the full-data Hessian. */
export interface GlobalHessianCheck {
  /** Dense: ‖Σ w_k H_k − H‖_F / ‖H‖_F; estimated: max over probes of ‖Σ w_k H_k z − H z‖ / ‖H z‖. */
  relativeError: number;
  method: 'exact' | 'estimated';
  /** Dense Σ_k w_k H_k (P×P row-major) when exact, else null. */
  sumOfClients: Float64Array | null;
}

/** The fingerprints of every client and the check of the global Hessian. */
export interface FederatedFingerprints {
  clients: ClientSpectrum[];
  /** K×K row-major W₁ distances between the clients' spectral densities. */
  wassersteinDistance: Float64Array;
  /** K×K row-major relative distances between the clients' top eigenvalues. */
  topEigenvalueDistance: Float64Array;
  global: GlobalHessianCheck;
  method: 'exact' | 'estimated';
}

/** How the clients' spectra are measured. */
export interface FingerprintOptions extends LongRunOptions {
  /** Top eigenvalues per client (default 5). */
  topK?: number;
  /** Default 'exact' up to 400 parameters. */
  method?: 'exact' | 'estimated';
  /** SLQ probes and steps (defaults 6 and 30). */
  slqRuns?: number;
  slqSteps?: number;
  /** Probes of the estimated global check (default 4). */
  checkProbes?: number;
  seed?: number;
}

/**
 * The global Hessian's batched product from the clients': Σ_k w_k H_k v for
 * each row v (no client sees another's data).
 */
export function clientSumProduct(
  clients: readonly Pick<RegularizedObjective, 'hvpBatch'>[],
  weights: readonly number[],
  params: Float32Array,
): BatchProduct {
  return async (vectors, count) => {
    const out = new Float32Array(vectors.length);
    for (const [k, client] of clients.entries()) {
      const product = await client.hvpBatch(params, vectors, count);
      for (let i = 0; i < out.length; i++) out[i] += weights[k] * product[i];
    }
    return out;
  };
}

/**
 * Each client's spectrum at `params`, the distance matrices, and
 * Σ_k w_k H_k against the Hessian of the pooled `train` data (the clients'
 * rows together). Progress: (clients done, clients + 1); cancellation
 * between clients.
 */
export async function federatedFingerprints(
  spec: MlpSpec,
  train: Dataset,
  weightDecay: number,
  split: FederatedSplit,
  params: Float32Array,
  options: FingerprintOptions = {},
): Promise<FederatedFingerprints> {
  const total = split.clients.reduce((s, c) => s + c.n, 0);
  if (total !== train.n) throw new RangeError(`The clients hold ${total} rows but the training set has ${train.n}`);
  const objectives = split.clients.map((data) => new RegularizedObjective(new MlpObjective(spec, data), weightDecay));
  const full = new RegularizedObjective(new MlpObjective(spec, train), weightDecay);
  try {
    const n = full.paramCount;
    const method = options.method ?? (n <= 400 ? 'exact' : 'estimated');
    const topK = Math.min(options.topK ?? 5, n);
    const weights = split.clients.map((c) => c.n / total);
    const seed = options.seed ?? 0;
    const clients: ClientSpectrum[] = [];
    const sum = method === 'exact' ? new Float64Array(n * n) : null;
    for (const [k, objective] of objectives.entries()) {
      throwIfAborted(options.signal);
      const loss = await objective.loss(params);
      if (sum !== null) {
        const hessian = await objective.fullHessian(params);
        for (let i = 0; i < hessian.length; i++) sum[i] += weights[k] * hessian[i];
        const eigenvalues = symmetricEigenvalues(hessian, n);
        const density = uniformMeasure(eigenvalues);
        clients.push({
          client: k, samples: split.clients[k].n, weight: weights[k], loss,
          topEigenvalues: eigenvalues.slice(0, topK),
          density: { nodes: eigenvalues, weights: Float64Array.from(density.weights) },
          trace: eigenvalues.reduce((s, v) => s + v, 0),
        });
      } else {
        const operator = curvatureOperator(objective, params, 'hessian');
        const clientSeed = Rng.derive(seed, `client:${k}`).nextUint32();
        const top = await extremeEigenvalues(operator.matVec, n, { k: topK, seed: clientSeed, signal: options.signal });
        const slq = await spectralDensitySlq(operator.matVec, n, {
          runs: options.slqRuns ?? 6, steps: options.slqSteps ?? 30, seed: clientSeed, signal: options.signal,
        });
        const mean = slq.nodes.reduce((s, x, i) => s + x * slq.weights[i], 0);
        clients.push({
          client: k, samples: split.clients[k].n, weight: weights[k], loss,
          topEigenvalues: top.largest.values, density: { nodes: slq.nodes, weights: slq.weights }, trace: n * mean,
        });
      }
      options.onProgress?.(k + 1, objectives.length + 1);
    }
    const global = await checkGlobalHessian(full, objectives, weights, params, sum, options.checkProbes ?? 4, seed);
    options.onProgress?.(objectives.length + 1, objectives.length + 1);
    return { clients, ...distances(clients), global, method };
  } finally {
    objectives.forEach((objective) => objective.dispose());
    full.dispose();
  }
}

async function checkGlobalHessian(
  full: RegularizedObjective,
  clients: RegularizedObjective[],
  weights: number[],
  params: Float32Array,
  sum: Float64Array | null,
  probes: number,
  seed: number,
): Promise<GlobalHessianCheck> {
  if (sum !== null) {
    const hessian = await full.fullHessian(params);
    let difference = 0;
    let reference = 0;
    for (let i = 0; i < hessian.length; i++) {
      difference += (sum[i] - hessian[i]) ** 2;
      reference += hessian[i] ** 2;
    }
    return { relativeError: Math.sqrt(difference / reference), method: 'exact', sumOfClients: sum };
  }
  const n = full.paramCount;
  const z = Rng.derive(seed, 'global-hessian-check').fillRademacher(new Float32Array(probes * n));
  const fromClients = await clientSumProduct(clients, weights, params)(z, probes);
  const direct = await full.hvpBatch(params, z, probes);
  let worst = 0;
  for (let k = 0; k < probes; k++) {
    let difference = 0;
    let reference = 0;
    for (let i = k * n; i < (k + 1) * n; i++) {
      difference += (fromClients[i] - direct[i]) ** 2;
      reference += direct[i] ** 2;
    }
    worst = Math.max(worst, Math.sqrt(difference / reference));
  }
  return { relativeError: worst, method: 'estimated', sumOfClients: null };
}

function distances(clients: ClientSpectrum[]): Pick<FederatedFingerprints, 'wassersteinDistance' | 'topEigenvalueDistance'> {
  const count = clients.length;
  const wassersteinDistance = new Float64Array(count * count);
  const topEigenvalueDistance = new Float64Array(count * count);
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      const w = wasserstein1(clients[a].density, clients[b].density);
      const ta = clients[a].topEigenvalues;
      const tb = clients[b].topEigenvalues;
      let difference = 0;
      let na = 0;
      let nb = 0;
      for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
        difference += (ta[i] - tb[i]) ** 2;
        na += ta[i] ** 2;
        nb += tb[i] ** 2;
      }
      const scale = Math.sqrt(Math.max(na, nb));
      const t = scale > 0 ? Math.sqrt(difference) / scale : 0;
      wassersteinDistance[a * count + b] = wassersteinDistance[b * count + a] = w;
      topEigenvalueDistance[a * count + b] = topEigenvalueDistance[b * count + a] = t;
    }
  }
  return { wassersteinDistance, topEigenvalueDistance };
}
