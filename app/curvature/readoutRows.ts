/**
 * The curvature read-outs as rows of text: what each number is and its
 * value to 4 significant digits, every estimate with its ± (standard error,
 * or Lanczos' error bar), "—" where it was not computed.
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

/** "v ± e" (e to 2 significant digits) when the error is known, else "v"; "—" for no value. */
export function formatWithError(value: number | null | undefined, error: number | null | undefined): string {
  if (value === null || value === undefined) return MISSING;
  if (error === null || error === undefined) return formatSignificant(value);
  return `${formatSignificant(value)} ± ${formatSignificant(error, 2)}`;
}

/** "e ± s (method)" for a trace estimate e with standard error s, or "—". */
export function formatTrace(trace: CurvatureReadouts['trace']): string {
  if (!trace) return MISSING;
  return `${formatSignificant(trace.estimate)} ± ${formatSignificant(trace.standardError)} (${trace.method})`;
}

/** How an estimate ended, in words: the requested accuracy, the budget, exact, or a fixed probe count. */
const STOP_WORDS: Record<string, string> = {
  tolerance: 'requested error reached',
  budget: 'budget spent',
  exact: 'exact',
  fixed: 'fixed probes',
};

/** The words for a stop reason (the reason itself when unknown). */
export function stopWords(stop: string): string {
  return STOP_WORDS[stop] ?? stop;
}

/** "512 of 2000 products (requested error reached)" for the density's budget; "—" when none. */
export function formatBudget(density: CurvatureReadouts['density']): string {
  if (!density) return MISSING;
  return `${density.products} of ${density.budget} products (${stopWords(density.stop)})`;
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
 * fraction of negative eigenvalues, trace (Hutch++, then Hutchinson when
 * given), the density's mean and budget (when given), the Rayleigh quotient
 * dᵀHd/dᵀd along each named direction, ‖S‖_F/‖H‖_F, and the products used.
 */
export function readoutRows(readouts: CurvatureReadouts): ReadoutRow[] {
  const negative =
    readouts.negativeFractionError === null || readouts.negativeFractionError === undefined || readouts.negativeFraction === null
      ? formatPercent(readouts.negativeFraction)
      : `${formatPercent(readouts.negativeFraction)} ± ${formatPercent(readouts.negativeFractionError, 2)}`;
  return [
    { label: 'λmax', title: 'largest eigenvalue (sharpness) ± its Lanczos error bar', value: formatWithError(readouts.lambdaMax, readouts.lambdaMaxError) },
    { label: 'λmin', title: 'smallest eigenvalue (negative at a saddle) ± its Lanczos error bar', value: formatWithError(readouts.lambdaMin, readouts.lambdaMinError) },
    { label: 'condition |λmax/λmin|', title: 'ratio of the extreme eigenvalues', value: formatSignificant(readouts.conditionNumber) },
    { label: 'negative eigenvalues', title: 'fraction of eigenvalues below zero (saddle index / P) ± the standard error of the density probes', value: negative },
    { label: 'trace', title: 'sum of the eigenvalues ± standard error (estimator)', value: formatTrace(readouts.trace) },
    ...(readouts.hutchinson
      ? [{ label: 'trace (Hutchinson)', title: 'plain Hutchinson estimate ± standard error', value: formatTrace(readouts.hutchinson) }]
      : []),
    ...(readouts.density
      ? [
          { label: 'density mean', title: 'mean of the SLQ density, tr / P, ± standard error', value: formatWithError(readouts.density.mean, readouts.density.standardError) },
          { label: 'density budget', title: 'products the density used of those it was allowed, and why it stopped', value: formatBudget(readouts.density) },
        ]
      : []),
    ...readouts.along.map((direction) => ({
      label: `along ${direction.label}`,
      title: `curvature dᵀHd / dᵀd along ${direction.label}`,
      value: formatSignificant(direction.value),
    })),
    { label: '‖S‖ / ‖H‖', title: 'Frobenius norm of the remainder S = H − G relative to the Hessian', value: formatSignificant(readouts.remainderShare) },
    { label: 'products', title: 'Hessian-vector products used by each estimate', value: formatProducts(readouts.products) },
  ];
}
