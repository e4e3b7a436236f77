/**
 * The landscape worker's jobs as the page asks for them: by run ids and
 * points of the slice, never by vectors. The parameters a job needs are
 * fetched here from the training worker over the link (`runVectors.ts`),
 * then the jobs of `landscapeJobs.ts` and `curvatureJobs.ts` run on them;
 * the page receives what it shows (fields, projected paths, read-outs).
 * Independent of comlink, so the worker entry and Node tests serve the same
 * object.
 */
import * as Comlink from 'comlink';
import type { CurvatureSettings, SliceSettings } from '../engine/spec/landscapeSettings';
import type {
  CurvatureAt,
  CurvatureSummary,
  ExactEstimate,
  NetworkInfo,
  ProbeReport,
  ProjectedRun,
  SliceChunk,
  SliceSummary,
} from '../engine/spec/messages/landscape';
import type { NetworkProblem } from '../engine/spec/networkProblem';
import type { ParameterServer } from '../engine/spec/messages/parameters';
import { CurvatureJobs, type CurvatureTarget } from './curvatureJobs';
import type { JobKind } from './jobRegistry';
import { LandscapeJobs, type Progress } from './landscapeJobs';
import { paramsKey } from './paramsKey';
import { runParams, runTrajectories, sliceVectors } from './runVectors';
import { TrainingLink } from './trainingLink';

/** What the page asks of the landscape worker (besides starting it). */
export interface LandscapeRequests {
  /**
   * Asks the training worker for parameters on `port` (its end of the
   * channel the page made) from now on; null: there is no training worker.
   * Requests waiting on the port given before fail.
   */
  linkTraining(port: MessagePort | null): void;
  /** Builds the network of `problem` (kept while the problem is unchanged). */
  setProblem(problem: NetworkProblem): Promise<NetworkInfo>;
  /** Fetches the vectors of `settings` from the runs `runIds` (the experiment's, in order), chooses the directions and evaluates the slice, streaming the field after every chunk. */
  computeSlice(settings: SliceSettings, runIds: string[], onChunk: (chunk: SliceChunk) => void, onDirectionsProgress: Progress): Promise<SliceSummary>;
  /** Each run's trajectory projected onto the last slice, with the true metric at each snapshot. */
  projectRuns(runIds: string[]): Promise<ProjectedRun[]>;
  /** The point (α, β) of the last slice: losses, predictions, λ_max and λ_min. */
  probe(alpha: number, beta: number, onProgress: Progress): Promise<ProbeReport>;
  /** The predicted seconds of the exact spectra at `target`. */
  estimateExact(target: CurvatureAt, settings: CurvatureSettings): Promise<ExactEstimate>;
  /** A curvature report at `target` (with every eigenvalue when `exact`). */
  curvature(target: CurvatureAt, settings: CurvatureSettings, exact: boolean, onProgress: Progress): Promise<CurvatureSummary>;
  /** Cancels the running job of `kind` (its call rejects with an AbortError). */
  cancel(kind: JobKind): void;
}

/** The landscape worker's state: its network and jobs, and its link to the training worker. */
export class LandscapeService implements LandscapeRequests {
  /** Where the runs' parameters come from (see `linkTraining`). */
  private readonly link = new TrainingLink();
  private readonly landscape = new LandscapeJobs();
  private readonly curvatureJobs = new CurvatureJobs(this.landscape);

  /** @param assertUsable throws when the backend can no longer compute (a lost GPU), before any job starts */
  constructor(private readonly assertUsable: () => void = () => {}) {}

  linkTraining(port: MessagePort | null): void {
    if (port === null) this.link.connect(null);
    else this.link.connect(Comlink.wrap<ParameterServer>(port), () => port.close());
  }

  async setProblem(problem: NetworkProblem): Promise<NetworkInfo> {
    this.assertUsable();
    return this.landscape.setProblem(problem);
  }

  async computeSlice(settings: SliceSettings, runIds: string[], onChunk: (chunk: SliceChunk) => void, onDirectionsProgress: Progress): Promise<SliceSummary> {
    this.assertUsable();
    const vectors = await sliceVectors(this.link, settings, runIds);
    return this.landscape.computeSlice(settings, vectors, onChunk, onDirectionsProgress);
  }

  async projectRuns(runIds: string[]): Promise<ProjectedRun[]> {
    this.assertUsable();
    return this.landscape.projectRuns(await runTrajectories(this.link, runIds));
  }

  async probe(alpha: number, beta: number, onProgress: Progress): Promise<ProbeReport> {
    this.assertUsable();
    const { params: _kept, ...report } = await this.landscape.probe(alpha, beta, onProgress);
    return report;
  }

  async estimateExact(target: CurvatureAt, settings: CurvatureSettings): Promise<ExactEstimate> {
    this.assertUsable();
    return this.curvatureJobs.estimateExact(await this.target(target), settings);
  }

  async curvature(target: CurvatureAt, settings: CurvatureSettings, exact: boolean, onProgress: Progress): Promise<CurvatureSummary> {
    this.assertUsable();
    return this.curvatureJobs.compute(await this.target(target), settings, exact, onProgress);
  }

  cancel(kind: JobKind): void {
    this.landscape.cancel(kind);
  }

  /** Frees the network's tensors, cancels every job and closes the link. */
  dispose(): void {
    this.landscape.dispose();
    this.link.dispose();
  }

  /**
   * The parameter vector `target` names, with a key that names its contents
   * (a run's latest parameters change as it trains; a report is reused only
   * for the same bytes).
   */
  private async target(target: CurvatureAt): Promise<CurvatureTarget> {
    if (target.kind === 'point') {
      const params = this.landscape.pointOfSlice(target.alpha, target.beta);
      return { key: `probe:${paramsKey(params)}`, params };
    }
    const params = await runParams(this.link, target.runId, [target.runId]);
    return { key: `run:${paramsKey(params)}`, params };
  }
}
