/**
 * Forward passes for evaluation (loss and accuracy at many parameter
 * vectors) on the WebAssembly SIMD kernels of `kernels.wat`: each layer is
 * one `affine` call (z = h W + 1 bᵀ, four float32 lanes at a time) and one
 * `activate` call, over buffers in the module's own memory, which the
 * caller reads and writes through Float32Array views.
 *
 * Why: the evaluation passes (slices above all: thousands of networks)
 * are bound by multiply-adds and tanh, where four lanes and a vectorised
 * rational tanh beat scalar JavaScript about 3× (measured in `npm run bench`,
 * fast_path.slice65). Sums are float32 here, as in TensorFlow.js; the
 * derivative passes keep float64 sums in TypeScript. Where WebAssembly SIMD
 * is missing, `simdSupported()` is false and the TypeScript passes are used.
 */
import type { Activation, DenseLayerLayout } from '../../../spec/mlp';
import { SIMD_KERNELS_BASE64 } from './simdBinary';

interface KernelExports {
  memory: WebAssembly.Memory;
  affine(m: number, n: number, k: number, a: number, w: number, bias: number, out: number): void;
  activate(kind: number, values: number, count: number): void;
}

/** The activation codes of `activate` in kernels.wat. */
const ACTIVATION_CODES: Record<Activation, number> = { tanh: 0, sigmoid: 1, relu: 2, linear: 3 };

const PAGE_BYTES = 65536;

let compiled: WebAssembly.Module | null | undefined;

/** The compiled kernels, or null where this WebAssembly lacks SIMD (compiled once). */
function kernelModule(): WebAssembly.Module | null {
  if (compiled === undefined) {
    const bytes = Uint8Array.from(atob(SIMD_KERNELS_BASE64), (c) => c.charCodeAt(0));
    compiled = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  return compiled;
}

/** Whether the SIMD kernels can run here. */
export function simdSupported(): boolean {
  return kernelModule() !== null;
}

/** Floats rounded up to a whole number of four-lane groups. */
function padded(floats: number): number {
  return Math.ceil(floats / 4) * 4;
}

/**
 * One network shape's evaluation buffers in a kernel instance: inputs
 * (rows × inputDim), parameters θ (P), one buffer per layer (rows × width,
 * padded to whole lane groups). Views are made once; the memory never grows
 * after construction.
 */
export class SimdForward {
  /** Write the chunk's inputs here (rows × inputDim). */
  readonly inputs: Float32Array;
  /** Write the network's parameters here (the flat θ). */
  readonly params: Float32Array;
  /** The outputs z_L after `run` (rows × outputDim). */
  readonly outputs: Float32Array;
  private readonly kernels: KernelExports;
  private readonly inputsAt: number;
  private readonly paramsAt: number;
  private readonly layersAt: number[];

  constructor(
    private readonly layout: readonly DenseLayerLayout[],
    /** Most rows per `run`. */
    readonly capacity: number,
  ) {
    const module = kernelModule();
    if (module === null) throw new Error('WebAssembly SIMD is not available here');
    this.kernels = new WebAssembly.Instance(module, {}).exports as unknown as KernelExports;
    const inputDim = layout[0].fanIn;
    const last = layout[layout.length - 1];
    const paramCount = last.biasOffset + last.fanOut;
    const floats = [padded(capacity * inputDim), padded(paramCount), ...layout.map(({ fanOut }) => padded(capacity * fanOut))];
    const offsets: number[] = [];
    let at = 0;
    for (const size of floats) {
      offsets.push(at * 4);
      at += size;
    }
    const { memory } = this.kernels;
    const needed = Math.ceil((at * 4) / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES;
    if (needed > 0) memory.grow(needed);
    [this.inputsAt, this.paramsAt, ...this.layersAt] = offsets;
    this.inputs = new Float32Array(memory.buffer, this.inputsAt, capacity * inputDim);
    this.params = new Float32Array(memory.buffer, this.paramsAt, paramCount);
    const lastAt = this.layersAt[this.layersAt.length - 1];
    this.outputs = new Float32Array(memory.buffer, lastAt, capacity * last.fanOut);
  }

  /** z_L for the first `m` rows of `inputs` at the parameters in `params`, into `outputs`. */
  run(activation: Activation, m: number): void {
    if (m > this.capacity) throw new RangeError(`SimdForward: ${m} rows exceed the capacity ${this.capacity}`);
    const code = ACTIVATION_CODES[activation];
    const lastLayer = this.layout.length - 1;
    let source = this.inputsAt;
    this.layout.forEach(({ fanIn, fanOut, kernelOffset, biasOffset }, l) => {
      const target = this.layersAt[l];
      this.kernels.affine(m, fanOut, fanIn, source, this.paramsAt + 4 * kernelOffset, this.paramsAt + 4 * biasOffset, target);
      if (l < lastLayer) this.kernels.activate(code, target, m * fanOut);
      source = target;
    });
  }
}
