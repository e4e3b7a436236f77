import { describe, expect, it } from 'vitest';
import { CLICK_TRAVEL_PX, isClickTravel } from './pointerClick';

describe('isClickTravel', () => {
  it('accepts small jitter and rejects drags, measuring Euclidean travel', () => {
    expect(isClickTravel(0, 0)).toBe(true);
    expect(isClickTravel(3, 3)).toBe(true); // 4.24 px
    expect(isClickTravel(4, 4)).toBe(false); // 5.66 px
    expect(isClickTravel(CLICK_TRAVEL_PX, 0)).toBe(false);
    expect(isClickTravel(0, -40)).toBe(false);
  });
});
