/** The store's camera pose bound to a landscape view: shown there, and updated by the user's moves. */
import { useMemo } from 'react';
import type { CameraBinding } from '../scene/OrbitCameraControls';
import { appStore, useAppStore } from '../store/store';

/** The {@link CameraBinding} of the page's store (one pose for both modes' 3-D views). */
export function useCameraBinding(): CameraBinding {
  const pose = useAppStore((state) => state.camera);
  return useMemo(() => ({ pose, onChange: (next) => appStore.getState().setCamera(next) }), [pose]);
}
