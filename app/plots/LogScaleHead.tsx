/**
 * The heading of a chart with a log-y switch: the title (with "(log scale)"
 * when the axis is logarithmic), the switch, and, when a log axis was asked
 * for but the values do not allow one, the reason it is linear.
 */
import type { ReactElement, ReactNode } from 'react';
import type { YAxisChoice } from './axisScale';

/** Props of {@link LogScaleHead}. */
export interface LogScaleHeadProps {
  title: string;
  /** Whether the switch is on (a log axis is wanted). */
  wantLog: boolean;
  onWantLog(wantLog: boolean): void;
  /** The axis drawn, from `chooseYAxis`. */
  axis: YAxisChoice;
  /** Whether the title says "(log scale)" when the axis is logarithmic. */
  namesScale?: boolean;
  testId?: string;
  /** More read-outs after the note (e.g. progress). */
  children?: ReactNode;
}

/** A chart's heading row with its log-y switch and, when the axis had to stay linear, the reason. */
export function LogScaleHead({ title, wantLog, onWantLog, axis, namesScale = true, testId, children }: LogScaleHeadProps): ReactElement {
  return (
    <div className="chart-head">
      <span>
        {title}
        {namesScale && axis.log ? ' (log scale)' : ''}
      </span>
      <label className="check">
        <input type="checkbox" checked={wantLog} onChange={(event) => onWantLog(event.target.checked)} />
        log y
      </label>
      {axis.note && (
        <span className="muted" data-testid={testId ? `${testId}-note` : undefined}>
          ({axis.note})
        </span>
      )}
      {children}
    </div>
  );
}
