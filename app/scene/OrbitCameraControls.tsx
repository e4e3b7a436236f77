/**
 * Orbit (left drag), zoom (wheel) and pan (right drag) around a target, wrapped
 * for @react-three/fiber. The canvas renders on demand, so every camera move
 * asks for one new frame instead of the scene running a render loop.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { Camera } from 'three';
import type { CameraPose } from '../url/displayFields';

/** A camera pose to show and a listener for the poses the user leaves it in (null: back home). */
export interface CameraBinding {
  pose: CameraPose | null;
  onChange(pose: CameraPose | null): void;
}

const poseOf = (camera: Camera, controls: OrbitControls): CameraPose => ({
  position: [camera.position.x, camera.position.y, camera.position.z],
  target: [controls.target.x, controls.target.y, controls.target.z],
});

/** Moves the camera to `pose`, or home (the saved state) for null. */
function showPose(camera: Camera, controls: OrbitControls, pose: CameraPose | null): void {
  if (pose === null) {
    controls.reset();
    return;
  }
  camera.position.set(...pose.position);
  controls.target.set(...pose.target);
  controls.update();
}

/** Props of {@link OrbitCameraControls}. */
export interface OrbitCameraControlsProps {
  /** Point the camera orbits around, in world coordinates. */
  target: readonly [number, number, number];
  /** Any change restores the camera and target to where they started. */
  resetToken: number;
  /** The pose to show (a link's) and where to report the user's moves. */
  binding?: CameraBinding;
}

/** Attaches three.js OrbitControls to the canvas's camera; renders nothing itself. */
export function OrbitCameraControls({ target, resetToken, binding }: OrbitCameraControlsProps): null {
  const camera = useThree((state) => state.camera);
  const domElement = useThree((state) => state.gl.domElement);
  const invalidate = useThree((state) => state.invalidate);
  const controlsRef = useRef<OrbitControls | null>(null);
  const [targetX, targetY, targetZ] = target;
  const bindingRef = useRef(binding);
  bindingRef.current = binding;
  const lastReset = useRef(resetToken);

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
    if (bindingRef.current?.pose) showPose(camera, controls, bindingRef.current.pose);
    const requestFrame = (): void => invalidate();
    // 'end' closes a drag or a wheel turn: one report per gesture, not per frame.
    const reportPose = (): void => bindingRef.current?.onChange(poseOf(camera, controls));
    controls.addEventListener('change', requestFrame);
    controls.addEventListener('end', reportPose);
    controlsRef.current = controls;
    invalidate();
    return () => {
      controls.removeEventListener('change', requestFrame);
      controls.removeEventListener('end', reportPose);
      controls.dispose();
      controlsRef.current = null;
    };
  }, [camera, domElement, invalidate, targetX, targetY, targetZ]);

  useEffect(() => {
    if (lastReset.current === resetToken) return;
    lastReset.current = resetToken;
    // reset() restores the saved pose and emits 'change', which requests a frame.
    controlsRef.current?.reset();
    bindingRef.current?.onChange(null);
  }, [resetToken]);

  const pose = binding?.pose ?? null;
  useEffect(() => {
    const controls = controlsRef.current;
    if (controls) showPose(camera, controls, pose);
  }, [camera, pose]);

  return null;
}
