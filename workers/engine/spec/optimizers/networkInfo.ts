/**
 * What the UI needs to offer each network optimizer, in the shape of
 * `OPTIMIZER_INFO`: a label, the update rule in one line, which curvature it
 * uses, and its hyper-parameters with defaults and slider ranges. The
 * first-order and Newton entries are those of `OPTIMIZER_INFO` with
 * learning rates and damping suited to networks.
 */
import { DEFAULT_HYPER_PARAMETERS, type OptimizerName } from './config';
import { OPTIMIZER_INFO, type HyperParameterSpec } from './info';
import {
  resolveNetworkOptimizerConfig,
  type NetworkHyperParameterName,
  type NetworkOptimizerConfig,
  type NetworkOptimizerName,
  type ResolvedNetworkOptimizerConfig,
} from './networkConfig';

/** One hyper-parameter control (`HyperParameterSpec` over the network optimizers' fields). */
export interface NetworkHyperParameterSpec extends Omit<HyperParameterSpec, 'key'> {
  key: NetworkHyperParameterName;
}

/** Which curvature matrix an optimizer uses. */
export type CurvatureKind = 'none' | 'hessian' | 'gauss_newton';

/** One optimizer's entry in {@link NETWORK_OPTIMIZER_INFO}. */
export interface NetworkOptimizerInfo {
  name: NetworkOptimizerName;
  label: string;
  /** The update rule in one line of plain Unicode. */
  summary: string;
  /** Whether it needs Hessian(-vector) products. */
  needsHessian: boolean;
  curvature: CurvatureKind;
  /** The hyper-parameters that apply, the step-size control first. */
  hyperParameters: readonly NetworkHyperParameterSpec[];
}

const control = (
  key: NetworkHyperParameterName,
  label: string,
  symbol: string,
  defaultValue: number,
  min: number,
  max: number,
  scale: 'linear' | 'log' = 'log',
  integer = false,
): NetworkHyperParameterSpec => ({ key, label, symbol, defaultValue, min, max, scale, integer });

/** An `OPTIMIZER_INFO` entry with some defaults replaced (the learning rate and damping that suit networks). */
function firstOrderOrNewton(name: OptimizerName, defaults: Partial<Record<NetworkHyperParameterName, number>>): NetworkOptimizerInfo {
  const info = OPTIMIZER_INFO[name];
  return {
    name,
    label: info.label,
    summary: info.summary,
    needsHessian: info.needsHessian,
    curvature: info.needsHessian ? 'hessian' : 'none',
    hyperParameters: info.hyperParameters.map((spec) => ({ ...spec, defaultValue: defaults[spec.key] ?? spec.defaultValue })),
  };
}

const CG_ITERATIONS = (defaultValue: number) =>
  control('cgIterations', 'CG iterations', 'k', defaultValue, 1, 200, 'linear', true);
const WARMUP = control('warmupSteps', 'warm-up steps', 'W', DEFAULT_HYPER_PARAMETERS.warmupSteps, 0, 1000, 'linear', true);

/** Labels, update rules, hyper-parameters, defaults and UI ranges of every network optimizer. */
export const NETWORK_OPTIMIZER_INFO: Readonly<Record<NetworkOptimizerName, NetworkOptimizerInfo>> = {
  sgd: firstOrderOrNewton('sgd', { lr: 0.1 }),
  momentum: firstOrderOrNewton('momentum', { lr: 0.02 }),
  nesterov: firstOrderOrNewton('nesterov', { lr: 0.02 }),
  rmsprop: firstOrderOrNewton('rmsprop', { lr: 3e-3 }),
  adam: firstOrderOrNewton('adam', { lr: 1e-2 }),
  // An indefinite network Hessian has eigenvalues near 0; δ = 0.1 keeps the steps along them finite.
  newton: firstOrderOrNewton('newton', { lr: 1, damping: 0.1 }),
  saddle_free_newton: firstOrderOrNewton('saddle_free_newton', { lr: 1, damping: 0.1 }),
  gauss_newton: {
    name: 'gauss_newton',
    label: 'Gauss-Newton',
    summary: 'θ ← θ − η (G + δ I)⁻¹ g,  G = Jᵀ H_L J (dense for P ≤ 1000, else CG)',
    needsHessian: false,
    curvature: 'gauss_newton',
    hyperParameters: [
      control('lr', 'learning rate', 'η', 1, 1e-3, 2),
      control('damping', 'damping', 'δ', 1e-2, 1e-6, 100),
      CG_ITERATIONS(50),
      WARMUP,
    ],
  },
  trust_region: {
    name: 'trust_region',
    label: 'Trust region (Steihaug CG)',
    summary: 'p ≈ argmin_{‖p‖≤Δ} gᵀp + ½ pᵀHp;  ρ = actual / predicted decrease;  Δ ← ¼Δ if ρ < ¼, 2Δ if ρ > ¾ at the boundary',
    needsHessian: true,
    curvature: 'hessian',
    hyperParameters: [
      control('radius', 'initial radius', 'Δ₀', 0.5, 1e-3, 10),
      control('maxRadius', 'largest radius', 'Δmax', 10, 1e-2, 100),
      control('acceptRatio', 'acceptance ratio', 'η', 0.1, 0, 0.24, 'linear'),
      CG_ITERATIONS(20),
    ],
  },
  hessian_free: {
    name: 'hessian_free',
    label: 'Hessian-free (Martens 2010)',
    summary: 'p ≈ −(G + λI)⁻¹ g by CG from 0.95·p_prev;  λ ← 3λ/2 if ρ < ¼, 2λ/3 if ρ > ¾',
    needsHessian: false,
    curvature: 'gauss_newton',
    hyperParameters: [control('damping', 'initial damping', 'λ₀', 1, 1e-4, 100), CG_ITERATIONS(20)],
  },
};

/** Hyper-parameters not listed for an optimizer get these (they are ignored by it). */
const FALLBACKS: Omit<ResolvedNetworkOptimizerConfig, 'name'> = {
  ...DEFAULT_HYPER_PARAMETERS,
  lr: 1,
  radius: 0.5,
  maxRadius: 10,
  acceptRatio: 0.1,
  cgIterations: 20,
};

/** Every hyper-parameter of `name` at its default: those listed in its info entry, fallbacks for the rest. */
export function networkOptimizerDefaults(name: NetworkOptimizerName): Omit<ResolvedNetworkOptimizerConfig, 'name'> {
  const listed = Object.fromEntries(NETWORK_OPTIMIZER_INFO[name].hyperParameters.map((spec) => [spec.key, spec.defaultValue]));
  return { ...FALLBACKS, ...listed };
}

/** `config` validated, with every omitted hyper-parameter at the optimizer's default. */
export function resolveNetworkOptimizer(config: NetworkOptimizerConfig): ResolvedNetworkOptimizerConfig {
  return resolveNetworkOptimizerConfig(config, networkOptimizerDefaults);
}
