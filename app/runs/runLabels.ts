/** Display names of runs, for legends, cards and messages: the pure layer's, which the engine's messages use too. */
export { batchLabel, runLabels } from '../../workers/engine/spec/runLabels';
