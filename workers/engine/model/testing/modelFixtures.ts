/**
 * Loads a neural-network reference vector from the shared fixtures folder
 * for the tests, with its network, data and parameters in engine form.
 */
import { join } from 'node:path';
import { isModelFixture, type ModelFixture } from '../../fixtures/format';
import { fixtureDataset } from '../../fixtures/modelChecks';
import { defaultFixtureFolder, readFixture } from '../../fixtures/readFolder';
import type { Dataset } from '../dataset';
import type { MlpSpec } from '../spec';

/** A model fixture and its network, data set and parameters in engine form. */
export interface LoadedModelFixture {
  fixture: ModelFixture;
  spec: MlpSpec;
  data: Dataset;
  params: Float32Array;
}

/** Reads `file` (e.g. 'tanh-2-8-1-mse.json') from the shared fixtures folder. */
export async function loadModelFixture(file: string): Promise<LoadedModelFixture> {
  const fixture = await readFixture(join(defaultFixtureFolder(), file));
  if (!isModelFixture(fixture)) throw new Error(`${file} is not a neural-network fixture`);
  return {
    fixture,
    spec: fixture.model as MlpSpec,
    data: fixtureDataset(fixture),
    params: Float32Array.from(fixture.params),
  };
}
