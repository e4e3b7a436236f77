/**
 * The side column of network mode: the data view and the curvature view as
 * two tabs, so the curvature of the point being looked at is one click from
 * its decision boundary.
 */
import type { ReactElement, ReactNode } from 'react';
import { appStore, useAppStore } from '../store/store';
import type { SideTab } from '../url/displayFields';
import { CurvatureView } from './CurvatureView';
import '../landscape/landscape.css';

const TABS: readonly { id: SideTab; label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'curvature', label: 'Curvature' },
];

/** The data view (`data`) and the curvature view as tabs; the data view first. The open tab is the store's (the link keeps it). */
export function DataAndCurvature({ data }: { data: ReactNode }): ReactElement {
  const tab = useAppStore((state) => state.sideTab);
  const setTab = appStore.getState().setSideTab;
  return (
    <div className="side-tabs">
      <div className="row segmented side-tab-bar" role="tablist" aria-label="Side view">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
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
