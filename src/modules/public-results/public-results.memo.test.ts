// The in-memory store of what the public routes build: one build for concurrent first requests, expiry,
// least recently used out first beyond the entry and byte budgets, failures not kept.
import { describe, expect, it } from 'vitest';
import { createMemo } from './public-results.memo.ts';

describe('public results memo', () => {
  it('builds once for concurrent requests and keeps the value until it expires', async () => {
    let now = 1; // lru-cache reads a start time of 0 as "no expiry"; performance.now() is never 0
    const memo = createMemo({ ttlMs: 1000, clock: () => now });
    let builds = 0;
    const build = async () => ++builds;
    expect(await Promise.all([memo.get('k', build), memo.get('k', build)])).toEqual([1, 1]);
    now = 1001; // ttlMs old: still held
    expect(await memo.get('k', build)).toBe(1);
    now = 1002;
    expect(await memo.get('k', build)).toBe(2);
  });

  it('peeks at a built value without waiting: nothing while it builds or after it expires, a kept null too', async () => {
    let now = 1;
    const memo = createMemo({ ttlMs: 1000, clock: () => now });
    let release: (v: string | null) => void = () => {};
    const building = memo.get('k', () => new Promise<string | null>((r) => (release = r)));
    expect(memo.peek('k')).toBeUndefined(); // still building
    expect(memo.peek('other')).toBeUndefined(); // never asked: peeking builds nothing
    expect(memo.keys()).toEqual(['k']);
    release('v');
    await building;
    expect(memo.peek('k')).toEqual({ value: 'v' });
    await memo.get('none', async () => null);
    expect(memo.peek('none')).toEqual({ value: null });
    now = 1002; // expired
    expect(memo.peek('k')).toBeUndefined();
  });

  it('drops the least recently used beyond the entry budget', async () => {
    const memo = createMemo({ maxEntries: 2 });
    await memo.get('a', async () => 1);
    await memo.get('b', async () => 2);
    await memo.get('a', async () => 0); // read: a is now the most recent
    await memo.get('c', async () => 3);
    expect(memo.keys()).toEqual(['a', 'c']);
  });

  it('drops the least recently used beyond the byte budget, counting only sized entries', async () => {
    const memo = createMemo({ maxBytes: 100 });
    const size = (b: Buffer) => b.length;
    await memo.get('one', async () => Buffer.alloc(60), size);
    await memo.get('plain', async () => 'x');
    await memo.get('two', async () => Buffer.alloc(60), size);
    expect(memo.keys()).toEqual(['plain', 'two']);
  });

  it('does not keep a failed build', async () => {
    const memo = createMemo();
    await expect(memo.get('k', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(memo.keys()).toEqual([]);
    expect(await memo.get('k', async () => 'ok')).toBe('ok');
  });
});
