/**
 * One optimizer's path in 3-D: a line through its visited points floating just
 * above the surface, a sphere at the current point, a ring at the start and a
 * red cross (a camera-facing sprite) where a diverged run ended. The line's vertex buffer is allocated
 * once for the path's whole capacity; new points are written in place and the
 * draw range grows with them.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef, type ReactElement } from 'react';
import * as THREE from 'three';
import type { HeightMapping } from './heightScale';
import { DIVERGED_COLOR } from './markerStyle';
import { drawablePointCount, fillPathPositions } from './pathFill';
import type { HeightField, PathView } from './types';

/** Props of {@link Trajectory}. */
export interface TrajectoryProps {
  path: PathView;
  /** The field the path floats over: its window places the points, its drawn surface bounds their heights. */
  field: HeightField;
  mapping: HeightMapping;
}

/** What the vertex buffer currently holds, to write only new points when nothing else changed. */
interface WrittenState {
  count: number;
  points: Float64Array | null;
  mapping: HeightMapping | null;
  field: HeightField | null;
  fieldVersion: number;
  pathId: string;
}

const NOTHING_WRITTEN: WrittenState = { count: 0, points: null, mapping: null, field: null, fieldVersion: -1, pathId: '' };

/** A THREE.Line over a preallocated, dynamically updated buffer of `capacity` points. */
function createPathLine(capacity: number): THREE.Line {
  const geometry = new THREE.BufferGeometry();
  const position = new THREE.BufferAttribute(new Float32Array(3 * capacity), 3);
  position.setUsage(THREE.DynamicDrawUsage);
  geometry.setAttribute('position', position);
  geometry.setDrawRange(0, 0);
  const line = new THREE.Line(geometry, new THREE.LineBasicMaterial());
  // The bounds change with every step; culling against stale ones would hide the path.
  line.frustumCulled = false;
  return line;
}

/** The red × ending a diverged run, drawn once and shared by every trajectory (never disposed). */
let divergedCrossTexture: THREE.CanvasTexture | null = null;
function getDivergedCrossTexture(): THREE.CanvasTexture {
  if (!divergedCrossTexture) {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 64;
    const context = canvas.getContext('2d');
    if (context) {
      context.lineCap = 'round';
      for (const [style, width] of [['rgba(0, 0, 0, 0.7)', 16], [DIVERGED_COLOR, 10]] as const) {
        context.strokeStyle = style;
        context.lineWidth = width;
        context.beginPath();
        context.moveTo(12, 12);
        context.lineTo(52, 52);
        context.moveTo(52, 12);
        context.lineTo(12, 52);
        context.stroke();
      }
    }
    divergedCrossTexture = new THREE.CanvasTexture(canvas);
    divergedCrossTexture.colorSpace = THREE.SRGBColorSpace;
  }
  return divergedCrossTexture;
}

/** A growing trajectory with its current point, start ring and divergence cross. */
export function Trajectory({ path, field, mapping }: TrajectoryProps): ReactElement {
  const invalidate = useThree((state) => state.invalidate);
  const capacity = Math.max(1, Math.floor(path.points.length / 2));
  const line = useMemo(() => createPathLine(capacity), [capacity]);
  useEffect(
    () => () => {
      line.geometry.dispose();
      (line.material as THREE.Material).dispose();
    },
    [line],
  );
  const written = useRef<WrittenState>(NOTHING_WRITTEN);
  const headRef = useRef<THREE.Mesh>(null);
  const startRef = useRef<THREE.Mesh>(null);
  const crossRef = useRef<THREE.Sprite>(null);
  const crossTexture = useMemo(getDivergedCrossTexture, []);

  useLayoutEffect(() => {
    (line.material as THREE.LineBasicMaterial).color.set(path.color);
    invalidate();
  }, [line, path.color, invalidate]);

  useLayoutEffect(() => {
    // A new line object starts with an empty buffer.
    written.current = NOTHING_WRITTEN;
  }, [line]);

  useLayoutEffect(() => {
    const position = line.geometry.getAttribute('position') as THREE.BufferAttribute;
    const positions = position.array as Float32Array;
    const count = Math.min(drawablePointCount(path), capacity);
    const state = written.current;
    // Only appended points need writing while the scale, surface and buffer stay the same.
    const appendOnly =
      state.points === path.points &&
      state.mapping === mapping &&
      state.field === field &&
      state.fieldVersion === field.version &&
      state.pathId === path.id &&
      count >= state.count;
    const from = appendOnly ? state.count : 0;
    fillPathPositions(path, field, mapping, from, count, positions);
    if (count > from) {
      // Ranges accumulate until the next upload, which clears them: several updates
      // may arrive between two frames, and each one's points must reach the GPU.
      position.addUpdateRange(3 * from, 3 * (count - from));
      position.needsUpdate = true;
    }
    line.geometry.setDrawRange(0, count);
    written.current = { count, points: path.points, mapping, field, fieldVersion: field.version, pathId: path.id };

    const head = headRef.current;
    const start = startRef.current;
    const cross = crossRef.current;
    if (head && start && cross) {
      const last = 3 * (count - 1);
      head.visible = count > 0 && path.status !== 'diverged';
      start.visible = count > 0;
      cross.visible = count > 0 && path.status === 'diverged';
      if (count > 0) {
        head.position.set(positions[last], positions[last + 1], positions[last + 2]);
        cross.position.copy(head.position);
        start.position.set(positions[0], positions[1], positions[2]);
      }
    }
    invalidate();
  }, [line, capacity, path, path.version, path.length, path.status, field, field.version, mapping, invalidate]);

  return (
    <group>
      <primitive object={line} />
      <mesh ref={startRef} visible={false}>
        <torusGeometry args={[0.17, 0.04, 8, 28]} />
        <meshStandardMaterial color={path.color} roughness={0.5} />
      </mesh>
      <mesh ref={headRef} visible={false}>
        <sphereGeometry args={[0.14, 20, 14]} />
        <meshStandardMaterial color={path.color} roughness={0.35} emissive={path.color} emissiveIntensity={0.25} />
      </mesh>
      {/* A sprite faces the camera from every angle; drawn over the surface so the end of a run always shows. */}
      <sprite ref={crossRef} visible={false} scale={[0.6, 0.6, 1]} renderOrder={10}>
        <spriteMaterial map={crossTexture} depthTest={false} transparent />
      </sprite>
    </group>
  );
}
