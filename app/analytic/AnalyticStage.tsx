/**
 * The landscape in the middle of the page: the scene's LandscapeView fed from
 * the store, at the step the scrubber shows. A click on the surface or the
 * map moves the start point.
 */
import { useCallback, useMemo, type ReactElement } from 'react';
import { StageLandscape } from '../scene/StageLandscape';
import { selectField, selectMarkers, selectPaths, selectView, selectWindow } from '../store/selectors';
import { appStore, useAppStore } from '../store/store';
import { pathsAtStep } from './shownPaths';
import { useCameraBinding } from '../share/useCameraBinding';

/**
 * `value` rounded to a thousandth of the window's `span` (well below a pixel),
 * so a picked start point reads and shares as a short number.
 */
export function roundToSpan(value: number, span: number): number {
  const step = 10 ** Math.floor(Math.log10(span / 1000));
  return Number((Math.round(value / step) * step).toPrecision(12));
}

export function AnalyticStage({ resetViewToken }: { resetViewToken: number }): ReactElement {
  const field = useAppStore(selectField);
  const camera = useCameraBinding();
  const allPaths = useAppStore(selectPaths);
  const shownStep = useAppStore((state) => state.shownStep);
  // The scrubber's step: the paths and their current points stop there.
  const paths = useMemo(() => pathsAtStep(allPaths, shownStep), [allPaths, shownStep]);
  const markers = useAppStore(selectMarkers);
  const view = useAppStore(selectView);
  const plane = useAppStore(selectWindow);

  const onPick = useCallback(
    (x: number, y: number) => {
      appStore.getState().setStart(roundToSpan(x, plane.xMax - plane.xMin), roundToSpan(y, plane.yMax - plane.yMin));
    },
    [plane],
  );

  return (
    <StageLandscape shown={{ field, paths, markers, view, camera }} onPick={onPick} resetViewToken={resetViewToken} emptyMessage="Computing the surface…" />
  );
}
