import { describe, expect, it } from 'vitest';
import { stderrProgress } from './stderrProgress';

describe('stderrProgress', () => {
  it('prints a phase, each further tenth once, and the end with its time, when stderr is not a terminal', () => {
    let text = '';
    let clock = 0;
    const sink = stderrProgress({ write: (chunk: string) => (text += chunk) }, () => clock);
    sink.phase('training');
    for (let done = 1; done <= 40; done++) sink.update(done, 40);
    clock = 1500;
    sink.end('all good');
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('explore: training');
    expect(lines.slice(1, -1)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90].map((p) => `explore:   training: ${p}%`));
    expect(lines.at(-1)).toBe('explore: training: done in 1.5 s (all good)');
  });

  it('redraws one line with a bar on a terminal', () => {
    let text = '';
    const sink = stderrProgress({ write: (chunk: string) => (text += chunk), isTTY: true }, () => 0);
    sink.phase('slice');
    sink.update(1, 2);
    sink.end();
    expect(text).toContain(`\r\x1b[2K[${'#'.repeat(12)}${' '.repeat(12)}]  50% slice`);
    expect(text.endsWith('explore: slice: done in 0.0 s\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
  });
});
