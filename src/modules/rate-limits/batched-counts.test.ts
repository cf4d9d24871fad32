// Batched per-route counts (batched-counts.ts): one instance limits exactly; two instances sharing one store
// limit together within the documented bound (each refuses once a batch has told it the shared total is at the
// limit, never more than max each), and no count is lost. On the database (both drivers) and, when REDIS_URL
// is set for the test run, in Redis.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/db.ts';
import type { Database } from '../../db/client.ts';
import { BatchedCounts, databaseCounts, redisCounts, type SharedCounts } from './batched-counts.ts';
import { HTTP_BATCHED_PREFIX } from './http-store.ts';
import { windowCounts } from './index.ts';

const WINDOW_MS = 60_000;
const redisUrl = process.env.REDIS_URL;

type Backend = { shared: SharedCounts; total: (key: string, windowStart: Date) => Promise<number> };

function suite(name: string, open: () => Promise<{ backend: Backend; close: () => Promise<void> }>) {
  describe(`batched rate-limit counts (${name})`, () => {
    let backend: Backend;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ backend, close } = await open());
    });
    afterAll(async () => {
      await close();
    });

    // A fixed moment within one window (the clock is the instances' own: no timer decides anything here).
    let now = new Date('2025-03-01T03:00:10Z');
    const instance = (errors: Error[] = []) =>
      new BatchedCounts(backend.shared, {
        flushMs: 60_000, // flushed by hand below
        maxPendingKeys: 10_000,
        now: () => now,
        onError: (e) => errors.push(e),
      });
    // Keys carry their own prefix here: the route's prefix is empty.
    const count = (store: BatchedCounts, key: string, max: number) =>
      store.route('').incr(key, WINDOW_MS, max).current;
    const admitted = (store: BatchedCounts, key: string, max: number) => count(store, key, max) <= max;

    it('one instance admits exactly max a window, whenever it shares its counts, and starts again in the next', async () => {
      const key = `${HTTP_BATCHED_PREFIX}t:${randomUUID()}`;
      const one = instance();
      let ok = 0;
      for (let i = 0; i < 25; i++) {
        if (admitted(one, key, 10)) ok++;
        if (i % 4 === 0) await one.flush();
      }
      expect(ok).toBe(10);
      now = new Date(now.getTime() + WINDOW_MS);
      expect(admitted(one, key, 10)).toBe(true);
      await one.close();
    });

    it('two instances sharing their counts after every request admit at most one more than max', async () => {
      const key = `${HTTP_BATCHED_PREFIX}t:${randomUUID()}`;
      const [a, b] = [instance(), instance()];
      const statuses: boolean[] = [];
      for (let i = 0; i < 14; i++) {
        const store = i % 2 ? b : a;
        statuses.push(admitted(store, key, 10));
        await store.flush();
        await (i % 2 ? a : b).flush(); // nothing waits there: sends nothing
      }
      // The other instance learns the shared total with its own next batch: one request late at most.
      expect(statuses.filter(Boolean).length).toBeLessThanOrEqual(11);
      expect(statuses.slice(0, 10).every(Boolean)).toBe(true);
      expect(statuses.slice(11).some(Boolean)).toBe(false);
      await Promise.all([a.close(), b.close()]);
    });

    it('two instances under any interleaving: each refuses once a batch told it the total is at the limit; at most max each; no count lost', async () => {
      const op = fc.constantFrom('a', 'b', 'flush a', 'flush b');
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 1, max: 8 }),
          fc.array(op, { maxLength: 40 }),
          async (max, ops) => {
            const key = `${HTTP_BATCHED_PREFIX}p:${randomUUID()}`;
            const stores = { a: instance(), b: instance() };
            const admittedBy = { a: 0, b: 0 };
            const sent = { a: 0, b: 0 };
            const knowsFull = { a: false, b: false };
            let requests = 0;
            let flushedTotal = 0;
            for (const o of ops) {
              if (o === 'a' || o === 'b') {
                requests++;
                sent[o]++;
                if (admitted(stores[o], key, max)) {
                  expect(knowsFull[o]).toBe(false);
                  admittedBy[o]++;
                }
              } else {
                const who = o === 'flush a' ? 'a' : 'b';
                await stores[who].flush();
                if (sent[who] > 0) {
                  flushedTotal += sent[who];
                  sent[who] = 0;
                  // What the batch read back: every count flushed by both so far.
                  if (flushedTotal >= max) knowsFull[who] = true;
                }
              }
            }
            expect(admittedBy.a).toBeLessThanOrEqual(max);
            expect(admittedBy.b).toBeLessThanOrEqual(max);
            await Promise.all([stores.a.close(), stores.b.close()]);
            const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
            expect(await backend.total(key, windowStart)).toBe(requests);
          },
        ),
        { numRuns: 25 },
      );
    });

    it('forgets a window’s addresses when the window ends, even if no request follows', async () => {
      const key = `${HTTP_BATCHED_PREFIX}w:${randomUUID()}`;
      const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
      const late = new Date(windowStart + WINDOW_MS - 20); // 20 ms before the window ends
      const store = new BatchedCounts(backend.shared, {
        flushMs: 60_000,
        maxPendingKeys: 10_000,
        now: () => late,
        onError: () => {},
      });
      const route = store.route('');
      expect(route.incr(key, WINDOW_MS, 300).current).toBe(1);
      expect(route.incr(key, WINDOW_MS, 300).current).toBe(2);
      expect(route.window.known.has(key)).toBe(true);
      await new Promise((r) => setTimeout(r, 60));
      expect(route.window.known.size).toBe(0); // dropped by its timer, not by a later request
      await store.close();
    });

    it('sends early, once, when many keys wait', async () => {
      const sent: number[] = [];
      const early = new BatchedCounts(
        {
          add: (counts) => {
            sent.push(counts.length);
            return backend.shared.add(counts);
          },
        },
        { flushMs: 60_000, maxPendingKeys: 3, now: () => now, onError: () => {} },
      );
      const keys = Array.from({ length: 5 }, () => `${HTTP_BATCHED_PREFIX}e:${randomUUID()}`);
      for (const key of keys) count(early, key, 1);
      await early.flush();
      // The third key started one batch; the fourth and fifth, arriving before it began, went with it.
      expect(sent).toEqual([5]);
      const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
      for (const key of keys) expect(await backend.total(key, windowStart)).toBe(1);
      await early.close();
    });

    it('keeps the counts while the store fails and sends them with the next batch', async () => {
      const key = `${HTTP_BATCHED_PREFIX}f:${randomUUID()}`;
      let down = true;
      const errors: Error[] = [];
      const flaky = new BatchedCounts(
        {
          add: (counts) => (down ? Promise.reject(new Error('store down')) : backend.shared.add(counts)),
        },
        { flushMs: 60_000, maxPendingKeys: 10_000, now: () => now, onError: (e) => errors.push(e) },
      );
      for (let i = 0; i < 3; i++) count(flaky, key, 10);
      await flaky.flush();
      expect(errors.map((e) => e.message)).toEqual(['store down']);
      expect(count(flaky, key, 10)).toBe(4); // still limited on its own meanwhile
      down = false;
      await flaky.close();
      const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
      expect(await backend.total(key, windowStart)).toBe(4);
    });

    it('shares a client’s count only from a tenth of the limit: then all of it, then each request', async () => {
      const [light, heavy] = [
        `${HTTP_BATCHED_PREFIX}l:${randomUUID()}`,
        `${HTTP_BATCHED_PREFIX}h:${randomUUID()}`,
      ];
      const sent: { key: string; by: number }[] = [];
      const store = new BatchedCounts(
        {
          add: (counts) => {
            sent.push(...counts.map((c) => ({ key: c.key, by: c.by })));
            return backend.shared.add(counts);
          },
        },
        { flushMs: 60_000, maxPendingKeys: 10_000, now: () => now, onError: () => {} },
      );
      for (let i = 0; i < 29; i++) count(store, light, 300); // 29 < 300 / 10: stays here
      for (let i = 0; i < 30; i++) count(store, heavy, 300);
      await store.flush();
      expect(sent).toEqual([{ key: heavy, by: 30 }]);
      expect(count(store, heavy, 300)).toBe(31);
      expect(count(store, light, 300)).toBe(30); // reaches it now: all 30 go with the next batch
      await store.close();
      expect(sent.slice(1).sort((a, b) => a.key.localeCompare(b.key))).toEqual(
        [
          { key: heavy, by: 1 },
          { key: light, by: 30 },
        ].sort((a, b) => a.key.localeCompare(b.key)),
      );
      const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
      expect(await backend.total(heavy, windowStart)).toBe(31);
      expect(await backend.total(light, windowStart)).toBe(30);
    });

    it('two instances with the default threshold, under any interleaving: at most max each; a batch that reads back a full window stops its instance; only counts from the threshold on reach the store', async () => {
      const op = fc.constantFrom('a', 'b', 'flush a', 'flush b');
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 10, max: 40 }),
          fc.array(op, { maxLength: 120 }),
          async (max, ops) => {
            const key = `${HTTP_BATCHED_PREFIX}q:${randomUUID()}`;
            const from = Math.ceil(max / 10);
            const stores = { a: instance(), b: instance() };
            const requests = { a: 0, b: 0 };
            const sent = { a: 0, b: 0 };
            const admittedBy = { a: 0, b: 0 };
            const knowsFull = { a: false, b: false };
            let stored = 0;
            for (const o of ops) {
              if (o === 'a' || o === 'b') {
                requests[o]++;
                if (admitted(stores[o], key, max)) {
                  expect(knowsFull[o]).toBe(false);
                  admittedBy[o]++;
                }
              } else {
                const who = o === 'flush a' ? 'a' : 'b';
                await stores[who].flush();
                const sends = requests[who] >= from ? requests[who] - sent[who] : 0;
                if (sends > 0) {
                  stored += sends;
                  sent[who] = requests[who];
                  if (stored >= max) knowsFull[who] = true;
                }
              }
            }
            expect(admittedBy.a).toBeLessThanOrEqual(max);
            expect(admittedBy.b).toBeLessThanOrEqual(max);
            await Promise.all([stores.a.close(), stores.b.close()]);
            const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
            const shared = (n: number) => (n >= from ? n : 0);
            expect(await backend.total(key, windowStart)).toBe(shared(requests.a) + shared(requests.b));
          },
        ),
        { numRuns: 25 },
      );
    });
  });
}

suite('database', async () => {
  const database: Database = await createTestDatabase();
  return {
    backend: {
      shared: databaseCounts(database.db, HTTP_BATCHED_PREFIX, () => new Date()),
      total: async (key, windowStart) => (await windowCounts(database.db, [key], windowStart)).get(key) ?? 0,
    },
    close: () => database.close(),
  };
});

if (redisUrl)
  suite('Redis', async () => {
    const redis = new Redis(redisUrl);
    const nameSpace = `prongsai:test:${randomUUID()}:`;
    return {
      backend: {
        shared: redisCounts(redis, nameSpace, () => new Date()),
        total: async (key, windowStart) =>
          Number((await redis.get(`${nameSpace}${key}@${windowStart.getTime()}`)) ?? 0),
      },
      close: async () => {
        await redis.quit();
      },
    };
  });
