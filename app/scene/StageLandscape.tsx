/**
 * The landscape of a stage (the analytic function, a network's slice, an
 * opened file): what it shows, drawn with the experiment's view settings
 * (3-D or contour, linear or log heights) and camera.
 */
import type { ReactElement } from 'react';
import type { ViewSpec } from '../../workers/engine/spec/experiment';
import { LandscapeView, type LandscapeViewProps } from './LandscapeView';
import type { CameraBinding } from './OrbitCameraControls';
import type { HeightField, MarkerView, PathView } from './types';

/** What a stage shows in its landscape, and how. */
export interface ShownLandscape {
  field: HeightField | null;
  paths: PathView[];
  markers: MarkerView[];
  view: ViewSpec;
  camera?: CameraBinding;
}

/** Props of {@link StageLandscape}: the shown landscape, and the rest as for {@link LandscapeView}. */
export type StageLandscapeProps = { shown: ShownLandscape } & Omit<LandscapeViewProps, keyof ShownLandscape | 'scale' | 'mode'>;

/** A {@link LandscapeView} of `shown`, its heights on the log scale when the view asks for it. */
export function StageLandscape({ shown, ...rest }: StageLandscapeProps): ReactElement {
  const { view, ...drawn } = shown;
  return <LandscapeView {...drawn} scale={{ log: view.logScale }} mode={view.mode} {...rest} />;
}
