import { describe, expect, it } from 'vitest';
import { Rng } from '../../../math/rng';
import { layerLayout, paramCount, type Activation, type MlpSpec } from '../../../spec/mlp';
import { forward, PassWorkspace } from '../passes';
import { assembleKernels } from './assemble';
import { SIMD_KERNELS_BASE64 } from './simdBinary';
import { SimdForward, simdSupported } from './simdForward';

describe('the SIMD kernels', () => {
  it('the committed binary is the assembly of kernels.wat (run npm run build:simd after editing it)', async () => {
    const assembled = Buffer.from(await assembleKernels()).toString('base64');
    expect(SIMD_KERNELS_BASE64).toBe(assembled);
  });

  it('run in this Node', () => {
    expect(simdSupported()).toBe(true);
  });

  // Widths 1 (the dot-product path), 3, 4, 9 and 16 reach every column block; 7 rows leave an odd row.
  const SPECS: [Activation, number[]][] = [
    ['tanh', [2, 16, 9, 1]],
    ['sigmoid', [3, 4, 3, 2]],
    ['relu', [5, 9, 16, 3]],
    ['linear', [1, 3, 1]],
  ];

  it.each(SPECS)('%s %j: the outputs of the TypeScript forward pass, within float32 rounding', (activation, layers) => {
    const spec: MlpSpec = { layers, activation, loss: 'mse' };
    const layout = layerLayout(spec);
    const rows = 7;
    const rng = new Rng(layers.length * 31 + layers[1]);
    const x = rng.fillNormal(new Float32Array(rows * layers[0]));
    const params = rng.fillNormal(new Float32Array(paramCount(spec)), 0, 0.7);
    const simd = new SimdForward(layout, rows);
    simd.inputs.set(x);
    simd.params.set(params);
    simd.run(activation, rows);
    const ws = new PassWorkspace(layout, rows, params.length);
    forward(activation, params, { x, offset: 0, m: rows }, ws, 'none');
    const width = layers[layers.length - 1];
    let worst = 0;
    for (let i = 0; i < rows * width; i++) worst = Math.max(worst, Math.abs(simd.outputs[i] - ws.outputs[i]));
    expect(worst).toBeLessThan(1e-5);
    // Fewer rows than the capacity: the first rows' outputs are the same.
    simd.run(activation, 3);
    for (let i = 0; i < 3 * width; i++) expect(Math.abs(simd.outputs[i] - ws.outputs[i])).toBeLessThan(1e-5);
    expect(() => simd.run(activation, rows + 1)).toThrow('exceed the capacity');
  });

  it.each(['tanh', 'sigmoid'] as const)('%s keeps a NaN a NaN and takes ±∞ and huge inputs to its limits', (activation) => {
    // One input, one unit with weight 1 and bias 0: the activation of x itself, then a linear read-out of weight 1.
    const spec: MlpSpec = { layers: [1, 1, 1], activation, loss: 'mse' };
    const inputs = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e30, -1e30, 0.5];
    const simd = new SimdForward(layerLayout(spec), inputs.length);
    simd.inputs.set(inputs);
    simd.params.set([1, 0, 1, 0]);
    simd.run(activation, inputs.length);
    const [nan, plus, minus, huge, tiny, half] = simd.outputs;
    const low = activation === 'tanh' ? -1 : 0;
    expect(nan).toBeNaN();
    for (const value of [plus, huge]) expect(value).toBeCloseTo(1, 6);
    for (const value of [minus, tiny]) expect(value).toBeCloseTo(low, 6);
    expect(half).toBeCloseTo(activation === 'tanh' ? Math.tanh(0.5) : 1 / (1 + Math.exp(-0.5)), 6);
  });
});
