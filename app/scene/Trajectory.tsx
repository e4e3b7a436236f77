/**
 * One optimizer's path in 3-D: a line through its visited points floating just
 * above the surface, a sphere at the current point, a ring at the start and a
 * red cross where a diverged run ended. The line's vertex buffer is allocated
 * once for the path's whole capacity; new points are written in place and the
 * draw range grows with them.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useRef, type ReactElement } from 'react';
import * as THREE from 'three';
import type { HeightMapping } from './heightScale';
import { DIVERGED_COLOR } from './markerStyle';
import { drawablePointCount, fillPathPositions } from './pathFill';
import type { PathView, PlaneWindow } from './types';

/** Props of {@link Trajectory}. */
export interface TrajectoryProps {
  path: PathView;
  window: PlaneWindow;
  mapping: HeightMapping;
}

/** What the vertex buffer currently holds, to write only new points when nothing else changed. */
interface WrittenState {
  count: number;
  points: Float64Array | null;
  mapping: HeightMapping | null;
  window: PlaneWindow | null;
  pathId: string;
}

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

/** A growing trajectory with its current point, start ring and divergence cross. */
export function Trajectory({ path, window, mapping }: TrajectoryProps): ReactElement {
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
  const written = useRef<WrittenState>({ count: 0, points: null, mapping: null, window: null, pathId: '' });
  const headRef = useRef<THREE.Mesh>(null);
  const startRef = useRef<THREE.Mesh>(null);
  const crossRef = useRef<THREE.Group>(null);

  useLayoutEffect(() => {
    (line.material as THREE.LineBasicMaterial).color.set(path.color);
    invalidate();
  }, [line, path.color, invalidate]);

  useLayoutEffect(() => {
    // A new line object starts with an empty buffer.
    written.current = { count: 0, points: null, mapping: null, window: null, pathId: '' };
  }, [line]);

  useLayoutEffect(() => {
    const position = line.geometry.getAttribute('position') as THREE.BufferAttribute;
    const positions = position.array as Float32Array;
    const count = Math.min(drawablePointCount(path), capacity);
    const state = written.current;
    // Only appended points need writing while the scale, window and buffer stay the same.
    const appendOnly =
      state.points === path.points &&
      state.mapping === mapping &&
      state.window === window &&
      state.pathId === path.id &&
      count >= state.count;
    const from = appendOnly ? state.count : 0;
    fillPathPositions(path, window, mapping, from, count, positions);
    if (count > from) {
      position.clearUpdateRanges();
      position.addUpdateRange(3 * from, 3 * (count - from));
      position.needsUpdate = true;
    }
    line.geometry.setDrawRange(0, count);
    written.current = { count, points: path.points, mapping, window, pathId: path.id };

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
  }, [line, capacity, path, path.version, path.length, path.status, window, mapping, invalidate]);

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
      <group ref={crossRef} visible={false}>
        <mesh rotation={[0, 0, Math.PI / 4]}>
          <boxGeometry args={[0.55, 0.09, 0.09]} />
          <meshBasicMaterial color={DIVERGED_COLOR} />
        </mesh>
        <mesh rotation={[0, 0, -Math.PI / 4]}>
          <boxGeometry args={[0.55, 0.09, 0.09]} />
          <meshBasicMaterial color={DIVERGED_COLOR} />
        </mesh>
      </group>
    </group>
  );
}
