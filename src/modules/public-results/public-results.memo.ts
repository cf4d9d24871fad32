// What the public routes build from a publication, built once and kept in memory (issue 11 §5): the national
// overview, the search index, the agency pages and the open-data files of ~8,300 agencies. Published figures
// never change, so an entry is keyed by what it was built from — the publication in effect (its id, which a
// correction changes) and, where the answer shows it, the audit checkpoint — and a route only ever asks for the
// key of the publication it has just found in effect: an embargoed, cancelled or superseded publication has
// no key any request asks for, whatever is still held. Entries also expire once older than `ttlMs` (agency names and
// provinces are read with the figures and may be corrected), the least recently used go first beyond
// `maxEntries` or `maxBytes` (lru-cache), concurrent first requests share one build, and a failed build is not
// kept.

import { LRUCache } from 'lru-cache';

export interface MemoOptions {
  maxEntries: number;
  /** Budget for entries that report their size (the open-data files). */
  maxBytes: number;
  ttlMs: number;
  /** Monotonic milliseconds (injectable for tests). */
  clock?: () => number;
}

export interface Memo {
  /** The value of `key`, built by `build` when absent or expired; `size` tells its bytes once built. */
  get<T>(key: string, build: () => Promise<T>, size?: (value: T) => number): Promise<T>;
  /** The value of `key` when it is held and built (a use, as `get`); else undefined (nothing is built). */
  peek<T>(key: string): { value: T } | undefined;
  /** The keys held now, least recently used first (tests: what is cached). */
  keys(): string[];
  clear(): void;
}

export const DEFAULT_MEMO_OPTIONS: MemoOptions = {
  maxEntries: 20_000,
  maxBytes: 256 * 1024 * 1024,
  ttlMs: 10 * 60_000,
};

/** An entry's promise, and its value once built (read without waiting: `peek`). */
interface Entry {
  value: Promise<unknown>;
  built?: { value: unknown };
}

export function createMemo(options: Partial<MemoOptions> = {}): Memo {
  const o = { ...DEFAULT_MEMO_OPTIONS, ...options };
  const clock = o.clock ?? (() => performance.now());
  const entries = new LRUCache<string, Entry>({
    max: o.maxEntries,
    maxSize: o.maxBytes,
    ttl: o.ttlMs,
    // Exact expiry against the injected clock (no cached "now"), checked when read.
    ttlResolution: 0,
    perf: { now: clock },
    updateAgeOnGet: false,
  });
  return {
    get<T>(key: string, build: () => Promise<T>, size?: (value: T) => number): Promise<T> {
      const held = entries.get(key);
      if (held) return held.value as Promise<T>;
      const entry: Entry = { value: Promise.resolve() };
      entry.value = build().then(
        (v) => {
          entry.built = { value: v };
          // Weighed once built; the entry keeps its start time (it expires ttl after its build began).
          if (size && entries.peek(key) === entry)
            entries.set(key, entry, { size: Math.max(1, size(v)), noUpdateTTL: true });
          return v;
        },
        (err: unknown) => {
          if (entries.peek(key) === entry) entries.delete(key);
          throw err;
        },
      );
      entries.set(key, entry, { size: 1 });
      return entry.value as Promise<T>;
    },
    peek<T>(key: string) {
      return entries.get(key)?.built as { value: T } | undefined;
    },
    keys: () => [...entries.rkeys()],
    clear: () => entries.clear(),
  };
}
