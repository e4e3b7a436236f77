/**
 * Marked points in 3-D: minima as green diamonds, saddles as orange squares on
 * edge, maxima as red cones and the start as a white ball, each floating just
 * above the surface. Hovering a glyph reports the marker so the view can show
 * its tooltip.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, type ReactElement } from 'react';
import * as THREE from 'three';
import { lossToUnit, type HeightMapping } from './heightScale';
import { MARKER_COLORS } from './markerStyle';
import { planeToLocalX, planeToLocalY, unitToLocalZ } from './planeLayout';
import { sampleField, surfaceUnitAt, unitOnOrAboveSurface } from './sampleField';
import type { HeightField, MarkerView } from './types';

/** How far a glyph's centre floats above the surface, in scene units. */
const GLYPH_LIFT = 0.3;

/** Props of {@link MarkerGlyphs}. */
export interface MarkerGlyphsProps {
  markers: readonly MarkerView[];
  field: HeightField;
  mapping: HeightMapping;
  /** Called with the marker under the pointer and the pointer event, or null when it leaves. */
  onHover: (marker: MarkerView | null, event?: PointerEvent) => void;
}

/** One shared geometry per kind, so many markers cost no extra buffers. */
function createGlyphGeometries(): Record<MarkerView['kind'], THREE.BufferGeometry> {
  const cone = new THREE.ConeGeometry(0.2, 0.45, 20);
  // Cones point along +y; the plane group's up is +z.
  cone.rotateX(Math.PI / 2);
  const square = new THREE.BoxGeometry(0.3, 0.3, 0.3);
  square.rotateZ(Math.PI / 4);
  square.rotateX(Math.PI / 2);
  return {
    minimum: new THREE.OctahedronGeometry(0.24),
    saddle: square,
    maximum: cone,
    start: new THREE.SphereGeometry(0.16, 20, 14),
  };
}

/** The glyphs of all markers, in the plane group's local coordinates. */
export function MarkerGlyphs({ markers, field, mapping, onHover }: MarkerGlyphsProps): ReactElement {
  const geometries = useMemo(createGlyphGeometries, []);
  useEffect(() => () => Object.values(geometries).forEach((geometry) => geometry.dispose()), [geometries]);
  return (
    <group>
      {markers.map((marker, index) => {
        // The marker's own loss when known, else the field under it; never below the drawn surface.
        const loss = marker.loss !== undefined && Number.isFinite(marker.loss) ? marker.loss : sampleField(field, marker.x, marker.y);
        const unit = unitOnOrAboveSurface(lossToUnit(mapping, loss), surfaceUnitAt(field, mapping, marker.x, marker.y));
        const z = unitToLocalZ(unit) + GLYPH_LIFT;
        return (
          <mesh
            key={`${marker.kind}:${marker.x}:${marker.y}:${index}`}
            geometry={geometries[marker.kind]}
            position={[planeToLocalX(field.window, marker.x), planeToLocalY(field.window, marker.y), z]}
            onPointerOver={(event: ThreeEvent<PointerEvent>) => {
              event.stopPropagation();
              onHover(marker, event.nativeEvent);
            }}
            onPointerOut={() => onHover(null)}
          >
            <meshStandardMaterial color={MARKER_COLORS[marker.kind]} roughness={0.4} emissive={MARKER_COLORS[marker.kind]} emissiveIntensity={0.2} />
          </mesh>
        );
      })}
    </group>
  );
}
