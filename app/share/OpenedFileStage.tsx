/**
 * An opened experiment file, shown as saved in place of the live stage:
 * its surface (or slice) with the paths and marked points, seen from the
 * saved camera, and a table of every run's last saved values. Nothing is
 * recomputed: the numbers are the file's. "Open live" loads the file's link
 * (which computes it again); "Close" returns to the live stage.
 */
import { useMemo, useState, type ReactElement } from 'react';
import { StageLandscape } from '../scene/StageLandscape';
import type { HeightField, MarkerView, PathView } from '../scene/types';
import type { CameraPose } from '../url/displayFields';
import { appStore, useAppStore } from '../store/store';
import type { ExperimentFile } from './experimentFile';
import { formatLoss } from '../ui/format';

const numberOrNaN = (value: number | null): number => (value === null ? NaN : value);

/** The file's surface as the scene draws it. */
function fieldOf(file: ExperimentFile): HeightField | null {
  const surface = file.surface;
  if (surface === null) return null;
  const x = surface.x.values;
  const y = surface.y.values;
  return {
    nx: surface.nx,
    ny: surface.ny,
    window: { xMin: x[0], xMax: x[x.length - 1], yMin: y[0], yMax: y[y.length - 1] },
    values: Float32Array.from(surface.values, numberOrNaN),
    version: 1,
  };
}

function pathsOf(file: ExperimentFile): PathView[] {
  return file.paths.map((path) => ({
    id: path.id,
    label: path.label,
    color: path.color,
    points: Float64Array.from(path.points.flat()),
    losses: Float64Array.from(path.losses, numberOrNaN),
    length: path.points.length,
    status: 'done',
    version: 1,
  }));
}

const markersOf = (file: ExperimentFile): MarkerView[] => file.markers.map((marker) => ({ kind: marker.kind, x: marker.x, y: marker.y }));

/** The last non-null value of `values`, or null. */
function lastValue(values: readonly (number | null)[]): number | null {
  for (let k = values.length - 1; k >= 0; k--) if (values[k] !== null) return values[k];
  return null;
}

/** The opened file's stage (renders nothing when no file is open). */
export function OpenedFileStage(): ReactElement | null {
  const opened = useAppStore((state) => state.openedFile);
  const file = opened?.file ?? null;
  const field = useMemo(() => (file ? fieldOf(file) : null), [file]);
  const paths = useMemo(() => (file ? pathsOf(file) : []), [file]);
  const markers = useMemo(() => (file ? markersOf(file) : []), [file]);
  const [pose, setPose] = useState<CameraPose | null>(null);
  const camera = useMemo(() => ({ pose: pose ?? file?.display.camera ?? null, onChange: setPose }), [pose, file]);
  if (opened === null || file === null) return null;
  const { view } = file.experiment;
  const axisLabels = file.surface?.of === 'slice' ? (['α (d1)', 'β (d2)'] as const) : (['x', 'y'] as const);
  const close = () => appStore.getState().setOpenedFile(null);
  const openLive = () => {
    close();
    window.location.hash = file.link;
  };

  return (
    <main className="stage opened-file" data-testid="opened-file" data-surface-points={file.surface?.values.length ?? 0}>
      <div className="message info opened-file-banner" role="status">
        <span>
          Showing <strong>{opened.name}</strong> as saved {file.savedAt.slice(0, 19).replace('T', ' ')} UTC
          {file.backend ? ` (computed on ${file.backend})` : ''}: nothing is recomputed.
        </span>
        <span className="row">
          <button type="button" data-testid="opened-file-live" onClick={openLive} title="Opens the file's link, which computes the experiment again">
            Open live
          </button>
          <button type="button" className="secondary" data-testid="opened-file-close" onClick={close}>
            Close
          </button>
        </span>
      </div>
      <div className="scene">
        <StageLandscape
          shown={{ field, paths, markers, view, camera }}
          onPick={() => undefined}
          resetViewToken={0}
          axisLabels={axisLabels}
          emptyMessage="This file holds no surface"
        />
      </div>
      <div className="opened-file-runs">
        <table data-testid="opened-file-runs">
          <thead>
            <tr>
              <th>Run</th>
              <th>Points</th>
              <th>Last loss on the path</th>
              <th>Last train loss</th>
              <th>Last test loss</th>
            </tr>
          </thead>
          <tbody>
            {[...new Set([...file.paths.map((p) => p.id), ...file.curves.map((c) => c.id)])].map((id) => {
              const path = file.paths.find((candidate) => candidate.id === id);
              const curves = file.curves.find((candidate) => candidate.id === id);
              return (
                <tr key={id}>
                  <td style={{ color: (path ?? curves)!.color }}>{(path ?? curves)!.label}</td>
                  <td>{path?.points.length ?? '—'}</td>
                  <td>{formatLoss(path && lastValue(path.losses))}</td>
                  <td>{formatLoss(curves && lastValue(curves.trainLoss))}</td>
                  <td>{formatLoss(curves && lastValue(curves.testLoss))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </main>
  );
}
