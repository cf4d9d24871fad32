// The matrix's address: the filters it reads from the search parameters, and the roll-up's drill-down into
// it (a group → the matrix filtered to that group). Pure, so the link and the reading are tested together
// (matrix-address.test.ts).
import type { MatrixParams, RollupBy } from '../../api/monitoring.ts';

/** The matrix's filters and sort in the address; absent or empty parameters are not set. */
export function matrixFiltersOf(params: URLSearchParams): Omit<MatrixParams, 'page' | 'pageSize'> {
  const opt = (name: string) => params.get(name) || undefined;
  return {
    province: opt('province'),
    ministry: opt('ministry'),
    type: opt('type'),
    stage: opt('stage'),
    state: opt('state'),
    behind: opt('behind'),
    q: opt('q'),
    sort: opt('sort'),
    dir: opt('dir'),
  };
}

/** The matrix filter each roll-up grouping drills down to. */
const DRILL_FILTER: Record<RollupBy, 'ministry' | 'type' | 'province'> = {
  ministry: 'ministry',
  type: 'type',
  province: 'province',
};

/** The year's matrix (its tab: no `view`) filtered to one group of the roll-up. */
export function drillDownHref(year: number, by: RollupBy, key: string): string {
  return `/monitoring/${year}?${new URLSearchParams({ [DRILL_FILTER[by]]: key })}`;
}
