/**
 * Seeded pseudo-random numbers for the engine. Every random draw in an
 * experiment (data, initialisation, minibatch order, dropout masks, slice
 * directions, probe vectors) comes from an `Rng` built from an explicit seed,
 * so a shared URL reproduces the same numbers. `Math.random` is never used.
 *
 * Generator: xoshiro128** (Blackman & Vigna 2018), 128-bit state, period
 * 2^128 − 1, seeded through splitmix32 so that nearby seeds give unrelated
 * streams. All arithmetic is 32-bit integer (`Math.imul`, `>>> 0`), so the
 * stream is identical on every JavaScript engine.
 */

/** One step of splitmix32: a well-mixed 32-bit value from a 32-bit counter. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** Hashes a string label into a 32-bit value (FNV-1a), for deriving sub-seeds. */
export function hashLabel(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A seeded stream of random numbers. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  /** Cached second normal of the Box–Muller pair, or NaN when empty. */
  private spareNormal = Number.NaN;

  /** @param seed any integer (taken modulo 2^32). */
  constructor(seed: number) {
    const st = { s: seed >>> 0 };
    this.a = splitmix32(st);
    this.b = splitmix32(st);
    this.c = splitmix32(st);
    this.d = splitmix32(st);
    if ((this.a | this.b | this.c | this.d) === 0) this.d = 1;
  }

  /**
   * An independent stream derived from this generator's seed and a label,
   * e.g. `rng.derive('init')`, so that adding draws to one purpose never
   * shifts the numbers of another.
   */
  static derive(seed: number, label: string): Rng {
    return new Rng((seed >>> 0) ^ hashLabel(label));
  }

  /** Next raw 32-bit unsigned integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on [0, 1) with 32 bits of resolution. */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform on [lo, hi). */
  uniformIn(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in {0, …, n − 1} (n ≤ 2^32), without modulo bias. */
  int(n: number): number {
    if (!(n > 0)) throw new RangeError(`Rng.int needs n > 0, got ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let x: number;
    do x = this.nextUint32();
    while (x >= limit);
    return x % n;
  }

  /** Standard normal N(0, 1) by the Box–Muller transform. */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const z = this.spareNormal;
      this.spareNormal = Number.NaN;
      return z;
    }
    let u = 0;
    while (u === 0) u = this.uniform();
    const v = this.uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Rademacher variable: −1 or +1 with probability ½ each. */
  rademacher(): number {
    return this.nextUint32() & 1 ? 1 : -1;
  }

  /** Fills `out` with i.i.d. N(mean, std²) draws and returns it. */
  fillNormal<T extends Float32Array | Float64Array>(out: T, mean = 0, std = 1): T {
    for (let i = 0; i < out.length; i++) out[i] = mean + std * this.normal();
    return out;
  }

  /** Fills `out` with i.i.d. Rademacher (±1) draws and returns it. */
  fillRademacher<T extends Float32Array | Float64Array>(out: T): T {
    for (let i = 0; i < out.length; i++) out[i] = this.rademacher();
    return out;
  }

  /** Shuffles `items` in place (Fisher–Yates) and returns it. */
  shuffle<T>(items: T[] | Int32Array | Uint32Array): typeof items {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }

  /** A uniformly random permutation of {0, …, n − 1}. */
  permutation(n: number): Int32Array {
    const p = new Int32Array(n);
    for (let i = 0; i < n; i++) p[i] = i;
    this.shuffle(p);
    return p;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
