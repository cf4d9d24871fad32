import { describe, expect, it, vi } from 'vitest';
import { startLoop } from './loop.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
};

describe('startLoop', () => {
  it('runs at once, one run at a time, and again right after a run when woken during it', async () => {
    const gates: ReturnType<typeof deferred>[] = [];
    let active = 0;
    let most = 0;
    const loop = startLoop({
      intervalMs: 60_000,
      run: async () => {
        active += 1;
        most = Math.max(most, active);
        const gate = deferred();
        gates.push(gate);
        await gate.promise;
        active -= 1;
      },
      onError: () => {},
    });
    await vi.waitFor(() => expect(gates).toHaveLength(1));
    loop.wake();
    loop.wake();
    gates[0]?.resolve();
    await vi.waitFor(() => expect(gates).toHaveLength(2)); // the wakes asked for one more run, not two
    gates[1]?.resolve();
    await new Promise((r) => setTimeout(r, 30));
    expect(gates).toHaveLength(2); // then it waits for the interval
    expect(most).toBe(1);
    await loop.stop();
  });

  it('runs again at once while a run says more work waits, and goes on after a failure', async () => {
    const outcomes: unknown[] = [true, true, new Error('boom'), false];
    let runs = 0;
    const errors: unknown[] = [];
    const loop = startLoop({
      intervalMs: 60_000,
      run: async () => {
        const next = outcomes[runs++];
        if (next instanceof Error) throw next;
        return next;
      },
      onError: (err) => {
        errors.push(err);
        loop.wake(); // a failed run retries at the next tick; here the test asks for it now
      },
    });
    await vi.waitFor(() => expect(runs).toBe(4));
    expect(errors).toHaveLength(1);
    await loop.stop();
  });

  it('waits the first delay, and stop() waits for the run in hand and ends the loop', async () => {
    const gate = deferred();
    let runs = 0;
    let finished = false;
    const loop = startLoop({
      intervalMs: 5,
      firstDelayMs: 40,
      run: async () => {
        runs += 1;
        await gate.promise;
        finished = true;
      },
      onError: () => {},
    });
    await new Promise((r) => setTimeout(r, 10));
    expect(runs).toBe(0);
    await vi.waitFor(() => expect(runs).toBe(1));
    const stopping = loop.stop();
    gate.resolve();
    await stopping;
    expect(finished).toBe(true);
    loop.wake();
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(1);
  });
});
