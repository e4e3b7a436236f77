import { describe, expect, it } from 'vitest';
import { curvatureTargetOptions, targetOf, targetValue } from './curvatureTargets';

describe('the curvature view’s "At" choices', () => {
  const runs = [
    { id: 'o1', label: 'Gradient descent, batch 8' },
    { id: 'o2', label: 'Gradient descent, full batch' },
  ];

  it('name the runs by their labels, never by their ids', () => {
    const options = curvatureTargetOptions(runs, 'o2', false);
    expect(options.map((option) => option.label)).toEqual([
      'selected run (Gradient descent, full batch), latest',
      'Gradient descent, batch 8 (latest)',
      'Gradient descent, full batch (latest)',
    ]);
    expect(options.map((option) => option.label).join(' ')).not.toMatch(/\bo[12]\b/);
  });

  it('offer the clicked point only when there is one, and read back the target of each value', () => {
    const options = curvatureTargetOptions(runs, null, true);
    expect(options[0].label).toBe('selected run, latest');
    expect(options.at(-1)).toEqual({ value: 'probe', label: 'clicked point' });
    for (const option of options) expect(targetValue(targetOf(option.value))).toBe(option.value);
  });
});
