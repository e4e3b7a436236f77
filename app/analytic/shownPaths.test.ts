import { describe, expect, it } from 'vitest';
import { appendToPath, emptyPath } from '../store/resultsSlice';
import { lastComputedStep, pathsAtStep } from './shownPaths';

/** A path of `count` points (x = y = loss = its index), with `status`. */
function pathOf(id: string, count: number, status: 'done' | 'diverged' = 'done') {
  const path = emptyPath({ id, label: id, color: '#fff' }, 10);
  const points = Float64Array.from({ length: 2 * count }, (_, k) => Math.floor(k / 2));
  return appendToPath(path, points, Float64Array.from({ length: count }, (_, k) => k), status);
}

describe('pathsAtStep', () => {
  it('cuts every longer path at the step, over the same buffers, and leaves shorter ones', () => {
    const long = pathOf('a', 8, 'diverged');
    const short = pathOf('b', 3);
    const shown = pathsAtStep([long, short], 4);
    expect(shown.map((path) => [path.length, path.status])).toEqual([
      [5, 'paused'],
      [3, 'done'],
    ]);
    expect(shown[0].points).toBe(long.points);
    expect(shown[0].losses[shown[0].length - 1]).toBe(4);
    expect(shown[1]).toBe(short);
  });

  it('shows the paths as they are for the newest step', () => {
    const paths = [pathOf('a', 8), pathOf('b', 3)];
    expect(pathsAtStep(paths, null)).toBe(paths);
    expect(pathsAtStep(paths, 7)).toBe(paths);
    expect(pathsAtStep(paths, 0).map((path) => path.length)).toEqual([1, 1]);
  });

  it('knows the last step computed', () => {
    expect(lastComputedStep([pathOf('a', 8), pathOf('b', 3)])).toBe(7);
    expect(lastComputedStep([])).toBe(0);
  });
});
