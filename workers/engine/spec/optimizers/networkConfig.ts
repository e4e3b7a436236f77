/**
 * Limits of the network optimizers' curvature work: how large a dense
 * curvature matrix may be, and how many conjugate-gradient iterations a step
 * may take.
 */

/** Largest P for which an optimizer forms and factorises the dense P×P curvature matrix. */
export const DENSE_CURVATURE_LIMIT = 1000;

/** Most CG iterations allowed per step. */
export const MAX_CG_ITERATIONS = 500;
