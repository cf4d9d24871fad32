// Answers shared for a few seconds between the requests that ask the same thing (the matrix is refreshed by
// every open screen; a meeting room opens it at once): concurrent asks share one computation (single
// flight), a failure is never kept. In-process: each instance keeps its own, which only means each reads
// once per period.
//
// Freshness: a value is served only while its computation started less than `maxAgeMs` ago. So that asks
// do not all wait when it runs out (a read of a scope takes a while; 50 connections would queue behind it),
// an ask in the last third of a value's life starts the next computation in the background and is still
// answered with the current value; the next value replaces it when ready. Under steady asking nobody waits
// and the bound holds; after a quiet spell the first ask reads again and the others wait for that one read.
const MAX_ENTRIES = 500;
/** Share of `maxAgeMs` after which an ask starts the next computation ahead of time. */
export const REFRESH_AHEAD_AT = 2 / 3;

interface Entry<T> {
  at: number;
  value: Promise<T>;
  /** The next computation started ahead of time, and when it started. */
  next?: { at: number; value: Promise<T> };
}

export function sharedFor<T>() {
  const recent = new Map<string, Entry<T>>();
  // Computations that have finished (one still running is not started again ahead of time).
  const done = new WeakSet<Promise<T>>();
  const start = (key: string, make: () => Promise<T>): Promise<T> => {
    const value = make();
    value.then(
      () => done.add(value),
      () => {
        const e = recent.get(key);
        if (e?.value === value) recent.delete(key);
        else if (e?.next?.value === value) delete e.next;
      },
    );
    return value;
  };
  return (key: string, maxAgeMs: number, make: () => Promise<T>): Promise<T> => {
    if (maxAgeMs <= 0) return make();
    const now = performance.now();
    const hit = recent.get(key);
    if (hit && now - hit.at < maxAgeMs) {
      if (done.has(hit.value) && !hit.next && now - hit.at >= maxAgeMs * REFRESH_AHEAD_AT) {
        const next = { at: now, value: start(key, make) };
        hit.next = next;
        // Ready: it becomes the value (unless the entry was replaced meanwhile).
        next.value.then(
          () => {
            if (recent.get(key) === hit) recent.set(key, { at: next.at, value: next.value });
          },
          () => undefined,
        );
      }
      return hit.value;
    }
    // Expired: a computation started ahead of time is fresh enough if it started less than maxAgeMs ago.
    if (hit?.next && now - hit.next.at < maxAgeMs) {
      const entry: Entry<T> = { at: hit.next.at, value: hit.next.value };
      recent.set(key, entry);
      return entry.value;
    }
    // Out-of-date entries go when a read is due anyway (values made from them, kept beside them, with them).
    for (const [k, v] of recent)
      if (now - v.at >= maxAgeMs && !(v.next && now - v.next.at < maxAgeMs)) recent.delete(k);
    // Still full: the oldest entries go (a Map keeps insertion order).
    let excess = recent.size - MAX_ENTRIES + 1;
    for (const k of recent.keys()) {
      if (excess-- <= 0) break;
      recent.delete(k);
    }
    const value = start(key, make);
    recent.set(key, { at: now, value });
    return value;
  };
}
