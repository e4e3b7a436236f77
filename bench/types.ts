/**
 * The shape of a benchmark module: each module under bench/ exports one
 * {@link Benchmark}, and registry.ts lists them; run.ts runs every
 * registered benchmark on every requested backend.
 */
import type { BackendName } from '../workers/engine/backends/select';

/** One reported figure. */
export interface Measurement {
  /** Key in the JSON output, unique within a benchmark, e.g. "rosenbrock_256x256.batched". */
  name: string;
  value: number;
  /** "ms", "x" (a ratio), … */
  unit: string;
  /** How the figure was obtained, shown in the readable output only. */
  note?: string;
}

/** What a benchmark is told about the run. */
export interface BenchContext {
  /** The active TensorFlow.js backend (already selected and ready). */
  backend: BackendName;
  /** Emits a progress line (to stderr, so --json output stays clean). */
  log(message: string): void;
}

/** A named group of measurements. */
export interface Benchmark {
  /** Short identifier, used as the prefix of the JSON keys. */
  id: string;
  /** One line saying what is timed. */
  title: string;
  run(context: BenchContext): Promise<Measurement[]>;
}
