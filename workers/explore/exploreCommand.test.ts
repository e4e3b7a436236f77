import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResults, valuesOf, type AnalyticRunResults, type NetworkRunResults, type ResultsDocument } from '../../app/export/results';
import { checkWellFormedXml } from '../../app/export/testing/xmlCheck';
import { experimentToHash, hashToExperiment } from '../../app/url/hash';
import { derivativesAt, evaluateGrid } from '../engine/analytic/evaluate';
import { analyticInfo } from '../engine/analytic/info';
import { AnalyticRuns } from '../engine/analytic/runs';
import type { BackendName } from '../engine/backends/select';
import { symmetricEigenvalues } from '../engine/math/linalg/symmetricEigen';
import { analyticProblemOf, checkedExperiment, defaultNetworkExperiment, type NetworkExperiment } from '../engine/spec/experiment';
import { networkProblem } from '../engine/spec/networkProblem';
import { useTestBackend } from '../engine/testing/backend';
import { CurvatureJobs } from '../landscape/curvatureJobs';
import { LandscapeJobs } from '../landscape/landscapeJobs';
import { runTrajectories, sliceVectors } from '../landscape/runVectors';
import { TrainingLink } from '../landscape/trainingLink';
import { parameterServer } from '../training/parameterServer';
import { SerialCalls } from '../training/serialCalls';
import { TrainingJob } from '../training/trainingJob';
import { LINK_MESSAGES_HEADING, runExplore, splitLink } from './exploreCommand';

/** A 41 × 33 Himmelblau surface, gradient descent and Adam for 60 steps. */
const ANALYTIC_LINK = '#v=1&p=analytic&f=himmelblau&x0=-5&x1=5&y0=-5&y1=5&nx=41&ny=33&sx=-0.5&sy=-3&n=60&o=sgd,id:o1,c:4cc9f0,lr:0.01,w:0&o=adam,id:o2,c:ff7aa2,lr:0.1,b1:0.9,b2:0.999,eps:1e-8,w:0';

/** A 2-6-1 network on 80 spiral points, two runs of 30 steps with sharpness tracking, a 9 × 9 plane and a small curvature report. */
function smallNetwork(): NetworkExperiment {
  const experiment = defaultNetworkExperiment(networkProblem({ datasetOptions: { n: 80 }, hidden: [6] }));
  experiment.steps = 30;
  experiment.sharpnessEvery = 10;
  experiment.slice = { ...experiment.slice, resolution: 9 };
  experiment.curvature = { ...experiment.curvature, k: 2, slqRuns: 2, slqSteps: 5, traceBudget: 9 };
  return experiment;
}

let backend: BackendName;
let folder: string;

beforeAll(async () => {
  backend = await useTestBackend();
  folder = mkdtempSync(join(tmpdir(), 'explore-test-'));
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the command with `args` (on the tests' backend); its exit status and what it printed. */
async function explore(args: string[], signal?: AbortSignal, onErr?: (text: string) => void): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runExplore([...args, '--backend', backend], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: {
      write: (text: string) => {
        stderr += text;
        onErr?.(text);
      },
    },
    signal,
    cwd: folder,
  });
  return { code, stdout, stderr };
}

/** The results file `name` in the test folder. */
const results = (name: string): ResultsDocument => parseResults(readFileSync(join(folder, name), 'utf8'));

/** Lines of a CSV file of the test folder (without the final empty one). */
const csvLines = (path: string) => readFileSync(join(folder, path), 'utf8').trimEnd().split('\n');

describe('npm run explore on an analytic link', () => {
  it('writes the surface, the markers and every run as the analytic worker computes them', async () => {
    const { code, stderr } = await explore([ANALYTIC_LINK, '--out', 'analytic.json', '--csv', 'acsv', '--svg', 'asvg']);
    expect(stderr).toContain('explore: runs');
    expect(code).toBe(0);
    const document = results('analytic.json');
    const { experiment } = hashToExperiment(ANALYTIC_LINK);
    expect(document).toMatchObject({ format: 'loss-landscape-results/1', backend, engine: null, linkMessages: [], failures: [], experiment });
    expect(document.link).toBe(`#${experimentToHash(experiment)}`);

    // The surface: evaluateGrid on the window at the experiment's grid, index j·nx + i, with its axes.
    const problem = analyticProblemOf({ kind: 'analytic', name: 'himmelblau' });
    const surface = await evaluateGrid(problem, { ...experiment.window, nx: 41, ny: 33 });
    expect(document.surface!.values).toEqual(valuesOf(surface));
    expect(document.surface!.x.values[0]).toBe(-5);
    expect(document.surface!.x.values[40]).toBe(5);
    expect(document.surface!.y.values[16]).toBe(0);

    // Every run, stepped one update per call (the page's single steps) instead of in batches: the same numbers.
    const checked = checkedExperiment(experiment);
    if (checked.kind !== 'analytic') throw new Error('analytic experiment expected');
    const runs = new AnalyticRuns(problem, checked.optimizers, experiment.start);
    const start = await runs.initial();
    const losses = experiment.optimizers.map(() => [start.loss]);
    const points = experiment.optimizers.map((): [number, number][] => [[experiment.start[0], experiment.start[1]]]);
    for (let t = 0; t < experiment.steps; t++) {
      const batch = await runs.step(1);
      for (const run of batch.runs) {
        losses[run.index].push(...run.losses);
        for (let k = 0; k < run.losses.length; k++) points[run.index].push([run.points[2 * k], run.points[2 * k + 1]]);
      }
    }
    const written = document.runs as AnalyticRunResults[];
    expect(written.map((run) => run.label)).toEqual(['Gradient descent', 'Adam']);
    written.forEach((run, index) => {
      expect(run.stepCount).toBe(60);
      expect(run.losses).toEqual(losses[index]);
      expect(run.path).toEqual(points[index]);
      expect(run.final.loss).toBe(losses[index][60]);
    });

    // The markers: Himmelblau's nine critical points inside [−5, 5]², then the start, with f and the Hessian's eigenvalues.
    const critical = analyticInfo(problem).criticalPoints;
    expect(document.markers.map((m) => m.kind)).toEqual([...critical.map((p) => p.kind), 'start']);
    const derivatives = await derivativesAt(problem, Float64Array.from(document.markers.flatMap((m) => [m.x, m.y])));
    document.markers.forEach((marker, k) => {
      expect(marker.value).toBe(derivatives[k].loss);
      expect(marker.eigenvalues).toEqual(Array.from(symmetricEigenvalues(Float64Array.from(derivatives[k].hessian), 2)));
    });

    // CSV: one row per grid point, per path point and per step, after the header.
    expect(csvLines('acsv/surface.csv')).toHaveLength(41 * 33 + 1);
    expect(csvLines('acsv/surface.csv')[0]).toBe('x,y,f');
    expect(csvLines('acsv/surface.csv')[1]).toBe(`-5,-5,${surface[0]}`);
    expect(csvLines('acsv/trajectories.csv')).toHaveLength(2 * 61 + 1);
    expect(csvLines('acsv/curves.csv')).toHaveLength(2 * 61 + 1);
    expect(existsSync(join(folder, 'acsv/spectrum.csv'))).toBe(false);

    // SVG: well-formed, with the iso-lines, both paths, the markers, the axes and the legend.
    const contour = checkWellFormedXml(readFileSync(join(folder, 'asvg/contour.svg'), 'utf8'));
    expect(contour[0].name).toBe('svg');
    expect(contour.filter((e) => e.attributes['data-level'] !== undefined).length).toBeGreaterThan(5);
    expect(contour.filter((e) => e.attributes.class === 'run-path').map((e) => e.attributes.stroke)).toEqual(['#4cc9f0', '#ff7aa2']);
    const texts = contour.filter((e) => e.name === 'text').map((e) => e.text);
    expect(texts).toEqual(expect.arrayContaining(['x', 'y', 'Gradient descent', 'Adam', 'Minimum', 'Saddle point', 'Maximum', 'Start']));
    const curves = checkWellFormedXml(readFileSync(join(folder, 'asvg/loss-curves.svg'), 'utf8'));
    expect(curves.filter((e) => e.attributes.class === 'curve')).toHaveLength(2);
    expect(curves.filter((e) => e.name === 'text').map((e) => e.text)).toContain('step');
  });

  it('writes the same bytes for the same link, and JSON to stdout without --out', async () => {
    const first = await explore([ANALYTIC_LINK, '--quiet']);
    const second = await explore([ANALYTIC_LINK, '--quiet']);
    expect(first.code).toBe(0);
    expect(first.stderr).not.toContain('explore: runs');
    expect(second.stdout).toBe(first.stdout);
    expect(first.stdout).toBe(readFileSync(join(folder, 'analytic.json'), 'utf8'));
  });

  it('reads an experiment file, and a results file, as the link it holds', async () => {
    const { experiment } = hashToExperiment(ANALYTIC_LINK);
    writeFileSync(join(folder, 'experiment.json'), JSON.stringify(experiment));
    const fromExperiment = await explore(['experiment.json', '--quiet']);
    const fromResults = await explore(['analytic.json', '--quiet']);
    const expected = readFileSync(join(folder, 'analytic.json'), 'utf8');
    expect([fromExperiment.code, fromResults.code]).toEqual([0, 0]);
    expect(fromExperiment.stdout).toBe(expected);
    expect(fromResults.stdout).toBe(expected);
  });
});

describe('npm run explore on a network link', () => {
  it('trains, slices, projects and reports the curvature as the workers do', async () => {
    const experiment = smallNetwork();
    const link = `#${experimentToHash(experiment)}`;
    expect(hashToExperiment(link).messages).toEqual([]);
    const { code, stderr } = await explore([link, '--out', 'network.json', '--csv', 'ncsv', '--svg', 'nsvg']);
    expect(stderr).toContain('explore: slice: 9×9 plane');
    expect(code).toBe(0);
    const document = results('network.json');
    expect(document.engine === 'fast' || document.engine === 'tfjs').toBe(true);
    expect(document.network).toMatchObject({ layers: [2, 6, 1], paramCount: 25, trainCount: 64, testCount: 16 });

    // The training worker's job, stepped 7 updates at a time: the same minibatch losses, evaluations and sharpness.
    const job = new TrainingJob(experiment);
    try {
      const initial = await job.initial();
      const expected = experiment.optimizers.map(() => ({ batch: [] as number[], steps: [] as number[], train: [] as number[], test: [] as number[], sharpness: [] as number[] }));
      for (let done = 0; done < experiment.steps; done += 7) {
        const batch = await job.step(Math.min(7, experiment.steps - done));
        for (const run of batch.runs) {
          const into = expected[run.index];
          into.batch.push(...run.batchLosses);
          into.steps.push(...run.evaluation.steps);
          into.train.push(...run.evaluation.trainLoss);
          into.test.push(...run.evaluation.testLoss);
          into.sharpness.push(...run.sharpness.lambdaMax);
        }
      }
      expect(document.network!.initial.trainLoss).toBe(initial.trainLoss);
      const runs = document.runs as NetworkRunResults[];
      expect(runs.map((run) => run.label)).toEqual(['Gradient descent, batch 8', 'Gradient descent, full batch']);
      runs.forEach((run, index) => {
        expect(run.stepCount).toBe(30);
        expect(run.batchLosses).toEqual(expected[index].batch);
        expect(run.evaluations.steps).toEqual([0, 10, 20, 30]);
        expect(run.evaluations.trainLoss).toEqual(expected[index].train);
        expect(run.evaluations.testLoss).toEqual(expected[index].test);
        expect(run.sharpness!.lambdaMax).toEqual(expected[index].sharpness);
        expect(run.final.trainLoss).toBe(expected[index].train[3]);
        expect(run.final.parameters.count).toBe(25);
      });

      // The landscape jobs fed directly from the job (no channel): the same slice, projections and report.
      const link = new TrainingLink();
      link.connect(parameterServer(() => job, new SerialCalls()));
      const landscape = new LandscapeJobs();
      try {
        landscape.setProblem(experiment.problem);
        const runIds = experiment.optimizers.map((run) => run.id);
        const slice = await landscape.computeSlice(experiment.slice, await sliceVectors(link, experiment.slice, runIds));
        expect(document.surface!.values).toEqual(valuesOf(slice.values));
        expect(document.surface!.x.values).toEqual(Array.from(slice.alphas));
        expect(document.markers.map((m) => [m.kind, m.x, m.y, m.value])).toEqual(slice.critical.map((c) => [c.kind, c.alpha, c.beta, c.value]));
        const projected = await landscape.projectRuns(await runTrajectories(link, runIds));
        runs.forEach((run, index) => {
          expect(run.projection!.alpha).toEqual(valuesOf(projected[index].alpha));
          expect(run.projection!.trueValues).toEqual(valuesOf(projected[index].trueValues));
          expect(run.projection!.steps).toHaveLength(31);
        });
        const report = await new CurvatureJobs(landscape).compute({ key: 'test', params: job.params('o1', 'latest') }, experiment.curvature, false);
        const [hessian] = report.matrices;
        const written = document.curvature!.matrices[0];
        expect(document.curvature).toMatchObject({ runId: 'o1', size: 25, exact: false });
        expect(written.readouts).toEqual({ ...hessian.readouts });
        expect(written.largest).toEqual(hessian.largest);
        expect(written.trace.hutchPlusPlus.estimate).toBe(hessian.trace.hutchPlusPlus.estimate);
        expect(written.density.density).toEqual(valuesOf(hessian.density.linear.density));
        expect(written.along.map((item) => item.label)).toEqual(['slice d1', 'slice d2']);
      } finally {
        landscape.dispose();
        link.dispose();
      }
    } finally {
      job.dispose();
    }

    expect(csvLines('ncsv/surface.csv')).toHaveLength(81 + 1);
    expect(csvLines('ncsv/surface.csv')[0]).toBe('alpha,beta,loss');
    expect(csvLines('ncsv/trajectories.csv')).toHaveLength(2 * 31 + 1);
    expect(csvLines('ncsv/curves.csv')).toHaveLength(2 * 31 + 1);
    expect(csvLines('ncsv/curves.csv')[0]).toBe('run,step,batch_loss,train_loss,test_loss,train_accuracy,test_accuracy,lambda_max,lambda_min');
    expect(csvLines('ncsv/spectrum.csv').length).toBe(document.curvature!.matrices[0].density.grid.length + 1);
    for (const name of ['contour.svg', 'loss-curves.svg', 'spectrum.svg']) {
      const elements = checkWellFormedXml(readFileSync(join(folder, 'nsvg', name), 'utf8'));
      expect(elements.filter((e) => e.name === 'title')).toHaveLength(1);
    }
    const spectrum = checkWellFormedXml(readFileSync(join(folder, 'nsvg/spectrum.svg'), 'utf8'));
    expect(spectrum.filter((e) => e.attributes.class === 'density')).toHaveLength(1);
    expect(spectrum.filter((e) => e.attributes.class === 'extreme')).toHaveLength(4);
    const loss = checkWellFormedXml(readFileSync(join(folder, 'nsvg/loss-curves.svg'), 'utf8'));
    expect(loss.filter((e) => e.attributes.class === 'curve')).toHaveLength(4);
  });

  it('writes a line slice and the exact spectrum when the link asks for a line and --exact is given', async () => {
    const experiment = smallNetwork();
    experiment.slice = { ...experiment.slice, directions: 'interpolation', dims: 1, resolution: 11, alpha: [-0.5, 1.5] };
    const { code } = await explore([`#${experimentToHash(experiment)}`, '--out', 'line.json', '--csv', 'lcsv', '--svg', 'lsvg', '--exact', '--curvature-run', 'o2', '--quiet']);
    expect(code).toBe(0);
    const document = results('line.json');
    expect(document.surface).toBeNull();
    expect(document.line!.alphas).toHaveLength(11);
    expect(document.line!.marks.map((mark) => mark.alpha)).toEqual([0, 1]);
    expect(document.curvature).toMatchObject({ runId: 'o2', exact: true });
    expect(document.curvature!.matrices[0].exact).toHaveLength(25);
    expect(csvLines('lcsv/line.csv')).toHaveLength(12);
    expect(csvLines('lcsv/eigenvalues.csv')).toHaveLength(26);
    const line = checkWellFormedXml(readFileSync(join(folder, 'lsvg/line.svg'), 'utf8'));
    expect(line.filter((e) => e.attributes.class === 'curve')).toHaveLength(2);
    const spectrum = checkWellFormedXml(readFileSync(join(folder, 'lsvg/spectrum.svg'), 'utf8'));
    expect(spectrum.filter((e) => e.attributes.class === 'histogram-bar').length).toBeGreaterThan(0);
  });

  it('writes the trained runs and the curvature when the slice cannot be computed, says why, and exits non-zero', async () => {
    const experiment = smallNetwork();
    // A valid experiment whose slice names a run it does not have: the page's "Compute slice" fails the same way.
    experiment.slice = { ...experiment.slice, centre: 'zz' };
    const { code, stderr } = await explore([`#${experimentToHash(experiment)}`, '--out', 'noslice.json', '--svg', 'noslice-svg', '--quiet']);
    expect(code).toBe(1);
    const failure = 'The slice could not be computed: the slice refers to run "zz", which the experiment does not have';
    expect(stderr).toContain(`explore: ${failure}`);
    const document = results('noslice.json');
    expect(document.failures).toEqual([failure]);
    expect(document.surface).toBeNull();
    expect(document.network!.slice).toBeNull();
    expect(document.runs.map((run) => run.stepCount)).toEqual([30, 30]);
    expect(document.curvature!.matrices[0].along).toEqual([]);
    expect(existsSync(join(folder, 'noslice-svg/contour.svg'))).toBe(false);
    expect(existsSync(join(folder, 'noslice-svg/loss-curves.svg'))).toBe(true);
  });

  it('stops on Ctrl-C during training with status 130 and writes nothing', async () => {
    const controller = new AbortController();
    const link = `#${experimentToHash(smallNetwork())}`;
    const { code, stderr } = await explore([link, '--out', 'cancelled.json'], controller.signal, (text) => {
      if (text.includes('training:')) controller.abort();
    });
    expect(code).toBe(130);
    expect(stderr).toContain('cancelled');
    expect(existsSync(join(folder, 'cancelled.json'))).toBe(false);
  });
});

describe('npm run explore on bad input', () => {
  const BAD = '#f=nosuch&n=-4&x0=abc';

  it('prints the page’s messages word for word and exits non-zero', async () => {
    const { messages } = hashToExperiment(BAD);
    expect(messages.length).toBe(3);
    const { code, stderr } = await explore([BAD, '--out', 'bad.json']);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(LINK_MESSAGES_HEADING);
    expect(lines.slice(1, 4)).toEqual(messages.map((message) => `  - ${message}`));
    expect(existsSync(join(folder, 'bad.json'))).toBe(false);
  });

  it('computes the link with the defaults for the ignored settings under --accept-defaults, and records the messages', async () => {
    const { experiment, messages } = hashToExperiment(BAD);
    const { code, stdout } = await explore([BAD, '--accept-defaults', '--quiet']);
    expect(code).toBe(0);
    const document = parseResults(stdout);
    expect(document.linkMessages).toEqual(messages);
    expect(document.experiment).toEqual(experiment);
  });

  it('refuses a backend Node lacks, a file that is no experiment, and a bad command line', async () => {
    expect((await runExplore(['?backend=webgl#f=saddle'], { stdout: { write: () => true }, stderr: { write: () => true }, cwd: folder }))).toBe(1);
    writeFileSync(join(folder, 'nothing.json'), '{"a": 1}');
    const notExperiment = await explore(['nothing.json']);
    expect(notExperiment.code).toBe(1);
    expect(notExperiment.stderr).toContain('holds no experiment');
    const { experiment } = hashToExperiment('#f=saddle');
    writeFileSync(join(folder, 'invalid.json'), JSON.stringify({ ...experiment, steps: -1 }));
    const invalid = await explore(['invalid.json']);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('steps must be an integer');
    expect((await explore(['#f=saddle', '--frobnicate'])).code).toBe(2);
    expect((await explore([])).code).toBe(2);
  });

  it('splits a link into its query and hash however it is written', () => {
    expect(splitLink('https://example.org/explorer/?backend=wasm&engine=fast#v=1&f=saddle')).toEqual({ search: '?backend=wasm&engine=fast', hash: '#v=1&f=saddle' });
    expect(splitLink('?backend=cpu#f=beale')).toEqual({ search: '?backend=cpu', hash: '#f=beale' });
    expect(splitLink('#f=beale')).toEqual({ search: '', hash: '#f=beale' });
    expect(splitLink('f=beale&n=5')).toEqual({ search: '', hash: 'f=beale&n=5' });
  });
});
