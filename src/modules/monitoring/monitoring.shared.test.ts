import { describe, expect, it, vi } from 'vitest';
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
});
