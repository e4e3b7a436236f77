/**
 * Which experiments a URL field means something for, with the words that
 * say so: a link that gives a field its experiment does not use (the
 * quadratic's κ on Rosenbrock, a window on a network) is told which
 * experiments the field belongs to instead of having it dropped silently.
 */
import { isAnalyticExperiment, isNetworkExperiment, type Experiment } from '../../workers/engine/spec/experiment';

/** The experiments a field applies to. */
export interface FieldScope {
  includes(experiment: Experiment): boolean;
  /** Completes "it applies only to …". */
  name: string;
}

/** Fields of the analytic mode (window, grid, start, function). */
export const ANALYTIC_FIELD: FieldScope = { includes: isAnalyticExperiment, name: 'analytic functions' };

/** Fields of the network mode (data set, network, schedule, slice, curvature). */
export const NETWORK_FIELD: FieldScope = { includes: isNetworkExperiment, name: 'neural networks' };

/** The quadratic's own parameters (κ and the rotation). */
export const QUADRATIC_FIELD: FieldScope = {
  includes: (experiment) => experiment.problem.kind === 'analytic' && experiment.problem.name === 'quadratic',
  name: 'the quadratic function',
};
