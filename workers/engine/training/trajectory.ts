/**
 * A run's path through parameter space, kept as a bounded set of snapshots
 * for PCA directions and projections: every `every`-th step until the cap,
 * then every other snapshot is dropped and the spacing doubles, so a long run
 * keeps an evenly spaced record of at most `maxSnapshots` points. The initial
 * parameters are always kept, and the latest are always appended on reading.
 */

/** Snapshots in step order: `params` holds `steps.length` rows of P values. */
export interface TrajectorySnapshots {
  steps: Int32Array;
  /** steps.length × P, row-major float32. */
  params: Float32Array;
}

/** A bounded, evenly thinned record of one run's parameters (see the module comment). */
export class ParameterTrajectory {
  private steps: number[] = [];
  private rows: Float32Array[] = [];
  private spacing: number;

  /**
   * @param paramCount P
   * @param every initial spacing in steps (integer ≥ 1)
   * @param maxSnapshots cap on stored snapshots (integer ≥ 2)
   */
  constructor(
    readonly paramCount: number,
    private readonly every: number,
    readonly maxSnapshots: number,
  ) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`snapshotEvery must be an integer ≥ 1, got ${every}`);
    if (!Number.isInteger(maxSnapshots) || maxSnapshots < 2) {
      throw new RangeError(`maxSnapshots must be an integer ≥ 2, got ${maxSnapshots}`);
    }
    this.spacing = every;
  }

  /** The current spacing between stored snapshots, in steps. */
  get interval(): number {
    return this.spacing;
  }

  /** Number of stored snapshots (without the latest point `read` appends). */
  get size(): number {
    return this.steps.length;
  }

  /** Forgets everything and stores θ₀ as step 0. */
  restart(initial: Float32Array): void {
    this.steps = [0];
    this.rows = [Float32Array.from(initial)];
    this.spacing = this.every;
  }

  /** Offers the parameters after update `step`; kept (copied) when `step` is a multiple of the spacing. */
  record(step: number, params: Float32Array): void {
    if (step % this.spacing !== 0) return;
    if (this.steps.length >= this.maxSnapshots) this.thin();
    if (step % this.spacing !== 0) return;
    this.steps.push(step);
    this.rows.push(Float32Array.from(params));
  }

  /** The stored snapshots plus (`latestStep`, `latest`) when that step is not stored yet. */
  read(latestStep: number, latest: Float32Array): TrajectorySnapshots {
    const rows = [...this.rows];
    const steps = [...this.steps];
    if (steps[steps.length - 1] !== latestStep) {
      steps.push(latestStep);
      rows.push(latest);
    }
    const params = new Float32Array(rows.length * this.paramCount);
    rows.forEach((row, i) => params.set(row, i * this.paramCount));
    return { steps: Int32Array.from(steps), params };
  }

  /** Doubles the spacing, keeping the snapshots on the new grid (step 0 is on every grid). */
  private thin(): void {
    this.spacing *= 2;
    const keep = this.steps.map((step) => step % this.spacing === 0);
    this.steps = this.steps.filter((_, i) => keep[i]);
    this.rows = this.rows.filter((_, i) => keep[i]);
  }
}
