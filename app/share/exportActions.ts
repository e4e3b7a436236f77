/**
 * The page's exports, each a download: the 3-D view as PNG (1× or 2×), each
 * chart as PNG, the surface as CSV (app/export's writer) and JSON, the
 * surface mesh with its vertex colours as glTF (three.js's exporter), and
 * the experiment file. Each returns the file name written, or throws an
 * Error that says why nothing was written.
 */
import type { Mesh } from 'three';
import { GLTFExporter } from 'three/examples/jsm/exporters/GLTFExporter.js';
import { surfaceCsv } from '../export/csv';
import { formatJson } from '../export/results';
import { captureScenePng, currentScene, surfaceObject } from '../scene/sceneCapture';
import { SCENE_BACKGROUND } from '../scene/Scene3D';
import { appStore } from '../store/store';
import { downloadFile } from './downloadFile';
import { experimentFileToJson } from './experimentFile';
import { experimentFileOf, shownSurface } from './pageResults';

/** The charts a page can show, by test id, with the file name each exports to. */
export const CHARTS: readonly { testId: string; file: string }[] = [
  { testId: 'loss-chart', file: 'loss-chart.png' },
  { testId: 'training-curves', file: 'training-curves.png' },
  { testId: 'sharpness-chart', file: 'sharpness-chart.png' },
  { testId: 'line-slice-chart', file: 'line-slice-chart.png' },
  { testId: 'spectrum-chart', file: 'spectrum-chart.png' },
];

const pngOf = (canvas: HTMLCanvasElement): Promise<Blob> =>
  new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the picture as PNG'))), 'image/png'));

/** The 3-D view (or the contour map) as PNG at `scale` pixels per CSS pixel. */
export async function exportViewPng(scale: 1 | 2): Promise<string> {
  const name = `landscape-${scale}x.png`;
  const scene = currentScene();
  if (scene !== null) {
    downloadFile(name, await captureScenePng(scene, scale));
    return name;
  }
  const contour = document.querySelector<HTMLCanvasElement>('[data-testid="landscape-view"] canvas');
  if (contour === null) throw new Error('there is no landscape on screen to export');
  downloadFile(name, await pngOf(scaledCopy(contour, scale)));
  return name;
}

/** `canvas` drawn on an opaque background at `scale` times its CSS size (charts have transparent backgrounds). */
function scaledCopy(canvas: HTMLCanvasElement, scale: number): HTMLCanvasElement {
  const box = canvas.getBoundingClientRect();
  const copy = document.createElement('canvas');
  copy.width = Math.max(1, Math.round(box.width * scale));
  copy.height = Math.max(1, Math.round(box.height * scale));
  const context = copy.getContext('2d');
  if (context === null) throw new Error('the browser gave no 2-D canvas to draw the copy on');
  context.fillStyle = SCENE_BACKGROUND;
  context.fillRect(0, 0, copy.width, copy.height);
  context.drawImage(canvas, 0, 0, copy.width, copy.height);
  return copy;
}

/** Every chart on screen as PNG, one file each; the names written. */
export async function exportChartsPng(): Promise<string[]> {
  const written: string[] = [];
  for (const chart of CHARTS) {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${chart.testId}"] canvas`);
    if (canvas === null || canvas.width === 0) continue;
    downloadFile(chart.file, await pngOf(scaledCopy(canvas, window.devicePixelRatio || 1)));
    written.push(chart.file);
  }
  if (written.length === 0) throw new Error('there is no chart on screen to export');
  return written;
}

/** The surface on screen, or an Error saying there is none. */
function surfaceOrThrow() {
  const surface = shownSurface(appStore.getState());
  if (surface === null) throw new Error('there is no surface yet: wait for it, or compute a 2-D slice');
  return surface;
}

/** The surface as CSV: x, y (α, β on a slice) and the value, one grid point a row (index j·nx + i). */
export function exportSurfaceCsv(): string {
  downloadFile('surface.csv', surfaceCsv({ surface: surfaceOrThrow() })!, 'text/csv');
  return 'surface.csv';
}

/** The surface as JSON (the results document's `surface` object). */
export function exportSurfaceJson(): string {
  downloadFile('surface.json', `${formatJson(surfaceOrThrow())}\n`, 'application/json');
  return 'surface.json';
}

/** The surface mesh, placed as on screen (y up), with its vertex colours, as glTF 2.0 JSON. */
export async function exportSurfaceGltf(): Promise<string> {
  const scene = currentScene();
  const mesh = scene && (surfaceObject(scene) as Mesh | null);
  if (!mesh) throw new Error('the glTF export needs the 3-D view with a surface on screen');
  // A copy that carries the plane group's rotation, so the file stands up as the view does.
  mesh.updateWorldMatrix(true, false);
  const placed = mesh.clone();
  placed.matrixAutoUpdate = false;
  placed.matrix.copy(mesh.matrixWorld);
  const gltf = await new GLTFExporter().parseAsync(placed, { binary: false, onlyVisible: true });
  downloadFile('surface.gltf', JSON.stringify(gltf), 'model/gltf+json');
  return 'surface.gltf';
}

/** The experiment with everything on screen, as the file the page opens again. */
export function exportExperimentFile(): string {
  const file = experimentFileOf(appStore.getState(), new Date().toISOString());
  const kind = file.experiment.problem.kind === 'analytic' ? file.experiment.problem.name : 'network';
  const name = `experiment-${kind}.json`;
  downloadFile(name, experimentFileToJson(file), 'application/json');
  return name;
}
