/**
 * The toolbar above the controls: Share (copies the link, says how long it
 * is), Export (pictures, the surface, the mesh, the experiment file) and
 * Open (an experiment file, also by dropping it on the page).
 */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { copyText } from './copyText';
import {
  exportChartsPng,
  exportExperimentFile,
  exportSurfaceCsv,
  exportSurfaceGltf,
  exportSurfaceJson,
  exportViewPng,
} from './exportActions';
import { openExperimentFile } from './openExperimentFile';
import './share.css';

/** The entries of the Export menu, with what each writes. */
const EXPORTS: readonly { id: string; label: string; run: () => Promise<string | string[]> | string }[] = [
  { id: 'view-png-1', label: 'Landscape picture (PNG, 1×)', run: () => exportViewPng(1) },
  { id: 'view-png-2', label: 'Landscape picture (PNG, 2× for slides)', run: () => exportViewPng(2) },
  { id: 'charts-png', label: 'Charts (PNG, one file each)', run: exportChartsPng },
  { id: 'surface-csv', label: 'Surface values (CSV)', run: exportSurfaceCsv },
  { id: 'surface-json', label: 'Surface values (JSON)', run: exportSurfaceJson },
  { id: 'surface-gltf', label: 'Surface mesh with colours (glTF)', run: exportSurfaceGltf },
  { id: 'experiment', label: 'Experiment with its results (JSON, opens again)', run: exportExperimentFile },
];

type Status = { kind: 'info' | 'error'; text: string } | null;

export function ShareBar(): ReactElement {
  const [status, setStatus] = useState<Status>(null);
  const [manualLink, setManualLink] = useState<string | null>(null);
  const picker = useRef<HTMLInputElement>(null);

  const share = async () => {
    const link = window.location.href;
    const how = await copyText(link);
    setManualLink(how === null ? link : null);
    const length = `${link.length.toLocaleString('en')} characters`;
    setStatus(how === null ? { kind: 'error', text: `The browser refused to copy; select the link below (${length}).` } : { kind: 'info', text: `Link copied (${length}).` });
  };

  const runExport = async (id: string) => {
    const entry = EXPORTS.find((candidate) => candidate.id === id);
    if (!entry) return;
    try {
      const written = await entry.run();
      setStatus({ kind: 'info', text: `Saved ${[written].flat().join(', ')}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Nothing exported: ${error instanceof Error ? error.message : String(error)}.` });
    }
  };

  const open = async (file: File | undefined) => {
    if (!file) return;
    const refusal = await openExperimentFile(file);
    setStatus(refusal === null ? { kind: 'info', text: `Opened ${file.name}.` } : { kind: 'error', text: refusal });
  };

  // A file dropped anywhere on the page opens like one picked.
  useEffect(() => {
    const over = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const drop = (event: DragEvent) => {
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      void open(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);

  return (
    <div className="share-bar" role="toolbar" aria-label="Share, export and open">
      <div className="row share-buttons">
        <button type="button" data-testid="share-link" onClick={() => void share()} title="Copies the link that reproduces this page">
          Share
        </button>
        <select
          aria-label="Export"
          data-testid="export-menu"
          value=""
          onChange={(event) => {
            void runExport(event.target.value);
            event.target.value = '';
          }}
        >
          <option value="" disabled>
            Export…
          </option>
          {EXPORTS.map((entry) => (
            <option key={entry.id} value={entry.id}>
              {entry.label}
            </option>
          ))}
        </select>
        <button type="button" className="secondary" data-testid="open-file" onClick={() => picker.current?.click()} title="Opens an experiment file (or drop one on the page)">
          Open…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".json,application/json"
          data-testid="open-file-input"
          hidden
          onChange={(event) => {
            void open(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      {status && (
        <p className={`share-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="share-status">
          {status.text}
        </p>
      )}
      {manualLink && <input className="share-manual" readOnly value={manualLink} onFocus={(event) => event.target.select()} data-testid="share-manual" />}
    </div>
  );
}
