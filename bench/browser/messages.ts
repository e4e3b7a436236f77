/** The messages between the benchmark page and its worker. */
import type { BrowserBenchBackend, BrowserBenchReport } from './records';

/** Page → worker: measure on this backend. */
export interface BenchRequest {
  backend: BrowserBenchBackend;
  /** Slice 65×65 and 129×129 both ways whatever the backend's plan says (slow on software-rendered backends). */
  full: boolean;
}

/** Worker → page: a progress line, the finished report, or the failure. */
export type BenchReply =
  | { kind: 'progress'; message: string }
  | { kind: 'done'; report: BrowserBenchReport }
  | { kind: 'error'; message: string };
