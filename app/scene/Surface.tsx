/**
 * The loss surface: ONE indexed grid geometry whose heights and vertex colours
 * are rewritten in place whenever the field's version changes. The geometry
 * (and its GPU buffers) is rebuilt only when the grid resolution changes.
 */
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, type ReactElement } from 'react';
import * as THREE from 'three';
import { createColormapLut } from './colormap';
import type { HeightMapping } from './heightScale';
import { localToPlaneX, localToPlaneY } from './planeLayout';
import { CLICK_TRAVEL_PX } from './pointerClick';
import { createGridIndex, fillGridPlanePositions, fillSurfaceHeightsAndColors } from './surfaceFill';
import type { ColormapName, HeightField } from './types';
import { SURFACE_OBJECT_NAME } from './sceneCapture';

/** Props of {@link Surface}. */
export interface SurfaceProps {
  field: HeightField;
  mapping: HeightMapping;
  colormap: ColormapName;
  /** Called with plane coordinates when the surface is clicked (not dragged). */
  onPick?: (x: number, y: number) => void;
  /** Called after the vertex arrays were rewritten for `version`. */
  onUpdated?: (version: number) => void;
}

/** Builds the grid geometry of an nx × ny field with fixed x, y and empty heights and colours. */
function createSurfaceGeometry(nx: number, ny: number): THREE.BufferGeometry {
  const geometry = new THREE.BufferGeometry();
  const positions = new Float32Array(3 * nx * ny);
  fillGridPlanePositions(nx, ny, positions);
  const positionAttribute = new THREE.BufferAttribute(positions, 3);
  const colorAttribute = new THREE.BufferAttribute(new Float32Array(3 * nx * ny), 3);
  // Rewritten on every refinement: tell the driver to expect frequent uploads.
  positionAttribute.setUsage(THREE.DynamicDrawUsage);
  colorAttribute.setUsage(THREE.DynamicDrawUsage);
  geometry.setAttribute('position', positionAttribute);
  geometry.setAttribute('color', colorAttribute);
  geometry.setIndex(new THREE.BufferAttribute(createGridIndex(nx, ny), 1));
  return geometry;
}

/** The lit, vertex-coloured height field in the plane group's local coordinates. */
export function Surface({ field, mapping, colormap, onPick, onUpdated }: SurfaceProps): ReactElement {
  const invalidate = useThree((state) => state.invalidate);
  const { nx, ny } = field;
  const geometry = useMemo(() => createSurfaceGeometry(nx, ny), [nx, ny]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  // three.js expects vertex colours in linear light; the table converts once per map.
  const lut = useMemo(() => createColormapLut(colormap, 256, true), [colormap]);

  useLayoutEffect(() => {
    const position = geometry.getAttribute('position') as THREE.BufferAttribute;
    const color = geometry.getAttribute('color') as THREE.BufferAttribute;
    if (field.values.length !== nx * ny) return;
    fillSurfaceHeightsAndColors(field.values, mapping, lut, position.array as Float32Array, color.array as Float32Array);
    position.needsUpdate = true;
    color.needsUpdate = true;
    geometry.computeVertexNormals();
    // Raycasting (picking) tests the bounds first, so they must follow the new heights.
    geometry.computeBoundingBox();
    geometry.computeBoundingSphere();
    invalidate();
    onUpdated?.(field.version);
  }, [geometry, field.values, field.version, nx, ny, mapping, lut, invalidate, onUpdated]);

  const handleClick = (event: ThreeEvent<MouseEvent>): void => {
    // R3F's delta is the press-to-release travel in pixels (rounded).
    if (!onPick || event.delta >= CLICK_TRAVEL_PX) return;
    event.stopPropagation();
    const local = event.object.worldToLocal(event.point.clone());
    onPick(localToPlaneX(field.window, local.x), localToPlaneY(field.window, local.y));
  };

  return (
    <mesh name={SURFACE_OBJECT_NAME} geometry={geometry} onClick={handleClick}>
      <meshStandardMaterial vertexColors roughness={0.8} metalness={0} side={THREE.DoubleSide} />
    </mesh>
  );
}
