import { describe, expect, it } from 'vitest';
import { commandOfKey, KEY_HELP, stepAfter } from './navigation';

/** Checks the command of each key, pressed while touring or not. */
function expectCommands(cases: readonly [key: string, touring: boolean, command: string][]): void {
  for (const [key, touring, command] of cases) expect(commandOfKey(key, touring)).toBe(command);
}

describe('tour keys', () => {
  it('moves by PageDown / PageUp (a clicker) always, by the arrows and Home / End only while touring', () => {
    expectCommands([
      ['PageDown', false, 'next'],
      ['PageUp', false, 'previous'],
      ['ArrowRight', true, 'next'],
      ['ArrowLeft', true, 'previous'],
      ['Home', true, 'first'],
      ['End', true, 'last'],
    ]);
    // Without a tour → steps the runs and ← means nothing here.
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) expect(commandOfKey(key, false)).toBeNull();
  });

  it('has presentation, controls, full screen, help and close keys, and leaves the others alone', () => {
    expectCommands([
      ['p', false, 'presentation'],
      ['c', true, 'controls'],
      ['f', false, 'fullscreen'],
      ['?', false, 'help'],
      ['Escape', false, 'close'],
    ]);
    for (const key of [' ', 'r', 'x', 'Enter']) expect(commandOfKey(key, true)).toBeNull();
  });

  it('lists every command key in the help', () => {
    const listed = KEY_HELP.map((row) => row.keys).join(' ');
    for (const key of ['PageDown', 'PageUp', 'Space', 'p', 'c', 'f', '?', 'Esc']) expect(listed).toContain(key);
  });
});

describe('stepAfter', () => {
  it('moves one step and stops at the ends', () => {
    expect(stepAfter('next', 0, 3)).toBe(1);
    expect(stepAfter('next', 2, 3)).toBe(2);
    expect(stepAfter('previous', 1, 3)).toBe(0);
    expect(stepAfter('previous', 0, 3)).toBe(0);
    expect(stepAfter('first', 2, 3)).toBe(0);
    expect(stepAfter('last', 0, 3)).toBe(2);
    expect(stepAfter('help', 1, 3)).toBe(1);
  });
});
