/**
 * Keyboard habits of media players: space plays or pauses, → takes one
 * step, r resets. Ignored while typing in a field (and space on a focused
 * button keeps its usual meaning: pressing that button).
 */
import { useEffect } from 'react';
import { appStore } from '../store/store';

/** Whether a key pressed on `target` belongs to that element rather than to the page. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTypingTarget(event.target)) return;
      const { togglePlay, stepOnce, reset } = appStore.getState();
      if (event.key === ' ') {
        if (event.target instanceof HTMLButtonElement) return;
        event.preventDefault();
        togglePlay();
      } else if (event.key === 'ArrowRight') {
        event.preventDefault();
        stepOnce();
      } else if (event.key === 'r' || event.key === 'R') {
        reset();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
