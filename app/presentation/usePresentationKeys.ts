/**
 * The tour and presentation keys (see `commandOfKey`), listened for before
 * the page's other shortcuts so that, while a tour is open, → and ← move
 * between its steps instead of stepping the runs. Ignored while typing in a
 * field or with a modifier held.
 */
import { useEffect } from 'react';
import { tourById } from '../tours/index';
import { commandOfKey, stepAfter, type TourCommand } from '../tours/navigation';
import { enterStep } from '../tours/tourController';
import { tourStore } from '../tours/tourStore';
import { isTypingTarget } from '../ui/useKeyboardShortcuts';

/** Full screen on or off (where the browser allows it). */
export function toggleFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  else void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

/** Carries out `command`; false when it means nothing now (the key is then left to others). */
export function runCommand(command: TourCommand): boolean {
  const state = tourStore.getState();
  switch (command) {
    case 'presentation':
      tourStore.setState({ presenting: !state.presenting, controlsShown: false });
      return true;
    case 'controls':
      if (!state.presenting) return false;
      tourStore.setState({ controlsShown: !state.controlsShown });
      return true;
    case 'fullscreen':
      toggleFullscreen();
      return true;
    case 'help':
      tourStore.setState({ helpOpen: !state.helpOpen });
      return true;
    case 'close':
      if (state.helpOpen) tourStore.setState({ helpOpen: false });
      else if (state.presenting) tourStore.setState({ presenting: false, controlsShown: false });
      else return false;
      return true;
    default: {
      const tour = state.place ? tourById(state.place.tourId) : undefined;
      if (!state.place || !tour) return false;
      const next = stepAfter(command, state.place.step, tour.steps.length);
      if (next !== state.place.step) enterStep(tour.id, next);
      return true;
    }
  }
}

/** Installs the keys on the window for the component's lifetime. */
export function usePresentationKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      const command = commandOfKey(event.key, tourStore.getState().place !== null);
      if (command && runCommand(command)) event.preventDefault();
    };
    // Capture: before the page's shortcuts, which leave a key alone once it is handled.
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, []);
}
