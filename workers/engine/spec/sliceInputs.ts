/**
 * Which parameter vectors a slice needs, and how they become the engine's
 * direction request (`DirectionSpec`, which `landscape/directions.ts`
 * turns into a plane). The page reads `sliceNeeds` to fetch the vectors
 * from the training worker; the landscape worker turns them into a
 * `DirectionSpec`.
 */
import type { ParamVector } from '../math/plane/vectors';
import { INITIAL_PARAMS, type RunReference, type SliceSettings } from './landscapeSettings';

/** How the slice's directions are chosen, with the vectors that define them (one member per `SliceDirectionsKind`). */
export type DirectionSpec =
  | {
      kind: 'random';
      centre: ParamVector;
      seed: number;
      /** Filter-normalise each direction (default true; false keeps the raw N(0, I) draws). */
      filterNormalize?: boolean;
      /** 1 for a line along d1, 2 for a plane (default 2). */
      dimensions?: 1 | 2;
    }
  | {
      kind: 'hessian';
      centre: Float32Array;
      seed?: number;
      /** Most Hessian-vector products for Lanczos (default 60). */
      maxProducts?: number;
      dimensions?: 1 | 2;
    }
  | {
      kind: 'pca';
      /** T ≥ 3 snapshots θ_0 … θ_{T−1}, a T×P row-major stack. */
      trajectory: ParamVector;
    }
  | {
      kind: 'interpolation';
      /** [θ_A, θ_B] for the line θ_A + α (θ_B − θ_A), or [θ_0, θ_A, θ_B] for the plane through them. */
      points: ParamVector[];
      /** Plane only: orthonormalise the directions (default false: θ_A at (1, 0), θ_B at (0, 1)). */
      orthonormal?: boolean;
    };

/** The vectors that define a slice; which are present depends on its directions. */
export interface SliceVectors {
  /** 'random' and 'hessian': the centre c. */
  centre?: Float32Array;
  /** 'pca': the run's snapshots, T × P row-major (T ≥ 3). */
  trajectory?: Float32Array;
  /** 'interpolation': θ_A, θ_B, and θ_0 for a plane. */
  a?: Float32Array;
  b?: Float32Array;
  origin?: Float32Array;
}

/** One vector to fetch: a run's latest parameters (or θ₀), or its whole trajectory. */
export interface VectorNeed {
  role: keyof SliceVectors;
  run: RunReference;
  what: 'params' | 'trajectory';
}

/** The vectors `settings` needs, in a fixed order. */
export function sliceNeeds(settings: SliceSettings): VectorNeed[] {
  switch (settings.directions) {
    case 'random':
    case 'hessian':
      return [{ role: 'centre', run: settings.centre, what: 'params' }];
    case 'pca':
      return [{ role: 'trajectory', run: settings.centre, what: 'trajectory' }];
    case 'interpolation': {
      const line: VectorNeed[] = [
        { role: 'a', run: settings.runA, what: 'params' },
        { role: 'b', run: settings.runB, what: 'params' },
      ];
      return settings.dims === 2 ? [{ role: 'origin', run: settings.origin, what: 'params' }, ...line] : line;
    }
  }
}

/** The run references `settings` uses (to check they exist before fetching). */
export function referencedRuns(settings: SliceSettings): RunReference[] {
  return [...new Set(sliceNeeds(settings).map((need) => need.run))];
}

/** Whether a reference names the shared initialisation rather than a run. */
export function isInitial(run: RunReference): boolean {
  return run === INITIAL_PARAMS;
}

function required(vectors: SliceVectors, role: keyof SliceVectors): Float32Array {
  const vector = vectors[role];
  if (vector === undefined) throw new RangeError(`the slice needs the ${role} parameters, which were not given`);
  return vector;
}

/**
 * The engine's request for `settings` with `vectors`: random directions are
 * filter-normalised with respect to the centre (Li et al. 2018); PCA takes
 * the run's trajectory; an interpolation is the line θ_A → θ_B (1-D) or the
 * plane through θ_0, θ_A, θ_B with θ_A at (1, 0) and θ_B at (0, 1) (2-D).
 */
export function directionSpecOf(settings: SliceSettings, vectors: SliceVectors): DirectionSpec {
  switch (settings.directions) {
    case 'random':
      return { kind: 'random', centre: required(vectors, 'centre'), seed: settings.seed, filterNormalize: true, dimensions: settings.dims };
    case 'hessian':
      return { kind: 'hessian', centre: required(vectors, 'centre'), seed: settings.seed, dimensions: settings.dims };
    case 'pca':
      return { kind: 'pca', trajectory: required(vectors, 'trajectory') };
    case 'interpolation': {
      const line = [required(vectors, 'a'), required(vectors, 'b')];
      return { kind: 'interpolation', points: settings.dims === 2 ? [required(vectors, 'origin'), ...line] : line };
    }
  }
}
