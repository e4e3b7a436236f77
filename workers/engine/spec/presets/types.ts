/**
 * A preset: a named, ready-made experiment that shows one idea (a saddle
 * point, small versus large batches, the edge of stability). Choosing it
 * replaces the experiment; the URL then shares it like any other.
 */
import type { Experiment } from '../experiment';

/** One entry of the presets menu. */
export interface ExperimentPreset {
  /** Stable identifier (the menu's option value and test id). */
  id: string;
  /** The menu's text. */
  label: string;
  /** One sentence on what to watch for, shown as the option's tooltip. */
  description: string;
  /** The menu group it is listed under. */
  group: 'Analytic functions' | 'Neural networks';
  /** A fresh experiment (callers may edit it). */
  build(): Experiment;
}
