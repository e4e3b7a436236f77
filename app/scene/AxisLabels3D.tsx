/**
 * Axis tick labels for the 3-D view as crisp HTML text. The label elements
 * live in a layer over the canvas; a component inside the canvas projects
 * their 3-D anchors to the screen whenever a frame is drawn (and only then,
 * as the canvas renders on demand) and moves the elements there.
 */
import { useFrame } from '@react-three/fiber';
import { type MutableRefObject, type ReactElement } from 'react';
import * as THREE from 'three';
import type { AxisLabel3D } from './axisTicks3D';
import { localToWorld } from './planeLayout';

/** The label elements by key, filled by {@link AxisLabelLayer} and read by {@link AxisLabelProjector}. */
export type AxisLabelElements = MutableRefObject<Map<string, HTMLDivElement>>;

/** Props shared by the layer and the projector. */
export interface AxisLabelsProps {
  labels: readonly AxisLabel3D[];
  elements: AxisLabelElements;
}

/** The HTML layer of labels (place it over the canvas); positions are set by the projector. */
export function AxisLabelLayer({ labels, elements }: AxisLabelsProps): ReactElement {
  return (
    <div style={{ position: 'absolute', inset: 0, pointerEvents: 'none', overflow: 'hidden' }}>
      {labels.map((label) => (
        <div
          key={label.key}
          data-testid="axis-label-3d"
          ref={(element) => {
            if (element) elements.current.set(label.key, element);
            else elements.current.delete(label.key);
          }}
          style={{
            position: 'absolute',
            left: 0,
            top: 0,
            visibility: 'hidden',
            color: label.isName ? '#e8ecf1' : '#aab4bf',
            font: label.isName ? 'italic 600 13px system-ui, sans-serif' : '11px system-ui, sans-serif',
            whiteSpace: 'nowrap',
            willChange: 'transform',
          }}
        >
          {label.text}
        </div>
      ))}
    </div>
  );
}

/**
 * Inside the canvas: on every drawn frame, the screen pixel of each anchor is
 * ((p.x + 1)/2·width, (1 − p.y)/2·height) for its projected position p in
 * normalised device coordinates; anchors behind the camera (p.z > 1) are hidden.
 */
export function AxisLabelProjector({ labels, elements }: AxisLabelsProps): null {
  useFrame(({ camera, size }) => {
    // The controls moved the camera since its matrices were last computed by a render.
    camera.updateMatrixWorld();
    const point = new THREE.Vector3();
    for (const label of labels) {
      const element = elements.current.get(label.key);
      if (!element) continue;
      point.set(...localToWorld(...label.local)).project(camera);
      const visible = point.z < 1 && Math.abs(point.x) < 1.2 && Math.abs(point.y) < 1.2;
      element.style.visibility = visible ? 'visible' : 'hidden';
      if (!visible) continue;
      const px = ((point.x + 1) / 2) * size.width;
      const py = ((1 - point.y) / 2) * size.height;
      element.style.transform = `translate(${px.toFixed(1)}px, ${py.toFixed(1)}px) translate(-50%, -50%)`;
    }
  });
  return null;
}
