// Per-route counters of the coarse flood guards on busy public reads (the public results), counted in this
// process and added to the shared store — rate_buckets or Redis — in one batch about every second, instead of
// one database round trip per request (issue 11 §5). A request is judged against what this instance knows of
// the window: the shared total its last batch read back, plus its own requests since. So:
// - one instance alone limits exactly (it sees all of its own requests at once);
// - several instances sharing the store limit together, late by at most one batch: once the shared count of
//   a client passes the limit, each other instance learns it with its next batch (at most `flushMs` plus one
//   round trip later) and refuses from then on. Until then it may admit what that client sends it in that
//   time; and since each instance counts everything it admitted itself, N instances never admit more than
//   N × max in one window, whatever the timing (the documented bound; tests in batched-counts.test.ts).
// The limits that protect accounts and codes (sign-in lockout, OTP, access codes) are not counted here: they
// stay exact, in PostgreSQL. While the shared store fails, the counts wait for the next batch (each instance
// still limits on its own) and the failure is reported to `onError`.
import type { Redis } from 'ioredis';
import type { DbOrTx } from '../../db/client.ts';
import { addToWindows, purgeWindows } from './counters.ts';

export interface WindowCount {
  key: string;
  windowStart: Date;
  windowMs: number;
  by: number;
}

/** Where every instance's counts meet. */
export interface SharedCounts {
  /** Adds each count to its window's shared counter; the new totals, in the order of `counts`. */
  add(counts: readonly WindowCount[]): Promise<number[]>;
}

/** Counters in rate_buckets (one upsert per 5,000 keys); ended windows of the batched keys purged each minute. */
export function databaseCounts(db: DbOrTx, prefix: string, now: () => Date): SharedCounts {
  let lastPurge = 0;
  return {
    async add(counts) {
      const at = now().getTime();
      if (at - lastPurge > 60_000 && counts.length) {
        lastPurge = at;
        const oldest = Math.min(...counts.map((c) => c.windowStart.getTime()));
        await purgeWindows(db, prefix, new Date(oldest));
      }
      return addToWindows(db, counts);
    },
  };
}

/** Counters in Redis, one key per window (expiring after it), all of a batch in one pipeline. */
export function redisCounts(redis: Redis, nameSpace: string, now: () => Date): SharedCounts {
  return {
    async add(counts) {
      if (counts.length === 0) return [];
      const at = now().getTime();
      const pipe = redis.pipeline();
      for (const c of counts) {
        const key = `${nameSpace}${c.key}@${c.windowStart.getTime()}`;
        pipe.incrby(key, c.by);
        // Kept a window longer than needed, timed by our clock (Redis's may differ a little).
        pipe.pexpire(key, Math.max(c.windowMs, c.windowStart.getTime() + 2 * c.windowMs - at));
      }
      const replies = (await pipe.exec()) ?? [];
      return counts.map((_count, i) => {
        const [err, total] = replies[2 * i] ?? [new Error('redis: no reply')];
        if (err) throw err;
        return Number(total);
      });
    },
  };
}

interface Entry {
  windowStart: number;
  windowMs: number;
  /** The shared total the last batch read back (this instance's flushed requests included). */
  seen: number;
  /** Requests counted here and sent in the batch under way. */
  sending: number;
  /** Requests counted here since. */
  pending: number;
}

export interface BatchedCountsOptions {
  /** How long counts wait before they are sent (default 1,000 ms). */
  flushMs: number;
  /** Send early once this many keys wait (bounds a batch and the memory between two). */
  maxPendingKeys: number;
  now: () => Date;
  onError: (error: Error) => void;
}

export class BatchedCounts {
  private readonly entries = new Map<string, Entry>();
  /** The entries with requests not sent yet (a batch reads only these). */
  private waiting = new Map<string, Entry>();
  private lastSweep = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  private early = false;

  constructor(
    private readonly shared: SharedCounts,
    private readonly options: BatchedCountsOptions,
  ) {}

  /** Counts one request under `key` in its fixed window; what the limit is judged against, and the window's time left. */
  incr(key: string, timeWindow: number): { current: number; ttl: number } {
    const now = this.options.now().getTime();
    const windowMs = Math.max(1000, timeWindow);
    const windowStart = Math.floor(now / windowMs) * windowMs;
    let e = this.entries.get(key);
    if (!e || e.windowStart !== windowStart) {
      e = { windowStart, windowMs, seen: 0, sending: 0, pending: 0 };
      this.entries.set(key, e);
    }
    if (e.pending === 0) this.waiting.set(key, e);
    e.pending++;
    if (this.waiting.size < this.options.maxPendingKeys) this.schedule();
    else if (!this.early) {
      // One early batch at a time, however many requests arrive before it starts.
      this.early = true;
      void this.flush().then(() => {
        this.early = false;
      });
    }
    return { current: e.seen + e.sending + e.pending, ttl: windowStart + windowMs - now };
  }

  private schedule() {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.options.flushMs);
    this.timer.unref();
  }

  /** Sends what waits (after a batch under way) and reads the shared totals back; never rejects. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.send());
    return this.flushing;
  }

  private async send() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.options.now().getTime();
    if (now - this.lastSweep > 10_000) {
      this.lastSweep = now;
      // Ended windows: their counts no longer matter.
      for (const [key, e] of this.entries) if (e.windowStart + e.windowMs <= now) this.entries.delete(key);
    }
    const batch: [string, Entry][] = [];
    for (const [key, e] of this.waiting) {
      if (e.windowStart + e.windowMs <= now) continue;
      e.sending = e.pending;
      e.pending = 0;
      batch.push([key, e]);
    }
    this.waiting = new Map();
    if (batch.length === 0) return;
    try {
      const totals = await this.shared.add(
        batch.map(([key, e]) => ({
          key,
          windowStart: new Date(e.windowStart),
          windowMs: e.windowMs,
          by: e.sending,
        })),
      );
      batch.forEach(([, e], i) => {
        e.seen = Math.max(e.seen + e.sending, totals[i] ?? 0);
        e.sending = 0;
      });
    } catch (error) {
      for (const [key, e] of batch) {
        if (this.entries.get(key) === e) this.waiting.set(key, e);
        e.pending += e.sending;
        e.sending = 0;
      }
      this.options.onError(error instanceof Error ? error : new Error(String(error)));
      this.schedule();
    }
  }

  /** Sends what waits and stops the timer (the app closes). */
  async close() {
    this.closed = true;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
