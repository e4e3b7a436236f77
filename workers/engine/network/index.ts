/** Neural-network problems: the serialisable description, initialisation, weight decay and building. */
export {
  DEFAULT_NETWORK_PROBLEM,
  INIT_SCHEMES,
  lossForTask,
  NETWORK_LIMITS,
  networkProblem,
  networkProblemErrors,
  networkShape,
  validateNetworkProblem,
  type InitScheme,
  type NetworkInit,
  type NetworkProblem,
  type NetworkShape,
} from './problem';
export { initialParams, initVariance } from './initialization';
export { l2Penalty, RegularizedObjective, type NetworkObjective } from './regularizedObjective';
export { buildNetwork, type BuiltNetwork } from './build';
