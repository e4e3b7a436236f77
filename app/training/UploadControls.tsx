/**
 * The data panel's part for data of one's own: "Open CSV…" (a file
 * picker; a .csv dropped on the data panel opens the same way, see
 * `useCsvOpening`), what the opened file came to, and, for a link that names
 * uploaded rows the page does not hold, the notice that it needs the file.
 */
import { useRef, useState, type DragEvent, type ReactElement } from 'react';
import { CSV_LIMITS } from '../../workers/engine/spec/csvDataset';
import { appStore, useAppStore } from '../store/store';
import { openCsvFile, type CsvOpenOutcome } from './openCsvFile';

/** The data panel's handlers for a file dragged onto it. */
export interface CsvDrop {
  onDragOver(event: DragEvent): void;
  onDrop(event: DragEvent): void;
}

/** The file picker, the notice of missing rows and the last outcome; `open` also serves the panel's drop. */
export function UploadControls({ outcome, open }: { outcome: CsvOpenOutcome | null; open(file: File): void }): ReactElement {
  const picker = useRef<HTMLInputElement>(null);
  const missing = useAppStore((state) => state.missingUpload);
  const pick = () => picker.current?.click();
  return (
    <div className="upload-controls">
      {missing && (
        <div className="message warning" role="alert" data-testid="csv-missing">
          <span>
            This link trains on an uploaded CSV file ({missing.rows.toLocaleString('en')} rows, content hash {missing.hash}) that a link cannot carry.
            Open that file to train on it; until then another data set is shown.
          </span>{' '}
          <button type="button" onClick={pick} data-testid="csv-missing-open">
            Open the CSV file…
          </button>
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="secondary"
          onClick={pick}
          data-testid="csv-open"
          title={`Two numeric feature columns and a label or target column, header optional, at most ${CSV_LIMITS.maxRows.toLocaleString('en')} rows (or drop the file on this panel)`}
        >
          Open CSV…
        </button>
        <input
          ref={picker}
          type="file"
          accept=".csv,text/csv"
          hidden
          data-testid="csv-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) open(file);
            event.target.value = '';
          }}
        />
      </div>
      {outcome && (
        <p className={`note upload-${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'} data-testid="csv-status">
          {outcome.text}
        </p>
      )}
    </div>
  );
}

/**
 * The state of the upload controls: the last outcome, `open` for a file,
 * and the drop handlers for the panel. A dropped file stops here, so the
 * page's own drop (which opens experiment files) does not see it.
 */
export function useCsvOpening(): { outcome: CsvOpenOutcome | null; open(file: File): void; drop: CsvDrop } {
  const [outcome, setOutcome] = useState<CsvOpenOutcome | null>(null);
  const open = (file: File) => void openCsvFile(file, appStore).then(setOutcome);
  const drop: CsvDrop = {
    onDragOver: (event) => {
      if (event.dataTransfer.types.includes('Files')) event.preventDefault();
    },
    onDrop: (event) => {
      const file = event.dataTransfer.files[0];
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      open(file);
    },
  };
  return { outcome, open, drop };
}
