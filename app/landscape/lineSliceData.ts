/**
 * A 1-D slice as uPlot data: x = α, then the loss columns (train, and test
 * when present) and the accuracy columns (when present). Samples not yet
 * computed are NaN in the slice and become gaps (null) in the chart.
 */
import type uPlot from 'uplot';
import { chartValue } from '../plots/axisScale';
import type { ChartColumn } from '../plots/seriesData';
import type { LineSlice } from '../plots/types';

/** The quantities a slice can carry, in the order the chart's columns take. */
export type SliceQuantity = 'trainLoss' | 'testLoss' | 'trainAccuracy' | 'testAccuracy';

/** The chart's data and which quantity each y column holds. */
export interface LineSliceChartData {
  data: uPlot.AlignedData;
  quantities: SliceQuantity[];
}

/** Every quantity the slice holds: trainLoss always, the others when not null. */
export function sliceQuantities(slice: LineSlice): SliceQuantity[] {
  const optional: SliceQuantity[] = ['testLoss', 'trainAccuracy', 'testAccuracy'];
  return ['trainLoss', ...optional.filter((quantity) => slice[quantity] !== null)];
}

/**
 * One column per quantity of {@link sliceQuantities}, value at α_i or null
 * where it is not finite; with `logLoss`, losses the log axis cannot place
 * (≤ 0, or outside its range: {@link chartValue}) are null as well.
 */
export function lineSliceData(slice: LineSlice, logLoss = false): LineSliceChartData {
  const quantities = sliceQuantities(slice);
  const count = slice.alphas.length;
  const columns = quantities.map((quantity): ChartColumn => {
    const values = slice[quantity]!;
    const log = logLoss && (quantity === 'trainLoss' || quantity === 'testLoss');
    const column: ChartColumn = new Array(count);
    for (let i = 0; i < count; i++) column[i] = chartValue(values[i], log);
    return column;
  });
  return { data: [slice.alphas, ...columns] as unknown as uPlot.AlignedData, quantities };
}

/** The marks inside [α_first, α_last], to be drawn as vertical lines (others would fall off the plot). */
export function visibleMarks(slice: LineSlice): LineSlice['marks'] {
  const count = slice.alphas.length;
  if (count === 0) return [];
  const lo = Math.min(slice.alphas[0], slice.alphas[count - 1]);
  const hi = Math.max(slice.alphas[0], slice.alphas[count - 1]);
  return slice.marks.filter((mark) => mark.alpha >= lo && mark.alpha <= hi);
}
