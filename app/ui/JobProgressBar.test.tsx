import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { cancelsOnKey, estimateText, jobStatusText, progressPercent } from './jobProgress';
import { JobProgressBar } from './JobProgressBar';
import type { JobProgress } from '../plots/types';

const running: JobProgress = { label: 'Hessian spectrum', fraction: 0.426, state: 'running' };

describe('job progress text', () => {
  it('rounds and clamps the percentage, null when unknown', () => {
    expect(progressPercent(0.426)).toBe(43);
    expect(progressPercent(1.2)).toBe(100);
    expect(progressPercent(-0.1)).toBe(0);
    expect(progressPercent(null)).toBeNull();
  });

  it('says the state in words with the message', () => {
    expect(jobStatusText(running)).toBe('43%');
    expect(jobStatusText({ ...running, fraction: null })).toBe('working…');
    expect(jobStatusText({ ...running, state: 'failed', message: 'out of memory' })).toBe('failed: out of memory');
    expect(jobStatusText({ ...running, state: 'cancelled' })).toBe('cancelled');
  });

  it('gives the estimate only when there is one', () => {
    expect(estimateText({ ...running, estimateSeconds: 12 })).toBe('about 12 s');
    expect(estimateText(running)).toBeNull();
  });

  it('cancels on Escape only while running', () => {
    expect(cancelsOnKey('Escape', running)).toBe(true);
    expect(cancelsOnKey('Enter', running)).toBe(false);
    expect(cancelsOnKey('Escape', { ...running, state: 'done' })).toBe(false);
  });
});

describe('JobProgressBar', () => {
  it('renders a progress bar with its value, the estimate and a Cancel button', () => {
    const html = renderToStaticMarkup(<JobProgressBar job={{ ...running, estimateSeconds: 600 }} onCancel={() => undefined} />);
    expect(html).toContain('role="progressbar"');
    expect(html).toContain('aria-valuenow="43"');
    expect(html).toContain('width:43%');
    expect(html).toContain('about 10 min');
    expect(html).toMatch(/<button[^>]*>Cancel<\/button>/);
  });

  it('shows an indeterminate bar without a value when the fraction is unknown', () => {
    const html = renderToStaticMarkup(<JobProgressBar job={{ ...running, fraction: null }} onCancel={() => undefined} />);
    expect(html).toContain('indeterminate');
    expect(html).not.toContain('aria-valuenow');
    expect(html).toContain('working…');
  });

  it('replaces the Cancel button by the outcome when the job has ended', () => {
    const html = renderToStaticMarkup(<JobProgressBar job={{ ...running, state: 'failed', message: 'no backend' }} onCancel={() => undefined} />);
    expect(html).toContain('data-state="failed"');
    expect(html).toContain('failed: no backend');
    expect(html).not.toContain('Cancel');
  });
});
