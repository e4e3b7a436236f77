/**
 * Moving through a tour, and the keys that do it. Pure functions, so the
 * keyboard, the buttons and the tests share one definition.
 */

/** What a key asks of the tour and the presentation. */
export type TourCommand = 'next' | 'previous' | 'first' | 'last' | 'close' | 'presentation' | 'controls' | 'fullscreen' | 'help';

/**
 * The command of a key press, or null. Steps go by ArrowRight / ArrowLeft
 * and PageDown / PageUp (what a presenter's clicker sends), Home / End jump
 * to the ends; arrows and Home/End only while a tour is open, so → keeps
 * its meaning "one step of the runs" otherwise. `p` toggles presentation
 * mode, `c` shows the hidden controls, `f` full screen, `?` the help, and
 * Escape closes the help, else leaves presentation mode.
 */
export function commandOfKey(key: string, touring: boolean): TourCommand | null {
  switch (key) {
    case 'PageDown':
      return 'next';
    case 'PageUp':
      return 'previous';
    case 'ArrowRight':
      return touring ? 'next' : null;
    case 'ArrowLeft':
      return touring ? 'previous' : null;
    case 'Home':
      return touring ? 'first' : null;
    case 'End':
      return touring ? 'last' : null;
    case 'p':
    case 'P':
      return 'presentation';
    case 'c':
    case 'C':
      return 'controls';
    case 'f':
    case 'F':
      return 'fullscreen';
    case '?':
      return 'help';
    case 'Escape':
      return 'close';
    default:
      return null;
  }
}

/** The step a command moves to from `step` in a tour of `count` steps (clamped to the ends). */
export function stepAfter(command: TourCommand, step: number, count: number): number {
  const last = Math.max(0, count - 1);
  switch (command) {
    case 'next':
      return Math.min(last, step + 1);
    case 'previous':
      return Math.max(0, step - 1);
    case 'first':
      return 0;
    case 'last':
      return last;
    default:
      return step;
  }
}

/** The keys listed in the help overlay, with what each does. */
export const KEY_HELP: readonly { keys: string; action: string }[] = [
  { keys: '→  PageDown', action: 'next tour step' },
  { keys: '←  PageUp', action: 'previous tour step' },
  { keys: 'Home  End', action: 'first / last tour step' },
  { keys: 'Space', action: 'play / pause the runs' },
  { keys: '→ (no tour open)', action: 'one step of the runs' },
  { keys: 'r', action: 'reset the runs' },
  { keys: 'p', action: 'presentation mode on / off' },
  { keys: 'c', action: 'show / hide the controls in presentation mode' },
  { keys: 'f', action: 'full screen on / off' },
  { keys: '?', action: 'this help' },
  { keys: 'Esc', action: 'close the help, or leave presentation mode' },
];
