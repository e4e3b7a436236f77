/**
 * Every SVG figure the results have, in a fixed order: the contour map
 * (surface or plane slice with the paths and markers), the loss curves,
 * the line slice, and the curvature spectrum.
 */
import { existingFiles, type ExportFile } from '../csv';
import type { ResultsDocument } from '../results';
import { contourFigure } from './contourFigure';
import { lineSliceFigure, lossCurvesFigure } from './curvesFigure';
import { spectrumFigure } from './spectrumFigure';

/** The figures of `results` as files (see the module comment). */
export function svgFiles(results: ResultsDocument): ExportFile[] {
  return existingFiles([
    ['contour.svg', contourFigure(results)],
    ['loss-curves.svg', lossCurvesFigure(results)],
    ['line.svg', lineSliceFigure(results)],
    ['spectrum.svg', spectrumFigure(results)],
  ]);
}
