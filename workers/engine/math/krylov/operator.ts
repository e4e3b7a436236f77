/**
 * The abstract operator every curvature algorithm works on, with product
 * counting, cancellation and the shared options of long-running routines.
 */
import { Rng } from '../rng';

/**
 * A symmetric n×n operator v ↦ A v, e.g. a Hessian-vector product computed by
 * double back-propagation. It may keep or transfer its argument (the callers
 * here always pass a fresh copy) and must return a new vector of length n.
 */
export type MatVec = (v: Float64Array) => Promise<Float64Array>;

/**
 * Products of a symmetric n×n matrix with many vectors at once: row k of the
 * result (count × n, row-major) is A times row k of `vectors`. One call of
 * K vectors usually costs far less than K calls of one (one traced graph and
 * one set of kernel launches), which is why block methods use it.
 */
export type BatchProduct = (vectors: Float64Array, count: number) => Promise<Float64Array>;

/** A batched product made of one `matVec` call per vector, for operators that have no cheaper batch. */
export function batchOfMatVec(matVec: MatVec, n: number): BatchProduct {
  return async (vectors, count) => {
    const out = new Float64Array(count * n);
    for (let k = 0; k < count; k++) out.set(await matVec(vectors.slice(k * n, (k + 1) * n)), k * n);
    return out;
  };
}

/** How an iterative eigen-solver ended: converged or not, after how many iterations and products. */
export interface IterationOutcome {
  converged: boolean;
  iterations: number;
  /** Operator products used. */
  products: number;
}

/** Options shared by every routine that may run for a long time. */
export interface LongRunOptions {
  /** Aborting it makes the routine reject with a DOMException named 'AbortError' before its next product. */
  signal?: AbortSignal;
  /** Called after each unit of work with the units done and the units planned (the plan may end early). */
  onProgress?: (done: number, total: number) => void;
}

/** Where a randomised routine draws from: an explicit generator, or a seed (default 0). */
export interface RandomSource {
  rng?: Rng;
  seed?: number;
}

/** The generator to use: `rng` when given, else one derived from `seed` and a label naming the purpose. */
export function resolveRng(source: RandomSource, label: string): Rng {
  return source.rng ?? Rng.derive(source.seed ?? 0, label);
}

/** The error a cancelled routine rejects with. */
export function abortError(reason?: unknown): DOMException {
  const error = new DOMException('The operation was aborted.', 'AbortError');
  if (reason !== undefined) (error as DOMException & { cause?: unknown }).cause = reason;
  return error;
}

/** Throws an AbortError if the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal.reason);
}

/**
 * Resolves after the event loop has had a turn (a macrotask), so a message
 * that arrived meanwhile (a cancellation) is handled before the next chunk
 * of synchronous work. Awaiting a settled promise alone would not do: on the
 * cpu backend `data()` resolves as a microtask, and a long job would never
 * let the worker read its messages.
 */
export function yieldToEvents(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Wraps a MatVec (and, when given, its batched form): counts products,
 * checks cancellation before and after each call (a product can take long),
 * passes copies of the arguments, and checks the length of the results.
 */
export class CountedOperator {
  /** Number of products A v computed so far (a batch of K counts K). */
  products = 0;
  private readonly batch: BatchProduct;

  constructor(
    private readonly matVec: MatVec,
    /** The dimension n. */
    readonly n: number,
    private readonly signal?: AbortSignal,
    batch?: BatchProduct,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`operator dimension must be a positive integer, got ${n}`);
    this.batch = batch ?? batchOfMatVec(matVec, n);
  }

  /** A v, as a new vector. */
  async apply(v: Float64Array): Promise<Float64Array> {
    throwIfAborted(this.signal);
    const result = await this.matVec(Float64Array.from(v));
    throwIfAborted(this.signal);
    if (result.length !== this.n) {
      throw new RangeError(`matVec returned ${result.length} entries, expected ${this.n}`);
    }
    this.products++;
    return result;
  }

  /** A v_k for every vector, in one batched call; a single vector goes through `apply`. */
  async applyAll(vectors: readonly Float64Array[]): Promise<Float64Array[]> {
    if (vectors.length === 0) return [];
    if (vectors.length === 1) return [await this.apply(vectors[0])];
    throwIfAborted(this.signal);
    const n = this.n;
    const stacked = new Float64Array(vectors.length * n);
    vectors.forEach((v, k) => stacked.set(v, k * n));
    const result = await this.batch(stacked, vectors.length);
    throwIfAborted(this.signal);
    if (result.length !== vectors.length * n) {
      throw new RangeError(`batch returned ${result.length} entries, expected ${vectors.length} × ${n}`);
    }
    this.products += vectors.length;
    return vectors.map((_, k) => result.slice(k * n, (k + 1) * n));
  }
}
