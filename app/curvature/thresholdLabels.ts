/**
 * Where the sharpness chart writes the names of its threshold lines
 * ("2/η = 20 (…)"): inside the plot, clear of the axes around it and of
 * each other, each next to its own line. Pure geometry in the canvas's
 * pixels, so it is tested without a canvas.
 *
 * Each label is right-aligned at the plot's right edge (inset by `pad`),
 * just above its line, or just below it where the line runs too close to
 * the plot's top. A label that would overlap one placed before it tries,
 * in turn, the left end on the same side of the line, then the right and
 * left ends on the other side, then moves clear of the labels it hits
 * (below them, else above). One with no room at all is left out: the line
 * is still drawn and the chart's legend and description name it.
 */

/** A rectangle in canvas pixels, y down. */
export interface LabelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One line's label: the line's pixel height and its texts, longest first, with their measured widths. */
export interface LabelRequest {
  y: number;
  texts: readonly { text: string; width: number }[];
}

/** Where one label goes: the text chosen (the first that fits across the plot) and its box; null when there was no room. */
export type LabelPlacement = { text: string; box: LabelBox } | null;

/** Spacing of the placement, in canvas pixels. */
export interface LabelSpacing {
  /** Height of a label's box. */
  height: number;
  /** Gap between a label's box and its line, and between two boxes. */
  gap: number;
  /** Inset of every box from the plot's edges. */
  pad: number;
}

function overlaps(a: LabelBox, b: LabelBox, gap: number): boolean {
  return a.left < b.left + b.width + gap && b.left < a.left + a.width + gap && a.top < b.top + b.height + gap && b.top < a.top + a.height + gap;
}

/**
 * Boxes for the labels of threshold lines at heights `requests[k].y` in
 * `plot`, in the order of `requests` (see the module comment). A line
 * outside the plot's height gets null, as does a label with no room left.
 * Every box returned lies inside the plot inset by `pad` and overlaps no
 * other box (with `gap` to spare); a text wider than the plot is clipped to
 * its width by the caller.
 */
export function placeThresholdLabels(requests: readonly LabelRequest[], plot: LabelBox, spacing: LabelSpacing): LabelPlacement[] {
  const { height, gap, pad } = spacing;
  const innerLeft = plot.left + pad;
  const innerRight = plot.left + plot.width - pad;
  const innerTop = plot.top + pad;
  const innerBottom = plot.top + plot.height - pad;
  const available = innerRight - innerLeft;
  const placed: LabelBox[] = [];
  const fits = (box: LabelBox) => box.top >= innerTop && box.top + box.height <= innerBottom;
  const free = (box: LabelBox) => fits(box) && placed.every((other) => !overlaps(box, other, gap));

  const result: LabelPlacement[] = requests.map(() => null);
  // Top to bottom, so that the moves below go the same way for every chart.
  const order = requests.map((_, k) => k).sort((a, b) => requests[a].y - requests[b].y);
  for (const k of order) {
    const { y, texts } = requests[k];
    if (!(y >= plot.top && y <= plot.top + plot.height) || texts.length === 0 || available <= 0 || innerBottom - innerTop < height) continue;
    const choice = texts.find((candidate) => candidate.width <= available) ?? texts[texts.length - 1];
    const width = Math.min(choice.width, available);
    const above = y - gap - height;
    const below = y + gap;
    const sides = above >= innerTop ? [above, below] : [below, above];
    const slots: LabelBox[] = sides.flatMap((top) => [
      { left: innerRight - width, top, width, height },
      { left: innerLeft, top, width, height },
    ]);
    let box = slots.find(free);
    if (!box) {
      // Clear of every placed label it hits: just below the lowest of them, else just above the highest.
      const preferred = slots[0];
      const hit = placed.filter((other) => overlaps(preferred, other, gap));
      const under = { ...preferred, top: Math.max(...hit.map((other) => other.top + other.height)) + gap };
      const over = { ...preferred, top: Math.min(...hit.map((other) => other.top)) - gap - height };
      box = [under, over].find(free);
    }
    if (!box) continue;
    placed.push(box);
    result[k] = { text: choice.text, box };
  }
  return result;
}
