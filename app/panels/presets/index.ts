/** Every preset the presets menu offers, in menu order within each group. */
import { SADDLE_PRESET } from './saddlePreset';
import type { ExperimentPreset } from './types';

export type { ExperimentPreset } from './types';

export const PRESETS: readonly ExperimentPreset[] = [SADDLE_PRESET];
