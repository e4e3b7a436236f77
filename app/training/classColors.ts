/**
 * Colours of the data view: one distinct hue per class for the points, and
 * the prediction field's background as that hue mixed into a dark neutral by
 * how confident the network is. A binary problem is the two-class case of the
 * same rule, which makes it a diverging map of p(class 1) with the neutral
 * colour exactly at the decision boundary p = 0.5.
 */

/** sRGB components 0–255. */
export type Rgb = readonly [number, number, number];

/**
 * Class colours, chosen to be told apart on the dark theme and on a
 * projector: orange and blue first (the two-class case), then hues spread
 * around the wheel. Classes beyond the list reuse it cyclically.
 */
export const CLASS_COLORS: readonly string[] = [
  '#f59e3b', // orange
  '#4aa3ff', // blue
  '#5ccf6e', // green
  '#e466d4', // magenta
  '#f2d649', // yellow
  '#3fd1c7', // teal
  '#ff6b6b', // red
  '#a98bff', // violet
  '#c8a37a', // tan
  '#b5e35a', // lime
];

/** Background where the network is undecided (confidence 1/K): the panel colour, slightly lifted. */
export const NEUTRAL_RGB: Rgb = [0x1d, 0x22, 0x29];

/** Largest share of the class colour in the background, so points in the class colour stay visible on it. */
export const MAX_TINT = 0.5;

/** Parses '#rrggbb' into 0–255 components. */
export function parseHexColor(hex: string): Rgb {
  const packed = Number.parseInt(hex.slice(1, 7), 16);
  return [(packed >> 16) & 255, (packed >> 8) & 255, packed & 255];
}

const CLASS_RGB: readonly Rgb[] = CLASS_COLORS.map(parseHexColor);

/** CSS colour of class k (k ≥ 0; classes repeat the palette cyclically). */
export function classColor(classIndex: number): string {
  return CLASS_COLORS[wrapClass(classIndex)];
}

/** Components of class k's colour. */
export function classRgb(classIndex: number): Rgb {
  return CLASS_RGB[wrapClass(classIndex)];
}

function wrapClass(classIndex: number): number {
  const k = Math.trunc(classIndex);
  return ((k % CLASS_COLORS.length) + CLASS_COLORS.length) % CLASS_COLORS.length;
}

/**
 * How strongly the background shows the predicted class: confidence c of
 * the predicted class among K classes rescaled from [1/K, 1] to [0, 1],
 * s = (c − 1/K)/(1 − 1/K), clamped; NaN gives 0.
 */
export function confidenceStrength(confidence: number, classCount: number): number {
  const chance = 1 / Math.max(2, classCount);
  const strength = (confidence - chance) / (1 - chance);
  return Number.isNaN(strength) ? 0 : Math.min(1, Math.max(0, strength));
}

/**
 * Writes the background colour for class k at strength s ∈ [0, 1] as RGB
 * (0–255) to out[offset..offset+2]: neutral + (class − neutral)·s·MAX_TINT.
 */
export function tintedClassPixel(classIndex: number, strength: number, out: Uint8ClampedArray | number[], offset = 0): void {
  const rgb = classRgb(classIndex);
  const share = Math.min(1, Math.max(0, strength)) * MAX_TINT;
  for (let c = 0; c < 3; c++) out[offset + c] = NEUTRAL_RGB[c] + (rgb[c] - NEUTRAL_RGB[c]) * share;
}

/**
 * The binary diverging map: for p = p(class 1), class 1's tint at strength
 * 2p − 1 when p ≥ 0.5, class 0's at 1 − 2p below; neutral at p = 0.5.
 */
export function binaryPixel(probabilityOfOne: number, out: Uint8ClampedArray | number[], offset = 0): void {
  if (probabilityOfOne >= 0.5) tintedClassPixel(1, 2 * probabilityOfOne - 1, out, offset);
  else if (probabilityOfOne < 0.5) tintedClassPixel(0, 1 - 2 * probabilityOfOne, out, offset);
  else tintedClassPixel(0, 0, out, offset); // NaN: undecided
}

/**
 * p(class 1) from the field's (predicted class, its probability) pair:
 * c when class 1 is predicted, 1 − c when class 0 is.
 */
export function probabilityOfOne(predictedClass: number, confidence: number): number {
  return predictedClass >= 0.5 ? confidence : 1 - confidence;
}
