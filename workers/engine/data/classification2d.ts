/**
 * Two-dimensional classification data sets, in the spirit of the classic
 * teaching examples: spiral arms, concentric rings, XOR quadrants, Gaussian
 * blobs and two moons. Inputs lie roughly in [−1.5, 1.5]², so no feature
 * scaling is needed. Classes are balanced and shuffled (see `balancedLabels`),
 * and noise is isotropic Gaussian, N(0, noise²·I), added to each point.
 */
import { Rng } from '../math/rng';
import { balancedLabels, classificationDataset } from './labels';
import type { Dataset } from './types';
import {
  BLOBS_OPTIONS, CIRCLES_OPTIONS, MOONS_OPTIONS, SPIRAL_OPTIONS, XOR_OPTIONS, resolveOptions,
} from '../spec/datasets';

const FEATURES_2D = ['x₁', 'x₂'];

/**
 * A data set `name` of n 2-D points in balanced, shuffled classes: point i
 * of class c lies at `place(c, rng)` plus N(0, noise²·I). Each point's
 * draws come in one order, `place`'s first and then the noise's (x₁, x₂).
 */
function pointClasses(
  name: string,
  { n, classes, noise }: { n: number; classes: number; noise: number },
  seed: number,
  classNames: string[],
  place: (label: number, rng: Rng) => [number, number],
): Dataset {
  const rng = Rng.derive(seed, `dataset:${name}`);
  const labels = balancedLabels(n, classes, rng);
  const x = new Float32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [px, py] = place(labels[i], rng);
    x[2 * i] = px + noise * rng.normal();
    x[2 * i + 1] = py + noise * rng.normal();
  }
  return classificationDataset(x, 2, labels, classNames, FEATURES_2D);
}

function numbered(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, c) => `${prefix} ${c + 1}`);
}

/** Options of `makeSpiral`; any left out take their defaults from `SPIRAL_OPTIONS`. */
export type SpiralOptions = { n?: number; classes?: number; turns?: number; noise?: number };

/**
 * Interleaved spiral arms, one per class. A point of class c at arm position
 * t ~ U[0, 1) has radius r = t and angle φ = 2π·turns·t + 2πc/C, so the arms
 * are rotated copies of one Archimedean spiral, 1/(turns·C) apart radially.
 */
export function makeSpiral(options: SpiralOptions, seed: number): Dataset {
  const { n, classes, turns, noise } = resolveOptions('spiral', SPIRAL_OPTIONS, options);
  return pointClasses('spiral', { n, classes, noise }, seed, numbered('arm', classes), (label, rng) => {
    const t = rng.uniform();
    const angle = 2 * Math.PI * (turns * t + label / classes);
    return [t * Math.cos(angle), t * Math.sin(angle)];
  });
}

/** Options of `makeCircles`; any left out take their defaults from `CIRCLES_OPTIONS`. */
export type CirclesOptions = { n?: number; classes?: number; noise?: number };

/**
 * Concentric rings, one per class: class c lies on the circle of radius
 * (c + 1)/C at a uniformly random angle (for two classes, radii ½ and 1).
 */
export function makeCircles(options: CirclesOptions, seed: number): Dataset {
  const { n, classes, noise } = resolveOptions('circles', CIRCLES_OPTIONS, options);
  return pointClasses('circles', { n, classes, noise }, seed, numbered('ring', classes), (label, rng) => {
    const radius = (label + 1) / classes;
    const angle = 2 * Math.PI * rng.uniform();
    return [radius * Math.cos(angle), radius * Math.sin(angle)];
  });
}

/** Options of `makeXor`; any left out take their defaults from `XOR_OPTIONS`. */
export type XorOptions = { n?: number; margin?: number; noise?: number };

/**
 * XOR of the signs: points fill the four quadrants of [−1, 1]² with a band
 * of half-width `margin` around both axes left empty (|x₁|, |x₂| ~ U[margin, 1]);
 * class 0 where sign(x₁) = sign(x₂), class 1 where they differ. Noise is added
 * after labelling, so it can carry a point across an axis.
 */
export function makeXor(options: XorOptions, seed: number): Dataset {
  const { n, margin, noise } = resolveOptions('xor', XOR_OPTIONS, options);
  return pointClasses('xor', { n, classes: 2, noise }, seed, ['same sign', 'opposite signs'], (label, rng) => {
    const signX = rng.rademacher();
    const signY = label === 0 ? signX : -signX;
    const px = signX * rng.uniformIn(margin, 1);
    return [px, signY * rng.uniformIn(margin, 1)];
  });
}

/** Options of `makeBlobs`; any left out take their defaults from `BLOBS_OPTIONS`. */
export type BlobsOptions = { n?: number; classes?: number; noise?: number };

/**
 * Gaussian blobs: class c is N(μ_c, noise²·I) with centres evenly spaced on
 * the unit circle, μ_c = (cos 2πc/k, sin 2πc/k).
 */
export function makeBlobs(options: BlobsOptions, seed: number): Dataset {
  const { n, classes, noise } = resolveOptions('blobs', BLOBS_OPTIONS, options);
  return pointClasses('blobs', { n, classes, noise }, seed, numbered('blob', classes), (label) => {
    const angle = (2 * Math.PI * label) / classes;
    return [Math.cos(angle), Math.sin(angle)];
  });
}

/** Options of `makeMoons`; any left out take their defaults from `MOONS_OPTIONS`. */
export type MoonsOptions = { n?: number; noise?: number };

/** Offset that centres the two moons' bounding box [−1, 2] × [−0.5, 1] on the origin. */
export const MOONS_SHIFT: readonly [number, number] = [0.5, 0.25];

/**
 * Two interleaving half circles of radius 1, with t ~ U[0, π]: class 0 (upper)
 * at (cos t, sin t), class 1 (lower) at (1 − cos t, ½ − sin t), both then
 * shifted by −`MOONS_SHIFT` so the pair is centred on the origin.
 */
export function makeMoons(options: MoonsOptions, seed: number): Dataset {
  const { n, noise } = resolveOptions('moons', MOONS_OPTIONS, options);
  return pointClasses('moons', { n, classes: 2, noise }, seed, ['upper moon', 'lower moon'], (label, rng) => {
    const t = Math.PI * rng.uniform();
    const upper = label === 0;
    const px = upper ? Math.cos(t) : 1 - Math.cos(t);
    const py = upper ? Math.sin(t) : 0.5 - Math.sin(t);
    return [px - MOONS_SHIFT[0], py - MOONS_SHIFT[1]];
  });
}
