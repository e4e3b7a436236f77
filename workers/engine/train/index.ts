/**
 * Live training of small networks: sessions of several runs from one
 * initialisation, the network optimizers (first-order, Newton, Gauss-Newton,
 * trust region, Hessian-free), sharpness tracking and presets.
 */
export {
  MAX_STEPS_PER_CALL,
  MAX_TRAINING_RUNS,
  TRAINING_DEFAULTS,
  TrainingSession,
  type EvaluationRecord,
  type RunStepResult,
  type TrainingOptions,
  type TrainingRunConfig,
  type TrainingStepBatch,
} from './runs';
export {
  DENSE_CURVATURE_LIMIT,
  isNetworkOptimizerName,
  MAX_CG_ITERATIONS,
  NETWORK_OPTIMIZER_NAMES,
  type NetworkHyperParameterName,
  type NetworkOptimizerConfig,
  type NetworkOptimizerName,
  type ResolvedNetworkOptimizerConfig,
} from './optimizerConfig';
export {
  NETWORK_OPTIMIZER_INFO,
  networkOptimizerDefaults,
  resolveNetworkOptimizer,
  type CurvatureKind,
  type NetworkHyperParameterSpec,
  type NetworkOptimizerInfo,
} from './optimizerInfo';
export { createNetworkOptimizer } from './networkOptimizer';
export type { NetworkOptimizer, StepInput, StepObjective, StepReport } from './optimizerTypes';
export { SharpnessTracker, stabilityThresholds, type SharpnessOptions, type SharpnessRecord } from './sharpness';
export { ParameterTrajectory, type TrajectorySnapshots } from './trajectory';
export { TrainingGradient, type BatchMember, type TrainingBatch } from './trainingGradient';
export { dropoutMasks } from './dropout';
export { evaluateAt } from './evaluation';
export { EDGE_OF_STABILITY_PRESET, type TrainingPreset } from './eosPreset';
