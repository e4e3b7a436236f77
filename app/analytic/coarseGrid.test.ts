import { describe, expect, it } from 'vitest';
import { COARSE_SIDE, coarseGridFor } from './coarseGrid';

describe('coarseGridFor', () => {
  it('previews a 256 × 256 grid at 64 × 64', () => {
    expect(coarseGridFor(256, 256)).toEqual({ nx: COARSE_SIDE, ny: COARSE_SIDE });
  });

  it('keeps the aspect ratio of a wide grid', () => {
    expect(coarseGridFor(512, 128)).toEqual({ nx: 64, ny: 16 });
  });

  it('never goes below two samples per side', () => {
    expect(coarseGridFor(512, 8)).toEqual({ nx: 64, ny: 2 });
  });

  it('skips the preview for grids already small enough', () => {
    expect(coarseGridFor(64, 64)).toBeNull();
    expect(coarseGridFor(8, 40)).toBeNull();
    expect(coarseGridFor(65, 8)).not.toBeNull();
  });
});
