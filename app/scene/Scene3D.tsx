/**
 * The 3-D picture: surface, trajectories and markers in one plane group,
 * lit by a key and a fill light, with orbit controls. The canvas renders on
 * demand: only data changes and camera moves request frames.
 */
import { Canvas } from '@react-three/fiber';
import { useEffect, useMemo, useRef, type ReactElement } from 'react';
import * as THREE from 'three';
import { AxisLabelLayer, AxisLabelProjector } from './AxisLabels3D';
import { axisLabels3D } from './axisTicks3D';
import { FittedCamera } from './FittedCamera';
import { HOME_FOV_DEGREES } from './cameraFit';
import type { HeightMapping } from './heightScale';
import { MarkerGlyphs } from './MarkerGlyphs';
import { OrbitCameraControls, type CameraBinding } from './OrbitCameraControls';
import { HEIGHT_RANGE, PLANE_GROUP_ROTATION, PLANE_SIZE } from './planeLayout';
import { SceneCaptureRegistrar } from './sceneCapture';
import { Surface } from './Surface';
import { Trajectory } from './Trajectory';
import type { ColormapName, HeightField, MarkerView, PathView } from './types';

/** Where the camera starts (and returns to on reset), in world coordinates (y up). */
export const HOME_CAMERA_POSITION: [number, number, number] = [9.5, 10.5, 14.5];
/** The point the camera orbits around: the middle of the plane, a little above the floor. */
export const ORBIT_TARGET: readonly [number, number, number] = [0, HEIGHT_RANGE * 0.2, 0];

/** Background of the 3-D view (and the contour view, so switching does not flash). */
export const SCENE_BACKGROUND = '#14181e';

/** Props of {@link Scene3D}. */
export interface Scene3DProps {
  field: HeightField | null;
  mapping: HeightMapping | null;
  colormap: ColormapName;
  paths: readonly PathView[];
  markers: readonly MarkerView[];
  resetToken: number;
  /** The camera pose to show and the listener for the user's moves. */
  camera?: CameraBinding;
  /** Names of the plane's axes. */
  axisLabels: readonly [string, string];
  onPick?: (x: number, y: number) => void;
  onMarkerHover: (marker: MarkerView | null, event?: PointerEvent) => void;
  /** A double click on empty space: the view should reset. */
  onResetRequest: () => void;
  onSurfaceUpdated?: (version: number) => void;
}

/** A thin square outline at the floor of the plane, so its extent reads even where the surface is flat. */
function FloorFrame(): ReactElement {
  const frame = useMemo(() => {
    const half = PLANE_SIZE / 2;
    const corners = new Float32Array([-half, -half, 0, half, -half, 0, half, half, 0, -half, half, 0]);
    const geometry = new THREE.BufferGeometry();
    geometry.setAttribute('position', new THREE.BufferAttribute(corners, 3));
    return new THREE.LineLoop(geometry, new THREE.LineBasicMaterial({ color: '#5b6673' }));
  }, []);
  useEffect(
    () => () => {
      frame.geometry.dispose();
      (frame.material as THREE.Material).dispose();
    },
    [frame],
  );
  return <primitive object={frame} />;
}

/** The WebGL canvas with everything drawn in 3-D, and the axis labels over it. */
export function Scene3D(props: Scene3DProps): ReactElement {
  const { field, mapping, colormap, paths, markers } = props;
  const window = field?.window;
  const [xName, yName] = props.axisLabels;
  const labels = useMemo(
    () => (window ? axisLabels3D(window, [xName, yName]) : []),
    [window?.xMin, window?.xMax, window?.yMin, window?.yMax, xName, yName],
  );
  const labelElements = useRef(new Map<string, HTMLDivElement>());
  return (
    <>
      <Canvas
        frameloop="demand"
        flat
        dpr={[1, 2]}
        gl={{ preserveDrawingBuffer: true, antialias: true }}
        camera={{ position: HOME_CAMERA_POSITION, fov: HOME_FOV_DEGREES, near: 0.1, far: 300 }}
        onPointerMissed={(event) => {
          if (event.type === 'dblclick') props.onResetRequest();
        }}
        style={{ position: 'absolute', inset: 0 }}
      >
        <color attach="background" args={[SCENE_BACKGROUND]} />
        <ambientLight intensity={0.9} />
        <directionalLight position={[6, 14, 9]} intensity={2.2} />
        <directionalLight position={[-9, 6, -7]} intensity={0.7} />
        <FittedCamera />
        <OrbitCameraControls target={ORBIT_TARGET} resetToken={props.resetToken} binding={props.camera} />
        <AxisLabelProjector labels={labels} elements={labelElements} />
        <SceneCaptureRegistrar />
        {/* Plane coordinates are local x, y with height z; the rotation stands z up. */}
        <group rotation={PLANE_GROUP_ROTATION}>
          <FloorFrame />
          {field && mapping && (
            <>
              <Surface field={field} mapping={mapping} colormap={colormap} onPick={props.onPick} onUpdated={props.onSurfaceUpdated} />
              {paths.map((path) => (
                <Trajectory key={path.id} path={path} field={field} mapping={mapping} />
              ))}
              <MarkerGlyphs markers={markers} field={field} mapping={mapping} onHover={props.onMarkerHover} />
            </>
          )}
        </group>
      </Canvas>
      <AxisLabelLayer labels={labels} elements={labelElements} />
    </>
  );
}
