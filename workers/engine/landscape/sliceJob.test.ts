import '../testing/nodeGradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { linspace } from '../math/plane/grid';
import { fixtureObjective, loadModelFixture, type ModelFixtureName } from '../fixtures/testing/referenceVectors';
import { useTestBackend } from '../testing/backend';
import type { Plane } from '../math/plane/plane';
import { referenceSliceField } from '../fixtures/modelChecks';
import { runSliceJob, type SliceUpdate } from './sliceJob';
import { analyticEvaluator } from './testing/analyticEvaluator';

beforeAll(async () => {
  await useTestBackend();
});

/** The plane θ = (a, b) in ℝ²: centre 0, d1 = e₁, d2 = e₂, so plane coordinates are parameters. */
const axes: Plane = { centre: new Float32Array(2), d1: Float32Array.of(1, 0), d2: Float32Array.of(0, 1) };
/** A bowl with its minimum at (0.5, −0.25), a grid node of 41 points on [−1, 1]. */
const bowl = (theta: Float32Array) => (theta[0] - 0.5) ** 2 + (theta[1] + 0.25) ** 2;

describe('runSliceJob against the reference vectors', () => {
  const names: ModelFixtureName[] = ['sigmoid-2-6-1-bce', 'tanh-2-8-1-mse', 'relu-2-10-10-3-softmax', 'tanh-2-24-24-1-mse'];
  it.each(names)('reproduces the slice of %s', async (name) => {
    const fixture = loadModelFixture(name);
    const { d1, d2, alphas, betas, loss } = fixture.expected.slice;
    const nx = alphas.length;
    const ny = betas.length;
    // The reference axes are evenly spaced, as the job's are.
    linspace(alphas[0], alphas[nx - 1], nx).forEach((a, i) => expect(a).toBeCloseTo(alphas[i], 12));
    linspace(betas[0], betas[ny - 1], ny).forEach((b, j) => expect(b).toBeCloseTo(betas[j], 12));
    const objective = fixtureObjective(fixture);
    try {
      const before = tf.memory().numTensors;
      const result = await runSliceJob(objective, {
        plane: { centre: fixture.params, d1: Float32Array.from(d1), d2: Float32Array.from(d2) },
        alphaRange: [alphas[0], alphas[nx - 1]],
        betaRange: [betas[0], betas[ny - 1]],
        nx,
        ny,
      });
      // Every batched evaluation disposes its tensors.
      expect(tf.memory().numTensors).toBe(before);
      const expected = referenceSliceField(fixture.expected.slice);
      const scale = Math.max(...loss.flat().map(Math.abs));
      expected.forEach((value, k) => expect(Math.abs(result.loss[k] - value)).toBeLessThanOrEqual(1e-4 * scale));
      expect(result.accuracy === null).toBe(fixture.spec.loss === 'mse');
    } finally {
      objective.dispose();
    }
  });
});

describe('runSliceJob streaming', () => {
  it('draws a filled coarse field first, then refines it in place to the exact field', async () => {
    const evaluator = analyticEvaluator(2, bowl, 0.5);
    const updates: { stride: number; progress: number; done: number; indices: number[]; hasNaN: boolean; field: Float32Array }[] = [];
    let fieldArray: Float32Array | null = null;
    const result = await runSliceJob(
      evaluator,
      { plane: axes, alphaRange: [-1, 1], nx: 41 },
      {
        onChunk: (update: SliceUpdate) => {
          fieldArray ??= update.loss;
          expect(update.loss).toBe(fieldArray); // the same array, updated in place
          updates.push({
            stride: update.exactStride,
            progress: update.progress,
            done: update.done,
            indices: Array.from(update.indices),
            hasNaN: update.loss.some(Number.isNaN),
            field: Float32Array.from(update.loss),
          });
        },
      },
    );
    const total = 41 * 41;
    // The first chunk is the whole coarse level (stride 4 for 41 points), interpolated everywhere else.
    expect(updates[0].stride).toBe(4);
    expect(updates[0].hasNaN).toBe(false);
    for (const k of updates[0].indices) expect(k % 41 % 4 === 0 && Math.floor(k / 41) % 4 === 0).toBe(true);
    // Every grid point is evaluated exactly once, coarse to fine.
    const seen = updates.flatMap((u) => u.indices).sort((a, b) => a - b);
    expect(seen).toEqual(Array.from({ length: total }, (_, k) => k));
    for (let u = 1; u < updates.length; u++) {
      expect(updates[u].progress).toBeGreaterThan(updates[u - 1].progress);
      expect(updates[u].stride === 0 || updates[u].stride <= updates[u - 1].stride).toBe(true);
    }
    expect(updates.at(-1)!.progress).toBe(1);
    expect(updates.at(-1)!.stride).toBe(1);
    // The finished field is the loss at every point; the coarse field was exact on its sub-grid.
    const alphas = linspace(-1, 1, 41);
    for (let j = 0; j < 41; j++) {
      for (let i = 0; i < 41; i++) {
        const exact = Math.fround(bowl(Float32Array.of(alphas[i], alphas[j])));
        expect(result.loss[j * 41 + i]).toBe(exact);
        if (i % 4 === 0 && j % 4 === 0) expect(updates[0].field[j * 41 + i]).toBe(exact);
      }
    }
    expect(result.accuracy![20 * 41 + 30]).toBe(1);
    expect(result.accuracy![0]).toBe(0);
    expect(result.chunks).toBe(evaluator.calls.length);
  });

  it('gives the same field in index order as coarse to fine', async () => {
    const progressive = await runSliceJob(analyticEvaluator(2, bowl), { plane: axes, alphaRange: [-1, 1], nx: 17, ny: 9 });
    const plain = await runSliceJob(analyticEvaluator(2, bowl), { plane: axes, alphaRange: [-1, 1], nx: 17, ny: 9 }, { progressive: false });
    expect(Array.from(plain.loss)).toEqual(Array.from(progressive.loss));
  });

  it('keeps each call within the memory bound', async () => {
    const evaluator = analyticEvaluator(2, bowl);
    await runSliceJob(evaluator, { plane: axes, alphaRange: [-1, 1], nx: 21 }, { maxChunkValues: 20 });
    expect(Math.max(...evaluator.calls)).toBeLessThanOrEqual(10);
    expect(evaluator.calls.reduce((s, c) => s + c, 0)).toBe(21 * 21);
  });
});

describe('runSliceJob critical points', () => {
  it('finds the minimum of a bowl and the saddle of x² − y² in plane coordinates', async () => {
    const minimum = await runSliceJob(analyticEvaluator(2, bowl), { plane: axes, alphaRange: [-1, 1], nx: 41 });
    expect(minimum.critical.minima).toHaveLength(1);
    expect(minimum.critical.minima[0]).toMatchObject({ alpha: expect.closeTo(0.5, 12), beta: expect.closeTo(-0.25, 12), loss: 0 });
    expect(minimum.critical.saddles).toHaveLength(0);
    const saddle = await runSliceJob(
      analyticEvaluator(2, (t) => t[0] ** 2 - t[1] ** 2),
      { plane: axes, alphaRange: [-1, 1], nx: 21 },
    );
    expect(saddle.critical.saddles).toHaveLength(1);
    expect(saddle.critical.saddles[0]).toMatchObject({ alpha: expect.closeTo(0, 12), beta: expect.closeTo(0, 12) });
    expect(saddle.critical.minima).toHaveLength(0);
  });

  it('evaluates a 1-D line of 201 points by default and finds its minimum', async () => {
    const line = await runSliceJob(analyticEvaluator(2, bowl), {
      plane: { centre: Float32Array.of(0, -0.25), d1: Float32Array.of(1, 0), d2: null },
      alphaRange: [-1, 1],
    });
    expect(line.nx).toBe(201);
    expect(line.ny).toBe(1);
    expect(Array.from(line.betas)).toEqual([0]);
    expect(line.loss[150]).toBe(0); // α = 0.5
    expect(line.critical.minima.map((p) => p.alpha)).toEqual([expect.closeTo(0.5, 12)]);
  });
});

describe('runSliceJob cancellation and checks', () => {
  it('rejects with an AbortError before the next chunk once aborted', async () => {
    const evaluator = analyticEvaluator(2, bowl);
    const controller = new AbortController();
    const job = runSliceJob(
      evaluator,
      { plane: axes, alphaRange: [-1, 1], nx: 65 },
      { signal: controller.signal, onChunk: () => controller.abort() },
    );
    await expect(job).rejects.toMatchObject({ name: 'AbortError' });
    expect(evaluator.calls).toHaveLength(1);

    const idle = analyticEvaluator(2, bowl);
    await expect(runSliceJob(idle, { plane: axes, alphaRange: [-1, 1] }, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(idle.calls).toHaveLength(0);
  });

  it('refuses absurd or inconsistent requests with a clear message', async () => {
    const evaluator = analyticEvaluator(2, bowl);
    await expect(runSliceJob(evaluator, { plane: axes, alphaRange: [-1, 1], nx: 1000 })).rejects.toThrow(/nx must be an integer from 2 to 201/);
    await expect(runSliceJob(evaluator, { plane: axes, alphaRange: [-1, 1], nx: 51, ny: 0 })).rejects.toThrow(/ny/);
    await expect(runSliceJob(evaluator, { plane: axes, alphaRange: [1, 1] })).rejects.toThrow(/lo < hi/);
    await expect(runSliceJob(evaluator, { plane: axes, alphaRange: [-1, Number.NaN] })).rejects.toThrow(/finite/);
    await expect(runSliceJob(evaluator, { plane: { ...axes, d1: new Float32Array(3) }, alphaRange: [-1, 1] })).rejects.toThrow(/d1 has 3/);
    await expect(
      runSliceJob(evaluator, { plane: { ...axes, d2: null }, alphaRange: [-1, 1], nx: 5000 }),
    ).rejects.toThrow(/2 to 2001/);
    expect(evaluator.calls).toHaveLength(0);
  });
});
