import { describe, expect, it } from 'vitest';
import type { ParameterServer } from '../engine/spec/messages/parameters';
import { TrainingLink } from './trainingLink';

/** A training side whose every run's latest parameters are `value` repeated (P = 3); `hold` keeps its answers back. */
function server(value: number, hold = false): ParameterServer {
  const answer = <T>(result: T) => (hold ? new Promise<T>(() => {}) : Promise.resolve(result));
  return {
    getParams: () => answer(Float32Array.of(value, value, value)),
    getTrajectory: () => answer(Float32Array.of(0, 0, 0, value, value, value)),
    getTrajectorySteps: () => answer(Int32Array.of(0, 1)),
  };
}

describe('TrainingLink', () => {
  it('says to train first while no training worker is linked', async () => {
    const link = new TrainingLink();
    await expect(link.params('o1', 'latest')).rejects.toThrow('no training runs to take parameters from yet: train first');
    link.connect(server(1));
    link.connect(null);
    await expect(link.trajectory('o1')).rejects.toThrow(/train first/);
  });

  it('asks the linked training worker', async () => {
    const link = new TrainingLink();
    link.connect(server(2));
    expect(Array.from(await link.params('o1', 'latest'))).toEqual([2, 2, 2]);
    expect(Array.from(await link.trajectory('o1'))).toEqual([0, 0, 0, 2, 2, 2]);
  });

  it('fails a request waiting on a replaced worker with the reason, closes its port, and asks the new one', async () => {
    const link = new TrainingLink();
    const closed: string[] = [];
    link.connect(server(1, true), () => closed.push('first'));
    const waiting = link.params('o1', 'latest');
    link.connect(server(5), () => closed.push('second'));
    await expect(waiting).rejects.toThrow('the training worker was replaced before it answered');
    expect(closed).toEqual(['first']);
    expect(Array.from(await link.params('o1', 'latest'))).toEqual([5, 5, 5]);
    const stuck = new TrainingLink();
    stuck.connect(server(1, true));
    const lost = stuck.trajectory('o1');
    stuck.connect(null);
    await expect(lost).rejects.toThrow('the training worker stopped before it answered');
    link.dispose();
    expect(closed).toEqual(['first', 'second']);
  });
});
