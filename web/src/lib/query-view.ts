// What a view of one query shows: a loading line while the first answer is on its way, the error (kept beside
// data already shown when only a reload failed), and then either the empty state or the data. Pure, so that
// the rule is tested once (query-view.test.ts) for every page using <QueryState>.

export interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  /** TanStack Query's isLoading: no data yet and a fetch running (false for a query that is disabled). */
  isLoading: boolean;
}

export type QueryContent<T> = { kind: 'none' } | { kind: 'empty'; data: T } | { kind: 'data'; data: T };

export interface QueryView<T> {
  loading: boolean;
  error: unknown;
  content: QueryContent<T>;
}

export function queryView<T>(query: QueryLike<T>, isEmpty?: (data: T) => boolean): QueryView<T> {
  const { data } = query;
  const content: QueryContent<T> =
    data === undefined
      ? { kind: 'none' }
      : isEmpty?.(data)
        ? { kind: 'empty', data }
        : { kind: 'data', data };
  return { loading: query.isLoading, error: query.error ?? null, content };
}
