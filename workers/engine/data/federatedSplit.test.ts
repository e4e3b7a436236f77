import { describe, expect, it } from 'vitest';
import { makeBlobs } from './classification2d';
import { federatedSplit, largestRemainderCounts } from './federatedSplit';
import { labelsOf } from './labels';
import { makeSine } from './regression';

const data = makeBlobs({ n: 300, classes: 3 }, 1);

/** Every row of the data set exactly once over the clients, each client's rows carried over intact. */
function expectPartition(split: ReturnType<typeof federatedSplit>, n: number) {
  const all = split.rows.flatMap((rows) => Array.from(rows)).sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
  split.clients.forEach((client, k) => {
    expect(client.n).toBe(split.rows[k].length);
    split.rows[k].forEach((row, r) => expect(client.x[2 * r + 1]).toBe(data.x[2 * row + 1]));
  });
}

/** Mean over clients of the total-variation distance between the client's label shares and the global ones. */
function labelSkew(split: ReturnType<typeof federatedSplit>): number {
  const { labelCounts, classes } = split;
  const counts = labelCounts as Int32Array;
  const clients = counts.length / classes;
  let total = 0;
  for (let k = 0; k < clients; k++) {
    const size = split.rows[k].length;
    for (let c = 0; c < classes; c++) total += 0.5 * Math.abs(counts[k * classes + c] / size - 1 / classes);
  }
  return total / clients;
}

describe('federatedSplit', () => {
  it('iid: a seeded partition into parts whose sizes differ by at most one', () => {
    const split = federatedSplit(data, 7, { kind: 'iid' }, 3);
    expectPartition(split, 300);
    const sizes = split.rows.map((rows) => rows.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(federatedSplit(data, 7, { kind: 'iid' }, 3).rows).toEqual(split.rows);
    expect(federatedSplit(data, 7, { kind: 'iid' }, 4).rows).not.toEqual(split.rows);
    // The label counts are those of the rows each client holds.
    const labels = labelsOf(data);
    split.rows.forEach((rows, k) => {
      for (let c = 0; c < 3; c++) expect(split.labelCounts?.[k * 3 + c]).toBe(Array.from(rows).filter((row) => labels[row] === c).length);
    });
  });

  it('dirichlet: every class shared out in full, every client with at least minSamples rows', () => {
    const split = federatedSplit(data, 5, { kind: 'dirichlet', alpha: 0.3 }, 2, { minSamples: 4 });
    expectPartition(split, 300);
    split.rows.forEach((rows) => expect(rows.length).toBeGreaterThanOrEqual(4));
    for (let c = 0; c < 3; c++) {
      let total = 0;
      for (let k = 0; k < 5; k++) total += split.labelCounts?.[k * 3 + c] ?? 0;
      expect(total).toBe(100);
    }
  });

  it('dirichlet: small α skews the labels far more than large α, for every seed; huge α is nearly even', () => {
    for (const seed of [0, 1, 2, 3, 4]) {
      const skewed = labelSkew(federatedSplit(data, 4, { kind: 'dirichlet', alpha: 0.05 }, seed));
      const mild = labelSkew(federatedSplit(data, 4, { kind: 'dirichlet', alpha: 100 }, seed));
      expect(skewed).toBeGreaterThan(3 * mild);
      // α = 10⁶: shares within about ±0.002 of ¼, so each class's 100 rows give 25 ± 1 per client.
      const even = federatedSplit(data, 4, { kind: 'dirichlet', alpha: 1e6 }, seed);
      even.labelCounts?.forEach((count) => expect(Math.abs(count - 25)).toBeLessThanOrEqual(1));
    }
  });

  it('rejects label skew without labels, bad α and more clients than rows allow', () => {
    expect(() => federatedSplit(makeSine({ n: 40 }, 1), 2, { kind: 'dirichlet', alpha: 1 }, 0)).toThrow(/regression/);
    expect(federatedSplit(makeSine({ n: 40 }, 1), 2, { kind: 'iid' }, 0).labelCounts).toBeNull();
    expect(() => federatedSplit(data, 3, { kind: 'dirichlet', alpha: 0 }, 0)).toThrow(/α/);
    expect(() => federatedSplit(data, 65, { kind: 'iid' }, 0)).toThrow(/clients/);
    expect(() => federatedSplit(data, 10, { kind: 'iid' }, 0, { minSamples: 31 })).toThrow(/rows/);
  });
});

describe('largestRemainderCounts', () => {
  it('rounds shares to integer counts that sum to the total, each within one of its quota', () => {
    const shares = [0.333, 0.333, 0.334];
    const counts = largestRemainderCounts(shares, 10);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(10);
    counts.forEach((c, k) => expect(Math.abs(c - shares[k] * 10)).toBeLessThan(1));
    expect(Array.from(counts)).toEqual([3, 3, 4]);
  });
});
