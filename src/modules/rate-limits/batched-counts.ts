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
// - a client's count is shared only once it reaches a tenth of the limit on one instance (`shareFrom`): the
//   many visitors who read a few pages cost no row in the store. A client spreading its requests over N
//   instances is therefore held near max + N × max/10 (plus one batch), and never above N × max.
// In this process the counts are keyed by the client's address, and a window's counts are dropped when it
// ends (`forgetWhenOver`, whether or not another request comes); what reaches the shared store is the keyed
// hash (`sharedKey`), never the address.
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

export interface BatchedCountsOptions {
  /** How long counts wait before they are sent (default 1,000 ms). */
  flushMs: number;
  /** Send early once this many keys wait (bounds a batch and the memory between two). */
  maxPendingKeys: number;
  now: () => Date;
  onError: (error: Error) => void;
  /**
   * From which request of a window a client's count is shared, given the route's limit (default: a tenth of
   * it, at least 1). Below it the count stays here: most visitors make a few requests and never come near the
   * limit, and sharing their counts (one row each in the store) cost more than the rest of their requests.
   */
  shareFrom: (max: number) => number;
  /** What a key is called outside this process (the shared store): a keyed hash of the address. */
  sharedKey: (key: string) => string;
}

export const shareFromTenth = (max: number) => Math.max(1, Math.ceil(max / 10));

/** One route's counts in its current window: the key's count here, and what is not sent yet. */
interface Window {
  start: number;
  ms: number;
  /** What the limit is judged against: the shared total the last batch read back plus this instance's requests since (or, for a key not shared yet, this instance's requests). */
  known: Map<string, number>;
  /** Requests of shared keys counted here and not sent yet. */
  pending: Map<string, number>;
}

/** The counts of one route (one `prefix` in the shared store). */
export class RouteCounts {
  /** @internal the current window (a new one replaces it when the clock passes its end). */
  window: Window = { start: -1, ms: 0, known: new Map(), pending: new Map() };

  constructor(
    readonly prefix: string,
    private readonly owner: BatchedCounts,
  ) {}

  /**
   * Counts one request of `key` in its fixed window of `timeWindow` ms under a limit of `max`; what the limit
   * is judged against, and the window's time left.
   */
  incr(key: string, timeWindow: number, max: number): { current: number; ttl: number } {
    const now = this.owner.nowMs();
    const windowMs = Math.max(1000, timeWindow);
    const start = now - (now % windowMs);
    let w = this.window;
    if (w.start !== start || w.ms !== windowMs) {
      // The window ended: its counts, sent or not, no longer matter.
      w = { start, ms: windowMs, known: new Map(), pending: new Map() };
      this.window = w;
      this.owner.forgetWhenOver(this, w, now);
    }
    const current = (w.known.get(key) ?? 0) + 1;
    w.known.set(key, current);
    // Before its threshold only this instance knows a key's count (nothing was read back for it), so
    // `current` is this instance's own count: at the threshold all of it is sent, then each request.
    const from = this.owner.shareFrom(max);
    if (current >= from) {
      const waiting = w.pending.get(key);
      if (waiting === undefined) this.owner.keyWaits();
      w.pending.set(key, (waiting ?? 0) + (current === from ? current : 1));
    }
    return { current, ttl: start + windowMs - now };
  }
}

export class BatchedCounts {
  private readonly routes = new Map<string, RouteCounts>();
  private waitingKeys = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;
  private early = false;
  private readonly options: BatchedCountsOptions;

  constructor(
    private readonly shared: SharedCounts,
    options: Omit<BatchedCountsOptions, 'shareFrom' | 'sharedKey'> & Partial<BatchedCountsOptions>,
  ) {
    this.options = { shareFrom: shareFromTenth, sharedKey: (key) => key, ...options };
  }

  /** The counts of the route counted under `prefix` (one object per prefix). */
  route(prefix: string): RouteCounts {
    let r = this.routes.get(prefix);
    if (!r) {
      r = new RouteCounts(prefix, this);
      this.routes.set(prefix, r);
    }
    return r;
  }

  /** @internal */
  nowMs(): number {
    return this.options.now().getTime();
  }

  /** @internal */
  shareFrom(max: number): number {
    return this.options.shareFrom(max);
  }

  /**
   * @internal Drops a route's window once it is over, even if no request comes after it: the addresses it
   * counts stay in memory no longer than their window.
   */
  forgetWhenOver(route: RouteCounts, w: Window, now: number): void {
    const timer = setTimeout(
      () => {
        if (route.window === w) route.window = { start: -1, ms: 0, known: new Map(), pending: new Map() };
      },
      Math.max(0, w.start + w.ms - now) + 1,
    );
    timer.unref();
  }

  /** @internal a key started waiting to be sent. */
  keyWaits(): void {
    this.waitingKeys++;
    if (this.waitingKeys < this.options.maxPendingKeys) this.schedule();
    else if (!this.early) {
      // One early batch at a time, however many requests arrive before it starts.
      this.early = true;
      void this.flush().then(() => {
        this.early = false;
      });
    }
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
    const now = this.nowMs();
    const batch: { route: RouteCounts; w: Window; sending: Map<string, number> }[] = [];
    for (const route of this.routes.values()) {
      const w = route.window;
      if (w.pending.size === 0) continue;
      const sending = w.pending;
      w.pending = new Map();
      // An ended window's counts no longer matter.
      if (w.start + w.ms > now) batch.push({ route, w, sending });
    }
    this.waitingKeys = 0;
    if (batch.length === 0) return;
    const counts: WindowCount[] = [];
    for (const { route, w, sending } of batch)
      for (const [key, by] of sending)
        counts.push({
          key: `${route.prefix}${this.options.sharedKey(key)}`,
          windowStart: new Date(w.start),
          windowMs: w.ms,
          by,
        });
    try {
      const totals = await this.shared.add(counts);
      let i = 0;
      for (const { w, sending } of batch)
        for (const key of sending.keys()) {
          const total = (totals[i++] ?? 0) + (w.pending.get(key) ?? 0);
          if (total > (w.known.get(key) ?? 0)) w.known.set(key, total);
        }
    } catch (error) {
      // Kept for the next batch (the window's own, while it lasts).
      for (const { route, w, sending } of batch) {
        if (route.window !== w) continue;
        for (const [key, by] of sending) {
          const waiting = w.pending.get(key);
          if (waiting === undefined) this.waitingKeys++;
          w.pending.set(key, (waiting ?? 0) + by);
        }
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
