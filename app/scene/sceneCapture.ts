/**
 * Access to the 3-D view from outside its canvas, for exports: a picture of
 * what the camera sees at a chosen pixel scale, and the surface mesh. The
 * scene registers itself while mounted ({@link SceneCaptureRegistrar}); the
 * export menu asks {@link currentScene}.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import type { Camera, Object3D, Scene, WebGLRenderer } from 'three';

/** The name of the surface mesh in the scene graph. */
export const SURFACE_OBJECT_NAME = 'loss-surface';

/** The mounted 3-D view. */
export interface SceneHandle {
  gl: WebGLRenderer;
  scene: Scene;
  camera: Camera;
  /** Asks the on-demand canvas for a frame. */
  invalidate(): void;
}

let mounted: SceneHandle | null = null;

/** The 3-D view on screen, or null (contour map, or none yet). */
export function currentScene(): SceneHandle | null {
  return mounted;
}

/** Registers the canvas it is rendered in as the current scene; renders nothing. */
export function SceneCaptureRegistrar(): null {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);
  const invalidate = useThree((state) => state.invalidate);
  useEffect(() => {
    const handle: SceneHandle = { gl, scene, camera, invalidate };
    mounted = handle;
    return () => {
      if (mounted === handle) mounted = null;
    };
  }, [gl, scene, camera, invalidate]);
  return null;
}

/**
 * What the camera sees, rendered at `scale` device pixels per CSS pixel
 * (1: the view's size; 2: twice as wide and high, for slides), as a PNG.
 * The renderer's pixel ratio is raised for one frame and restored.
 */
export async function captureScenePng(handle: SceneHandle, scale: number): Promise<Blob> {
  const { gl, scene, camera } = handle;
  const previous = gl.getPixelRatio();
  gl.setPixelRatio(scale);
  try {
    gl.render(scene, camera);
    // preserveDrawingBuffer keeps the frame readable until the next render.
    return await new Promise<Blob>((resolve, reject) =>
      gl.domElement.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the 3-D view as PNG'))), 'image/png'),
    );
  } finally {
    gl.setPixelRatio(previous);
    gl.render(scene, camera);
    handle.invalidate();
  }
}

/** The surface mesh of the 3-D view, or null before a surface is drawn. */
export function surfaceObject(handle: SceneHandle): Object3D | null {
  return handle.scene.getObjectByName(SURFACE_OBJECT_NAME) ?? null;
}
