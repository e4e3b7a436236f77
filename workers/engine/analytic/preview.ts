/**
 * A surface computed without TensorFlow.js: f at every grid point from its
 * float64 closed form. The worker answers with it while its backend is still
 * starting (loading and compiling WebAssembly or shaders takes a second or
 * more), so the page shows the landscape at once; the backend's batched
 * evaluation then replaces it. The numbers agree with `evaluateGrid` to
 * float32 rounding.
 */
import { validateGrid, type Grid2D } from './evaluate';
import { quadraticCoefficients, validateProblem, type AnalyticProblem } from '../spec/functions';
import { gridIndex } from '../math/plane/gridIndex';

/** f(x, y) of `problem` in float64 (the definitions of the fixture README; the quadratic as in `problems.ts`). */
export function value64(problem: AnalyticProblem, x: number, y: number): number {
  switch (problem.name) {
    case 'rosenbrock':
      return (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    case 'himmelblau':
      return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
    case 'beale':
      return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2;
    case 'saddle':
      return x * x - y * y;
    case 'monkey_saddle':
      return x ** 3 - 3 * x * y * y;
    case 'quadratic': {
      // f = ½ (λ1 u² + λ2 v²) with (u, v) the point rotated by −φ.
      const q = quadraticCoefficients(problem);
      const u = q.cos * x + q.sin * y;
      const v = -q.sin * x + q.cos * y;
      return 0.5 * (q.lambda1 * u * u + q.lambda2 * v * v);
    }
  }
}

/** f on `grid` (row-major, index j·nx + i, as `evaluateGrid`), from the float64 closed forms. */
export function previewGrid(problem: AnalyticProblem, grid: Grid2D): Float32Array {
  validateProblem(problem);
  validateGrid(grid);
  const { nx, ny, xMin, xMax, yMin, yMax } = grid;
  const values = new Float32Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const y = yMin + (j * (yMax - yMin)) / (ny - 1);
    for (let i = 0; i < nx; i++) values[gridIndex(nx, i, j)] = value64(problem, xMin + (i * (xMax - xMin)) / (nx - 1), y);
  }
  return values;
}
