import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CurvatureReadouts } from './CurvatureReadouts';
import { formatBudget, formatProducts, formatTrace, readoutRows } from './readoutRows';
import type { CurvatureReadouts as CurvatureReadoutValues } from '../plots/types';

const empty: CurvatureReadoutValues = {
  lambdaMax: null,
  lambdaMin: null,
  conditionNumber: null,
  negativeFraction: null,
  trace: null,
  along: [],
  remainderShare: null,
  products: {},
};

const computed: CurvatureReadoutValues = {
  lambdaMax: 41.23456,
  lambdaMin: -0.0123456,
  conditionNumber: 3340.01,
  negativeFraction: 0.1875,
  trace: { estimate: 152.345, standardError: 3.21, method: 'Hutch++' },
  along: [
    { label: 'd₁', value: 0.5 },
    { label: 'd₂', value: 1.25e-6 },
  ],
  remainderShare: 0.0421,
  products: { lanczos: 38, power: 120 },
};

describe('readoutRows', () => {
  it('formats every value to 4 significant digits in a fixed order', () => {
    const rows = readoutRows(computed);
    expect(rows.map((row) => [row.label, row.value])).toEqual([
      ['λmax', '41.23'],
      ['λmin', '-0.01235'],
      ['condition |λmax/λmin|', '3340'],
      ['negative eigenvalues', '18.8%'],
      ['trace', '152.3 ± 3.21 (Hutch++)'],
      ['along d₁', '0.5'],
      ['along d₂', '1.25e-6'],
      ['‖S‖ / ‖H‖', '0.0421'],
      ['products', 'lanczos 38 · power 120 (158 in all)'],
    ]);
  });

  it('shows a dash for everything not computed', () => {
    const values = readoutRows(empty).map((row) => row.value);
    expect(values).toEqual(['—', '—', '—', '—', '—', '—', '—']);
    expect(formatTrace(null)).toBe('—');
    expect(formatProducts({ power: 20 })).toBe('power 20');
  });
});

describe('readoutRows with error bars', () => {
  it('shows every estimate with its ± and the density with the budget it used', () => {
    const rows = readoutRows({
      ...computed,
      lambdaMaxError: 1.3e-5,
      lambdaMinError: 2.5e-7,
      negativeFractionError: 0.012,
      hutchinson: { estimate: 150.1, standardError: 9.87, method: 'Hutchinson, budget spent' },
      density: { mean: 0.02704, standardError: 0.000142, products: 512, budget: 2000, stop: 'tolerance' },
    });
    const value = (label: string) => rows.find((row) => row.label === label)?.value;
    expect(value('λmax')).toBe('41.23 ± 1.3e-5');
    expect(value('λmin')).toBe('-0.01235 ± 2.5e-7');
    expect(value('negative eigenvalues')).toBe('18.8% ± 1.2%');
    expect(value('trace (Hutchinson)')).toBe('150.1 ± 9.87 (Hutchinson, budget spent)');
    expect(value('density mean')).toBe('0.02704 ± 1.4e-4');
    expect(value('density budget')).toBe('512 of 2000 products (requested error reached)');
    expect(formatBudget(null)).toBe('—');
  });
});

describe('CurvatureReadouts', () => {
  it('renders a table with a header cell per quantity and the caption', () => {
    const html = renderToStaticMarkup(<CurvatureReadouts readouts={computed} caption="Hessian at step 300" />);
    expect(html).toContain('<caption>Hessian at step 300</caption>');
    expect(html.match(/<th scope="row">/g)?.length).toBe(9);
    expect(html).toContain('<td>41.23</td>');
  });
});
