/**
 * The name of every experiment field as the page's controls call it (the
 * section where a control alone would be ambiguous: "window x from"), for
 * every sentence the user reads about a field: the experiment's validation
 * ("grid columns must be an integer from 8 to 512, got 1000") and the link
 * reader ("Ignored nx="1e9" (grid columns): …"). Messages name fields by
 * these words, never by their path in the experiment object.
 */
export const FIELD_LABELS = {
  version: 'link format version',
  mode: 'mode',
  function: 'function',
  condition: 'condition κ',
  angleDeg: 'rotation in degrees',
  xMin: 'window x from',
  xMax: 'window x to',
  yMin: 'window y from',
  yMax: 'window y to',
  nx: 'grid columns',
  ny: 'grid rows',
  startX: 'start x₀',
  startY: 'start y₀',
  steps: 'steps',
  viewMode: 'view',
  logScale: 'log scale',
  seed: 'seed',

  dataset: 'data set',
  datasetOptions: 'data set options',
  testFraction: 'test fraction',
  dataSeed: 'data seed',
  hidden: 'hidden layers',
  activation: 'activation',
  initScheme: 'initialisation',
  initScale: 'init gain or σ',
  initSeed: 'init seed',
  weightDecay: 'weight decay λ',
  dropout: 'dropout p',
  evalEvery: 'evaluate every (steps)',
  sharpnessEvery: 'sharpness every (steps)',

  sliceDirections: 'slice directions',
  sliceCentre: 'slice centre',
  sliceRunA: 'slice θ_A',
  sliceRunB: 'slice θ_B',
  sliceOrigin: 'slice θ_0',
  sliceDims: 'slice dimensions',
  sliceAlphaMin: 'slice α from',
  sliceAlphaMax: 'slice α to',
  sliceBetaMin: 'slice β from',
  sliceBetaMax: 'slice β to',
  sliceResolution: 'slice points',
  sliceMetric: 'slice shows',
  sliceSplit: 'slice data (training or test set)',
  sliceSeed: 'slice seed',
  sliceLiveEvery: 'live slice every (steps)',

  curvatureMatrix: 'curvature matrix',
  curvatureK: 'k per end',
  slqRuns: 'SLQ probes',
  slqSteps: 'SLQ steps',
  smoothing: 'smoothing',
  traceBudget: 'trace budget',
  relativeError: 'requested relative standard error',
  densityBudget: 'density budget',
  spectrumAxis: 'eigenvalue axis',
  curvatureSeed: 'curvature seed',

  batchSize: 'batch size',
  colour: 'colour',
  runId: 'run id',
} as const;

/** A field's key in {@link FIELD_LABELS}. */
export type FieldName = keyof typeof FIELD_LABELS;
