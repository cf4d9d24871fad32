// What the public routes build from a publication, built once and kept in memory (issue 11 §5): the national
// overview, the search index, the agency pages and the open-data files of ~8,300 agencies. Published figures
// never change, so an entry is keyed by what it was built from — the publication in effect (its id, which a
// correction changes) and, where the answer shows it, the audit checkpoint — and a route only ever asks for the
// key of the publication it has just found in effect: an embargoed, cancelled or superseded publication has
// no key any request asks for, whatever is still held. Entries also expire after `ttlMs` (agency names and
// provinces are read with the figures and may be corrected), the least recently used go first beyond
// `maxEntries` or `maxBytes`, concurrent first requests share one build, and a failed build is not kept.

export interface MemoOptions {
  maxEntries: number;
  /** Budget for entries that report their size (the open-data files). */
  maxBytes: number;
  ttlMs: number;
  /** Monotonic milliseconds (injectable for tests). */
  clock?: () => number;
}

interface Entry {
  value: Promise<unknown>;
  bytes: number;
  at: number;
}

export interface Memo {
  /** The value of `key`, built by `build` when absent or expired; `size` tells its bytes once built. */
  get<T>(key: string, build: () => Promise<T>, size?: (value: T) => number): Promise<T>;
  /** The keys held now (tests: what is cached). */
  keys(): string[];
  clear(): void;
}

export const DEFAULT_MEMO_OPTIONS: MemoOptions = {
  maxEntries: 4_000,
  maxBytes: 256 * 1024 * 1024,
  ttlMs: 10 * 60_000,
};

export function createMemo(options: Partial<MemoOptions> = {}): Memo {
  const o = { ...DEFAULT_MEMO_OPTIONS, ...options };
  const clock = o.clock ?? (() => performance.now());
  const entries = new Map<string, Entry>();
  let bytes = 0;

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    bytes -= e.bytes;
    entries.delete(key);
  };
  const trim = () => {
    // A Map iterates in insertion order, and a read re-inserts: the first key is the least recently used.
    for (const key of entries.keys()) {
      if (entries.size <= o.maxEntries && bytes <= o.maxBytes) break;
      drop(key);
    }
  };

  return {
    get<T>(key: string, build: () => Promise<T>, size?: (value: T) => number): Promise<T> {
      const now = clock();
      const held = entries.get(key);
      if (held && now - held.at < o.ttlMs) {
        entries.delete(key);
        entries.set(key, held);
        return held.value as Promise<T>;
      }
      if (held) drop(key);
      const entry: Entry = { value: Promise.resolve(), bytes: 0, at: now };
      const value = build().then(
        (v) => {
          if (size && entries.get(key) === entry) {
            entry.bytes = size(v);
            bytes += entry.bytes;
            trim();
          }
          return v;
        },
        (err: unknown) => {
          if (entries.get(key) === entry) drop(key);
          throw err;
        },
      );
      entry.value = value;
      entries.set(key, entry);
      trim();
      return value;
    },
    keys: () => [...entries.keys()],
    clear() {
      entries.clear();
      bytes = 0;
    },
  };
}
