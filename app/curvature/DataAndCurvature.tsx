/**
 * The side column of network mode: the data view and the curvature view as
 * two tabs, so the curvature of the point being looked at is one click from
 * its decision boundary.
 */
import { useState, type ReactElement, type ReactNode } from 'react';
import { CurvatureView } from './CurvatureView';
import '../landscape/landscape.css';

type Tab = 'data' | 'curvature';

const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'curvature', label: 'Curvature' },
];

/** The data view (`data`) and the curvature view as tabs; the data view first. */
export function DataAndCurvature({ data }: { data: ReactNode }): ReactElement {
  const [tab, setTab] = useState<Tab>('data');
  return (
    <div className="side-tabs">
      <div className="row segmented side-tab-bar" role="tablist" aria-label="Side view">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
            aria-pressed={tab === entry.id}
            data-testid={`side-tab-${entry.id}`}
            onClick={() => setTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      <div role="tabpanel">{tab === 'data' ? data : <CurvatureView />}</div>
    </div>
  );
}
