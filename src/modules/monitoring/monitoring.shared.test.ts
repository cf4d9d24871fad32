import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sharedFor } from './monitoring.shared.ts';

describe('sharedFor', () => {
  it('shares one computation between concurrent asks and reuses it while fresh', async () => {
    const sut = sharedFor<number>();
    const make = vi.fn(async () => 42);
    const [a, b] = await Promise.all([sut('k', 10_000, make), sut('k', 10_000, make)]);
    expect([a, b, await sut('k', 10_000, make)]).toEqual([42, 42, 42]);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('computes again for another key, after the age is over, and always with age 0', async () => {
    const sut = sharedFor<number>();
    let n = 0;
    const make = async () => ++n;
    expect(await sut('a', 10_000, make)).toBe(1);
    expect(await sut('b', 10_000, make)).toBe(2);
    expect(await sut('a', 0, make)).toBe(3);
    const now = performance.now();
    const spy = vi.spyOn(performance, 'now').mockReturnValue(now + 20_000);
    expect(await sut('a', 10_000, make)).toBe(4);
    spy.mockRestore();
  });

  it('does not keep a failure', async () => {
    const sut = sharedFor<number>();
    await expect(sut('k', 10_000, async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await sut('k', 10_000, async () => 7)).toBe(7);
  });

  it('keeps at most 500 entries, the oldest going first', async () => {
    const sut = sharedFor<string>();
    const make = vi.fn(async () => 'v');
    for (let i = 0; i <= 500; i++) await sut(`k${i}`, 60_000, make);
    await sut('k1', 60_000, make);
    expect(make).toHaveBeenCalledTimes(501);
    await sut('k0', 60_000, make);
    expect(make).toHaveBeenCalledTimes(502);
  });

  describe('refresh ahead', () => {
    let clock = 0;
    const at = (ms: number) => {
      clock = ms;
    };
    beforeEach(() => {
      clock = 1_000_000;
      vi.spyOn(performance, 'now').mockImplementation(() => clock);
    });
    afterEach(() => vi.restoreAllMocks());
    const flush = () => new Promise((r) => setTimeout(r, 0));

    it('answers from the current value in the last third of its life and reads the next one meanwhile', async () => {
      const sut = sharedFor<number>();
      let n = 0;
      const make = vi.fn(async () => ++n);
      expect(await sut('k', 15_000, make)).toBe(1);
      at(1_000_000 + 9_000);
      expect(await sut('k', 15_000, make)).toBe(1);
      expect(make).toHaveBeenCalledTimes(1);
      at(1_000_000 + 10_000);
      expect(await sut('k', 15_000, make)).toBe(1);
      await flush();
      // The value read at 10 s replaced the first one as soon as it was ready: fresh until 25 s.
      expect(await sut('k', 15_000, make)).toBe(2);
      expect(make).toHaveBeenCalledTimes(2);
      at(1_000_000 + 24_000);
      expect(await sut('k', 15_000, make)).toBe(2);
      expect(make).toHaveBeenCalledTimes(3);
    });

    it('never serves a value whose read started maxAge ago or more', async () => {
      const sut = sharedFor<number>();
      let n = 0;
      const make = vi.fn(async () => ++n);
      expect(await sut('k', 15_000, make)).toBe(1);
      at(1_000_000 + 15_000);
      expect(await sut('k', 15_000, make)).toBe(2);
      // A read started ahead at 25 s (age 10 s) but asked for only at 41 s is too old as well.
      at(1_000_000 + 25_000);
      await sut('k', 15_000, make);
      at(1_000_000 + 41_000);
      expect(await sut('k', 15_000, make)).toBe(4);
    });

    it('hands over a read started ahead when the value expires before it is ready', async () => {
      const sut = sharedFor<number>();
      let release: (v: number) => void = () => {};
      const slow = () => new Promise<number>((r) => (release = r));
      const make = vi.fn(async () => 1);
      expect(await sut('k', 15_000, make)).toBe(1);
      at(1_000_000 + 12_000);
      const slowMake = vi.fn(slow);
      expect(await sut('k', 15_000, slowMake)).toBe(1);
      at(1_000_000 + 16_000);
      const waiting = sut('k', 15_000, make);
      release(2);
      expect(await waiting).toBe(2);
      expect(slowMake).toHaveBeenCalledTimes(1);
      expect(make).toHaveBeenCalledTimes(1);
    });

    it('does not start a read ahead while the first read is still running, nor keep a failed one', async () => {
      const sut = sharedFor<number>();
      let release: (v: number) => void = () => {};
      const first = sut('k', 15_000, () => new Promise<number>((r) => (release = r)));
      at(1_000_000 + 11_000);
      const again = vi.fn(async () => 9);
      const second = sut('k', 15_000, again);
      expect(again).not.toHaveBeenCalled();
      release(1);
      expect([await first, await second]).toEqual([1, 1]);
      at(1_000_000 + 12_000);
      expect(await sut('k', 15_000, async () => Promise.reject(new Error('db down')))).toBe(1);
      await flush();
      at(1_000_000 + 13_000);
      expect(await sut('k', 15_000, async () => 3)).toBe(1);
      await flush();
      expect(await sut('k', 15_000, async () => 4)).toBe(3);
    });
  });
});
