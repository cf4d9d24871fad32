// One query's states on a page: <Loading> while the first answer is on its way, <ErrorAlert> on failure,
// the empty state when the answer holds nothing, and otherwise the children with the data.
import type { ReactNode } from 'react';
import { type QueryLike, queryView } from '../lib/query-view.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { Loading } from './Loading.tsx';

export function QueryState<T>({
  query,
  isEmpty,
  empty,
  loadingLabel,
  errorTitle,
  waiting = false,
  children,
}: {
  query: QueryLike<T>;
  /** When the answer counts as empty (e.g. a list without items); without it, any answer is data. */
  isEmpty?: (data: T) => boolean;
  /** Shown for an empty answer (usually an <EmptyState>). */
  empty?: ReactNode;
  loadingLabel?: string;
  errorTitle?: string;
  /** Another query this one waits for is still loading (the list is disabled until it answers). */
  waiting?: boolean;
  children: (data: T) => ReactNode;
}) {
  const view = queryView(query, isEmpty);
  return (
    <>
      {(view.loading || (waiting && view.content.kind === 'none')) && (
        <Loading {...(loadingLabel ? { label: loadingLabel } : {})} />
      )}
      <ErrorAlert error={view.error} {...(errorTitle ? { title: errorTitle } : {})} />
      {view.content.kind === 'empty' && empty}
      {view.content.kind === 'data' && children(view.content.data)}
    </>
  );
}

/**
 * What a component that needs the data before it can show anything shows until it has it: <Loading>, or the
 * error if the query failed (`if (!q.data) return queryFallback(q);`).
 */
export function queryFallback(query: { error: unknown }): ReactNode {
  return query.error ? <ErrorAlert error={query.error} /> : <Loading />;
}
