/**
 * The curvature read-outs as rows of text: what each number is and its
 * value to 4 significant digits, "—" where it was not computed.
 */
import { formatPercent, formatSignificant, MISSING } from '../ui/format';
import type { CurvatureReadouts } from '../plots/types';

/** One row of the read-out table. */
export interface ReadoutRow {
  /** What the value is, e.g. "λmax". */
  label: string;
  /** A longer explanation for the row's tooltip. */
  title: string;
  value: string;
}

/** "e ± s (method)" for a trace estimate e with standard error s, or "—". */
export function formatTrace(trace: CurvatureReadouts['trace']): string {
  if (!trace) return MISSING;
  return `${formatSignificant(trace.estimate)} ± ${formatSignificant(trace.standardError)} (${trace.method})`;
}

/** "lanczos 38 · power 120 (158 in all)" for the products per estimate; "—" when none is recorded. */
export function formatProducts(products: Record<string, number>): string {
  const entries = Object.entries(products);
  if (entries.length === 0) return MISSING;
  const total = entries.reduce((sum, [, count]) => sum + count, 0);
  const list = entries.map(([name, count]) => `${name} ${count}`).join(' · ');
  return entries.length > 1 ? `${list} (${total} in all)` : list;
}

/**
 * The rows in display order: λmax, λmin, condition number |λmax/λmin|,
 * fraction of negative eigenvalues, trace, the Rayleigh quotient
 * dᵀHd/dᵀd along each named direction, ‖S‖_F/‖H‖_F, and the products used.
 */
export function readoutRows(readouts: CurvatureReadouts): ReadoutRow[] {
  return [
    { label: 'λmax', title: 'largest eigenvalue (sharpness)', value: formatSignificant(readouts.lambdaMax) },
    { label: 'λmin', title: 'smallest eigenvalue (negative at a saddle)', value: formatSignificant(readouts.lambdaMin) },
    { label: 'condition |λmax/λmin|', title: 'ratio of the extreme eigenvalues', value: formatSignificant(readouts.conditionNumber) },
    { label: 'negative eigenvalues', title: 'fraction of eigenvalues below zero (saddle index / P)', value: formatPercent(readouts.negativeFraction) },
    { label: 'trace', title: 'sum of the eigenvalues ± standard error (estimator)', value: formatTrace(readouts.trace) },
    ...readouts.along.map((direction) => ({
      label: `along ${direction.label}`,
      title: `curvature dᵀHd / dᵀd along ${direction.label}`,
      value: formatSignificant(direction.value),
    })),
    { label: '‖S‖ / ‖H‖', title: 'Frobenius norm of the remainder S = H − G relative to the Hessian', value: formatSignificant(readouts.remainderShare) },
    { label: 'products', title: 'Hessian-vector products used by each estimate', value: formatProducts(readouts.products) },
  ];
}
