/**
 * Every accepted range, maximum and default of the explorer in one table:
 * the URL reader, the controls, the experiment's validation and the engine
 * all read their bounds here, so a limit changes in one place. Ranges are
 * inclusive. Each entry says why it is what it is.
 */

/**
 * Most parameters for which the exact spectrum is offered: the dense P × P
 * matrix (32 MB of float64 at P = 2000) and its eigen-decomposition (about
 * (4/3) P³ flops) take seconds to minutes there.
 */
export const MAX_EXACT_PARAMETERS = 2000;

/**
 * Largest P for which an optimizer forms and factorises the dense P × P
 * curvature matrix at every step (Newton, saddle-free Newton, Gauss-Newton);
 * beyond it the matrix-free methods (trust region, Hessian-free) remain.
 */
export const DENSE_CURVATURE_LIMIT = 1000;

/** Most conjugate-gradient iterations per step (trust region, Hessian-free): each costs a curvature-vector product. */
export const MAX_CG_ITERATIONS = 500;

/** Largest test fraction accepted; at least a tenth of the data stays for training. */
export const MAX_TEST_FRACTION = 0.9;

/** The data sets' generators. */
export const DATASET_LIMITS = {
  /** Samples a synthetic generator makes: a few to split, at most 5000 so that full-batch steps stay interactive. */
  samples: { min: 4, max: 5000 },
} as const;

/** The analytic experiment's fields. */
export const EXPERIMENT_LIMITS = {
  /** Grid samples per axis: 256² = 65 536 points is smooth and takes milliseconds to evaluate. */
  gridSide: { min: 8, max: 512, default: 256 },
  /** Updates each optimizer makes (a run stops earlier only if it diverges). */
  steps: { min: 1, max: 10_000, default: 300 },
  /** Bound on |x| and |y| of the window and the start: beyond it float32 loses the shape. */
  coordinate: { min: -1e4, max: 1e4 },
  /** Smallest window width or height, relative to nothing (float32 spacing near 1e4 is ~1e-3). */
  minSpan: 1e-3,
  /** Optimizers side by side: 8 distinct colours, and a legend that still fits. */
  optimizerCount: { min: 0, max: 8 },
  /**
   * Condition number κ of the quadratic: the default 10 is elongated enough
   * to show zig-zagging; beyond 10⁶ float32 cannot resolve the small curvature.
   */
  condition: { min: 1, max: 1e6, default: 10 },
  /**
   * Rotation φ in degrees of the quadratic's shallow axis: the default 30° is
   * off the axes, so per-coordinate methods (RMSprop, Adam) look different from SGD.
   */
  angleDeg: { min: -180, max: 180, default: 30 },
  /** Seed of every random draw: any 32-bit unsigned integer. */
  seed: { min: 0, max: 0xffffffff, default: 1 },
} as const;

/** The network problem's fields. */
export const NETWORK_LIMITS = {
  /** Hidden layers ([] is a linear or logistic model). */
  hiddenLayers: { min: 0, max: 6 },
  /** Units per hidden layer. */
  width: { min: 1, max: 128 },
  /** Parameters in the network: dense curvature and batched slices stay affordable in a browser. */
  paramCount: { max: 10_000 },
  /** Gain (glorot, he) or σ (normal) of the initialisation; it must be positive. */
  initScale: { min: 1e-3, max: 10 },
  /** λ ≥ 0 of the penalty (λ/2)‖θ‖². */
  weightDecay: { min: 0, max: 10 },
  /** Probability of dropping a hidden unit: 1 would drop every unit. */
  dropout: { min: 0, max: 0.9 },
  /** Fraction of the samples held out for testing; 0 = no test set. */
  testFraction: { min: 0, max: MAX_TEST_FRACTION },
  /** Seeds of the data and of the initialisation: any 32-bit unsigned integer. */
  seed: { min: 0, max: 0xffffffff },
} as const;

/** The training runs and their schedule. */
export const NETWORK_TRAINING_LIMITS = {
  /** Runs trained side by side (the engine's TrainingSession takes as many). */
  runCount: { min: 1, max: 8 },
  /** 0 = full batch; data sets hold at most `DATASET_LIMITS.samples.max` samples, so larger sizes mean the same. */
  batchSize: { min: 0, max: DATASET_LIMITS.samples.max },
  /** Updates a network experiment makes by default (the analytic default is shorter). */
  steps: { default: 500 },
  /** Full train/test evaluation every this many steps. */
  evalEvery: { min: 1, max: 1000, default: 10 },
  /** λ_max / λ_min of the Hessian every this many steps; 0 = no sharpness tracking. */
  sharpnessEvery: { min: 0, max: 1000, default: 0 },
} as const;

/** The slice and curvature settings of network landscapes. */
export const LANDSCAPE_LIMITS = {
  /** |α|, |β| bound: beyond ~100 filter-normalised steps the loss is only its far-field growth. */
  coordinate: { min: -100, max: 100 },
  /** Smallest α or β span: narrower is below float32 resolution of θ + α d. */
  minSpan: 1e-6,
  /** Points on a line: 201 draws a smooth curve, 2001 is the most worth plotting. */
  lineResolution: { min: 3, max: 2001, default: 201 },
  /** Points per axis of a plane: 65² = 4 225 evaluations by default, 201² = 40 401 at most. */
  planeResolution: { min: 5, max: 201, default: 65 },
  /**
   * Points per axis the engine's slice job evaluates: two, the ends, are
   * enough for it; the settings ask for more so that a picture has a shape,
   * and cap it at the resolutions' maxima.
   */
  slicePoints: { min: 2 },
  /** Extreme eigenvalues at each end of the spectrum (Lanczos). */
  k: { min: 1, max: 20, default: 5 },
  /** Random probes of stochastic Lanczos quadrature. */
  slqRuns: { min: 1, max: 64, default: 8 },
  /** Lanczos steps per SLQ probe. */
  slqSteps: { min: 2, max: 300, default: 40 },
  /** Width of the density's Gaussian smoothing, as a fraction of the spectrum's range. */
  smoothing: { min: 1e-4, max: 0.25, default: 0.01 },
  /** Hutch++ needs three products per sketch column; 3 is the least it can use. */
  traceBudget: { min: 3, max: 3000, default: 90 },
  /** Seed of the random directions and probe vectors: any 32-bit unsigned integer. */
  seed: { min: 0, max: 0xffffffff, default: 1 },
} as const;
