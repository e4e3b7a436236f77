import { describe, expect, it } from 'vitest';
import {
  gridColumn,
  gridCoordinates,
  gridIndex,
  gridIndexList,
  gridIndexRange,
  gridIndexSlice,
  gridRow,
  type GridIndex,
  type GridIndices,
} from './gridIndex';

describe('the grid index convention', () => {
  it('puts node (i, j) at j·nx + i, x varying fastest, and reads i and j back', () => {
    const nx = 3;
    expect(gridIndex(nx, 0, 0)).toBe(0);
    expect(gridIndex(nx, 2, 0)).toBe(2);
    expect(gridIndex(nx, 0, 1)).toBe(3);
    expect(gridIndex(nx, 2, 1)).toBe(5);
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < nx; i++) {
        expect([gridColumn(gridIndex(nx, i, j), nx), gridRow(gridIndex(nx, i, j), nx)]).toEqual([i, j]);
      }
    }
  });

  it('lists indices in the order they are pushed, as runs and as views', () => {
    const list = gridIndexList(4, 3, (push) => {
      push(1, 0);
      push(0, 2);
      push(3, 1);
    });
    expect(Array.from(list)).toEqual([1, 8, 7]);
    expect(() => gridIndexList(4, 3, (push) => push(0, 0))).toThrow(/1 indices written, 3 expected/);
    expect(Array.from(gridIndexRange(5, 3))).toEqual([5, 6, 7]);
    const view = gridIndexSlice(list, 1, 3);
    expect(Array.from(view)).toEqual([8, 7]);
    expect(view.buffer).toBe(list.buffer);
  });

  it('maps grid indices to (α_i, β_j) with α varying fastest', () => {
    const alphas = [-1, 0, 1], betas = [10, 20];
    const nodes = [gridIndex(3, 0, 0), gridIndex(3, 1, 0), gridIndex(3, 2, 0), gridIndex(3, 0, 1), gridIndex(3, 2, 1)];
    expect(Array.from(gridCoordinates(alphas, betas, nodes))).toEqual([-1, 10, 0, 10, 1, 10, -1, 20, 1, 20]);
    expect(() => gridCoordinates(alphas, betas, [gridIndex(3, 0, 2)])).toThrow(/outside the 3×2 grid/);
  });

  it('is a type: a raw number, or an index of another layout, is not a grid index', () => {
    const nx = 3, ny = 2, i = 1, j = 1;
    // The α-major layout i·ny + j (as the reference vectors nest their slices) is a plain number.
    const alphaMajor = i * ny + j;
    // @ts-expect-error a number is not a GridIndex: only gridIndex() makes one
    const wrong: GridIndex = alphaMajor;
    // @ts-expect-error gridColumn reads a GridIndex, not a number
    gridColumn(alphaMajor, nx);
    // @ts-expect-error an Int32Array of numbers is not a list of grid indices
    const raw: GridIndices = Int32Array.of(0, 1);
    // @ts-expect-error gridCoordinates takes grid indices, not numbers
    gridCoordinates([0, 1, 2], [0, 1], [alphaMajor]);
    // Node (1, 1) is entry 4 of the grid; entry 3, where the α-major index points, is node (0, 1).
    expect(gridIndex(nx, i, j)).toBe(4);
    expect([gridColumn(wrong, nx), gridRow(wrong, nx)]).toEqual([0, 1]);
    expect(raw.length).toBe(2);
  });
});
