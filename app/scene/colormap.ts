/**
 * Perceptually uniform colour maps as piecewise-linear ramps between equally
 * spaced anchor colours, plus lookup tables for per-vertex and per-pixel use.
 *
 * The anchors are samples of the published matplotlib maps (viridis and magma
 * at t = 0, 0.1, …, 1; cividis at t = 0, 1/9, …, 1). Interpolating linearly in
 * sRGB between them stays within a few 1/255 steps of the full 256-entry maps,
 * which is below what the eye separates on a shaded surface.
 */
import type { ColormapName } from './types';

/** Every colour map the scene can draw with, in menu order. */
export const COLORMAP_NAMES: readonly ColormapName[] = ['viridis', 'magma', 'cividis'];

const ANCHORS_HEX: Record<ColormapName, readonly string[]> = {
  viridis: [
    '#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c',
    '#22a884', '#44bf70', '#7ad151', '#bddf26', '#fde725',
  ],
  magma: [
    '#000004', '#140e36', '#3b0f70', '#641a80', '#8c2981', '#b73779',
    '#de4968', '#f7705c', '#fe9f6d', '#fecf92', '#fcfdbf',
  ],
  cividis: [
    '#00224e', '#123570', '#3b496c', '#575d6d', '#707173',
    '#8a8678', '#a59c74', '#c3b369', '#e1cc55', '#fee838',
  ],
};

/** sRGB components in [0, 1] used for values that are NaN or ±∞ (a neutral grey, outside every map's hue range). */
export const NON_FINITE_SRGB: readonly [number, number, number] = [0.55, 0.55, 0.55];

/** Parses '#rrggbb' into sRGB components in [0, 1]. */
function parseHex(hex: string): [number, number, number] {
  const packed = Number.parseInt(hex.slice(1), 16);
  return [((packed >> 16) & 255) / 255, ((packed >> 8) & 255) / 255, (packed & 255) / 255];
}

/** Anchors as flat sRGB triples, parsed once per map. */
const anchorCache = new Map<ColormapName, Float64Array>();
function anchorsOf(name: ColormapName): Float64Array {
  let anchors = anchorCache.get(name);
  if (!anchors) {
    const hexes = ANCHORS_HEX[name];
    anchors = new Float64Array(hexes.length * 3);
    hexes.forEach((hex, k) => anchors!.set(parseHex(hex), 3 * k));
    anchorCache.set(name, anchors);
  }
  return anchors;
}

/**
 * Colour of the map at t, written as sRGB components in [0, 1] to
 * `out[offset..offset+2]`. With anchors c_0…c_{n−1} at t_k = k/(n−1), the colour is
 * c_k + (c_{k+1} − c_k)·(t(n−1) − k) for k = ⌊t(n−1)⌋; t is clamped to [0, 1] and a
 * NaN t gives {@link NON_FINITE_SRGB}.
 */
export function sampleColormap(name: ColormapName, t: number, out: Float32Array | number[], offset = 0): void {
  if (Number.isNaN(t)) {
    out[offset] = NON_FINITE_SRGB[0];
    out[offset + 1] = NON_FINITE_SRGB[1];
    out[offset + 2] = NON_FINITE_SRGB[2];
    return;
  }
  const anchors = anchorsOf(name);
  const segments = anchors.length / 3 - 1;
  const position = Math.min(Math.max(t, 0), 1) * segments;
  const k = Math.min(Math.floor(position), segments - 1);
  const fraction = position - k;
  for (let c = 0; c < 3; c++) {
    const lo = anchors[3 * k + c];
    const hi = anchors[3 * (k + 1) + c];
    out[offset + c] = lo + (hi - lo) * fraction;
  }
}

/**
 * sRGB transfer function inverted: the linear-light value of an sRGB component
 * c ∈ [0, 1] is c/12.92 for c ≤ 0.04045, else ((c + 0.055)/1.055)^2.4. Three.js
 * expects vertex colours in linear light, so the surface converts before writing.
 */
export function srgbToLinear(component: number): number {
  return component <= 0.04045 ? component / 12.92 : Math.pow((component + 0.055) / 1.055, 2.4);
}

/** A colour map tabulated at `size` equally spaced t: entry e holds the colour at t = e/(size − 1). */
export interface ColormapLut {
  /** RGB triples, 3·size numbers in [0, 1]. */
  readonly rgb: Float32Array;
  readonly size: number;
  /** Colour for NaN and ±∞ values, in the same colour space as `rgb`. */
  readonly nonFinite: readonly [number, number, number];
}

/**
 * Tabulates a map at `size` points (default 256). With `linear = true` every
 * component is converted by {@link srgbToLinear} (for three.js vertex colours);
 * otherwise the table is in sRGB (for canvas pixels and CSS).
 */
export function createColormapLut(name: ColormapName, size = 256, linear = false): ColormapLut {
  const rgb = new Float32Array(3 * size);
  for (let e = 0; e < size; e++) sampleColormap(name, size === 1 ? 0 : e / (size - 1), rgb, 3 * e);
  const nonFinite: [number, number, number] = [NON_FINITE_SRGB[0], NON_FINITE_SRGB[1], NON_FINITE_SRGB[2]];
  if (linear) {
    for (let k = 0; k < rgb.length; k++) rgb[k] = srgbToLinear(rgb[k]);
    for (let c = 0; c < 3; c++) nonFinite[c] = srgbToLinear(nonFinite[c]);
  }
  return { rgb, size, nonFinite };
}

/**
 * Nearest-entry lookup: writes the table's colour for t (entry round(t·(size − 1)),
 * t clamped to [0, 1]) to `out[offset..offset+2]`; a NaN t gives the non-finite colour.
 */
export function lookupColormap(lut: ColormapLut, t: number, out: Float32Array | Uint8ClampedArray | number[], offset = 0, scale = 1): void {
  if (Number.isNaN(t)) {
    out[offset] = lut.nonFinite[0] * scale;
    out[offset + 1] = lut.nonFinite[1] * scale;
    out[offset + 2] = lut.nonFinite[2] * scale;
    return;
  }
  const entry = Math.round(Math.min(Math.max(t, 0), 1) * (lut.size - 1));
  out[offset] = lut.rgb[3 * entry] * scale;
  out[offset + 1] = lut.rgb[3 * entry + 1] * scale;
  out[offset + 2] = lut.rgb[3 * entry + 2] * scale;
}

/** CSS 'rgb(r g b)' of the map at t (sRGB, 0–255). */
export function colormapCss(name: ColormapName, t: number): string {
  const rgb = [0, 0, 0];
  sampleColormap(name, t, rgb);
  return `rgb(${Math.round(rgb[0] * 255)} ${Math.round(rgb[1] * 255)} ${Math.round(rgb[2] * 255)})`;
}

/**
 * A CSS linear-gradient reproducing the map from t = 0 at the start of
 * `direction`'s axis to t = 1 at its end ('to top' puts t = 1 at the top).
 * One stop per anchor is exact, because the map is linear between anchors.
 */
export function colormapGradientCss(name: ColormapName, direction = 'to top'): string {
  const count = ANCHORS_HEX[name].length;
  const stops = ANCHORS_HEX[name].map((hex, k) => `${hex} ${((100 * k) / (count - 1)).toFixed(2)}%`);
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}
