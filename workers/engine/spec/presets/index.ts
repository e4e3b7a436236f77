/** Every preset the presets menu offers, in menu order within each group. */
import { BATCH_SIZE_PRESET, EDGE_OF_STABILITY } from './networkPresets';
import { SADDLE_PRESET } from './saddlePreset';
import type { ExperimentPreset } from './types';

export type { ExperimentPreset } from './types';

/** The menu's entries: the analytic saddle comparison, then the network presets. */
export const PRESETS: readonly ExperimentPreset[] = [SADDLE_PRESET, BATCH_SIZE_PRESET, EDGE_OF_STABILITY];
