/**
 * Curvature of a loss landscape from Hessian-vector products: extreme
 * eigenpairs (Lanczos, power iteration), traces (Hutchinson, Hutch++),
 * spectral densities (stochastic Lanczos quadrature) and reference densities.
 */
export { CountedOperator, abortError, type LongRunOptions, type MatVec, type RandomSource } from './operator';
export { lanczosExtremes, type LanczosOptions, type LanczosResult, type RitzPairs, type SpectrumEnd } from './lanczos';
export { powerExtremes, powerIteration, type PowerExtremesResult, type PowerOptions, type PowerResult } from './power';
export {
  hutchPlusPlusTrace,
  hutchinsonTrace,
  meanAndStandardError,
  type HutchPlusPlusEstimate,
  type HutchinsonEstimate,
  type TraceEstimate,
  type TraceOptions,
} from './trace';
export {
  densityOnGrid,
  gridAround,
  integrateOnGrid,
  linearGrid,
  spectralDensitySlq,
  type SlqOptions,
  type SpectralDensityQuadrature,
} from './density';
export { exactDensityOnGrid, spectrumHistogram, spectrumMoments } from './exactSpectrum';
export { inverseSymlog, symlog, symlogDensityOnGrid } from './symlog';
export {
  marchenkoPasturDensity,
  matchMarchenkoPastur,
  semicircleDensity,
  type MarchenkoPasturDensity,
  type MarchenkoPasturParameters,
} from './randomMatrix';
export { rayleighQuotient } from './rayleigh';
