/**
 * A uPlot chart living in a container element: built when `optionsKey`
 * changes (series set, colours, axis types), resized with its container, and
 * given new data in place (at most once per animation frame) when `dataKey`
 * changes, without being rebuilt.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** Smallest chart height in CSS pixels, for a container not laid out yet. */
const MIN_HEIGHT = 80;

/** Size of the container's content box, with a floor on the height. */
function sizeOf(container: HTMLElement): { width: number; height: number } {
  return { width: Math.max(1, container.clientWidth), height: Math.max(MIN_HEIGHT, container.clientHeight) };
}

/**
 * Keeps a uPlot chart in `container`. `makeOptions` and `data` are read from
 * the latest render; options are applied only when `optionsKey` changes,
 * data when `dataKey` changes. Returns a ref to the chart (null when none).
 */
export function useUplot(
  container: RefObject<HTMLDivElement | null>,
  makeOptions: (width: number, height: number) => uPlot.Options,
  data: uPlot.AlignedData,
  optionsKey: string,
  dataKey: string,
): RefObject<uPlot | null> {
  const chartRef = useRef<uPlot | null>(null);
  const latest = useRef({ makeOptions, data });
  const frameRef = useRef<number | null>(null);
  // Refreshed after every render, before the effects below read it.
  useLayoutEffect(() => {
    latest.current = { makeOptions, data };
  });

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const { width, height } = sizeOf(element);
    const chart = new uPlot(latest.current.makeOptions(width, height), latest.current.data, element);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.setSize(sizeOf(element)));
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      chartRef.current = null;
    };
  }, [container, optionsKey]);

  useEffect(() => {
    if (frameRef.current !== null) return;
    frameRef.current = requestAnimationFrame(() => {
      frameRef.current = null;
      // The data of the latest render, which may be newer than the one that scheduled this frame.
      chartRef.current?.setData(latest.current.data);
    });
  }, [dataKey]);

  useEffect(
    () => () => {
      if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
      // A remount (React's strict mode) must be able to schedule frames again.
      frameRef.current = null;
    },
    [],
  );
  return chartRef;
}
