/**
 * Curvature reports of an MLP objective at a parameter vector: exact
 * spectra, extreme eigenvalues, traces, spectral densities, the
 * Gauss-Newton split and read-outs.
 */
export { curvatureOperator, type BatchProduct, type CurvatureMatrix, type CurvatureModel, type CurvatureOperator } from './operators';
export { inLockstep } from './lockstep';
export {
  denseCurvature,
  exactSpectrum,
  MAX_EXACT_PARAMETERS,
  type DenseCurvatureModel,
  type ExactSpectrum,
} from './denseSpectrum';
export { estimateExactCost, type ExactCostEstimate, type ExactCostOptions } from './exactCost';
export {
  comparePowerIteration,
  extremeEigenvalues,
  MAX_EXTREME_COUNT,
  type EndEstimate,
  type ExtremeEigenvalues,
  type ExtremeOptions,
  type PowerComparison,
} from './extremes';
export { productsToAccuracy, type AccuracyRace, type AccuracyRaceOptions } from './convergence';
export { traceEstimates, type TraceEstimates, type TraceOptions, type TraceValue } from './traceEstimates';
export { deflatedSpectralDensity, type DeflatedDensity, type DeflatedSlqOptions } from './deflatedSlq';
export { densityCurves, type DensityCurveOptions, type DensityCurves, type SymlogCurves } from './densityCurves';
export { estimatedFrobeniusSplit, exactSplit, type ExactSplit, type FrobeniusSplit } from './split';
export {
  DEFAULT_ZERO_TOLERANCE,
  readoutsFromEstimates,
  readoutsFromSpectrum,
  type CurvatureEstimates,
  type CurvatureReadouts,
} from './readouts';
export { CurvatureReport, type DensityOptions, type SplitReport, type SpectrumDensity } from './curvatureReport';
