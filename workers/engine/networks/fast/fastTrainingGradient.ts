/**
 * The minibatch training loss and gradient with dropout on typed arrays:
 * the typed-array engine's `MinibatchGradient`, the same function as
 * `TrainingGradient` (see its module comment for the mathematics),
 *   h_l = f(z_l) ⊙ D_l,   L_R(θ) = ℓ(z_L; y_R) + (λ/2)‖θ‖²,   ∇L_R = ∇ℓ + λθ,
 * with the masks D_l given per member (from the runs' own seeded streams),
 * so both engines see the same dropped units. The K members of a batched
 * call share the gathered rows; each has its own forward and backward pass
 * (there is no launch cost to amortise over them).
 */
import type { Dataset } from '../../data/types';
import { subsetRows } from '../../data/subset';
import { l2Penalty } from '../regularizedObjective';
import { targetArrays, type TargetArrays } from '../targets';
import { layerLayout, type DenseLayerLayout, type MlpSpec } from '../../spec/mlp';
import { MinibatchGradientBase, type BatchMember } from '../../training/trainingGradient';
import { chunkRowsFor } from './fastObjective';
import { headLoss, lossScale } from './lossHead';
import { backward, forward, PassWorkspace } from './passes';

/** Minibatch loss and gradient of one network on one data set (holds no tensors). */
export class FastTrainingGradient extends MinibatchGradientBase {
  private readonly layout: DenseLayerLayout[];
  private readonly targets: TargetArrays;
  /** Workspaces by capacity (the minibatch size and the full batch, typically). */
  private readonly workspaces = new Map<number, PassWorkspace>();

  constructor(spec: MlpSpec, private readonly data: Dataset, weightDecay: number) {
    super('FastTrainingGradient', spec, data, weightDecay);
    this.layout = layerLayout(spec);
    this.targets = targetArrays(spec, data);
  }

  /** L_R and ∇L_R of K networks on the same rows R, each with its own parameters and masks. */
  async lossAndGradBatch(members: readonly BatchMember[], rows: Int32Array | null): Promise<{ loss: number; grad: Float32Array }[]> {
    this.check(members, rows);
    const subset = rows === null ? null : subsetRows(this.data, rows);
    const x = subset === null ? this.data.x : subset.x;
    const targets = subset === null ? this.targets : targetArrays(this.spec, subset);
    const samples = rows?.length ?? this.sampleCount;
    const inputDim = this.spec.layers[0];
    const outputDim = this.spec.layers[this.spec.layers.length - 1];
    const last = this.layout.length - 1;
    const scale = lossScale(this.spec.loss, samples, outputDim);
    const ws = this.workspace(chunkRowsFor(Math.max(...this.spec.layers), samples));
    return members.map(({ params, masks }) => {
      const total = new Float64Array(this.paramCount);
      let loss = 0;
      for (let first = 0; first < samples; first += ws.capacity) {
        const inputs = { x, offset: first * inputDim, m: Math.min(ws.capacity, samples - first) };
        forward(this.spec.activation, params, inputs, ws, 'first', masks === null ? null : { masks, row: first });
        loss += headLoss(this.spec.loss, ws.outputs, inputs.m, outputDim, targets, first, scale, ws.delta[last]);
        backward(params, inputs, ws, ws.delta, null, ws.parameterShare);
        for (let i = 0; i < total.length; i++) total[i] += ws.parameterShare[i];
      }
      const grad = new Float32Array(this.paramCount);
      for (let i = 0; i < grad.length; i++) grad[i] = total[i] + this.weightDecay * params[i];
      return { loss: loss + l2Penalty(this.weightDecay, params), grad };
    });
  }

  /** Marks the gradient as disposed (it holds no tensors). */
  dispose(): void {
    this.disposed = true;
  }

  private workspace(capacity: number): PassWorkspace {
    let ws = this.workspaces.get(capacity);
    if (ws === undefined) {
      ws = new PassWorkspace(this.layout, capacity, this.paramCount);
      this.workspaces.set(capacity, ws);
    }
    return ws;
  }
}
