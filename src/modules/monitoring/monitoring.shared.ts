// Answers shared for a few seconds between the requests that ask the same thing (the matrix is refreshed by
// every open screen; a meeting room opens it at once): concurrent asks share one computation, a failure is
// never kept. In-process: each instance keeps its own, which only means each reads once per period.
const MAX_ENTRIES = 500;

export function sharedFor<T>() {
  const recent = new Map<string, { at: number; value: Promise<T> }>();
  return (key: string, maxAgeMs: number, make: () => Promise<T>): Promise<T> => {
    if (maxAgeMs <= 0) return make();
    const now = performance.now();
    const hit = recent.get(key);
    if (hit && now - hit.at < maxAgeMs) return hit.value;
    if (recent.size >= MAX_ENTRIES)
      for (const [k, v] of recent) if (now - v.at >= maxAgeMs || recent.size >= MAX_ENTRIES) recent.delete(k);
    const value = make();
    recent.set(key, { at: now, value });
    value.catch(() => {
      if (recent.get(key)?.value === value) recent.delete(key);
    });
    return value;
  };
}
