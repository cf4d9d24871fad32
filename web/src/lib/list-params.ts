// A list's filters and page kept in the address (?q=…&province=…&page=2), so that a filtered page can be
// shared, bookmarked and reloaded, and Back returns to it. The rules are pure (list-params.test.ts); the hook
// binds them to react-router's search parameters.
import { useSearchParams } from 'react-router';

/** Parameter values to set; an empty string removes the parameter. */
export type ParamChanges = Readonly<Record<string, string>>;

/**
 * The next search parameters: each change set or removed; any change other than the page itself goes back
 * to the first page (the old page may not exist under the new filters).
 */
export function withChanges(params: URLSearchParams, changes: ParamChanges): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of Object.entries(changes)) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}

/** The page asked for in the address: a whole number from 1, anything else is page 1. */
export function pageOf(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** How many pages `total` rows make (at least one, so "page 1 of 1" reads right when nothing is found). */
export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function useListParams() {
  const [params, setParams] = useSearchParams();
  return {
    params,
    /** A parameter's value, '' when absent. */
    get: (name: string) => params.get(name) ?? '',
    page: pageOf(params),
    /** Replaces the address (filters are not separate steps of Back). */
    update: (changes: ParamChanges) => setParams(withChanges(params, changes), { replace: true }),
    setPage: (page: number) => setParams(withChanges(params, { page: String(page) }), { replace: true }),
    clear: () => setParams({}, { replace: true }),
  };
}
