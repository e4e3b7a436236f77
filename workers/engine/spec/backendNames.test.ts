import { describe, expect, it } from 'vitest';
import { forcedBackend, hrefWithBackend } from './backendNames';

describe('the page’s backend choice', () => {
  it('sets or removes ?backend= and keeps the other parameters and the experiment in the hash', () => {
    const page = 'http://example.test/app/?lang=en#p=network&o=sgd,id:gd';
    const wasm = hrefWithBackend(page, 'wasm');
    expect(wasm).toBe('http://example.test/app/?lang=en&backend=wasm#p=network&o=sgd,id:gd');
    expect(forcedBackend(new URL(wasm).search)).toBe('wasm');
    const cpu = hrefWithBackend(wasm, 'cpu');
    expect(forcedBackend(new URL(cpu).search)).toBe('cpu');
    expect(new URL(cpu).hash).toBe('#p=network&o=sgd,id:gd');
    expect(hrefWithBackend(cpu, null)).toBe(page);
  });
});
