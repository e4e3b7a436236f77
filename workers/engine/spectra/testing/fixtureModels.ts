/**
 * For tests (Node only): the small networks of the shared reference
 * vectors (`shared/fixtures`, beside the repository) as MLP objectives, with
 * the float64 quantities they were checked against, and a tiny synthetic
 * problem for tests that need no reference values.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../model/dataset';
import { MlpObjective } from '../../model/objective';
import type { MlpSpec } from '../../model/spec';
import { Rng } from '../../rng';

/** The model fixtures used by the tests, smallest first. */
export type FixtureName = 'sigmoid-2-6-1-bce' | 'tanh-2-8-1-mse' | 'relu-2-10-10-3-softmax' | 'tanh-2-24-24-1-mse';

/** The parts of a model fixture the tests read (see shared/fixtures/README.md). */
export interface ModelFixture {
  spec: MlpSpec;
  params: Float32Array;
  data: Dataset;
  expected: {
    loss: number;
    hessianEigenvalues: number[];
    hessianTrace: number;
    gaussNewtonEigenvalues: number[];
    slice: { d1: number[]; d2: number[]; alphas: number[]; betas: number[]; loss: number[][] };
  };
}

interface FixtureJson {
  model: MlpSpec;
  params: number[];
  data: { x: number[][]; y: (number | number[])[] };
  expected: ModelFixture['expected'];
}

/** Reads `shared/fixtures/<name>.json`. */
export function loadFixture(name: FixtureName): ModelFixture {
  const url = new URL(`../../../../../shared/fixtures/${name}.json`, import.meta.url);
  const json = JSON.parse(readFileSync(fileURLToPath(url), 'utf8')) as FixtureJson;
  const { layers, loss } = json.model;
  const x = json.data.x;
  const y =
    loss === 'softmax_ce'
      ? Int32Array.from(json.data.y as number[])
      : Float32Array.from(json.data.y.flatMap((target) => (typeof target === 'number' ? [target] : target)));
  return {
    spec: json.model,
    params: Float32Array.from(json.params),
    data: { x: Float32Array.from(x.flat()), n: x.length, inputDim: layers[0], y, outputDim: layers[layers.length - 1] },
    expected: json.expected,
  };
}

/** The fixture's objective (dispose it after use). */
export function fixtureObjective(fixture: ModelFixture): MlpObjective {
  return new MlpObjective(fixture.spec, fixture.data);
}

/**
 * A 2-input binary classifier on `n` seeded points labelled by the sign of
 * x₀·x₁ (an XOR pattern), with seeded N(0, 0.5²) parameters: a non-convex
 * problem whose Hessian has eigenvalues of both signs.
 */
export function xorProblem(layers: number[], n: number, seed: number): { spec: MlpSpec; data: Dataset; params: Float32Array } {
  const spec: MlpSpec = { layers, activation: 'tanh', loss: 'sigmoid_ce' };
  const rng = Rng.derive(seed, 'xor-problem');
  const x = new Float32Array(2 * n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = rng.uniformIn(-1, 1);
    x[2 * i + 1] = rng.uniformIn(-1, 1);
    y[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
  }
  let size = 0;
  for (let l = 1; l < layers.length; l++) size += (layers[l - 1] + 1) * layers[l];
  const params = rng.fillNormal(new Float32Array(size), 0, 0.5);
  return { spec, data: { x, n, inputDim: 2, y, outputDim: 1 }, params };
}
