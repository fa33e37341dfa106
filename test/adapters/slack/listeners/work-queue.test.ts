import { describe, expect, it } from 'vitest';
import { workQueue } from '../../../../adapters/slack/listeners/work-queue.ts';

/** A job that records when it starts and waits until the test lets it finish. */
function gate(started: number[], i: number) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { job: async () => { started.push(i); await opened; return i; }, open };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the command work queue', () => {
  it('works on at most the limit at once and starts the rest in arrival order as places free up', async () => {
    const queue = workQueue(2);
    const started: number[] = [];
    const gates = [0, 1, 2, 3, 4].map((i) => gate(started, i));
    const results = gates.map((g) => queue(g.job));
    await settle();
    expect(started).toEqual([0, 1]);
    gates[1]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.open();
    gates[2]!.open();
    await settle();
    expect(started).toEqual([0, 1, 2, 3, 4]);
    gates[3]!.open();
    gates[4]!.open();
    expect(await Promise.all(results)).toEqual([0, 1, 2, 3, 4]);
  });

  it('frees the place of a job that fails, and passes the failure to its caller', async () => {
    const queue = workQueue(1);
    const failed = queue(async () => {
      throw new Error('no database');
    });
    await expect(failed).rejects.toThrow('no database');
    expect(await queue(async () => 'next')).toBe('next');
  });
});
