/**
 * The results of the browser benchmarks as they travel from the page's
 * worker to `npm run bench`: a {@link BrowserBenchReport} per backend,
 * flattened into the same `{ "<backend>.<figure>": { value, unit } }`
 * records as the Node benchmarks' JSON output.
 */
import type { Measurement } from '../types';

/** The backends the browser benchmark page measures (chosen by its `?backend=` query). */
export type BrowserBenchBackend = 'webgl' | 'webgpu' | 'wasm';

/** Every page backend, in the order `npm run bench` runs them by default first. */
export const BROWSER_BENCH_BACKENDS: readonly BrowserBenchBackend[] = ['webgl', 'webgpu', 'wasm'];

/** One figure in the JSON output. */
export interface BenchRecord {
  value: number;
  unit: string;
}

/** Figures keyed by their full name, e.g. "webgl.slice65.batched_ms". */
export type BenchRecords = Record<string, BenchRecord>;

/** What the page's worker reports for one backend. */
export interface BrowserBenchReport {
  /** The backend asked for in the page's query. */
  requested: BrowserBenchBackend;
  /** `tf.getBackend()` after selection and again after the measurements (they must agree with `requested`). */
  backend: string;
  /** The unmasked WebGL renderer string (e.g. "… SwiftShader …"), or a note saying why there is none. */
  renderer: string;
  /** The WebGPU adapter's vendor, architecture and description when measuring webgpu, else null. */
  adapter: string | null;
  measurements: Measurement[];
}

/** True when `name` is a backend the page can measure. */
export function isBrowserBenchBackend(name: string): name is BrowserBenchBackend {
  return (BROWSER_BENCH_BACKENDS as readonly string[]).includes(name);
}

/**
 * The measurements as records named `<backend>.<measurement name>`.
 * Throws on a repeated name: two figures must never silently overwrite one another.
 */
export function prefixedRecords(backend: string, measurements: readonly Measurement[]): BenchRecords {
  const records: BenchRecords = {};
  for (const { name, value, unit } of measurements) {
    const key = `${backend}.${name}`;
    if (key in records) throw new Error(`The benchmark reported "${key}" twice`);
    records[key] = { value, unit };
  }
  return records;
}

/** Copies `source` into `target` (returned); throws if a key is already there. */
export function mergeRecords(target: BenchRecords, source: BenchRecords): BenchRecords {
  for (const [key, record] of Object.entries(source)) {
    if (key in target) throw new Error(`Two benchmarks reported "${key}"`);
    target[key] = record;
  }
  return target;
}

function isMeasurement(value: unknown): value is Measurement {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    typeof m.name === 'string' &&
    typeof m.value === 'number' &&
    typeof m.unit === 'string' &&
    (m.note === undefined || typeof m.note === 'string')
  );
}

/**
 * Checks what came back from the page (plain JSON, so untyped) and that the
 * backend it ran on is the one requested; throws with the reason otherwise.
 */
export function checkedReport(value: unknown, requested: BrowserBenchBackend): BrowserBenchReport {
  if (typeof value !== 'object' || value === null) throw new Error('The benchmark page returned no report');
  const report = value as Record<string, unknown>;
  if (report.requested !== requested) throw new Error(`The page measured "${String(report.requested)}", not "${requested}"`);
  if (typeof report.backend !== 'string' || typeof report.renderer !== 'string') {
    throw new Error('The report lacks its backend or renderer');
  }
  if (report.backend !== requested) {
    throw new Error(`TensorFlow.js ran on "${report.backend}" although "${requested}" was requested`);
  }
  if (report.adapter !== null && typeof report.adapter !== 'string') throw new Error('The report’s adapter is malformed');
  if (!Array.isArray(report.measurements) || !report.measurements.every(isMeasurement)) {
    throw new Error('The report’s measurements are malformed');
  }
  return {
    requested,
    backend: report.backend,
    renderer: report.renderer,
    adapter: report.adapter,
    measurements: report.measurements,
  };
}

/** A renderer or adapter name that means the "GPU" is emulated on the CPU. */
const SOFTWARE_DEVICE = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|fallback adapter/i;

/** How a report's figures were rendered, for its heading and the JSON flag. */
export interface Rendering {
  /** True when the backend's device is a software rasteriser (SwiftShader, llvmpipe, a fallback WebGPU adapter, …). */
  software: boolean;
  /** "software-rendered: <device>" or "GPU: <device>". */
  label: string;
}

/**
 * The device the report's backend ran on: the WebGPU adapter for webgpu,
 * the WebGL renderer for webgl; wasm runs on the CPU by design.
 */
export function renderingOf(report: BrowserBenchReport): Rendering {
  if (report.requested === 'wasm') return { software: false, label: 'CPU (WebAssembly)' };
  const device = report.requested === 'webgpu' && report.adapter !== null ? `${report.adapter}; WebGL renderer ${report.renderer}` : report.renderer;
  // WebGPU does not draw through WebGL: its own adapter decides.
  const software = SOFTWARE_DEVICE.test(report.requested === 'webgpu' && report.adapter !== null ? report.adapter : report.renderer);
  return { software, label: `${software ? 'software-rendered' : 'GPU'}: ${device}` };
}

/**
 * The report's records: its measurements under `<backend>.`, plus
 * `<backend>.software_rendered` (1 or 0) so a reader of the JSON alone can
 * tell emulated-GPU figures from real ones.
 */
export function reportRecords(report: BrowserBenchReport): BenchRecords {
  const records = prefixedRecords(report.backend, report.measurements);
  return mergeRecords(records, { [`${report.backend}.software_rendered`]: { value: renderingOf(report).software ? 1 : 0, unit: 'flag' } });
}
