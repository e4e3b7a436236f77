import { describe, expect, it } from 'vitest';
import { aboutSeconds } from './aboutSeconds';

describe('aboutSeconds', () => {
  it('rounds to seconds below a minute and a half, to minutes above', () => {
    expect(aboutSeconds(0.2)).toBe('under 1 s');
    expect(aboutSeconds(3.6)).toBe('about 4 s');
    expect(aboutSeconds(89)).toBe('about 89 s');
    expect(aboutSeconds(150)).toBe('about 3 min');
  });
});
