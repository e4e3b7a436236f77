/**
 * Landscape jobs on an MLP objective: slice directions, progressive batched
 * slice evaluation, trajectories projected onto a slice, and probes at a
 * point.
 */
export { checkPlane, planePoint, type SlicePlane } from './plane';
export {
  sliceDirections,
  type DirectionKind,
  type DirectionModel,
  type DirectionSpec,
  type SliceDirections,
} from './directions';
export {
  DEFAULT_GRID_SIDE,
  DEFAULT_LINE_POINTS,
  MAX_GRID_SIDE,
  MAX_LINE_POINTS,
  sliceGeometry,
  type SliceGeometry,
  type SliceRequest,
} from './sliceRequest';
export { runSliceJob, type SliceJobOptions, type SliceResult, type SliceUpdate } from './sliceJob';
export { sliceCriticalPoints, type SliceCriticalPoint, type SliceCriticalPoints } from './criticalPoints';
export { bilinearLookup, type SampledField } from './fieldLookup';
export { projectTrajectory, type Faithfulness, type ProjectionOptions, type TrajectoryProjection } from './projection';
export { inputBoxOf, predictionGrid, type InputBox, type PredictingModel, type PredictionGrid } from './predictionGrid';
export { probeAt, type PointCurvature, type PointEvaluation, type ProbeObjective, type ProbeOptions, type ProbeResult } from './probe';
