/** Pure vector mathematics for landscape slices and trajectories. */
export type { ParamVector } from './vectors';
export { linspace, progressiveOrder, progressiveLevels, defaultCoarsestStride, fillFromSubgrid, type ProgressiveLevel } from './grid';
export { pointsOnPlane, gridCoordinates, type Plane } from './plane';
export { projectOntoPlane, type PlaneProjection } from './projection';
export { trajectoryPca, type TrajectoryPca } from './pca';
export { interpolateLine, planeThroughPoints, type PlaneThroughPoints } from './interpolation';
export {
  findCriticalPoints,
  type CriticalPointOptions, type CriticalPoints, type GridCriticalKind, type GridCriticalPoint,
} from './criticalPoints';
