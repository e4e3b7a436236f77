import { describe, expect, it } from 'vitest';
import { commandOfKey, KEY_HELP, stepAfter } from './navigation';

describe('tour keys', () => {
  it('moves by PageDown / PageUp (a clicker) always, by the arrows and Home / End only while touring', () => {
    expect(commandOfKey('PageDown', false)).toBe('next');
    expect(commandOfKey('PageUp', false)).toBe('previous');
    expect(commandOfKey('ArrowRight', true)).toBe('next');
    expect(commandOfKey('ArrowLeft', true)).toBe('previous');
    expect(commandOfKey('Home', true)).toBe('first');
    expect(commandOfKey('End', true)).toBe('last');
    // Without a tour → steps the runs and ← means nothing here.
    for (const key of ['ArrowRight', 'ArrowLeft', 'Home', 'End']) expect(commandOfKey(key, false)).toBeNull();
  });

  it('has presentation, controls, full screen, help and close keys, and leaves the others alone', () => {
    expect(commandOfKey('p', false)).toBe('presentation');
    expect(commandOfKey('c', true)).toBe('controls');
    expect(commandOfKey('f', false)).toBe('fullscreen');
    expect(commandOfKey('?', false)).toBe('help');
    expect(commandOfKey('Escape', false)).toBe('close');
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
