/**
 * Orbit (left drag), zoom (wheel) and pan (right drag) around a target, wrapped
 * for @react-three/fiber. The canvas renders on demand, so every camera move
 * asks for one new frame instead of the scene running a render loop.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';

/** Props of {@link OrbitCameraControls}. */
export interface OrbitCameraControlsProps {
  /** Point the camera orbits around, in world coordinates. */
  target: readonly [number, number, number];
  /** Any change restores the camera and target to where they started. */
  resetToken: number;
}

/** Attaches three.js OrbitControls to the canvas's camera; renders nothing itself. */
export function OrbitCameraControls({ target, resetToken }: OrbitCameraControlsProps): null {
  const camera = useThree((state) => state.camera);
  const domElement = useThree((state) => state.gl.domElement);
  const invalidate = useThree((state) => state.invalidate);
  const controlsRef = useRef<OrbitControls | null>(null);
  const [targetX, targetY, targetZ] = target;

  useEffect(() => {
    const controls = new OrbitControls(camera, domElement);
    controls.target.set(targetX, targetY, targetZ);
    // Damping needs a frame every tick to settle; on-demand rendering has none.
    controls.enableDamping = false;
    controls.screenSpacePanning = true;
    controls.minDistance = 2;
    controls.maxDistance = 80;
    controls.update();
    // The pose to return to on reset: the initial camera looking at the target.
    controls.saveState();
    const requestFrame = (): void => invalidate();
    controls.addEventListener('change', requestFrame);
    controlsRef.current = controls;
    invalidate();
    return () => {
      controls.removeEventListener('change', requestFrame);
      controls.dispose();
      controlsRef.current = null;
    };
  }, [camera, domElement, invalidate, targetX, targetY, targetZ]);

  useEffect(() => {
    // reset() restores the saved pose and emits 'change', which requests a frame.
    controlsRef.current?.reset();
  }, [resetToken]);

  return null;
}
