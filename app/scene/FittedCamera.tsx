/**
 * Keeps the 3-D camera's field of view fitted to the canvas's shape
 * (cameraFit.ts), so a narrow view shows the whole plane instead of its
 * middle. Orbit controls never change the field of view, so this and they
 * do not fight; resetting the view keeps the fitted value.
 */
import { useThree } from '@react-three/fiber';
import { useLayoutEffect } from 'react';
import * as THREE from 'three';
import { fittedFovDegrees } from './cameraFit';

/** Renders nothing; sets the perspective camera's vertical field of view from the canvas's size. */
export function FittedCamera(): null {
  const camera = useThree((state) => state.camera);
  const width = useThree((state) => state.size.width);
  const height = useThree((state) => state.size.height);
  const invalidate = useThree((state) => state.invalidate);
  useLayoutEffect(() => {
    if (!(camera instanceof THREE.PerspectiveCamera) || height <= 0) return;
    const fov = fittedFovDegrees(width / height);
    if (camera.fov === fov) return;
    camera.fov = fov;
    camera.updateProjectionMatrix();
    invalidate();
  }, [camera, width, height, invalidate]);
  return null;
}
