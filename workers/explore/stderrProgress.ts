/**
 * Progress of an exploration on a terminal's stderr: on a TTY one line
 * redrawn in place (a bar, the percentage and the phase); otherwise a line
 * when a phase begins, one at every further tenth of it, and one when it
 * ends with its time, so logs stay short.
 */
import type { ProgressSink } from './progress';

/** Where the progress goes: a writable text stream, and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const BAR_WIDTH = 24;

/** A sink printing on `stream` (see the module comment); `now` gives milliseconds. */
export function stderrProgress(stream: ProgressStream, now: () => number = () => performance.now()): ProgressSink {
  const tty = stream.isTTY === true;
  let label = '';
  let started = 0;
  let shownTenth = -1;
  let open = false;
  const percent = (done: number, total: number) => (total > 0 ? Math.min(100, Math.max(0, (100 * done) / total)) : 0);
  return {
    phase(next) {
      label = next;
      started = now();
      shownTenth = 0;
      open = true;
      stream.write(tty ? `\r\x1b[2K[${' '.repeat(BAR_WIDTH)}]   0% ${label}` : `explore: ${label}\n`);
    },
    update(done, total) {
      if (!open) return;
      const p = percent(done, total);
      if (tty) {
        const filled = Math.round((p / 100) * BAR_WIDTH);
        stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${p.toFixed(0).padStart(3)}% ${label}`);
        return;
      }
      const tenth = Math.floor(p / 10);
      if (tenth > shownTenth && tenth < 10) {
        shownTenth = tenth;
        stream.write(`explore:   ${label}: ${tenth * 10}%\n`);
      }
    },
    end(note) {
      if (!open) return;
      open = false;
      const seconds = ((now() - started) / 1000).toFixed(1);
      const line = `explore: ${label}: done in ${seconds} s${note ? ` (${note})` : ''}`;
      stream.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
    },
  };
}
