/**
 * The landscape picture the app embeds: a 3-D surface or a 2-D contour map of
 * the same field, with trajectories, markers, a colour legend and marker
 * tooltips. Purely presentational: everything arrives through props.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import { ContourView } from './ContourView';
import { createHeightMapping } from './heightScale';
import { Legend } from './Legend';
import { MarkerTooltip, type HoveredMarker } from './MarkerTooltip';
import { SCENE_BACKGROUND, Scene3D } from './Scene3D';
import type { CameraBinding } from './OrbitCameraControls';
import type { ViewMode } from '../../workers/engine/spec/vocabulary';
import type { HeightField, HeightScale, MarkerView, PathView } from './types';

/** Props of {@link LandscapeView}. */
export interface LandscapeViewProps {
  /** The sampled landscape, or null before the first slice arrives. */
  field: HeightField | null;
  paths: PathView[];
  markers: MarkerView[];
  scale: HeightScale;
  mode: ViewMode;
  /** A click (not a drag) on the landscape, in plane coordinates. */
  onPick: (x: number, y: number) => void;
  /** Any change resets the 3-D camera to its starting pose. */
  resetViewToken: number;
  /** The 3-D camera pose to show and where to report the user's moves (the camera is free when absent). */
  camera?: CameraBinding;
  /** Names of the plane's axes; ['x', 'y'] when absent. */
  axisLabels?: readonly [string, string];
  /** Text shown while `field` is null. */
  emptyMessage?: string;
  className?: string;
  style?: CSSProperties;
}

const DEFAULT_AXIS_LABELS: readonly [string, string] = ['x', 'y'];

/**
 * Fills its parent (give the parent a size). The root carries
 * data-testid="landscape-view", data-mode and, once a field has been drawn,
 * data-drawn-version (the field version last written to the screen), which
 * end-to-end tests can wait on.
 */
export function LandscapeView(props: LandscapeViewProps): ReactElement {
  const { field, paths, markers, scale, mode, onPick, resetViewToken } = props;
  const colormap = scale.colormap ?? 'viridis';
  const rootRef = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<HoveredMarker | null>(null);
  // Double clicks on empty space reset the view too; they add to the app's token.
  const [localResets, setLocalResets] = useState(0);

  const version = field?.version;
  // The field is refined in place, so its version (not its identity) says when to rescan it.
  const mapping = useMemo(() => (field ? createHeightMapping(field.values, { log: scale.log }) : null), [field, version, scale.log]);

  useEffect(() => setHovered(null), [mode]);
  // A glyph that disappears never reports the pointer leaving it; drop its tooltip with it.
  useEffect(() => {
    setHovered((current) =>
      current && !markers.some((marker) => marker.kind === current.marker.kind && marker.x === current.marker.x && marker.y === current.marker.y)
        ? null
        : current,
    );
  }, [markers]);

  const markDrawn = useCallback((drawnVersion: number) => {
    rootRef.current?.setAttribute('data-drawn-version', String(drawnVersion));
  }, []);

  const hoverAt = useCallback((marker: MarkerView | null, left = 0, top = 0) => {
    setHovered(marker ? { marker, left, top } : null);
  }, []);

  const hoverFromPointer = useCallback(
    (marker: MarkerView | null, event?: PointerEvent) => {
      const bounds = rootRef.current?.getBoundingClientRect();
      if (!marker || !event || !bounds) hoverAt(null);
      else hoverAt(marker, event.clientX - bounds.left, event.clientY - bounds.top);
    },
    [hoverAt],
  );

  const requestReset = useCallback(() => setLocalResets((count) => count + 1), []);

  // What both pictures draw; each adds its own hover and drawn-version callbacks.
  const picture = { field, mapping, colormap, paths, markers, axisLabels: props.axisLabels ?? DEFAULT_AXIS_LABELS, onPick };

  return (
    <div
      ref={rootRef}
      className={props.className}
      data-testid="landscape-view"
      data-mode={mode}
      style={{
        position: 'relative',
        width: '100%',
        height: '100%',
        minHeight: 320,
        overflow: 'hidden',
        background: SCENE_BACKGROUND,
        ...props.style,
      }}
    >
      {mode === '3d' ? (
        <Scene3D
          {...picture}
          resetToken={resetViewToken + localResets}
          camera={props.camera}
          onMarkerHover={hoverFromPointer}
          onResetRequest={requestReset}
          onSurfaceUpdated={markDrawn}
        />
      ) : (
        <ContourView {...picture} onMarkerHover={hoverAt} onPainted={markDrawn} />
      )}
      {mapping && <Legend mapping={mapping} colormap={colormap} />}
      {!field && (
        <div
          data-testid="landscape-empty"
          style={{
            position: 'absolute',
            inset: 0,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#9aa5b1',
            font: '14px system-ui, sans-serif',
            pointerEvents: 'none',
          }}
        >
          {props.emptyMessage ?? 'No landscape yet'}
        </div>
      )}
      {hovered && <MarkerTooltip hovered={hovered} />}
    </div>
  );
}
