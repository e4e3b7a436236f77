/** The curvature read-outs as a compact two-column table (quantity, value). */
import type { ReactElement } from 'react';
import { readoutRows } from './readoutRows';
import type { CurvatureReadouts as CurvatureReadoutValues } from '../plots/types';
import '../plots/plots.css';

/** Props of {@link CurvatureReadouts}. */
export interface CurvatureReadoutsProps {
  readouts: CurvatureReadoutValues;
  /** What the numbers are of, e.g. "Hessian at step 300". */
  caption?: string;
}

/** λmax, λmin, condition number, negative fraction, trace, directional curvatures, ‖S‖/‖H‖ and products, to 4 significant digits. */
export function CurvatureReadouts({ readouts, caption }: CurvatureReadoutsProps): ReactElement {
  return (
    <table className="curvature-readouts" data-testid="curvature-readouts">
      {caption && <caption>{caption}</caption>}
      <tbody>
        {readoutRows(readouts).map((row) => (
          <tr key={row.label} title={row.title}>
            <th scope="row">{row.label}</th>
            <td>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
